/**
 * The language marks of a Python listing, the same in the code panel, the clients' listing and the
 * handout: the code is English and never translated (`lang="en" translate="no"` on the block); a
 * comment is prose, so a page translator may translate it, and a Chinese one is read out as Chinese.
 */
import type { ReactNode } from 'react';
import { tokenizePython } from './python-tokens.ts';

/** On the element holding the code. */
export const CODE_LANG = { lang: 'en', translate: 'no' } as const;

const CJK = /[\u3400-\u9fff]/;

/** On a comment's element. */
export function commentLang(text: string): { lang?: string; translate: 'yes' } {
  return CJK.test(text) ? { lang: 'zh', translate: 'yes' } : { translate: 'yes' };
}

/** One line, uncoloured: its code as text, its comment (if any) in a span with its language. */
export function ListingLine({ text }: { text: string }): ReactNode {
  const tokens = tokenizePython(text);
  const at = tokens.findIndex((tk) => tk.kind === 'com');
  if (at < 0) return text;
  const code = tokens
    .slice(0, at)
    .map((tk) => tk.text)
    .join('');
  const comment = tokens
    .slice(at)
    .map((tk) => tk.text)
    .join('');
  return (
    <>
      {code}
      <span {...commentLang(comment)}>{comment}</span>
    </>
  );
}
