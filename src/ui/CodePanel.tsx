import { useT } from './hooks.ts';

/** Placeholder: being built. */
export function CodePanel() {
  const t = useT();
  return <section className="panel" aria-label={t('app.panel.stage')}><h2>CodePanel</h2></section>;
}
