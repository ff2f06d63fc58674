/**
 * One scenario, the simulator against a real recording (tools/record-strace): the same system
 * calls per thread after normalization (./strace.ts), and the same bytes to every client.
 * Used by fidelity.test.ts (shipped scenarios), the generated fixtures' test and
 * `npm run fidelity` (docs/fidelity.md lists every normalization applied).
 */
import { runScenario } from '../scenarios/run.ts';
import type { Scenario } from '../scenarios/format.ts';
import { toStrace } from '../kernel/strace-log.ts';
import { decodeUtf8 } from '../kernel/bytes.ts';
import { normalize, parseStrace, type ThreadTrace } from './strace.ts';

export interface Reply {
  client: string;
  data: string;
}

/**
 * The longest loop round folded (normalization 7): the chat room's busy loop over departed
 * clients takes 1 + 4 lines per client (pselect6, then recvfrom b'', the prompt, the answer and
 * the empty sendto for each), 25 with the generator's 6 clients. With strace's default of 8 a
 * round over two departed clients (9 lines) was not folded, and how many rounds ran before the
 * next client's action is real time: 40, 62, 96 and 212 in four recordings of gen-2026-59.
 */
const LOOP_LINES = 32;

/**
 * A trace as compared: normalized, with a folded busy-polling block counted once whatever the
 * number of rounds (`(repeated)` markers dropped, the block's lines unindented).
 */
export function comparableThreads(text: string): ThreadTrace[] {
  return normalize(parseStrace(text), { maxBlock: LOOP_LINES }).map((t) => ({
    tid: t.tid,
    lines: finalCloses(endInLoop(t.lines))
      .filter((l) => l !== '(repeated)')
      .map((l) => l.trim()),
  }));
}

/**
 * After an uncaught exception CPython's finalizer closes the sockets still open in the order
 * its objects die (module globals in order, a list's items from the last): the simulator closes
 * them in fd order. The closes right before `exit_group(1)` are compared as a set (sorted).
 */
function finalCloses(lines: string[]): string[] {
  const exit = lines.findIndex((l) => l.startsWith('exit_group(1)'));
  if (exit < 0) return lines;
  let start = exit;
  while (start > 0 && /^close\(\d+\) = 0$/.test(lines[start - 1]!)) start--;
  const fd = (l: string): number => Number(/\d+/.exec(l)![0]);
  return [
    ...lines.slice(0, start),
    ...lines.slice(start, exit).sort((a, b) => fd(a) - fd(b)),
    ...lines.slice(exit),
  ];
}

/** `name(firstArg` of a normalized line. */
const callHead = (line: string): string => /^\s*(\w+\([^,)]*)/.exec(line)?.[1] ?? line;

/**
 * A thread that ends going round a loop (timeouts, busy polling) was stopped at some point of a
 * round: the lines after its last folded block that belong to that block (a part of a round, or
 * a call of it cut by the stop) are dropped.
 */
function endInLoop(lines: readonly string[]): string[] {
  const at = lines.lastIndexOf('(repeated)');
  if (at < 0) return [...lines];
  let end = at + 1;
  while (end < lines.length && lines[end]!.startsWith('  ')) end++;
  const block = lines.slice(at + 1, end).map((l) => l.trim());
  const heads = new Set(block.map(callHead));
  const tail = lines.slice(end);
  const inLoop = tail.every((l) => block.includes(l) || (l.endsWith(' = ?') && heads.has(callHead(l))));
  return inLoop ? lines.slice(0, end) : [...lines];
}

/** The same as one text (what fidelity.test.ts compares). */
export function comparable(text: string): string {
  return comparableThreads(text)
    .map((t) => `${t.tid}\n${t.lines.join('\n')}`)
    .join('\n\n');
}

/** Each client's bytes, joined: how a client's reads split or merge the stream is timing, its bytes are not. */
export function replyStreams(replies: readonly Reply[]): Record<string, string> {
  const by = new Map<string, string>();
  for (const r of replies) by.set(r.client, (by.get(r.client) ?? '') + r.data);
  return Object.fromEntries([...by].sort());
}

/** Both streams from a little before where they first differ. */
function sides(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 10);
  const cut = (s: string): string =>
    `${from ? `…(${from} bytes) ` : ''}${JSON.stringify(s.slice(from, from + 50))}${s.length > from + 50 ? `…(${s.length} bytes)` : ''}`;
  return `real: ${cut(a)} | sim: ${cut(b)}`;
}

/** The first differing line of each thread, then each client whose bytes differ: [] when they agree. */
export function differences(
  real: { strace: string; replies: readonly Reply[] },
  sim: { strace: string; replies: readonly Reply[] },
): string[] {
  const out: string[] = [];
  const a = comparableThreads(real.strace);
  const b = comparableThreads(sim.strace);
  const tids = [...new Set([...a, ...b].map((t) => t.tid))].sort(
    (x, y) => Number(x.slice(1)) - Number(y.slice(1)),
  );
  for (const tid of tids) {
    const ra = a.find((t) => t.tid === tid)?.lines ?? [];
    const sb = b.find((t) => t.tid === tid)?.lines ?? [];
    const i = ra.findIndex((l, k) => l !== sb[k]);
    const at = i >= 0 ? i : ra.length < sb.length ? ra.length : -1;
    if (at < 0) continue;
    out.push(`${tid} line ${at + 1}: real: ${ra[at] ?? '(end)'} | sim: ${sb[at] ?? '(end)'}`);
  }
  const rs = replyStreams(real.replies);
  const ss = replyStreams(sim.replies);
  for (const client of [...new Set([...Object.keys(rs), ...Object.keys(ss)])].sort()) {
    if (rs[client] !== ss[client])
      out.push(`replies of ${client}: ${sides(rs[client] ?? '', ss[client] ?? '')}`);
  }
  return out;
}

/** The simulator's side of a scenario: its strace text and replies. */
export function simulate(s: Scenario): { strace: string; replies: Reply[] } {
  const run = runScenario(s);
  return {
    strace: toStrace(run),
    replies: run.replies.map((r) => ({ client: r.client, data: decodeUtf8(r.data) })),
  };
}
