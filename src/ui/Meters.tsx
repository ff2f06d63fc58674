import { useT } from './hooks.ts';

/** Placeholder: being built. */
export function Meters() {
  const t = useT();
  return <section className="panel" aria-label={t('app.panel.stage')}><h2>Meters</h2></section>;
}
