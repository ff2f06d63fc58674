/**
 * Property tests over random client schedules, for every server model.
 *
 * fast-check builds scenarios (1–5 clients, each connecting at a random time, sending 0–4
 * random messages and then closing, resetting or staying connected; random recv size, backlog,
 * cores and model options), runs them, and checks what must hold whatever the schedule:
 *
 *   1. every byte is echoed exactly once, upper-cased, in order (a prefix where the model or
 *      the client's leaving allows no more);
 *   2. a client that left long ago holds no descriptor in any live server process;
 *   3. time never goes back;
 *   4. a run is a pure function of its scenario and seed;
 *   5. select, poll and epoll never report an fd that is not ready (checked against a replay of
 *      the trace, not the kernel's own readable());
 *   6. errors are Python's, and the fixed servers have none;
 *   7. every generated scenario validates, and the validator never throws on junk.
 *
 * All properties of one model share one fast-check seed, so they see the same scenarios and a
 * scenario is simulated once (the analysis is memoised). A failure prints the scenario (it is a
 * valid scenario file) and `{ seed, path }`; replay with FC_SEED=<seed> FC_PATH=<path>
 * (FC_RUNS=<n> changes the number of runs per property; FC_STATS=1 prints what the runs covered;
 * FC_TOLERATE_DEPARTED=1: see TOLERATE_SEND_TO_DEPARTED_CLIENT).
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeUtf8, upperBytes } from '../kernel/bytes.ts';
import { MS, type FdWhat, type TraceEvent } from '../kernel/types.ts';
import {
  MODELS,
  OPTION_SPECS,
  SCENARIO_FORMAT,
  parseScenario,
  validateScenario,
  type Model,
  type Scenario,
  type ScenarioAction,
  type ScenarioClient,
  type ScenarioOptions,
  type Validation,
} from '../scenarios/format.ts';
import { runScenario } from '../scenarios/run.ts';

/* ───────────────────────── configuration ───────────────────────── */

const SEED =
  process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : Math.floor(Math.random() * 0x7fffffff);
const PATH = process.env.FC_PATH;
const RUNS = process.env.FC_RUNS !== undefined ? Number(process.env.FC_RUNS) : 50;
const params = <T>(numRuns = RUNS): fc.Parameters<T> => ({
  seed: SEED,
  numRuns,
  ...(PATH !== undefined ? { path: PATH } : {}),
});
/** Shrinking a failing schedule re-runs many scenarios: give a failing property room to finish (more for a soak). */
const TIMEOUT = 180_000 * Math.max(1, RUNS / 50);

/**
 * The echo listings once let a send to a client that had already left (EPIPE, or ECONNRESET
 * from a send) kill the handler that made it; they now catch it (the regression tests at the
 * end). The properties are strict. The old tolerance of exactly that failure stays only to
 * bisect an older commit: FC_TOLERATE_DEPARTED=1.
 */
const TOLERATE_SEND_TO_DEPARTED_CLIENT = process.env.FC_TOLERATE_DEPARTED === '1';

interface ModelConfig {
  label: string;
  model: Model;
  /** The corrected server: every property applies in full. */
  fixed: boolean;
  /** The chat room: printable-ASCII messages, and the operator's answer delay to budget. */
  chat: boolean;
  options: fc.Arbitrary<ScenarioOptions>;
}

const timeoutMs = fc.oneof(fc.constant(null), fc.integer({ min: 5, max: 300 }));
const pollSleepMs = fc.constantFrom(10, 25, 50);
const answerDelayMs = fc.integer({ min: 1, max: 50 });

const CONFIGS: ModelConfig[] = [
  { label: 'blocking', model: 'blocking', fixed: true, chat: false, options: fc.constant({}) },
  {
    label: 'thread-per-connection',
    model: 'thread-per-connection',
    fixed: true,
    chat: false,
    options: fc.constant({}),
  },
  {
    label: 'process-per-connection',
    model: 'process-per-connection',
    fixed: true,
    chat: false,
    options: fc.constant({}),
  },
  {
    label: 'thread-pool',
    model: 'thread-pool',
    fixed: true,
    chat: false,
    options: fc.record({ poolSize: fc.integer({ min: 1, max: 4 }) }),
  },
  {
    label: 'nonblocking (fixed)',
    model: 'nonblocking',
    fixed: true,
    chat: false,
    options: fc.record({ variant: fc.constant('fixed' as const), pollSleepMs }),
  },
  {
    label: 'nonblocking (pitfall)',
    model: 'nonblocking',
    fixed: false,
    chat: false,
    options: fc.record({ variant: fc.constant('pitfall' as const), pollSleepMs }),
  },
  { label: 'select', model: 'select', fixed: true, chat: false, options: fc.record({ timeoutMs }) },
  { label: 'poll', model: 'poll', fixed: true, chat: false, options: fc.record({ timeoutMs }) },
  {
    label: 'epoll (level)',
    model: 'epoll',
    fixed: true,
    chat: false,
    options: fc.record({ trigger: fc.constant('level' as const), timeoutMs }),
  },
  {
    label: 'epoll (edge, fixed)',
    model: 'epoll',
    fixed: true,
    chat: false,
    options: fc.record({
      trigger: fc.constant('edge' as const),
      variant: fc.constant('fixed' as const),
      timeoutMs,
    }),
  },
  {
    label: 'epoll (edge, pitfall)',
    model: 'epoll',
    fixed: false,
    chat: false,
    options: fc.record({
      trigger: fc.constant('edge' as const),
      variant: fc.constant('pitfall' as const),
      timeoutMs,
    }),
  },
  { label: 'selectors', model: 'selectors', fixed: true, chat: false, options: fc.record({ timeoutMs }) },
  { label: 'signal-driven', model: 'signal-driven', fixed: true, chat: false, options: fc.constant({}) },
  { label: 'async-io', model: 'async-io', fixed: true, chat: false, options: fc.constant({}) },
  { label: 'asyncio', model: 'asyncio', fixed: true, chat: false, options: fc.constant({}) },
  ...(['select', 'poll', 'epoll'] as const).map((mechanism): ModelConfig => ({
    label: `select-chat (${mechanism})`,
    model: 'select-chat',
    fixed: true,
    chat: true,
    options: fc.record({ mechanism: fc.constant(mechanism), answerDelayMs, timeoutMs }),
  })),
  {
    label: 'select-chat (pitfall)',
    model: 'select-chat',
    fixed: false,
    chat: true,
    options: fc.record({ variant: fc.constant('pitfall' as const), answerDelayMs, timeoutMs }),
  },
];

