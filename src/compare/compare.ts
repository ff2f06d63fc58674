/**
 * The models side by side: one client workload, one scenario per echo model, and for each run
 * (a "lane") what every server thread is doing over time — running Python, ready for a core,
 * blocked waiting for data (and in which call), copying data from the kernel, or in another
 * system call — plus when each client got each reply. Pure: it reads only the trace.
 */
import type { Ns, SysName, TraceEvent, WaitOn } from '../kernel/types.ts';
import { MS } from '../kernel/types.ts';
import {
  MODELS,
  SCENARIO_FORMAT,
  defaultUntilMs,
  type Model,
  type Scenario,
  type ScenarioClient,
} from '../scenarios/format.ts';

/** Every model that serves the echo workload (the chat room answers from a console instead). */
export const COMPARE_MODELS: readonly Model[] = MODELS.filter((m) => m !== 'select-chat');

/** The five models of the classic figure (Stevens, UNIX Network Programming, 6.2). */
export const CLASSIC_MODELS: readonly Model[] = [
  'blocking',
  'nonblocking',
  'select',
  'signal-driven',
  'async-io',
];

export function isCompareModel(value: string): value is Model {
  return (COMPARE_MODELS as readonly string[]).includes(value);
}

export interface Workload {
  seed: number;
  clients: ScenarioClient[];
  untilMs: number;
}

/**
 * Three clients. ann connects first but is slow to speak; ben and cat connect after her and
 * speak at once. A server that serves one client at a time is stuck on ann while the others wait.
 */
export const DEFAULT_WORKLOAD: Workload = {
  seed: 1,
  clients: [
    {
      name: 'ann',
      actions: [
        { at: 0, do: 'connect' },
        { at: 300, do: 'send', data: 'slow' },
        { at: 600, do: 'close' },
      ],
    },
    {
      name: 'ben',
      actions: [
        { at: 50, do: 'connect' },
        { at: 100, do: 'send', data: 'hi' },
        { at: 700, do: 'close' },
      ],
    },
    {
      name: 'cat',
      actions: [
        { at: 100, do: 'connect' },
        { at: 200, do: 'send', data: 'hey' },
        { at: 800, do: 'close' },
      ],
    },
  ],
  untilMs: 1000,
};

/** The non-blocking server sleeps between polling rounds (a pure busy loop would write ~400 events per ms). */
export const COMPARE_POLL_SLEEP_MS = 50;

/** The workload as a scenario of one model. */
export function compareScenario(model: Model, w: Workload = DEFAULT_WORKLOAD): Scenario {
  return {
    format: SCENARIO_FORMAT,
    id: `compare-${model}`,
    title: { en: `${model}: the shared workload`, zh: `${model}：同一组客户端` },
    seed: w.seed,
    model,
    options: model === 'nonblocking' ? { pollSleepMs: COMPARE_POLL_SLEEP_MS } : {},
    clients: w.clients,
    untilMs: w.untilMs,
  };
}

/** When each client action happens (client side), in ns. */
export function workloadActions(
  w: Workload = DEFAULT_WORKLOAD,
): { client: string; t: Ns; do: string; data?: string }[] {
  return w.clients
    .flatMap((c) =>
      c.actions.map((a) => ({
        client: c.name,
        t: Math.round(a.at * MS),
        do: a.do,
        ...(a.data !== undefined ? { data: a.data } : {}),
      })),
    )
    .sort((a, b) => a.t - b.t);
}

/* ── lanes ── */

/**
 * What a thread is doing: `waiting` — blocked until data (or a connection, a readiness report,
 * a signal, a completion) arrives; `copying` — in a read, the kernel copying the data into the
 * program's buffer; `syscall` — in any other kernel work; `running` — Python code; `ready` —
 * runnable, waiting for a core; `blocked` — asleep for another reason (a timer, a job queue, the GIL).
 */
export type Phase = 'running' | 'ready' | 'waiting' | 'copying' | 'syscall' | 'blocked';
export const PHASES: readonly Phase[] = ['waiting', 'copying', 'syscall', 'running', 'ready', 'blocked'];

