/**
 * In an iframe (embed=1): a small link that opens this very moment in the full site, in a new tab:
 * the same hash as the frame's own address (a custom scenario's `s=`, the student's `add=`, the
 * seed and the step), without `embed`.
 */
import { useLab, useT } from '../hooks.ts';
import { hashOf } from '../url-sync.ts';

export function EmbedLink() {
  const t = useT();
  const hash = useLab((s) => hashOf({ ...s, embed: false }));
  const href = `${window.location.pathname}${window.location.search}${hash}`;
  return (
    <a className="embed-open" href={href} target="_blank" rel="noopener">
      {t('embed.open')}
    </a>
  );
}