/* ───────────────────────── scenarios ───────────────────────── */

const NAMES = ['ann', 'ben', 'cat', 'dan', 'eve'];

/** Echo messages: mostly ASCII letters (so upper-casing shows), plus control characters and any Unicode code point. */
const echoUnit = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...'abcxyzABC09 .') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.constantFrom('é', 'ß', 'ÿ', 'Ω', '中', '😀', '\n', '\0') },
);
/** Mostly short; sometimes long enough that a small recv size leaves data queued when the client leaves. */
const echoText = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: echoUnit, minLength: 1, maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: echoUnit, minLength: 1, maxLength: 400 }) },
);
/** Chat messages: printable ASCII without quotes or backslash (the prompt shows them with repr()). */
const chatText = fc.string({
  unit: fc
    .integer({ min: 0x20, max: 0x7e })
    .filter((c) => c !== 0x22 && c !== 0x27 && c !== 0x5c)
    .map((c) => String.fromCharCode(c)),
  minLength: 1,
  maxLength: 12,
});

interface ClientPlan {
  connectAt: number;
  messages: { gap: number; text: string }[];
  end: 'none' | 'close' | 'reset';
  endGap: number;
}

/** Times in ms, biased towards the crowded cases: clients connecting together, actions 1 ms apart. */
const connectAt = fc.oneof(
  fc.integer({ min: 0, max: 3 }),
  fc.integer({ min: 0, max: 1000 }),
  fc.integer({ min: 0, max: 1000 }),
);
const gap = fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 500 }));

const planArb = (text: fc.Arbitrary<string>): fc.Arbitrary<ClientPlan> =>
  fc.record({
    connectAt,
    messages: fc.array(fc.record({ gap, text }), { maxLength: 4 }),
    end: fc.constantFrom('none' as const, 'close' as const, 'reset' as const),
    endGap: gap,
  });

function buildClient(name: string, p: ClientPlan): ScenarioClient {
  let t = p.connectAt;
  const actions: ScenarioAction[] = [{ at: t, do: 'connect' }];
  for (const m of p.messages) {
    t += m.gap;
    actions.push({ at: t, do: 'send', data: m.text });
  }
  if (p.end !== 'none') actions.push({ at: t + p.endGap, do: p.end });
  return { name, actions };
}

const ends = (c: ScenarioClient): boolean => c.actions.some((a) => a.do === 'close' || a.do === 'reset');
const messagesOf = (c: ScenarioClient): string[] =>
  c.actions.filter((a) => a.do === 'send').map((a) => a.data!);
/** What a client must get back in total: its bytes, upper-cased as bytes.upper() does. */
const expectedEcho = (c: ScenarioClient): string => upperBytes(encodeUtf8(messagesOf(c).join('')));

/**
 * Long enough for everything to finish: the last action + 3 s; + 16 s when SYNs can be dropped
 * (a full accept queue holds other clients, each drained well within a retry interval, so a
 * client is dropped at most 4 times: its last retry is at most 15 s after its connect, with
 * doubling or with Linux 6's linear retries); + the polling rounds or the operator's answers
 * the data needs.
 */
function budgetMs(s: Omit<Scenario, 'untilMs'>): number {
  const o = s.options ?? {};
  const recvSize = o.recvSize ?? 1024;
  const last = Math.max(...s.clients.flatMap((c) => c.actions.map((a) => a.at)));
  const chunks = s.clients.map((c) => {
    const msgs = messagesOf(c);
    // each recv either drains what has arrived (once per arrival at most) or returns recvSize bytes
    return msgs.length + Math.floor(encodeUtf8(msgs.join('')).length / recvSize) + 2;
  });
  let extra = 0;
  if (s.model === 'nonblocking') extra = Math.max(...chunks) * (o.pollSleepMs ?? 0) * 1.5;
  if (s.model === 'select-chat') extra = chunks.reduce((a, b) => a + b, 0) * ((o.answerDelayMs ?? 1000) + 2);
  const dropsPossible = s.clients.length >= (o.backlog ?? 5) + 2;
  return Math.ceil(last + 3000 + (dropsPossible ? 16_000 : 0) + extra);
}

const scenarioArb = (cfg: ModelConfig): fc.Arbitrary<Scenario> =>
  fc
    .record({
      plans: fc.array(planArb(cfg.chat ? chatText : echoText), { minLength: 1, maxLength: 5 }),
      recvSize: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 16 }), fc.integer({ min: 1, max: 2048 })),
      backlog: fc.oneof(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 8 })),
      cores: fc.integer({ min: 1, max: 2 }),
      /** null: the default loopback-like 0.02 ms. */
      latencyMs: fc.oneof(fc.constant(null), fc.constant(null), fc.constantFrom(0.001, 0.5, 2)),
      seed: fc.integer({ min: 0, max: 0xffffffff }),
      options: cfg.options,
    })
    .map(({ plans, recvSize, backlog, cores, latencyMs, seed, options }) => {
      const s: Scenario = {
        format: SCENARIO_FORMAT,
        id: 'prop',
        title: { en: cfg.label, zh: cfg.label },
        seed,
        model: cfg.model,
        options: { recvSize, backlog, cores, ...(latencyMs === null ? {} : { latencyMs }), ...options },
        clients: plans.map((p, i) => buildClient(NAMES[i]!, p)),
      };
      return { ...s, untilMs: budgetMs(s) };
    });

