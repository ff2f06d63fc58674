import { describe, expect, it } from 'vitest';
import { MAX_DRAWN_CONNECTIONS, READ_HERE_BELOW, readScenarioFile } from './import.ts';
import { BAD_FILES, GOOD_FILES } from '../../scenarios/encodings.fixtures.ts';
import { decodeScenario, encodeScenario, MAX_LINK_CONNECTIONS } from '../../scenarios/link.ts';
import { big } from '../../scenarios/link.fixtures.ts';
import { reasonText } from '../../i18n/reason.ts';

const file = (name: string, bytes: Uint8Array): File =>
  new File([bytes.slice().buffer], name, { type: 'application/json' });

describe('the file bar reads files as the CLI does', () => {
  it('opens UTF-8 with or without a BOM and UTF-16 LE/BE with a BOM as the same scenario', async () => {
    for (const f of GOOD_FILES) {
      const r = await readScenarioFile(file(f.name, f.bytes));
      expect(r.ok, f.name).toBe(true);
      if (r.ok) expect(r.scenario.title.en, f.name).toBe('Encodings ✓ 𝄞');
      if (r.ok) expect(r.scenario.clients[0]!.actions[1]!.data, f.name).toBe('héllo');
    }
  });

  it('refuses invalid UTF-8, lone surrogates and control characters, naming the field', async () => {
    for (const f of BAD_FILES) {
      const r = await readScenarioFile(file(f.name, f.bytes));
      expect(r.ok, f.name).toBe(false);
      if (!r.ok) {
        expect(
          r.problems.map((p) => p.path),
          f.name,
        ).toEqual([f.path]);
        expect(r.problems[0]!.message, f.name).toMatch(f.message);
      }
    }
  });

  it("shows a file's name with its control and bidi characters escaped", async () => {
    const r = await readScenarioFile(file('evil\u202enosj.json', GOOD_FILES[0]!.bytes));
    expect(r.file).toBe('evil\\u202enosj.json');
  });
});

describe('a large file is read elsewhere (the simulation worker), a small one at once', () => {
  it('hands the bytes of a file of READ_HERE_BELOW bytes or more to the reader it is given, and keeps its answer', async () => {
    const good = GOOD_FILES[0]!;
    const text = new TextDecoder().decode(good.bytes);
    // The same scenario, padded with spaces past the bound (JSON ignores them).
    const padded = new TextEncoder().encode(text + ' '.repeat(READ_HERE_BELOW));
    const seen: number[] = [];
    const parseLarge = async (b: ArrayBuffer) => {
      seen.push(b.byteLength);
      return { ok: false as const, problems: [{ path: 'clients', message: 'from the reader' }] };
    };
    const large = await readScenarioFile(file('big.json', padded), parseLarge);
    expect(seen).toEqual([padded.length]);
    expect(!large.ok && large.problems.map((p) => p.message)).toEqual(['from the reader']);
    const small = await readScenarioFile(file(good.name, good.bytes), parseLarge);
    expect(seen).toHaveLength(1);
    expect(small.ok).toBe(true);
  });

  it('says a reader that fails could not read the file, and changes nothing else', async () => {
    const padded = new Uint8Array(READ_HERE_BELOW + 10).fill(0x20);
    const r = await readScenarioFile(file('big.json', padded), () =>
      Promise.reject(new Error('worker gone')),
    );
    expect(!r.ok && r.problems.map((p) => [p.key, p.params?.message])).toEqual([
      ['share.readFailed', 'worker gone'],
    ]);
  });
});

describe('a scenario in a link', () => {
  const reason = (text: string): string => {
    const r = decodeScenario(text);
    expect(r.ok).toBe(false);
    return r.ok ? '' : reasonText('en', r.reason);
  };

  it('keeps the same limit on connections as a file opened in the lab', () => {
    expect(MAX_LINK_CONNECTIONS).toBe(MAX_DRAWN_CONNECTIONS);
    const s = big();
    const over = { ...s, idleConnections: MAX_LINK_CONNECTIONS - s.clients.length + 1 };
    expect(reason(encodeScenario(over))).toMatch(new RegExp(`${MAX_LINK_CONNECTIONS + 1} connections`));
  });
});
