/** In an iframe (embed=1): a small link that opens this very moment in the full site, in a new tab. */
import { useLab, useT } from '../hooks.ts';
import { formatHash } from '../../store/url.ts';

export function EmbedLink() {
  const t = useT();
  const hash = useLab((s) => formatHash({
    page: s.page, arg: s.pageArg, params: s.pageParams, embed: false,
    scenarioId: s.scenario.id, seed: s.page !== 'lab' || s.seed === s.scenario.seed ? null : s.seed, step: s.step, lang: s.lang,
  }));
  const href = `${window.location.pathname}${window.location.search}${hash}`;
  return <a className="embed-open" href={href} target="_blank" rel="noopener">{t('embed.open')}</a>;
}