/* ───────────────────────── analysing a run ───────────────────────── */

interface ErrorFact {
  python: string;
  syscall: string;
  fatal: boolean;
  tid: number;
  client: string | null;
  tolerated: boolean;
}

interface Analysis {
  traceHash: string;
  /** Concatenated replies per client (byte strings). */
  replies: Map<string, string>;
  endNs: number;
  timeProblems: string[];
  readinessProblems: string[];
  /** recv (recvfrom or an io_uring recv) failing with an error on a socket whose FIN had arrived. */
  recvProblems: string[];
  /** Per client: "pid:fd" of every connection descriptor still open in a live process at the end. */
  openConnFds: Map<string, string[]>;
  /** When each client's FIN or RST left it (its close or reset actually happened). */
  leftAt: Map<string, number>;
  /** Clients whose connect was refused (RST to the SYN: nobody listening yet, or any more). */
  refused: Set<string>;
  /** A SYN refused while the server was listening. */
  refusalProblems: string[];
  mainAlive: boolean;
  listenOpenInMain: boolean;
  errors: ErrorFact[];
  /** Some tolerated error killed the main thread (the whole server). */
  fatalTolerated: boolean;
  /**
   * Clients a send failed to (EPIPE or ECONNRESET) after they had left: the known issue. It kills
   * the handler, with an error record, or silently (an asyncio task); either way its socket is
   * left open (CPython would close it once the dead handler's last reference went).
   */
  sendFailedAfterLeaving: Set<string>;
  /** How many ready fds were checked, and how many SYNs were dropped (to see what the runs covered). */
  readinessChecks: number;
  synDrops: number;
  /**
   * Signal-driven I/O's lost wakeup: the main thread ends asleep in a pause() it entered after a
   * SIGIO was delivered in user space whose Python handler had not run yet (it landed between
   * `if not ready:` and `signal.pause()`). Then the clients whose connection or bytes reached the
   * server after its last wake-up (the last pause() that returned); empty when there was none.
   */
  lostWakeupClients: Set<string>;
}

const hash = (text: string): string => createHash('sha256').update(text).digest('hex');

function readyProblem(
  fds: Map<number, FdWhat> | undefined,
  fd: number,
  socks: Map<number, SockState>,
): string | null {
  const what = fds?.get(fd);
  if (!what) return 'is not open';
  if (what.kind !== 'listen' && what.kind !== 'conn' && what.kind !== 'socket')
    return `is a ${what.kind}, not a socket`;
  const st = socks.get(what.sock) ?? newSock();
  if (what.kind === 'listen')
    return st.queued > 0 ? null : `is a listening socket with an empty accept queue (sock ${what.sock})`;
  if (what.kind === 'conn')
    return st.bytes > 0 || st.fin || st.rst
      ? null
      : `is a connection with no data, FIN or error (sock ${what.sock})`;
  return `is an unconnected socket (sock ${what.sock})`;
}

interface SockState {
  bytes: number;
  fin: boolean;
  rst: boolean;
  queued: number;
}
const newSock = (): SockState => ({ bytes: 0, fin: false, rst: false, queued: 0 });

