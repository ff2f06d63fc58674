import { useT } from './hooks.ts';

/** Placeholder: being built. */
export function Narration() {
  const t = useT();
  return <section className="panel" aria-label={t('app.panel.stage')}><h2>Narration</h2></section>;
}
