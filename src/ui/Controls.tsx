import { useT } from './hooks.ts';

/** Placeholder: being built. */
export function Controls() {
  const t = useT();
  return <section className="panel" aria-label={t('app.panel.stage')}><h2>Controls</h2></section>;
}