function analyse(s: Scenario, seed?: number): Analysis {
  const r = runScenario(s, seed === undefined ? {} : { seed });
  const trace: TraceEvent[] = r.trace;
  const fdTables = new Map<number, Map<number, FdWhat>>();
  const exited = new Set<number>();
  const tidPid = new Map<number, number>();
  const socks = new Map<number, SockState>();
  const sock = (id: number): SockState => {
    let st = socks.get(id);
    if (!st) socks.set(id, (st = newSock()));
    return st;
  };
  const lastExit = new Map<number, Extract<TraceEvent, { type: 'sys.exit' }>>();
  const leftAt = new Map<string, number>();
  const timeProblems: string[] = [];
  const readinessProblems: string[] = [];
  const recvProblems: string[] = [];
  const ringPid = new Map<number, number>();
  const sqes = new Map<string, { op: string; fd: number }>();
  const finOf = (pid: number | undefined, fd: number): { sock: number; fin: boolean } | null => {
    const what = pid === undefined ? undefined : fdTables.get(pid)?.get(fd);
    return what?.kind === 'conn' ? { sock: what.sock, fin: sock(what.sock).fin } : null;
  };
  const errors: ErrorFact[] = [];
  const sendFailedAfterLeaving = new Set<string>();
  const endsBy = new Map(
    s.clients.map((c) => [c.name, c.actions.find((a) => a.do === 'close' || a.do === 'reset')?.do ?? null]),
  );
  let mainPid: number | null = null;
  let listenAt: number | null = null;
  let mainExitAt: number | null = null;
  const connected = new Set<string>();
  const refused = new Set<string>();
  const refusalProblems: string[] = [];
  let prevT = 0;
  let readinessChecks = 0;
  let synDrops = 0;
  const at = (e: TraceEvent) => `t=${e.t} ${e.type}`;
  // The lost wakeup (lostWakeupClients): the main thread's C-level SIGIO flag is set (signal.handle)
  // until its Python handler runs (the 'py' line noted pyHandler).
  const sockClient = new Map<number, string>();
  const arrivals: { t: number; client: string }[] = [];
  let tripped = false;
  let lastWakeNs = 0;
  let lostPauseAt: number | null = null;

  for (const e of trace) {
    if (e.t < prevT) timeProblems.push(`${at(e)} comes after t=${prevT}`);
    prevT = Math.max(prevT, e.t);
    if (e.t > r.endNs) timeProblems.push(`${at(e)} is after endNs=${r.endNs}`);
    switch (e.type) {
      case 'proc.start':
        fdTables.set(e.pid, new Map());
        if (e.parent === null && mainPid === null) mainPid = e.pid;
        break;
      case 'proc.exit':
        exited.add(e.pid);
        if (e.pid === mainPid) mainExitAt = e.t;
        break;
      case 'sock.listen':
        if (listenAt === null) listenAt = e.t;
        break;
      case 'sock.syn':
        if (e.outcome === 'dropped') synDrops++;
        if (e.outcome === 'queued' && e.sock !== -1) arrivals.push({ t: e.t, client: e.client });
        if (
          e.sock === -1 &&
          !(listenAt === null || e.t < listenAt || (mainExitAt !== null && e.t >= mainExitAt))
        ) {
          refusalProblems.push(
            `${at(e)}: ${e.client}'s SYN was refused although the server listens since t=${listenAt}`,
          );
        }
        break;
      case 'client.connected':
        connected.add(e.client);
        break;
      case 'client.eof':
        if (e.reset && !connected.has(e.client)) refused.add(e.client);
        break;
      case 'thread.start':
        tidPid.set(e.tid, e.pid);
        break;
      case 'fd.open':
        fdTables.get(e.pid)?.set(e.fd, e.what);
        // Bytes that arrive before the accept are read in the same round: only later ones can wait.
        if (e.what.kind === 'conn') sockClient.set(e.what.sock, e.what.client);
        if (e.what.kind === 'uring') ringPid.set(e.what.ring, e.pid);
        break;
      case 'uring.sqe':
        sqes.set(`${e.ring}:${e.userData}`, { op: e.op, fd: e.fd });
        break;
      case 'uring.cqe': {
        const sqe = sqes.get(`${e.ring}:${e.userData}`);
        if (sqe?.op !== 'recv' || e.res >= 0) break;
        const st = finOf(ringPid.get(e.ring), sqe.fd);
        if (st?.fin)
          recvProblems.push(
            `${at(e)}: io_uring recv on fd ${sqe.fd} (sock ${st.sock}) completed with ${e.res}, but its FIN had arrived: a recv returns 0 then`,
          );
        break;
      }
      case 'fd.close':
        fdTables.get(e.pid)?.delete(e.fd);
        break;
      case 'sock.rx': {
        const client = sockClient.get(e.sock);
        if (client !== undefined) arrivals.push({ t: e.t, client });
        const st = sock(e.sock);
        st.bytes += e.data.length;
        if (st.bytes !== e.total)
          readinessProblems.push(
            `${at(e)}: sock ${e.sock} holds ${st.bytes} bytes by replay, the event says ${e.total}`,
          );
        break;
      }
      case 'sock.take': {
        const st = sock(e.sock);
        st.bytes -= e.bytes;
        if (st.bytes < 0 || st.bytes !== e.total)
          readinessProblems.push(
            `${at(e)}: sock ${e.sock} holds ${st.bytes} bytes by replay, the event says ${e.total}`,
          );
        break;
      }
      case 'sock.fin':
        sock(e.sock).fin = true;
        break;
      case 'sock.rst':
        sock(e.sock).rst = true;
        break;
      case 'sock.accept-queue':
        sock(e.sock).queued += e.op === 'push' ? 1 : -1;
        break;
      case 'select.scan':
      case 'poll.scan': {
        const pid = tidPid.get(e.tid)!;
        for (const fd of e.ready) {
          readinessChecks++;
          if (!e.watched.includes(fd))
            readinessProblems.push(
              `${at(e)}: fd ${fd} is ready but was not watched (${JSON.stringify(e.watched)})`,
            );
          const p = readyProblem(fdTables.get(pid), fd, socks);
          if (p) readinessProblems.push(`${at(e)} (pid ${pid}) reports fd ${fd}, which ${p}`);
        }
        break;
      }
      case 'signal.handle':
        if (e.tid === mainPid) tripped = true;
        break;
      case 'py':
        if (e.tid === mainPid && e.note === 'narr.note.pyHandler') tripped = false;
        break;
      case 'sys.exit': {
        if (e.enterT > e.t) timeProblems.push(`${at(e)} ${e.name}: enterT=${e.enterT} is after its exit`);
        if (e.tid === mainPid) {
          lostPauseAt = null;
          if (e.name === 'pause') lastWakeNs = e.t;
        }
        lastExit.set(e.tid, e);
        if (e.name === 'sendto' && (e.errno === 'EPIPE' || e.errno === 'ECONNRESET')) {
          const what = fdTables.get(tidPid.get(e.tid)!)?.get(Number(/^sendto\((\d+),/.exec(e.strace)?.[1]));
          const left = what?.kind === 'conn' ? leftAt.get(what.client) : undefined;
          if (what?.kind === 'conn' && left !== undefined && left < e.t)
            sendFailedAfterLeaving.add(what.client);
        }
        if (e.name === 'recvfrom' && e.errno !== undefined && e.errno !== 'EAGAIN') {
          const st = finOf(tidPid.get(e.tid), Number(/^recvfrom\((\d+),/.exec(e.strace)?.[1]));
          if (st?.fin)
            recvProblems.push(
              `${at(e)}: ${e.strace}, but the FIN of sock ${st.sock} had arrived: a recv returns 0 then`,
            );
        }
        if (e.name === 'epoll_wait' && e.ret > 0) {
          const pid = tidPid.get(e.tid)!;
          const fds = [...e.strace.matchAll(/data=\{u32=(\d+)/g)].map((m) => Number(m[1]));
          if (fds.length !== e.ret)
            readinessProblems.push(
              `${at(e)}: epoll_wait returned ${e.ret} but lists ${fds.length} events: ${e.strace}`,
            );
          for (const fd of fds) {
            readinessChecks++;
            const p = readyProblem(fdTables.get(pid), fd, socks);
            if (p)
              readinessProblems.push(
                `${at(e)} (pid ${pid}) epoll_wait reports fd ${fd}, which ${p}: ${e.strace}`,
              );
          }
        }
        break;
      }
      case 'sys.block':
        if (e.enterT > e.t) timeProblems.push(`${at(e)} ${e.name}: enterT=${e.enterT} is after it blocked`);
        if (e.tid === mainPid && e.name === 'pause' && tripped) lostPauseAt = e.t;
        break;
      case 'net.packet':
        if (e.from !== 'server' && (e.kind === 'FIN' || e.kind === 'RST') && !leftAt.has(e.from))
          leftAt.set(e.from, e.t);
        break;
      case 'error': {
        // Which client's connection the failing call was on (the error is raised by the call just made).
        const call = lastExit.get(e.tid);
        const pid = tidPid.get(e.tid)!;
        const fd = call ? /^\w+\((\d+),/.exec(call.strace)?.[1] : undefined;
        const what = fd === undefined ? undefined : fdTables.get(pid)?.get(Number(fd));
        const client = what?.kind === 'conn' ? what.client : null;
        const left = client === null ? undefined : leftAt.get(client);
        const departed =
          client !== null &&
          left !== undefined &&
          left < e.t &&
          call !== undefined &&
          call.name === 'sendto' &&
          ((call.errno === 'EPIPE' &&
            e.python.startsWith('BrokenPipeError:') &&
            endsBy.get(client) === 'close') ||
            (call.errno === 'ECONNRESET' &&
              e.python.startsWith('ConnectionResetError:') &&
              endsBy.get(client) === 'reset'));
        errors.push({
          python: e.python,
          syscall: e.syscall,
          fatal: e.fatal,
          tid: e.tid,
          client,
          tolerated: TOLERATE_SEND_TO_DEPARTED_CLIENT && departed,
        });
        break;
      }
      default:
        break;
    }
  }

  const replies = new Map<string, string>();
  let prevReply = 0;
  for (const rep of r.replies) {
    replies.set(rep.client, (replies.get(rep.client) ?? '') + rep.data);
    if (rep.atNs > r.endNs)
      timeProblems.push(`reply to ${rep.client} at ${rep.atNs} is after endNs=${r.endNs}`);
    if (rep.atNs < prevReply)
      timeProblems.push(
        `reply to ${rep.client} at ${rep.atNs} comes before an earlier reply at ${prevReply}`,
      );
    prevReply = rep.atNs;
  }

  const openConnFds = new Map<string, string[]>();
  for (const [pid, table] of fdTables) {
    if (exited.has(pid)) continue;
    for (const [fd, what] of table) {
      if (what.kind !== 'conn') continue;
      openConnFds.set(what.client, [...(openConnFds.get(what.client) ?? []), `${pid}:${fd}`]);
    }
  }
  const mainTable = mainPid === null ? undefined : fdTables.get(mainPid);
  return {
    traceHash: hash(JSON.stringify(trace)),
    replies,
    endNs: r.endNs,
    timeProblems,
    readinessProblems,
    recvProblems,
    openConnFds,
    leftAt,
    refused,
    refusalProblems,
    mainAlive: mainPid !== null && !exited.has(mainPid),
    listenOpenInMain: [...(mainTable?.values() ?? [])].some((w) => w.kind === 'listen'),
    errors,
    fatalTolerated: errors.some((e) => e.tolerated && e.fatal),
    sendFailedAfterLeaving,
    readinessChecks,
    synDrops,
    lostWakeupClients: new Set(
      lostPauseAt === null || (mainPid !== null && exited.has(mainPid))
        ? []
        : arrivals.filter((x) => x.t > lastWakeNs).map((x) => x.client),
    ),
  };
}

/** The never-leaving clients a correct server must serve in full under this model. */
function mustServe(cfg: ModelConfig, s: Scenario, a: Analysis): Set<string> {
  // A client that connects before the server listens is refused (ECONNREFUSED) and never served.
  const staying = s.clients.filter((c) => !ends(c) && !a.refused.has(c.name)).map((c) => c.name);
  if (!cfg.fixed || a.fatalTolerated) return new Set();
  // One client at a time: a client that never leaves keeps every later one waiting.
  if (cfg.model === 'blocking' && staying.length > 1) return new Set();
  // The signal-driven listing's lost wakeup (Analysis.lostWakeupClients), real on Linux too: a
  // SIGIO landing between its `if not ready:` test and signal.pause() is handled by CPython's C
  // handler, the Python one runs only after pause() returns, and pause() waits for the next SIGIO.
  // Bytes that reached the server after its last wake-up then wait for ever if none comes.
  // Evidence: tools/record-strace/sigio_race.py catches it with the unmodified listing, and
  // fixtures/fidelity/evidence/sigio-lost-wakeup.strace is its real strace (checked in
  // src/fidelity/sigio-lost-wakeup.test.ts against the simulator's soak counterexample).
  if (cfg.model === 'signal-driven') return new Set(staying.filter((n) => !a.lostWakeupClients.has(n)));
  if (cfg.model === 'thread-pool') {
    const poolSize = s.options?.poolSize ?? (OPTION_SPECS.poolSize.default as number);
    // More clients that never leave than workers: the later ones wait for ever. A worker killed
    // by a tolerated error is never replaced either.
    if (staying.length > poolSize || a.errors.some((e) => e.tolerated)) return new Set();
  }
  return new Set(staying);
}

/* ───────────────────────── the properties ───────────────────────── */

const show = (s: Scenario): string => JSON.stringify(s);
const pyErrorRe = /^(OSError|BlockingIOError|ConnectionResetError|BrokenPipeError|ValueError|EOFError): /;

function checkEcho(cfg: ModelConfig, s: Scenario, a: Analysis): void {
  expect(a.refusalProblems.slice(0, 5)).toEqual([]);
  const full = mustServe(cfg, s, a);
  for (const c of s.clients) {
    const got = a.replies.get(c.name) ?? '';
    const want = expectedEcho(c);
    if (full.has(c.name)) expect(got, `${c.name} must get back exactly its bytes upper-cased`).toBe(want);
    else
      expect(
        want.startsWith(got),
        `${c.name}'s replies ${JSON.stringify(got)} must be a prefix of ${JSON.stringify(want)}`,
      ).toBe(true);
  }
}

function checkFds(cfg: ModelConfig, s: Scenario, a: Analysis): void {
  if (a.mainAlive)
    expect(a.listenOpenInMain, 'the listening socket stays open in the main process').toBe(true);
  if (!cfg.fixed) return;
  if (!a.fatalTolerated) expect(a.mainAlive, 'a fixed server keeps running').toBe(true);
  const staying = s.clients.filter((c) => !ends(c) && !a.refused.has(c.name)).length;
  if (cfg.model === 'thread-pool') {
    const poolSize = s.options?.poolSize ?? (OPTION_SPECS.poolSize.default as number);
    // When the clients that never leave can hold every worker, a connection queued behind them
    // waits for ever, still open: that is the pool's behaviour, not a leak.
    if (staying >= poolSize || a.errors.some((e) => e.tolerated)) return;
  }
  // Handlers killed by the tolerated known issue leave their socket open (see sendFailedAfterLeaving).
  const deadHandlers = TOLERATE_SEND_TO_DEPARTED_CLIENT ? a.sendFailedAfterLeaving : new Set<string>();
  for (const c of s.clients) {
    const left = a.leftAt.get(c.name);
    if (left === undefined || left > a.endNs - 500 * MS || deadHandlers.has(c.name)) continue;
    expect(
      a.openConnFds.get(c.name) ?? [],
      `${c.name} left at ${left} ns: no server process may still hold its connection`,
    ).toEqual([]);
  }
}

function checkTime(a: Analysis): void {
  expect(a.timeProblems.slice(0, 5)).toEqual([]);
}

function checkReadiness(a: Analysis): void {
  expect(a.readinessProblems.slice(0, 5)).toEqual([]);
}

function checkRecv(a: Analysis): void {
  expect(a.recvProblems.slice(0, 5)).toEqual([]);
}

function checkErrors(cfg: ModelConfig, s: Scenario, a: Analysis): void {
  for (const e of a.errors) expect(e.python).toMatch(pyErrorRe);
  if (cfg.fixed) {
    expect(
      a.errors.filter((e) => !e.tolerated).map((e) => `${e.python} (${e.syscall}, client ${e.client})`),
    ).toEqual([]);
  } else if (cfg.chat) {
    // The chat pitfall dies of BrokenPipeError once a client leaves; a client's reset reaches it
    // first as ConnectionResetError from recv (the listing catches nothing).
    const someReset = s.clients.some((c) => c.actions.some((x) => x.do === 'reset'));
    for (const e of a.errors) {
      const ok =
        e.python.startsWith('BrokenPipeError:') ||
        (someReset && e.python.startsWith('ConnectionResetError:'));
      expect(ok, `chat pitfall error ${e.python}`).toBe(true);
    }
  }
}

describe.each(CONFIGS)('random schedules: $label', (cfg) => {
  const arb = scenarioArb(cfg);
  const cache = new Map<string, Analysis>();
  const analysed = (s: Scenario): Analysis => {
    const key = show(s);
    let a = cache.get(key);
    if (!a) {
      a = analyse(s);
      cache.set(key, a);
    }
    return a;
  };
  afterAll(() => {
    // npm run soak (scripts/soak.mjs) counts these lines.
    if (process.env.FC_SOAK)
      console.log(
        `soak: ${cfg.label}: ${RUNS} random schedules per property (${cache.size} distinct scenarios run), seed ${SEED}`,
      );
    if (process.env.FC_STATS) {
      const all = [...cache.entries()].map(([k, a]) => ({ s: JSON.parse(k) as Scenario, a }));
      const count = (f: (x: { s: Scenario; a: Analysis }) => boolean) => all.filter(f).length;
      console.log(cfg.label, {
        runs: all.length,
        tolerated: count((x) => x.a.errors.some((e) => e.tolerated)),
        fatal: count((x) => x.a.fatalTolerated),
        errors: [...new Set(all.flatMap((x) => x.a.errors.map((e) => e.python)))],
        mustServe: count((x) => mustServe(cfg, x.s, x.a).size > 0),
        served: all.reduce((n, x) => n + mustServe(cfg, x.s, x.a).size, 0),
        checkedReadiness: all.reduce((n, x) => n + x.a.readinessChecks, 0),
        drops: count((x) => x.a.synDrops > 0),
        lostWakeups: count((x) => x.a.lostWakeupClients.size > 0),
        leftClients: all.reduce((n, x) => n + x.a.leftAt.size, 0),
      });
    }
    cache.clear();
  });

  it('7a. every generated scenario passes the validator, also after a JSON round trip', () => {
    fc.assert(
      fc.property(arb, (s) => {
        const v = validateScenario(s);
        expect(v.ok ? [] : v.problems).toEqual([]);
        expect(parseScenario(JSON.stringify(s)).ok).toBe(true);
      }),
      params(RUNS * 3),
    );
  });

  it(
    '1. echo exactly once: bytes upper-cased, in order, nothing duplicated or invented',
    () => {
      fc.assert(
        fc.property(arb, (s) => checkEcho(cfg, s, analysed(s))),
        params(),
      );
    },
    TIMEOUT,
  );

  it(
    '2. no fd leaks: a departed client leaves no connection open; the listener stays open',
    () => {
      fc.assert(
        fc.property(arb, (s) => checkFds(cfg, s, analysed(s))),
        params(),
      );
    },
    TIMEOUT,
  );

  it(
    '3. time never goes back',
    () => {
      fc.assert(
        fc.property(arb, (s) => checkTime(analysed(s))),
        params(),
      );
    },
    TIMEOUT,
  );

  it(
    '4. determinism: same seed, same trace; another seed, the same echoed content',
    () => {
      fc.assert(
        fc.property(arb, fc.integer({ min: 0, max: 0xffffffff }), (s, otherSeed) => {
          const a = analysed(s);
          const again = analyse(s);
          expect(again.traceHash, 'same scenario and seed: the same trace').toBe(a.traceHash);
          expect([...again.replies]).toEqual([...a.replies]);
          const b = analyse(s, otherSeed === s.seed ? otherSeed ^ 1 : otherSeed);
          const both = [...mustServe(cfg, s, a)].filter((name) => mustServe(cfg, s, b).has(name));
          for (const name of both)
            expect(b.replies.get(name) ?? '', `${name} with another seed`).toBe(a.replies.get(name) ?? '');
        }),
        params(Math.ceil(RUNS / 2)),
      );
    },
    TIMEOUT,
  );

  it(
    '5. readiness honesty: select, poll and epoll report only ready fds',
    () => {
      fc.assert(
        fc.property(arb, (s) => checkReadiness(analysed(s))),
        params(),
      );
    },
    TIMEOUT,
  );

  it(
    '5b. a FIN wins over a pending error: recv after FIN returns 0, never an error',
    () => {
      fc.assert(
        fc.property(arb, (s) => checkRecv(analysed(s))),
        params(),
      );
    },
    TIMEOUT,
  );

  it(
    "6. errors are Python's, and the fixed servers raise none",
    () => {
      fc.assert(
        fc.property(arb, (s) => checkErrors(cfg, s, analysed(s))),
        params(),
      );
    },
    TIMEOUT,
  );
});

/* ───────────────────────── 7b. the validator on junk ───────────────────────── */

function checkValidation(v: Validation): void {
  if (v.ok) {
    expect(v.scenario).toBeDefined();
    return;
  }
  expect(v.problems.length).toBeGreaterThan(0);
  for (const p of v.problems) {
    expect(typeof p.path === 'string' && p.path.length > 0, `problem path ${JSON.stringify(p.path)}`).toBe(
      true,
    );
    expect(
      typeof p.message === 'string' && p.message.length > 0,
      `problem message ${JSON.stringify(p.message)}`,
    ).toBe(true);
  }
}

/** Keys a mutation may touch: the format's own, ones every object inherits, and random ones. */
const KNOWN_KEYS = [
  'format',
  'id',
  'title',
  'description',
  'seed',
  'model',
  'options',
  'clients',
  'idleConnections',
  'untilMs',
  'en',
  'zh',
  'name',
  'actions',
  'at',
  'do',
  'data',
  ...Object.keys(OPTION_SPECS),
];
const PROTO_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];
const keyArb = fc.oneof(
  fc.constantFrom(...KNOWN_KEYS),
  fc.constantFrom(...PROTO_KEYS),
  fc.string({ maxLength: 8 }),
);
const junkValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom<unknown>(
    null,
    0,
    -1,
    1.5,
    1e308,
    '',
    'x',
    true,
    [],
    {},
    'fixed',
    'pitfall',
    'edge',
    'connect',
    'send',
    'close',
    SCENARIO_FORMAT,
    ...MODELS,
  ),
);

interface Mutation {
  target: number;
  op: 'set' | 'delete';
  key: string;
  value: unknown;
}
const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  target: fc.nat(),
  op: fc.constantFrom('set' as const, 'delete' as const),
  key: keyArb,
  value: junkValue,
});

