/**
 * Text is text: which characters a scenario's words may not hold, and how a character is named
 * in a message ("U+202E"). Used by the validator (format.ts) and by the CLI, which escapes any
 * control character it prints. Pure, no imports.
 */

/** `U+001B`, `U+202E`, `U+1F600`: a code point as Unicode names it. */
export function codePointName(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** C0 (U+0000–U+001F), DEL (U+007F) and C1 (U+0080–U+009F): a terminal may act on them. */
export function isControl(cp: number): boolean {
  return cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f);
}

/** Bidirectional embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069): they reorder the text around them. */
export function isBidiControl(cp: number): boolean {
  return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

export type BadCharacter = {
  kind: 'control' | 'bidi' | 'surrogate';
  codePoint: number;
  /** 1-based, in UTF-16 code units as JavaScript counts them */ at: number;
};

/**
 * The first character of `text` that plain text may not hold: a lone surrogate (not Unicode at
 * all: it cannot be written as UTF-8), a control character (except those in `allowed`), or a
 * bidirectional control. Null when the text is plain.
 */
export function badCharacter(text: string, allowed: readonly string[] = []): BadCharacter | null {
  // Fast path: most text has none of these.
  // eslint-disable-next-line no-control-regex
  if (!/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/.test(text)) return null;
  for (let i = 0; i < text.length; i++) {
    const surrogate = surrogateAt(text, i);
    if (surrogate === 'pair') {
      i++;
      continue;
    }
    if (surrogate) return surrogate;
    const cu = text.charCodeAt(i);
    if (isControl(cu) && !allowed.includes(text[i]!)) return { kind: 'control', codePoint: cu, at: i + 1 };
    if (isBidiControl(cu)) return { kind: 'bidi', codePoint: cu, at: i + 1 };
  }
  return null;
}

/** The first lone surrogate in `text` (control characters are fine here: data is bytes). */
export function loneSurrogate(text: string): BadCharacter | null {
  if (!/[\ud800-\udfff]/.test(text)) return null;
  for (let i = 0; i < text.length; i++) {
    const surrogate = surrogateAt(text, i);
    if (surrogate === 'pair') i++;
    else if (surrogate) return surrogate;
  }
  return null;
}

/** At index i: a lone surrogate (reported), the first half of a pair ('pair'), or neither. */
function surrogateAt(text: string, i: number): BadCharacter | 'pair' | null {
  const cu = text.charCodeAt(i);
  if (cu >= 0xd800 && cu <= 0xdbff) {
    const next = text.charCodeAt(i + 1);
    return next >= 0xdc00 && next <= 0xdfff ? 'pair' : { kind: 'surrogate', codePoint: cu, at: i + 1 };
  }
  return cu >= 0xdc00 && cu <= 0xdfff ? { kind: 'surrogate', codePoint: cu, at: i + 1 } : null;
}

/** The validator's message for a character plain text may not hold (its field is the problem's path). */
export function badCharacterMessage(bad: BadCharacter): string {
  const name = codePointName(bad.codePoint);
  switch (bad.kind) {
    case 'control':
      return `contains the control character ${name} (character ${bad.at}); it must be plain text`;
    case 'bidi':
      return `contains the bidirectional control ${name} (character ${bad.at}), which reorders the text around it; it must be plain text`;
    case 'surrogate':
      return `contains a lone surrogate ${name} (character ${bad.at}), which is not Unicode text and cannot be sent as UTF-8`;
  }
}

/**
 * `text` with every control character (C0 but the newline, DEL, C1) and bidirectional control
 * written as an escape (`\x1b`, `\u202e`), and lone surrogates as `\ud800`: safe to print on a
 * terminal, which could otherwise act on them (clear the screen, set the window's title, make a
 * link) or show the line reversed.
 */
export function escapeControls(text: string, keep: readonly string[] = ['\n']): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    (c) => {
      if (keep.includes(c)) return c;
      const cu = c.charCodeAt(0);
      return cu <= 0xff ? `\\x${cu.toString(16).padStart(2, '0')}` : `\\u${cu.toString(16).padStart(4, '0')}`;
    },
  );
}
