/**
 * Your own server against the real thing: every shipped single-threaded listing, run by real
 * CPython through the shims (the `--program` path) on its shipped scenario, makes the same system
 * calls with the same results, from listen() on (normalized as tools/record-strace does), as its
 * TypeScript model and as the recording of CPython 3.11 on Linux in fixtures/strace, and every
 * client receives the same bytes. One interpreter for the whole file.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { SCENARIOS } from '../scenarios/index.ts';
import { parseScenario, resolveOptions } from '../scenarios/format.ts';
import { runPythonScenario, runScenario } from '../scenarios/run.ts';
import { listingConstants, serverModel } from '../programs/index.ts';
import { renderListing } from '../programs/lines.ts';
import { LISTINGS, type ListingName } from '../programs/listings.generated.ts';
import { toStrace } from '../kernel/strace-log.ts';
import { normalize, parseStrace } from './strace.ts';
import { decodeUtf8, type Bytes } from '../kernel/bytes.ts';
import { loadPythonEngine } from '../python/engine.ts';

beforeAll(async () => {
  await loadPythonEngine();
}, 180_000);

const fixture = (id: string, ext: string) => new URL(`../../fixtures/strace/${id}.${ext}`, import.meta.url);
/** As src/fidelity does: per thread, without how many rounds a busy loop made. */
const comparable = (text: string) =>
  normalize(parseStrace(text))
    .map(
      (t) =>
        `${t.tid}\n${t.lines
          .filter((l) => l !== '(repeated)')
          .map((l) => l.trim())
          .join('\n')}`,
    )
    .join('\n\n');
const streams = (xs: { client: string; data: string }[]) => {
  const by = new Map<string, string>();
  for (const x of xs) by.set(x.client, (by.get(x.client) ?? '') + x.data);
  return Object.fromEntries([...by].sort());
};
const replies = (r: { replies: { client: string; data: Bytes }[] }) =>
  streams(r.replies.map((x) => ({ client: x.client, data: decodeUtf8(x.data) })));

const MULTI = new Set<ListingName>([
  'thread_per_connection',
  'thread_pool',
  'prethreaded_accept',
  'process_per_connection',
  'async_io',
]);
const single = SCENARIOS.filter((s) => !MULTI.has(serverModel(s.model, resolveOptions(s)).listing));

describe('shipped listings run by CPython through the shims', () => {
  it('covers every single-threaded listing', () => {
    const covered = new Set(single.map((s) => serverModel(s.model, resolveOptions(s)).listing));
    const all = (Object.keys(LISTINGS) as ListingName[]).filter((l) => !MULTI.has(l) && l !== 'client');
    expect([...covered].sort()).toEqual(all.sort());
  });

  for (const s of single) {
    it(`${s.id}: the same calls and results as the TypeScript model and real Linux, the same replies`, async () => {
      const options = resolveOptions(s);
      const source = renderListing(serverModel(s.model, options).listing, listingConstants(options, 8080));
      const py = await runPythonScenario(s, { source });
      expect(py.python.outcome === 'ok' || s.id === 'select-chat-pitfall', py.python.traceback).toBe(true);
      const ts = runScenario(s);
      const got = comparable(toStrace(py));
      expect(got).toBe(comparable(toStrace(ts)));
      if (existsSync(fixture(s.id, 'strace')))
        expect(got).toBe(comparable(readFileSync(fixture(s.id, 'strace'), 'utf8')));
      expect(replies(py)).toEqual(replies(ts));
      if (existsSync(fixture(s.id, 'replies.json')))
        expect(replies(py)).toEqual(streams(JSON.parse(readFileSync(fixture(s.id, 'replies.json'), 'utf8'))));
    }, 60_000);
  }
});

describe('our own listing: the blocking server without an end-of-file check', () => {
  const file = (name: string) => readFileSync(new URL(`../python/examples/${name}`, import.meta.url), 'utf8');
  it("spins on b'' after ann closes and never serves ben, as on Linux", async () => {
    const v = parseScenario(file('blocking-no-eof.json'));
    if (!v.ok) throw new Error(JSON.stringify(v.problems));
    expect(v.scenario.program?.source).toBe(file('blocking_no_eof.py'));
    const r = await runPythonScenario(v.scenario);
    expect(replies(r)).toEqual({ ann: 'HELLO' });
    expect(replies(r)).toEqual(
      streams(JSON.parse(readFileSync(fixture('blocking-no-eof', 'replies.json'), 'utf8'))),
    );
    expect(r.syscalls.accept4?.count).toBe(1);
    expect(r.syscalls.recvfrom!.count).toBeGreaterThan(1000);
    expect(r.cpu.busyFraction).toBeGreaterThan(0.4);
    // The run is cut mid-round (the recording by SIGTERM, the simulation by untilMs): the calls agree
    // up to the spin, and the simulation's last lines are the start of one more round of it.
    const real = comparable(readFileSync(fixture('blocking-no-eof', 'strace'), 'utf8')).split('\n');
    const sim = comparable(toStrace(r)).split('\n');
    expect(sim.slice(0, real.length)).toEqual(real);
    expect(real.slice(-2)).toEqual([
      'recvfrom(4, "", 1024, 0, NULL, NULL) = 0',
      'sendto(4, "", 0, 0, NULL, 0) = 0',
    ]);
    expect(real.slice(-2).slice(0, sim.length - real.length)).toEqual(sim.slice(real.length));
  }, 120_000);
});

describe('listings that need more than one thread or process say so at the call', () => {
  const source = (name: ListingName) =>
    renderListing(name, listingConstants(resolveOptions(SCENARIOS[0]!), 8080));
  const scenario = SCENARIOS.find((s) => s.id === 'blocking-two-clients')!;
  for (const [name, pattern] of [
    [
      'process_per_connection',
      /os\.fork\(\) \(a second process\) is not supported in IO Lab.*process-per-connection scenario/,
    ],
    ['thread_per_connection', /threading\.Thread\.start\(\) \(a second thread\) is not supported in IO Lab/],
    [
      'thread_pool',
      /a thread pool \(concurrent\.futures starts threads\) is not supported in IO Lab.*thread-pool scenario/,
    ],
    ['async_io', /No module named 'uring': the imagined uring module: the async-io scenario shows io_uring/],
  ] as const) {
    it(`${name}.py`, async () => {
      const r = await runPythonScenario(scenario, { source: source(name) });
      expect(['unsupported', 'import']).toContain(r.python.outcome);
      expect(r.python.message).toMatch(pattern);
    }, 60_000);
  }
});