/** Every object inside a JSON value (the root first). */
function objectsIn(v: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(v)) v.forEach((x) => objectsIn(x, out));
  else if (typeof v === 'object' && v !== null) {
    out.push(v as Record<string, unknown>);
    Object.values(v).forEach((x) => objectsIn(x, out));
  }
  return out;
}

/** Applies mutations as JSON.parse would build them: own, enumerable properties (even "__proto__"). */
function mutate(base: unknown, mutations: Mutation[]): unknown {
  const root: unknown = JSON.parse(JSON.stringify(base));
  for (const m of mutations) {
    const objects = objectsIn(root);
    if (objects.length === 0) break;
    const obj = objects[m.target % objects.length]!;
    if (m.op === 'delete') delete obj[m.key];
    else
      Object.defineProperty(obj, m.key, {
        value: JSON.parse(JSON.stringify(m.value ?? null)),
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return root;
}

/** JSON text of a value with own "__proto__" keys kept (JSON.stringify keeps them too). */
const toJson = (v: unknown): string => JSON.stringify(v);

describe('7b. the validator never throws on junk', () => {
  const validArb = scenarioArb(CONFIGS[6]!);
  const mutatedArb = fc
    .tuple(validArb, fc.array(mutationArb, { minLength: 1, maxLength: 6 }))
    .map(([s, ms]) => mutate(s, ms));

  it('parseScenario(any text) returns ok or located problems', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.json(), mutatedArb.map(toJson)),
        (text) => {
          checkValidation(parseScenario(text));
        },
      ),
      params(RUNS * 10),
    );
  });

  it('validateScenario(any JSON value) returns ok or located problems', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), mutatedArb), (value) => {
        checkValidation(validateScenario(value));
      }),
      params(RUNS * 10),
    );
  });
});

