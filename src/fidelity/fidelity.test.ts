/**
 * The simulation against the real thing: every recorded Python server (fixtures/strace, made by
 * tools/record-strace/record.py with strace -f on Linux + CPython 3.11) and the simulator's
 * strace output for the same scenario must make the same calls, in the same order, with the
 * same results and errors, from listen() on (times, ports and addresses aside).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { SCENARIOS } from '../scenarios/index.ts';
import { runScenario } from '../scenarios/run.ts';
import { toStrace } from '../kernel/strace-log.ts';
import { decodeUtf8 } from '../kernel/bytes.ts';
import { comparable, replyStreams } from './differential.ts';

const fixture = (id: string, ext: string) => new URL(`../../fixtures/strace/${id}.${ext}`, import.meta.url);
const recorded = SCENARIOS.filter((s) => existsSync(fixture(s.id, 'strace')));

describe('the simulator agrees with real strace recordings', () => {
  it('has a recording for every model but async-io (no Python io_uring to record)', () => {
    const models = new Set(recorded.map((s) => s.model));
    expect(models.size).toBe(12);
    expect(models.has('async-io')).toBe(false);
  });

  for (const s of recorded) {
    it(`${s.id}: the same system calls, results and errors`, () => {
      const sim = toStrace(runScenario(s));
      expect(comparable(sim)).toBe(comparable(readFileSync(fixture(s.id, 'strace'), 'utf8')));
    });

    it(`${s.id}: every client receives the same bytes`, () => {
      const real = JSON.parse(readFileSync(fixture(s.id, 'replies.json'), 'utf8')) as {
        client: string;
        data: string;
      }[];
      const run = runScenario(s, { keepTrace: false });
      // A client's reads may split or merge its byte stream differently (timing); the bytes may not.
      expect(replyStreams(run.replies.map((r) => ({ client: r.client, data: decodeUtf8(r.data) })))).toEqual(
        replyStreams(real),
      );
    });
  }
});
