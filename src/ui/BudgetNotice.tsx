/** A run the page's work budget stopped (src/scenarios/budget.ts): which budget, and how to raise it. */
import { useRun, useT } from './hooks.ts';

export function BudgetNotice() {
  const t = useT();
  const { run } = useRun();
  const stop = run.budgetStop;
  if (!stop || (stop.budget !== 'fds' && stop.budget !== 'traceBytes')) return null;
  const mb = (n: number) => Math.round(n / 2 ** 20);
  const params =
    stop.budget === 'fds'
      ? { ms: (run.endNs / 1e6).toFixed(1), used: stop.used, limit: stop.limit }
      : { ms: (run.endNs / 1e6).toFixed(1), used: mb(stop.used), limit: mb(stop.limit) };
  return (
    <div className="notices" role="status">
      <div className="notice" data-testid="budget-notice">
        <span>{t(`app.budget.${stop.budget}`, params)}</span>
      </div>
    </div>
  );
}