/* ───────────────────────── regressions: concrete cases the properties found ───────────────────────── */

const scenarioOf = (
  model: Model,
  options: ScenarioOptions,
  clients: ScenarioClient[],
  untilMs = 1000,
): Scenario => ({
  format: SCENARIO_FORMAT,
  id: 'regression',
  title: { en: 'regression', zh: 'regression' },
  seed: 1,
  model,
  options,
  clients,
  untilMs,
});
const LONG = 'The quick brown fox jumps over the lazy dog. '.repeat(14); // 630 bytes: at recv(1), ~2 ms of echoing
const repliesTo = (a: Analysis, name: string): string => a.replies.get(name) ?? '';

/** The fixed echo servers, with the options that make the known issue show quickly. */
const ECHO_MODELS: [string, Model, ScenarioOptions][] = [
  ['blocking', 'blocking', {}],
  ['thread-per-connection', 'thread-per-connection', {}],
  ['process-per-connection', 'process-per-connection', {}],
  ['thread-pool', 'thread-pool', {}],
  ['nonblocking', 'nonblocking', { pollSleepMs: 10 }],
  ['select', 'select', {}],
  ['poll', 'poll', {}],
  ['epoll (level)', 'epoll', {}],
  ['epoll (edge)', 'epoll', { trigger: 'edge' }],
  ['selectors', 'selectors', {}],
  ['signal-driven', 'signal-driven', {}],
  ['async-io', 'async-io', {}],
  ['asyncio', 'asyncio', {}],
];

