import type { ReactNode } from 'react';

/** Text with `code spans` (the narration's convention) as <code> elements. */
export function RichText({ text }: { text: string }): ReactNode {
  const parts = text.split('`');
  return parts.map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}
