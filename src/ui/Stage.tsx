import { useT } from './hooks.ts';

/** Placeholder: being built. */
export function Stage() {
  const t = useT();
  return <section className="panel" aria-label={t('app.panel.stage')}><h2>Stage</h2></section>;
}
