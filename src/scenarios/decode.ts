/**
 * The one way a scenario file's bytes become text, for the page (src/ui/share/import.ts) and the
 * CLI (src/cli/sim.ts) alike: UTF-8 with or without a byte-order mark, or UTF-16 (little- or
 * big-endian) with one. Invalid UTF-8 is refused with the byte offset where it goes wrong, never
 * turned into U+FFFD. Pure and synchronous; never throws.
 */
import { parseScenario, type Problem, type Validation } from './format.ts';

export type Decoded =
  { ok: true; text: string; encoding: 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' } | { ok: false; problem: Problem };

const hex = (b: number): string => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

/** The offset of the first byte of the first invalid UTF-8 sequence (WHATWG's rules: no overlongs, surrogates or code points past U+10FFFF), or -1. */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

function decodeUtf16(bytes: Uint8Array, little: boolean): Decoded {
  const encoding = little ? 'UTF-16LE' : 'UTF-16BE';
  if (bytes.length % 2 === 1)
    return {
      ok: false,
      problem: {
        path: '(file)',
        message: `is not valid ${encoding}: it has an odd number of bytes (${bytes.length})`,
      },
    };
  const units = new Uint16Array(bytes.length / 2 - 1);
  for (let i = 2, u = 0; i < bytes.length; i += 2, u++)
    units[u] = little ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!;
  for (let u = 0; u < units.length; u++) {
    const cu = units[u]!;
    if (cu >= 0xd800 && cu <= 0xdbff && (units[u + 1] ?? 0) >= 0xdc00 && (units[u + 1] ?? 0) <= 0xdfff) {
      u++;
      continue;
    }
    if (cu >= 0xd800 && cu <= 0xdfff) {
      return {
        ok: false,
        problem: {
          path: '(file)',
          message: `is not valid ${encoding}: a lone surrogate 0x${cu.toString(16).toUpperCase()} at byte offset ${2 + 2 * u}`,
        },
      };
    }
  }
  let text = '';
  for (let i = 0; i < units.length; i += 0x8000)
    text += String.fromCharCode(...units.subarray(i, i + 0x8000));
  return { ok: true, text, encoding };
}

/** A file's bytes as text, or the problem that says why they are not. */
export function decodeScenarioBytes(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, true);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, false);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  // UTF-16 with no byte-order mark decodes as "valid" UTF-8 full of NULs: say what it is instead.
  if (!bom && body.length >= 2 && (body[0] === 0) !== (body[1] === 0)) {
    return {
      ok: false,
      problem: {
        path: '(file)',
        message: 'looks like UTF-16 without a byte-order mark: save it as UTF-8 (or as UTF-16 with a BOM)',
      },
    };
  }
  try {
    return {
      ok: true,
      text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body),
      encoding: 'UTF-8',
    };
  } catch {
    const at = invalidUtf8Offset(body);
    const offset = (bom ? 3 : 0) + Math.max(at, 0);
    return {
      ok: false,
      problem: {
        path: '(file)',
        message: `is not valid UTF-8: byte ${hex(bytes[offset] ?? 0)} at byte offset ${offset}`,
      },
    };
  }
}

/** Decodes, parses and validates a scenario file: what the CLI and the page's file bar both call. */
export function parseScenarioBytes(bytes: Uint8Array): Validation {
  const d = decodeScenarioBytes(bytes);
  if (!d.ok) return { ok: false, problems: [d.problem] };
  return parseScenario(d.text);
}
