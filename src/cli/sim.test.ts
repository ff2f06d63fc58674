import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BAD_FILES, GOOD_FILES } from '../scenarios/encodings.fixtures.ts';

const sim = (...args: string[]) =>
  spawnSync('npx', ['tsx', 'src/cli/sim.ts', ...args], { encoding: 'utf8', timeout: 180_000 });

describe('the sim CLI', () => {
  it('lists the shipped scenarios as "id  model  title"', () => {
    const r = sim('--list');
    expect(r.status).toBe(0);
    const rows = r.stdout
      .trim()
      .split('\n')
      .map((l) => l.split(/\s{2,}/));
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.every((row) => row.length >= 3)).toBe(true);
    expect(rows.map((row) => row[0])).toContain('blocking-two-clients');
  });

  it("prints json with the contract's fields and strace lines", () => {
    const j = JSON.parse(sim('select', '--format', 'json').stdout);
    expect(j.model).toBe('select');
    expect(j.replies[0]).toEqual({ client: 'ann', data: 'HELLO', atMs: expect.any(Number) });
    expect(j.syscalls.pselect6.count).toBeGreaterThan(0);
    expect(Object.keys(j.cpu)).toEqual(
      expect.arrayContaining(['busyFraction', 'userNs', 'systemNs', 'idleNs']),
    );
    const strace = sim('select', '--format', 'strace').stdout;
    expect(strace).toMatch(/^4000 {2}\d+\.\d{6} listen\(3, 5\) +=/m);
  });

  it("runs your own server with --program: exit 0 for a run, 1 with CPython's message when it cannot start", () => {
    const ok = sim(
      'blocking-two-clients',
      '--program',
      'src/programs/python/blocking.py',
      '--format',
      'json',
    );
    expect(ok.status, ok.stderr).toBe(0);
    const j = JSON.parse(ok.stdout);
    expect(j.model).toBe('python');
    expect(j.replies.map((r: { data: string }) => r.data)).toEqual([
      'HELLO',
      'STILL HERE',
      'ANYONE?',
      'THANKS',
    ]);
    expect(j.python).toMatchObject({ outcome: 'ok', listenPort: 8080 });
    const dir = mkdtempSync(join(tmpdir(), 'iolab-'));
    const file = join(dir, 'broken.py');
    writeFileSync(file, 'import socket\nwhile True\n    pass\n');
    const bad = sim('select', '--program', file);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(
      '  File "<server>", line 2\n    while True\n              ^\nSyntaxError: expected \':\'',
    );
    expect(sim('select', '--program', join(dir, 'missing.py')).stderr).toMatch(/no such file/);
  }, 240_000);

  it('explains bad input and exits non-zero', () => {
    const unknown = sim('no-such-scenario');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/no shipped scenario has the id "no-such-scenario"/);
    const dir = mkdtempSync(join(tmpdir(), 'iolab-'));
    const file = join(dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'iolab/scenario@1',
        id: 'b',
        title: { en: 'b', zh: 'b' },
        seed: 1,
        model: 'select',
        options: { recvSize: -4 },
        clients: [],
      }),
    );
    const bad = sim(file);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/options\.recvSize: must be a whole number/);
    expect(sim('select', '--format', 'xml').stderr).toMatch(/--format must be summary, json or strace/);
    expect(sim('select', '--seed', 'abc').stderr).toMatch(/--seed must be a whole number/);
  }, 240_000); // four runs of the CLI: slow when the machine is loaded

  it('reads files as the page does: UTF-8 with or without BOM, UTF-16 with BOM; refuses bad bytes and bad characters by field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iolab-enc-'));
    for (const f of GOOD_FILES) {
      writeFileSync(join(dir, f.name), f.bytes);
      const r = sim(join(dir, f.name), '--format', 'json');
      expect(r.status, `${f.name}: ${r.stderr}`).toBe(0);
      expect(JSON.parse(r.stdout).replies[0].data, f.name).toBe('HéLLO'); // bytes.upper() changes ASCII only;
    }
    for (const f of BAD_FILES) {
      writeFileSync(join(dir, f.name), f.bytes);
      const r = sim(join(dir, f.name));
      expect(r.status, f.name).toBe(2);
      const problem = r.stderr.split('\n').find((l) => l.startsWith(`  ${f.path}: `));
      expect(problem, `${f.name}: ${r.stderr}`).toBeDefined();
      expect(problem!.slice(f.path.length + 4), f.name).toMatch(f.message);
    }
  }, 240_000); // a run of the CLI per file: slow when the machine is loaded

  it('escapes every control character it prints: summary, json and errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iolab-esc-'));
    const file = join(dir, 'data.json');
    const data = 'a\u001b]0;t\u0007 \u009b2J \u202eabc \u001b]8;;http://elsewhere.example/\u001b\\x';
    writeFileSync(
      file,
      JSON.stringify({
        format: 'iolab/scenario@1',
        id: 'esc',
        title: { en: 'x', zh: 'y' },
        seed: 1,
        model: 'select',
        clients: [
          {
            name: 'a',
            actions: [
              { at: 0, do: 'connect' },
              { at: 1, do: 'send', data },
            ],
          },
        ],
      }),
    );
    // eslint-disable-next-line no-control-regex
    const raw = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
    const summary = sim(file);
    expect(summary.status).toBe(0);
    expect(summary.stdout).not.toMatch(raw);
    expect(summary.stdout).toContain('\\x9b2J \\u202eABC');
    const json = sim(file, '--format', 'json');
    expect(json.stdout).not.toMatch(raw);
    expect(JSON.parse(json.stdout).replies[0].data).toBe(data.toUpperCase());
    const missing = sim(join(dir, 'no\u001b[2Jsuch\u202e.json'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).not.toMatch(raw);
    expect(missing.stderr).toContain('no\\x1b[2Jsuch\\u202e.json');
  });
});

