/**
 * Bytes are kept as "byte strings": JS strings whose char codes are 0..255, one per byte. They
 * slice and concatenate cheaply and compare exactly, which is all a socket buffer needs.
 */
export type Bytes = string;

export function encodeUtf8(text: string): Bytes {
  let out = '';
  for (const ch of text) {
    let cp = ch.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd; // a lone surrogate becomes U+FFFD, as Python's 'replace' does
    if (cp < 0x80) out += String.fromCharCode(cp);
    else if (cp < 0x800) out += String.fromCharCode(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000)
      out += String.fromCharCode(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else
      out += String.fromCharCode(
        0xf0 | (cp >> 18),
        0x80 | ((cp >> 12) & 63),
        0x80 | ((cp >> 6) & 63),
        0x80 | (cp & 63),
      );
  }
  return out;
}

/** Decodes UTF-8, replacing invalid sequences with U+FFFD (like bytes.decode(errors='replace')). */
export function decodeUtf8(bytes: Bytes): string {
  let out = '';
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b0 = bytes.charCodeAt(i);
    if (b0 < 0x80) {
      out += String.fromCharCode(b0);
      i++;
      continue;
    }
    const len = b0 >= 0xf0 && b0 < 0xf8 ? 4 : b0 >= 0xe0 ? 3 : b0 >= 0xc2 && b0 < 0xe0 ? 2 : 0;
    if (len === 0 || i + len > n) {
      out += '\ufffd';
      i++;
      continue;
    }
    let cp = b0 & (len === 2 ? 0x1f : len === 3 ? 0x0f : 0x07);
    let ok = true;
    for (let k = 1; k < len; k++) {
      const b = bytes.charCodeAt(i + k);
      if ((b & 0xc0) !== 0x80) {
        ok = false;
        break;
      }
      cp = (cp << 6) | (b & 63);
    }
    const min = len === 2 ? 0x80 : len === 3 ? 0x800 : 0x10000;
    if (!ok || cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      out += '\ufffd';
      i++;
      continue;
    }
    out += String.fromCodePoint(cp);
    i += len;
  }
  return out;
}

/** Python's bytes.upper(): only ASCII a-z change. */
export function upperBytes(bytes: Bytes): Bytes {
  return bytes.replace(/[a-z]+/g, (s) => s.toUpperCase());
}

const STRACE_ESCAPES: Record<number, string> = {
  9: '\\t',
  10: '\\n',
  13: '\\r',
  11: '\\v',
  12: '\\f',
  34: '\\"',
  92: '\\\\',
};

/** A buffer as strace prints it: quoted, escaped, cut at `max` bytes (strace's default -s 32) with "...". */
export function straceString(bytes: Bytes, max = 32): string {
  let out = '"';
  const shown = Math.min(bytes.length, max);
  for (let i = 0; i < shown; i++) {
    const c = bytes.charCodeAt(i);
    const esc = STRACE_ESCAPES[c];
    if (esc) out += esc;
    else if (c >= 32 && c < 127) out += String.fromCharCode(c);
    else {
      // strace prints octal, using the short form unless the next byte is a digit
      const next = i + 1 < shown ? bytes.charCodeAt(i + 1) : -1;
      const short = !(next >= 48 && next <= 57);
      out += '\\' + (short ? c.toString(8) : c.toString(8).padStart(3, '0'));
    }
  }
  out += '"';
  if (bytes.length > max) out += '...';
  return out;
}
