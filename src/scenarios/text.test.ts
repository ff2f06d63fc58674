import { describe, expect, it } from 'vitest';
import { validateScenario, type Scenario } from './format.ts';
import { decodeScenarioBytes, invalidUtf8Offset, parseScenarioBytes } from './decode.ts';
import { badCharacter, escapeControls } from './text.ts';
import { utf16 } from './encodings.fixtures.ts';

const base: Scenario = {
  format: 'iolab/scenario@1',
  id: 'ok',
  title: { en: 'Ok', zh: '好' },
  seed: 1,
  model: 'select',
  clients: [
    {
      name: 'ann',
      actions: [
        { at: 0, do: 'connect' },
        { at: 5, do: 'send', data: 'abc' },
        { at: 50, do: 'close' },
      ],
    },
  ],
};
const problemsOf = (value: unknown): string[] => {
  const v = validateScenario(value);
  return v.ok ? [] : v.problems.map((p) => `${p.path}: ${p.message}`);
};
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const json = JSON.stringify({ ...base, title: { en: 'Ünïcode ✓ 𝄞', zh: '统一码' } });

describe('text is text: the validator', () => {
  it('refuses C0 and C1 control characters in titles, naming the field and the character', () => {
    expect(problemsOf({ ...base, title: { en: 'a\u001b]0;pwned\u0007', zh: '好' } })).toEqual([
      'title.en: contains the control character U+001B (character 2); it must be plain text',
    ]);
    expect(problemsOf({ ...base, title: { en: 'Ok', zh: 'x\u009b2J' } })).toEqual([
      'title.zh: contains the control character U+009B (character 2); it must be plain text',
    ]);
    expect(problemsOf({ ...base, title: { en: 'two\nlines', zh: '好' } })[0]).toMatch(
      /^title\.en: contains the control character U\+000A/,
    );
    expect(problemsOf({ ...base, title: { en: 'del\u007f', zh: '好' } })[0]).toMatch(/U\+007F/);
  });

  it('refuses bidirectional overrides and isolates', () => {
    expect(problemsOf({ ...base, title: { en: 'abc\u202Efdp.exe', zh: '好' } })).toEqual([
      'title.en: contains the bidirectional control U+202E (character 4), which reorders the text around it; it must be plain text',
    ]);
    for (const cp of [0x202a, 0x202b, 0x202c, 0x202d, 0x2066, 0x2067, 0x2068, 0x2069]) {
      expect(problemsOf({ ...base, title: { en: `x${String.fromCharCode(cp)}`, zh: '好' } })[0]).toContain(
        `U+${cp.toString(16).toUpperCase()}`,
      );
    }
    // Ordinary right-to-left text, emoji and Chinese are text.
    expect(problemsOf({ ...base, title: { en: 'שלום 👋 مرحبا', zh: '你好，世界' } })).toEqual([]);
  });

  it('refuses them in client names and ids with the same message, not the generic one', () => {
    expect(problemsOf({ ...base, id: 'ok\u202e' })).toEqual([
      'id: contains the bidirectional control U+202E (character 3), which reorders the text around it; it must be plain text',
    ]);
    expect(problemsOf({ ...base, clients: [{ name: 'ann\u001b[2J', actions: [] }] })).toEqual([
      'clients[0].name: contains the control character U+001B (character 4); it must be plain text',
    ]);
  });

  it('lets a description break lines, and nothing else', () => {
    expect(problemsOf({ ...base, description: { en: 'one\n\ttwo', zh: '一\n二' } })).toEqual([]);
    expect(problemsOf({ ...base, description: { en: 'x\u2066y', zh: '一' } })[0]).toMatch(
      /^description\.en: contains the bidirectional control U\+2066/,
    );
  });

  it('refuses lone surrogates in any text, data and answers included, with the field', () => {
    const lone = JSON.parse('{"a": "x\\ud800", "b": "\\udc00y", "c": "😀\\ud83d"}') as Record<string, string>;
    const withData = {
      ...base,
      clients: [
        {
          name: 'ann',
          actions: [
            { at: 0, do: 'connect' },
            { at: 1, do: 'send', data: lone.a },
          ],
        },
      ],
    };
    expect(problemsOf(withData)).toEqual([
      'clients[0].actions[1].data: contains a lone surrogate U+D800 (character 2), which is not Unicode text and cannot be sent as UTF-8',
    ]);
    expect(problemsOf({ ...base, title: { en: lone.b, zh: '好' } })[0]).toMatch(
      /^title\.en: contains a lone surrogate U\+DC00 \(character 1\)/,
    );
    expect(problemsOf({ ...base, model: 'select-chat', options: { answers: ['fine', lone.c] } })).toEqual([
      'options.answers[1]: contains a lone surrogate U+D83D (character 3), which is not Unicode text and cannot be sent as UTF-8',
    ]);
    // Control characters in data are bytes like any other.
    expect(
      problemsOf({
        ...base,
        clients: [
          {
            name: 'ann',
            actions: [
              { at: 0, do: 'connect' },
              { at: 1, do: 'send', data: 'GET /\r\n\u0000\u001b' },
            ],
          },
        ],
      }),
    ).toEqual([]);
  });

  it('quotes a bad value without its controls', () => {
    expect(problemsOf({ ...base, seed: '\u202e1' })[0]).toBe(
      'seed: must be a whole number from 0 to 4294967295 (got "\\u202e1")',
    );
  });
});

