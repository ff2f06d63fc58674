/**
 * The same scenario file in every encoding a teacher's editor may save, and broken files, for the
 * tests of the page's file bar (src/ui/share/import.test.ts) and the CLI (src/cli/sim.test.ts):
 * both must read each one the same way.
 */
const scenario = {
  format: 'iolab/scenario@1',
  id: 'enc',
  title: { en: 'Encodings ✓ 𝄞', zh: '编码' },
  seed: 1,
  model: 'select',
  clients: [
    {
      name: 'ann',
      actions: [
        { at: 0, do: 'connect' },
        { at: 5, do: 'send', data: 'héllo' },
        { at: 50, do: 'close' },
      ],
    },
  ],
};
export const ENCODED_JSON = JSON.stringify(scenario, null, 2);

/** `text` as UTF-16 with its byte-order mark, little- or big-endian. */
export function utf16(text: string, little: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(little ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const cu = text.charCodeAt(i);
    out[2 + 2 * i] = little ? cu & 0xff : cu >> 8;
    out[3 + 2 * i] = little ? cu >> 8 : cu & 0xff;
  }
  return out;
}
const utf8 = new TextEncoder().encode(ENCODED_JSON);
const badAt = ENCODED_JSON.indexOf('héllo');
const bad = new Uint8Array([...utf8.subarray(0, badAt), 0xff, ...utf8.subarray(badAt)]);

/** Files that open, and their encoding. */
export const GOOD_FILES: { name: string; bytes: Uint8Array }[] = [
  { name: 'utf8.json', bytes: utf8 },
  { name: 'utf8-bom.json', bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]) },
  { name: 'utf16le.json', bytes: utf16(ENCODED_JSON, true) },
  { name: 'utf16be.json', bytes: utf16(ENCODED_JSON, false) },
];

/** Files refused, and the problem each must give (field and message). */
export const BAD_FILES: { name: string; bytes: Uint8Array; path: string; message: RegExp }[] = [
  {
    name: 'invalid-utf8.json',
    bytes: bad,
    path: '(file)',
    message: new RegExp(`^is not valid UTF-8: byte 0xFF at byte offset ${badAt}$`),
  },
  {
    name: 'lone-surrogate.json',
    bytes: new TextEncoder().encode(ENCODED_JSON.replace('héllo', 'h\\ud800llo')),
    path: 'clients[0].actions[1].data',
    message: /^contains a lone surrogate U\+D800 \(character 2\)/,
  },
  {
    name: 'escapes-in-title.json',
    bytes: new TextEncoder().encode(ENCODED_JSON.replace('Encodings', 'E\\u001b]0;pwned\\u0007\\u001b[2J')),
    path: 'title.en',
    message: /^contains the control character U\+001B \(character 2\)/,
  },
  {
    name: 'bidi-in-title.json',
    bytes: new TextEncoder().encode(ENCODED_JSON.replace('编码', '编\u202e码')),
    path: 'title.zh',
    message: /^contains the bidirectional control U\+202E \(character 2\)/,
  },
];