/** Waits that end when something arrives from the outside (the first phase of a read). */
const DATA_WAITS = new Set<WaitOn['kind']>([
  'accept',
  'recv',
  'select',
  'poll',
  'epoll',
  'stdin',
  'signal',
  'uring',
]);

export interface Interval {
  start: Ns;
  end: Ns;
  phase: Phase;
  /** The system call in progress (null in Python code or a user-space wait). */
  call: SysName | null;
  /** What a blocked thread sleeps on. */
  on: WaitOn | null;
}

export type ThreadRole = 'main' | 'thread' | 'worker' | 'child';
export interface LaneThread {
  tid: number;
  pid: number;
  name: string;
  role: ThreadRole;
  index: number;
  start: Ns;
  end: Ns;
  intervals: Interval[];
}
export interface Reply {
  client: string;
  t: Ns;
  data: string;
}

export interface Lane {
  model: Model;
  threads: LaneThread[];
  replies: Reply[];
  /** Data the kernel copied for a thread that was not in a read (io_uring: the kernel does the copy). */
  kernelCopies: { tid: number; t: Ns; fd: number; bytes: number }[];
  /** Every moment the lane's picture changes (an interval starts or ends, a reply lands), sorted. */
  times: Ns[];
  end: Ns;
}

interface Live {
  state: 'running' | 'ready' | 'blocked' | 'exited';
  on: WaitOn | null;
  call: SysName | null;
  copying: boolean;
}

function phaseOf(l: Live): Omit<Interval, 'start' | 'end'> | null {
  switch (l.state) {
    case 'exited':
      return null;
    case 'ready':
      return { phase: 'ready', call: l.call, on: null };
    case 'blocked':
      return { phase: l.on && DATA_WAITS.has(l.on.kind) ? 'waiting' : 'blocked', call: l.call, on: l.on };
    case 'running':
      return { phase: l.call ? (l.copying ? 'copying' : 'syscall') : 'running', call: l.call, on: null };
  }
}

const same = (
  a: Omit<Interval, 'start' | 'end'> | null,
  b: Omit<Interval, 'start' | 'end'> | null,
): boolean =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.phase === b.phase &&
    a.call === b.call &&
    JSON.stringify(a.on) === JSON.stringify(b.on));

