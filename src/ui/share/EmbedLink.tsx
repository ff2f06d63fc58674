/** In an iframe (embed=1): a small link that opens this very moment in the full site, in a new tab. */
import { useLab, useT } from '../hooks.ts';
import { hashOf } from '../url-sync.ts';

export function EmbedLink() {
  const t = useT();
  // The address the full site would show (a scenario that is not shipped travels with it).
  const hash = useLab((s) => hashOf({ ...s, embed: false }));
  const href = `${window.location.pathname}${window.location.search}${hash}`;
  return <a className="embed-open" href={href} target="_blank" rel="noopener">{t('embed.open')}</a>;
}