describe("the sim CLI's work budget", () => {
  it('stops a run past its budget with exit 2, naming the budget and the flag that raises it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iolab-budget-'));
    const file = join(dir, 'crash.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'iolab/scenario@1',
        id: 'crash',
        title: { en: 'crash', zh: 'crash' },
        seed: 1,
        model: 'poll',
        options: { timeoutMs: 0, fdLimit: 1048576, backlog: 4096 },
        clients: [{ name: 'c1', actions: [{ at: 0, do: 'connect' }] }],
        idleConnections: 100,
        untilMs: 3600000,
      }),
    );
    const fds = sim(file, '--max-fds', '50000');
    expect(fds.status).toBe(2);
    expect(fds.stderr).toMatch(/looked at \d+ fds, past the budget of 50000; raise it with --max-fds N/);
    // Only --format strace keeps the trace (summary and json run on counters), so only it has a trace budget to reach.
    const trace = sim(file, '--format', 'strace', '--max-trace-mb', '2');
    expect(trace.status).toBe(2);
    expect(trace.stderr).toMatch(/past the budget of 2 MB; raise it with --max-trace-mb N/);
  }, 240_000);

  it('stops at the default event budget with exit 2 and how to raise it; your own --max-events is a warning', () => {
    // Busy polling for an hour of virtual time: far more than the default 5,000,000 events.
    const dir = mkdtempSync(join(tmpdir(), 'iolab-'));
    const file = join(dir, 'busy.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'iolab/scenario@1',
        id: 'busy-hour',
        title: { en: 'busy', zh: '忙' },
        seed: 1,
        model: 'nonblocking',
        clients: [{ name: 'ann', actions: [{ at: 0, do: 'connect' }] }],
        untilMs: 3_600_000,
      }),
    );
    const byDefault = sim(file, '--format', 'summary');
    expect(byDefault.status).toBe(2);
    expect(byDefault.stdout).toBe('');
    expect(byDefault.stderr).toMatch(
      /^sim: the run was stopped at [\d.]+ ms of virtual time after \d+ events: past the default budget of 5000000 events; raise it with --max-events N \(up to 1000000000000;/,
    );
    const own = sim(file, '--format', 'summary', '--max-events', '20000');
    expect(own.status).toBe(0);
    expect(own.stdout).toContain('busy-hour');
    expect(own.stderr).toMatch(/^warning: the run was stopped after \d+ events \(--max-events 20000\)/);
    const tooMany = sim(file, '--max-events', '1000000000001');
    expect(tooMany.status).toBe(2);
    expect(tooMany.stderr).toContain('--max-events must be a whole number from 1 to 1000000000000');
  }, 240_000); // three runs of the CLI, one of 5,000,000 events: slow when the machine is loaded
});