/** Builds a lane from one run's trace. */
export function buildLane(model: Model, trace: readonly TraceEvent[]): Lane {
  const threads = new Map<number, LaneThread>();
  const live = new Map<number, Live>();
  const open = new Map<number, Interval | null>();
  const replies: Reply[] = [];
  const kernelCopies: Lane['kernelCopies'] = [];
  let mainPid: number | null = null;
  const roleCount: Record<ThreadRole, number> = { main: 0, thread: 0, worker: 0, child: 0 };
  const end = trace.length ? trace[trace.length - 1]!.t : 0;

  const update = (tid: number, t: Ns): void => {
    const l = live.get(tid);
    const th = threads.get(tid);
    if (!l || !th) return;
    const now = phaseOf(l);
    const cur = open.get(tid) ?? null;
    if (same(cur, now)) return;
    if (cur) {
      cur.end = t;
      if (cur.end > cur.start) th.intervals.push(cur);
    }
    open.set(tid, now ? { start: t, end: t, ...now } : null);
  };

  for (const ev of trace) {
    switch (ev.type) {
      case 'thread.start': {
        mainPid ??= ev.pid;
        const role: ThreadRole =
          threads.size === 0
            ? 'main'
            : ev.pid !== mainPid
              ? 'child'
              : ev.name.startsWith('ThreadPoolExecutor')
                ? 'worker'
                : 'thread';
        threads.set(ev.tid, {
          tid: ev.tid,
          pid: ev.pid,
          name: ev.name,
          role,
          index: roleCount[role]++,
          start: ev.t,
          end,
          intervals: [],
        });
        live.set(ev.tid, { state: 'ready', on: null, call: null, copying: false });
        update(ev.tid, ev.t);
        break;
      }
      case 'thread.state': {
        const l = live.get(ev.tid);
        if (!l) break;
        l.state = ev.state;
        l.on = ev.state === 'blocked' ? (ev.on ?? null) : null;
        update(ev.tid, ev.t);
        break;
      }
      case 'thread.exit': {
        const l = live.get(ev.tid);
        if (!l) break;
        l.state = 'exited';
        const th = threads.get(ev.tid);
        if (th) th.end = ev.t;
        update(ev.tid, ev.t);
        break;
      }
      case 'sys.enter': {
        const l = live.get(ev.tid);
        if (!l) break;
        l.call = ev.name;
        l.copying = false;
        update(ev.tid, ev.t);
        break;
      }
      case 'sys.exit': {
        const l = live.get(ev.tid);
        if (!l) break;
        l.call = null;
        l.copying = false;
        update(ev.tid, ev.t);
        break;
      }
      case 'copy': {
        if (ev.dir !== 'to-user') break;
        const l = live.get(ev.tid);
        if (l && l.state === 'running' && l.call !== null && l.call !== 'io_uring_enter') {
          l.copying = true;
          update(ev.tid, ev.t);
        } else kernelCopies.push({ tid: ev.tid, t: ev.t, fd: ev.fd, bytes: ev.bytes });
        break;
      }
      case 'client.reply':
        replies.push({ client: ev.client, t: ev.t, data: ev.data });
        break;
      default:
        break;
    }
  }
  for (const [tid, cur] of open) {
    if (!cur) continue;
    cur.end = end;
    if (cur.end > cur.start) threads.get(tid)!.intervals.push(cur);
  }
  const times = new Set<Ns>([0, end]);
  for (const th of threads.values())
    for (const iv of th.intervals) {
      times.add(iv.start);
      times.add(iv.end);
    }
  for (const r of replies) times.add(r.t);
  return {
    model,
    threads: [...threads.values()],
    replies,
    kernelCopies,
    times: [...times].sort((a, b) => a - b),
    end,
  };
}

/** The scenario's stop time, in ns (the lanes of one workload share it). */
export function workloadEnd(w: Workload = DEFAULT_WORKLOAD): Ns {
  return Math.round(defaultUntilMs(compareScenario('blocking', w)) * MS);
}

/* ── the state at a moment ── */

export interface ThreadState {
  tid: number;
  role: ThreadRole;
  index: number;
  name: string;
  interval: Interval | null;
}
export interface LaneState {
  model: Model;
  threads: ThreadState[];
  replies: Reply[];
}

/** The interval a thread is in at time t (after every event at t), or null (not started, or gone). */
export function intervalAt(th: LaneThread, t: Ns): Interval | null {
  const ivs = th.intervals;
  let lo = 0;
  let hi = ivs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const iv = ivs[mid]!;
    if (t < iv.start) hi = mid - 1;
    else if (t >= iv.end) lo = mid + 1;
    else return iv;
  }
  return null;
}

/** Each thread's interval at time t, and the replies received by then. */
export function laneStateAt(lane: Lane, t: Ns): LaneState {
  return {
    model: lane.model,
    threads: lane.threads
      .filter((th) => th.start <= t && (th.end > t || th.end === lane.end))
      .map((th) => ({
        tid: th.tid,
        role: th.role,
        index: th.index,
        name: th.name,
        interval: intervalAt(th, t),
      })),
    replies: lane.replies.filter((r) => r.t <= t),
  };
}

/** Every moment at which any of the lanes changes, or a client acts; sorted, unique. */
export function stepTimes(lanes: readonly Lane[], actions: readonly { t: Ns }[] = []): Ns[] {
  const all = new Set<Ns>();
  for (const lane of lanes) for (const t of lane.times) all.add(t);
  for (const a of actions) all.add(a.t);
  return [...all].sort((a, b) => a - b);
}

/** The next (dir 1) or previous (dir -1) moment after/before t, or t itself at either end. */
export function stepFrom(times: readonly Ns[], t: Ns, dir: 1 | -1): Ns {
  if (times.length === 0) return t;
  if (dir > 0) {
    for (const x of times) if (x > t) return x;
    return Math.max(t, times[times.length - 1]!);
  }
  for (let i = times.length - 1; i >= 0; i--) if (times[i]! < t) return times[i]!;
  return Math.min(t, times[0]!);
}

