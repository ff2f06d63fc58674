import { useT } from './hooks.ts';

/** Placeholder: being built. */
export function SyscallLog() {
  const t = useT();
  return <section className="panel" aria-label={t('app.panel.stage')}><h2>SyscallLog</h2></section>;
}