/**
 * ann sends a long message and leaves 1 ms later while its echo is still going out; ben, a
 * bystander, connects afterwards and must still be served. A fixed server survives with no
 * error and closes ann's connection.
 */
function leavesMidReply(end: 'close' | 'reset'): string[] {
  const failures: string[] = [];
  for (const [label, model, options] of ECHO_MODELS) {
    const s = scenarioOf(model, { recvSize: 1, ...options }, [
      {
        name: 'ann',
        actions: [
          { at: 0, do: 'connect' },
          { at: 10, do: 'send', data: LONG },
          { at: 11, do: end },
        ],
      },
      {
        name: 'ben',
        actions: [
          { at: 50, do: 'connect' },
          { at: 100, do: 'send', data: 'still here' },
        ],
      },
    ]);
    const a = analyse(s);
    const problems = [
      ...a.errors.map((e) => `${e.python} (${e.syscall})`),
      ...(repliesTo(a, 'ben') === 'STILL HERE' ? [] : [`ben got ${JSON.stringify(repliesTo(a, 'ben'))}`]),
      ...(a.openConnFds.get('ann') ?? []).map((fd) => `ann's connection still open (pid:fd ${fd})`),
    ];
    if (problems.length) failures.push(`${label}: ${problems.join('; ')}`);
  }
  return failures;
}