/* ── a time axis that squeezes the quiet stretches ── */

export interface Squeeze {
  /** Piecewise-linear map: the moments (strictly increasing, from 0 to the end) to positions in [0, 1]. */
  domain: Ns[];
  range: number[];
  /** The quiet stretches (at least `quietNs` with nothing happening), where the axis marks a break. */
  breaks: { start: Ns; end: Ns }[];
}

/** How wide the stretch between two moments `gap` ns apart is drawn, before the lens. */
export function gapWeight(gap: Ns): number {
  return Math.log2(2 + gap / 100) ** 1.5;
}

/**
 * Places the moments so that the width between two of them grows with the logarithm of the time
 * between them: the microseconds in which a server works become visible beside the hundreds of
 * milliseconds it waits, and a longer wait is still drawn longer. With a `focus` time, a lens
 * widens the few moments around it (the cursor), so that stepping shows each change up close.
 */
export function squeezeAxis(
  times: readonly Ns[],
  end: Ns,
  focus: Ns | null = null,
  quietNs: Ns = 1 * MS,
): Squeeze {
  const domain = [...new Set([0, ...times, end])].filter((t) => t >= 0 && t <= end).sort((a, b) => a - b);
  const LENS = 16;
  const REACH = 6;
  let kf = -1;
  if (focus !== null) {
    kf = domain.findIndex((t) => t >= focus);
    if (kf < 0) kf = domain.length - 1;
  }
  const weights: number[] = [];
  for (let i = 1; i < domain.length; i++) {
    const base = gapWeight(domain[i]! - domain[i - 1]!);
    weights.push(kf < 0 ? base : base * (1 + LENS * Math.exp(-Math.abs(i - 0.5 - kf) / REACH)));
  }
  const total = weights.reduce((a, b) => a + b, 0);
  const range = [0];
  let x = 0;
  for (const w of weights) {
    x += w;
    range.push(total > 0 ? x / total : 1);
  }
  if (range.length) range[range.length - 1] = 1;
  const breaks: Squeeze['breaks'] = [];
  for (let i = 1; i < domain.length; i++)
    if (domain[i]! - domain[i - 1]! >= quietNs) breaks.push({ start: domain[i - 1]!, end: domain[i]! });
  return { domain, range, breaks };
}

/* ── a lane in numbers (the table) ── */

export interface LaneSummary {
  threads: number;
  /** Summed over the threads. */
  waitingNs: Ns;
  copyingNs: Ns;
  /** The calls in which a thread sleeps until data (or a connection, a signal…) arrives, in order of first use. */
  waitCalls: SysName[];
  /** Who copies received data into the program's buffer. */
  copier: 'thread' | 'kernel' | 'none';
  /** When each client got its first reply. */
  firstReply: Record<string, Ns>;
}

export function laneSummary(lane: Lane): LaneSummary {
  let waitingNs = 0;
  let copyingNs = 0;
  const waitCalls = new Map<SysName, Ns>();
  for (const th of lane.threads) {
    for (const iv of th.intervals) {
      if (iv.phase === 'waiting' && iv.call && (waitCalls.get(iv.call) ?? Infinity) > iv.start)
        waitCalls.set(iv.call, iv.start);
      if (iv.phase === 'waiting') waitingNs += iv.end - iv.start;
      if (iv.phase === 'copying') copyingNs += iv.end - iv.start;
    }
  }
  const firstReply: Record<string, Ns> = {};
  for (const r of lane.replies) if (!(r.client in firstReply)) firstReply[r.client] = r.t;
  return {
    threads: lane.threads.length,
    waitingNs,
    copyingNs,
    waitCalls: [...waitCalls].sort((a, b) => a[1] - b[1]).map(([call]) => call),
    copier: copyingNs > 0 ? 'thread' : lane.kernelCopies.length > 0 ? 'kernel' : 'none',
    firstReply,
  };
}