describe('text is text: one decoding for the page and the CLI', () => {
  it('reads UTF-8 with and without a BOM, and UTF-16 LE and BE with one, as the same scenario', () => {
    const plain = utf8(json);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
    for (const [bytes, encoding] of [
      [plain, 'UTF-8'],
      [bom, 'UTF-8'],
      [utf16(json, true), 'UTF-16LE'],
      [utf16(json, false), 'UTF-16BE'],
    ] as const) {
      const d = decodeScenarioBytes(bytes);
      expect(d).toEqual({ ok: true, text: json, encoding });
      const v = parseScenarioBytes(bytes);
      expect(v.ok && v.scenario.title.en).toBe('Ünïcode ✓ 𝄞');
    }
  });

  it('refuses invalid UTF-8 with the byte offset, never turning it into U+FFFD', () => {
    const bytes = utf8('{"id": "caf\u00e9"}');
    const bad = new Uint8Array([...bytes.subarray(0, 11), 0xff, ...bytes.subarray(11)]);
    expect(parseScenarioBytes(bad)).toEqual({
      ok: false,
      problems: [{ path: '(file)', message: 'is not valid UTF-8: byte 0xFF at byte offset 11' }],
    });
    // With a BOM the offset still counts from the file's first byte.
    expect(decodeScenarioBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0xc3]))).toEqual({
      ok: false,
      problem: { path: '(file)', message: 'is not valid UTF-8: byte 0xC3 at byte offset 4' },
    });
  });

  it('finds the first invalid UTF-8 sequence as WHATWG does (overlongs, surrogates, past U+10FFFF, cut short)', () => {
    expect(invalidUtf8Offset(utf8('aé€𝄞'))).toBe(-1);
    expect(invalidUtf8Offset(new Uint8Array([0x61, 0xc0, 0x80]))).toBe(1); // overlong NUL
    expect(invalidUtf8Offset(new Uint8Array([0x61, 0x62, 0xe0, 0x80, 0x80]))).toBe(2); // overlong
    expect(invalidUtf8Offset(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0); // an encoded surrogate
    expect(invalidUtf8Offset(new Uint8Array([0xf4, 0x90, 0x80, 0x80]))).toBe(0); // past U+10FFFF
    expect(invalidUtf8Offset(new Uint8Array([0x61, 0xe2, 0x82]))).toBe(1); // cut short
    expect(invalidUtf8Offset(new Uint8Array([0x80]))).toBe(0); // a lone continuation byte
  });

  it('refuses broken UTF-16 and UTF-16 with no BOM, saying so', () => {
    expect(decodeScenarioBytes(new Uint8Array([0xff, 0xfe, 0x7b]))).toEqual({
      ok: false,
      problem: { path: '(file)', message: 'is not valid UTF-16LE: it has an odd number of bytes (3)' },
    });
    expect(decodeScenarioBytes(new Uint8Array([0xfe, 0xff, 0x00, 0x7b, 0xd8, 0x00, 0x00, 0x7d]))).toEqual({
      ok: false,
      problem: { path: '(file)', message: 'is not valid UTF-16BE: a lone surrogate 0xD800 at byte offset 4' },
    });
    const noBom = utf16(json, true).subarray(2);
    const d = decodeScenarioBytes(noBom);
    expect(d.ok === false && d.problem.message).toMatch(/^looks like UTF-16 without a byte-order mark/);
  });

  it('refuses a lone surrogate written as a JSON escape, with its field', () => {
    const text = json.replace('"abc"', '"abc\\ud800"');
    const v = parseScenarioBytes(utf8(text));
    expect(v.ok ? [] : v.problems.map((p) => p.path)).toEqual(['clients[0].actions[1].data']);
  });
});

describe('escapeControls', () => {
  it('writes every control and bidi character as an escape, keeping newlines', () => {
    expect(escapeControls('a\u001b]0;x\u0007b\u001b[2J\n\u009b\u202e\u2069\u007f\t')).toBe(
      'a\\x1b]0;x\\x07b\\x1b[2J\n\\x9b\\u202e\\u2069\\x7f\\x09',
    );
    expect(escapeControls('x\ud800y 😀 你好')).toBe('x\\ud800y 😀 你好');
  });

  it('agrees with the validator on what is not plain text', () => {
    for (let cp = 0; cp < 0x2100; cp++) {
      const c = String.fromCharCode(cp);
      expect(badCharacter(c) !== null, c).toBe(escapeControls(c, []) !== c);
    }
  });
});