describe('regressions', () => {
  it('regression: process-per-connection forks again after a child has exited (stdio was not reference-counted)', () => {
    // Before the fix the kernel threw "Cannot read properties of undefined (reading 'what')" at the second fork.
    const s = scenarioOf('process-per-connection', {}, [
      {
        name: 'ann',
        actions: [
          { at: 0, do: 'connect' },
          { at: 10, do: 'send', data: 'one' },
          { at: 20, do: 'close' },
        ],
      },
      {
        name: 'ben',
        actions: [
          { at: 100, do: 'connect' },
          { at: 110, do: 'send', data: 'two' },
        ],
      },
    ]);
    const a = analyse(s);
    expect([repliesTo(a, 'ann'), repliesTo(a, 'ben')]).toEqual(['ONE', 'TWO']);
    expect(a.errors).toEqual([]);
  });

  it('regression: the validator reports option names inherited from Object.prototype instead of throwing', () => {
    const valid = scenarioOf('select', {}, []);
    for (const key of PROTO_KEYS) {
      const v = parseScenario(
        JSON.stringify(valid).replace('"options":{}', `"options":{${JSON.stringify(key)}:1}`),
      );
      expect(v.ok ? [] : v.problems, key).toEqual([
        { path: `options.${key}`, message: 'is not a known option' },
      ]);
    }
  });

  // Once a known issue: the echo listings (and programs) now treat a send to a departed client
  // like the recv does.
  it('regression: a fixed echo server survives a client that closes while its echo is in flight (BrokenPipeError)', () => {
    const failures = leavesMidReply('close');
    expect(failures, failures.join('\n')).toEqual([]);
  });

  it('regression: a fixed echo server survives a client that resets while its echo is in flight (ConnectionResetError from send)', () => {
    const failures = leavesMidReply('reset');
    expect(failures, failures.join('\n')).toEqual([]);
  });

  it('regression: a thread-pool worker survives an exception in handle() (ThreadPoolExecutor keeps it in the Future)', () => {
    // CPython's _WorkItem.run() catches the exception; the worker releases the idle semaphore and
    // takes the next job. A pool of one must still serve ben after ann's handler failed.
    const s = scenarioOf('thread-pool', { recvSize: 1, poolSize: 1 }, [
      {
        name: 'ann',
        actions: [
          { at: 0, do: 'connect' },
          { at: 10, do: 'send', data: LONG },
          { at: 11, do: 'close' },
        ],
      },
      {
        name: 'ben',
        actions: [
          { at: 50, do: 'connect' },
          { at: 100, do: 'send', data: 'still here' },
        ],
      },
    ]);
    expect(repliesTo(analyse(s), 'ben')).toBe('STILL HERE');
  });
});
