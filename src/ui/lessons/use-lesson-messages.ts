import { useEffect, useState } from 'react';
import { ensureMessages, messagesReady, type Lang } from '../../i18n/index.ts';

/** Loads page message files (a lesson's own words) in `lang`: true when ready, 'failed' when the download failed. */
export function useMessages(lang: Lang, files: readonly string[]): boolean | 'failed' {
  const key = `${lang}:${files.join(',')}`;
  const ready = messagesReady(lang, files);
  const [state, setState] = useState<{ key: string; ready: boolean | 'failed' }>({ key: '', ready: false });
  useEffect(() => {
    if (ready) return;
    let live = true;
    ensureMessages(lang, files).then(() => { if (live) setState({ key, ready: true }); }, () => { if (live) setState({ key, ready: 'failed' }); });
    return () => { live = false; };
    // `key` stands for lang and files
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, ready]);
  return ready || (state.key === key ? state.ready : false);
}
