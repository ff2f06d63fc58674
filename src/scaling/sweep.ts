/**
 * The C10K sweep: what each server model costs as the number of connections grows, measured
 * by the simulation kernel (metrics only, no trace), never drawn by hand.
 *
 * One point = one model serving N connections, of which a share is idle (connected, never
 * speaking) and the rest send messages at a given rate each. All N connect at time 0; once the
 * server has accepted them all, a measured window starts: messages arrive evenly spaced, and
 * the kernel's counters (CPU time, system calls, context switches…) are read at the start and
 * at the end of the window. Costs are divided by the messages served in it.
 *
 * Pure: no DOM, timers or clocks (the caller times it), same inputs, same numbers.
 */
import { Kernel } from '../kernel/kernel.ts';
import { FD_SETSIZE } from '../kernel/kernel.ts';
import { LINUX_CPYTHON_COSTS } from '../kernel/costs.ts';
import { MS } from '../kernel/types.ts';
import { resolveOptions, type Model, type Scenario, type ScenarioClient } from '../scenarios/format.ts';
import { machineConfig, SERVER_PORT } from '../scenarios/run.ts';
import { serverModel } from '../programs/index.ts';

/** The models whose curve means something (blocking serves one client at a time: no curve). */
export const SCALING_MODELS = [
  'thread-per-connection',
  'process-per-connection',
  'thread-pool',
  'nonblocking',
  'signal-driven',
  'select',
  'poll',
  'epoll',
  'asyncio',
  'async-io',
] as const satisfies readonly Model[];
export type ScalingModel = (typeof SCALING_MODELS)[number];

/** Connections on a log scale, 1 to 10,000 (the shipped sweep). */
export const DEFAULT_CONNECTIONS: readonly number[] = [1, 3, 10, 30, 100, 300, 1000, 3000, 10000];
/** What the lab offers: on to 100,000 connections (the points past 10,000 are computed in the page's worker). */
export const LAB_CONNECTIONS: readonly number[] = [...DEFAULT_CONNECTIONS, 30000, 100000];

export interface SweepParams {
  /** Share of the connections that never send (0 – 0.99; at least one connection is active). */
  idleShare: number;
  /** Messages per second each active connection sends. */
  rate: number;
  /** RLIMIT_NOFILE of the server. The sweep raises it by default so that only the models' own limits show. */
  fdLimit: number;
  /** Worker threads of the thread-pool model. */
  poolSize: number;
}

export const DEFAULT_PARAMS: SweepParams = { idleShare: 0.9, rate: 10, fdLimit: 1_048_576, poolSize: 4 };
export const IDLE_SHARE_MAX = 0.99;
export const RATE_MIN = 0.1;
export const RATE_MAX = 1000;

/** The listen() backlog of every point: Linux's somaxconn, so that bursts of connects queue. */
export const SWEEP_BACKLOG = 4096;
/** Messages measured per point (fewer when the window would be longer than WINDOW_MAX_MS). */
export const WINDOW_MESSAGES = 40;
/** A busy-polling loop costs simulation events for every simulated microsecond: its window is short. */
export const BUSY_WINDOW_MAX_MS = 10;
/** Time after the last message for its reply to come back (free for servers that sleep). */
const TAIL_MS = 20;
const BUSY_TAIL_MS = 1;
const ACTIVE_CONNECT_MS = 1;
/**
 * The busy-polling loop accepts one connection per pass over all sockets (N²/2 failed recv calls,
 * fast-forwarded by the kernel in these metrics-only runs: src/kernel/fast-forward.ts): past this
 * the sweep stops it (3,000 costs about 1 s of CPU here, 10,000 about 9 s: the probes of N²/2 sockets).
 */
export const BUSY_MAX_CONNECTIONS = 3000;
/** One failed recv of the busy loop (Python line, the call, the exception), a little over: a pass over n sockets. */
const BUSY_RECV_MS = 0.0015;

export interface PointMetrics {
  /** CPU time (user + system, all cores) per served message, ns. */
  cpuNs: number;
  /** System calls per served message. */
  syscalls: number;
  /** Kernel time spent finding out which sockets are ready, per served message, ns. */
  scanNs: number;
  /** Context switches per served message. */
  contextSwitches: number;
  /** Threads alive at the peak (all processes). */
  threads: number;
  /** Processes alive at the peak. */
  processes: number;
  /** Resident memory at the peak, bytes. */
  memoryBytes: number;
  /** Virtual memory reserved for thread stacks (not resident), bytes. */
  stackReservedBytes: number;
  /** CPU the model needs at this message rate, in cores (above 1 on one core: messages queue). */
  load: number;
  /** Reply latency, client send to client receive, µs. */
  latencyP50Us: number;
  latencyP95Us: number;
}

export type StopKind = 'fd-setsize' | 'emfile' | 'starved' | 'crashed' | 'too-slow' | 'setup';

export interface StopReason {
  kind: StopKind;
  /** The Python exception the server raised, exactly as the kernel reported it. */
  python?: string;
  /** Connections the server had accepted when it stopped. */
  accepted?: number;
}

export interface PointBase {
  model: ScalingModel;
  connections: number;
  idle: number;
  active: number;
  /** Simulation events processed for this point (its cost to compute). */
  events: number;
}

export type Point =
  | (PointBase & {
      ok: true;
      metrics: PointMetrics;
      served: number;
      sent: number;
      windowMs: number;
      setupMs: number;
    })
  | (PointBase & { ok: false; stop: StopReason });

/** How many of n connections are active (at least one) and idle. */
export function split(n: number, idleShare: number): { active: number; idle: number } {
  const active = Math.min(n, Math.max(1, Math.round(n * (1 - idleShare))));
  return { active, idle: n - active };
}

const isBusy = (model: ScalingModel): boolean => model === 'nonblocking';

/** The kernel time a call that asks "which sockets are ready?" is charged under. */
const READINESS_CALLS: Partial<Record<ScalingModel, string>> = {
  select: 'pselect6',
  poll: 'poll',
  epoll: 'epoll_wait',
  asyncio: 'epoll_wait',
};

/** A generous guess of when the server has accepted every connection; checked, and doubled if short. */
const perConnMs = (model: ScalingModel): number =>
  model === 'process-per-connection' ? 0.45 : model === 'thread-per-connection' ? 0.12 : 0.03;
const scans = (model: ScalingModel): boolean =>
  model === 'select' || model === 'poll' || model === 'signal-driven';

/**
 * Up to this many connections all connect at time 0 (the shipped sweep). Past it they connect in
 * waves the accept queue can hold, as a load generator ramps up: 100,000 SYNs at once against a
 * 4,096 backlog would outlast a client's six SYN retries (127 s), on Linux as here.
 */
export const RAMP_ABOVE = 10_000;
const RAMP_WAVE = SWEEP_BACKLOG;

/**
 * Time between two waves of a ramp: the server accepts a wave, with room to spare. A select/poll
 * server accepts one connection per call, and each call scans every fd (~70 ns each).
 */
function waveMs(model: ScalingModel, n: number): number {
  const scanPerConnMs = scans(model) ? n * 70e-6 : 0;
  return Math.ceil(RAMP_WAVE * (perConnMs(model) + scanPerConnMs) * 1.5) + 1;
}

function setupGuessMs(model: ScalingModel, n: number): number {
  const busyMs = isBusy(model) ? (n * n * BUSY_RECV_MS) / 2 : 0;
  if (n > RAMP_ABOVE) return Math.ceil(n / RAMP_WAVE) * waveMs(model, n) + busyMs + 5;
  const synWaves = Math.ceil(n / (SWEEP_BACKLOG + 1)) - 1; // SYNs past the queue are resent 1 s later
  const scanMs = scans(model) ? (n * n * 0.0004) / 1000 : 0;
  return synWaves * 1000 + n * perConnMs(model) + scanMs + busyMs + 5;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[i]!;
}

interface Counters {
  cpuNs: number;
  syscalls: number;
  scanNs: number;
  contextSwitches: number;
  eagain: number;
  events: number;
}

function counters(k: Kernel, model: ScalingModel): Counters {
  let syscalls = 0;
  for (const name in k.syscalls) syscalls += k.syscalls[name]!.count;
  const call = READINESS_CALLS[model];
  const scanNs = call ? (k.syscalls[call]?.kernelNs ?? 0) : 0;
  return {
    cpuNs: k.userNs + k.systemNs,
    syscalls,
    scanNs,
    contextSwitches: k.contextSwitches,
    eagain: k.eagain,
    events: k.events,
  };
}

/** Server-side connections that some process holds open (accepted). */
function acceptedConnections(k: Kernel): number {
  let n = 0;
  for (const s of k.socks.values()) if (s.kind === 'conn' && s.files.length > 0) n++;
  return n;
}

function stopFromError(python: string, accepted: number): StopReason {
  if (python.startsWith('ValueError') && python.includes('select'))
    return { kind: 'fd-setsize', python, accepted };
  if (python.includes('Errno 24')) return { kind: 'emfile', python, accepted };
  return { kind: 'crashed', python, accepted };
}

interface Schedule {
  scenario: Scenario;
  sends: Map<string, number[]>;
  t0Ns: number;
  t1Ns: number;
  messages: number;
  windowNs: number;
}

function schedule(model: ScalingModel, n: number, params: SweepParams, setupMs: number): Schedule {
  const { active, idle } = split(n, params.idleShare);
  const total = active * params.rate; // messages per second arriving at the server
  const busy = isBusy(model);
  let messages = WINDOW_MESSAGES;
  let spacingMs = 1000 / total;
  if (busy) {
    // A busy loop burns the same CPU whatever arrives: measure it over a short window and
    // divide its cost per second by the message rate (costPerMessage below).
    const windowMs = Math.min(WINDOW_MESSAGES * spacingMs, BUSY_WINDOW_MAX_MS);
    messages = Math.max(1, Math.min(WINDOW_MESSAGES, Math.floor(windowMs / spacingMs)));
    spacingMs = windowMs / messages;
  }
  const t0 = setupMs;
  const clients: ScenarioClient[] = [];
  const sends = new Map<string, number[]>();
  // A ramp (past RAMP_ABOVE): connection i connects with wave ⌊i / RAMP_WAVE⌋, the idle ones first;
  // the first wave's idle connections are the scenario's idleConnections, the later ones clients of their own.
  const ramp = n > RAMP_ABOVE ? waveMs(model, n) : 0;
  const connectAt = (i: number): number => Math.floor(i / RAMP_WAVE) * ramp;
  const idleAtZero = ramp ? Math.min(idle, RAMP_WAVE) : idle;
  for (let i = idleAtZero; i < idle; i++)
    clients.push({ name: `w${i}`, actions: [{ at: connectAt(i), do: 'connect' }] });
  for (let i = 0; i < active; i++) {
    const name = `a${i}`;
    // The active clients connect just after the idle ones (which hold the lowest fds, and a pool's workers).
    const at = ramp ? connectAt(idle + i) + ACTIVE_CONNECT_MS : ACTIVE_CONNECT_MS;
    const c: ScenarioClient = { name, actions: [{ at, do: 'connect' }] };
    const times: number[] = [];
    for (let j = i; j < messages; j += active) {
      const at = t0 + (j + 0.5) * spacingMs;
      c.actions.push({ at, do: 'send', data: `m${j}` });
      times.push(Math.round(at * MS));
    }
    clients.push(c);
    sends.set(name, times);
  }
  // A busy loop answers a message when its pass over all n sockets comes to it: one pass more.
  const windowMs = messages * spacingMs + (busy ? BUSY_TAIL_MS + n * BUSY_RECV_MS : TAIL_MS);
  const scenario: Scenario = {
    format: 'iolab/scenario@1',
    id: 'scaling',
    title: { en: 'scaling', zh: '规模' },
    seed: 1,
    model,
    options: {
      backlog: SWEEP_BACKLOG,
      fdLimit: params.fdLimit,
      ...(model === 'thread-pool' ? { poolSize: params.poolSize } : {}),
    },
    clients,
    idleConnections: idleAtZero,
    untilMs: t0 + windowMs,
  };
  return {
    scenario,
    sends,
    t0Ns: Math.round(t0 * MS),
    t1Ns: Math.round((t0 + windowMs) * MS),
    messages,
    windowNs: Math.round(windowMs * MS),
  };
}

/** Runs the kernel until just before time t (events at t itself belong to the caller's next phase). */
function runUntil(k: Kernel, tNs: number, watch: (k: Kernel) => boolean): boolean {
  const errors = k.errors.length;
  k.horizonNs = tNs; // the counters are read at tNs: fast-forward must not run past it
  for (;;) {
    const next = k.nextEventNs();
    if (next === undefined || next >= tNs) return true;
    if (!k.step()) return true;
    if (k.errors.length !== errors && watch(k)) return false;
  }
}

/**
 * The event cap of one point. The busy loop's N²/2 failed recv calls count their events (about
 * three each) although the kernel fast-forwards them: its cap grows with them.
 */
const maxEventsOf = (model: ScalingModel, n: number): number =>
  isBusy(model) ? Math.max(20_000_000, 4 * n * n) : 20_000_000;

/** One point of the sweep: model × connections, under the given idle share and rate. */
export function measurePoint(model: ScalingModel, n: number, params: SweepParams = DEFAULT_PARAMS): Point {
  const { active, idle } = split(n, params.idleShare);
  const base = { model, connections: n, idle, active };
  if (isBusy(model) && n > BUSY_MAX_CONNECTIONS)
    return { ...base, events: 0, ok: false, stop: { kind: 'too-slow' } };
  let setupMs = setupGuessMs(model, n);
  let events = 0;
  for (let attempt = 0; attempt < 4; attempt++, setupMs *= 2) {
    const plan = schedule(model, n, params, setupMs);
    const options = resolveOptions(plan.scenario);
    const kernel = new Kernel(
      machineConfig(plan.scenario, options, { keepTrace: false, maxEvents: maxEventsOf(model, n) }),
    );
    kernel.spawn('python3', serverModel(model, options).program({ options, port: SERVER_PORT }));
    // Setup: every connection connects at time 0; stop at the first Python error (select's fd limit, EMFILE…).
    let stop: StopReason | null = null;
    runUntil(kernel, plan.t0Ns, (k) => {
      stop = stopFromError(k.errors[k.errors.length - 1]!.python, acceptedConnections(k));
      return true;
    });
    if (stop) return { ...base, events: events + kernel.events, ok: false, stop };
    const accepted = acceptedConnections(kernel);
    if (accepted < n) {
      events += kernel.events;
      if (kernel.errors.length > 0)
        return { ...base, events, ok: false, stop: stopFromError(kernel.errors[0]!.python, accepted) };
      if (model === 'thread-pool' || model === 'async-io') {
        // Fewer accepted than connected is the model's own doing (a full pool, a bounded ring), not a short guess.
        if (attempt === 1) return { ...base, events, ok: false, stop: { kind: 'starved', accepted } };
      }
      continue; // the guess was short: start again with twice the time
    }
    kernel.horizonNs = Infinity;
    const before = counters(kernel, model);
    const repliesBefore = kernel.replies.length;
    kernel.run();
    const after = counters(kernel, model);
    events += kernel.events;
    if (kernel.errors.length > 0)
      return { ...base, events, ok: false, stop: stopFromError(kernel.errors[0]!.python, accepted) };
    // Match each client's replies to its sends, in order (one message in flight per client).
    const latencies: number[] = [];
    const seen = new Map<string, number>();
    for (let i = repliesBefore; i < kernel.replies.length; i++) {
      const r = kernel.replies[i]!;
      const times = plan.sends.get(r.client);
      if (!times) continue;
      const k = seen.get(r.client) ?? 0;
      seen.set(r.client, k + 1);
      if (k < times.length) latencies.push(r.atNs - times[k]!);
    }
    const served = latencies.length;
    if (served < plan.messages / 2)
      return { ...base, events, ok: false, stop: { kind: 'starved', accepted } };
    latencies.sort((a, b) => a - b);
    // A busy loop: its cost per second of the window over the messages per second; otherwise, per message served.
    const per = isBusy(model) ? (plan.windowNs / 1e9) * active * params.rate : served;
    const result = kernel.result();
    const stackReservedBytes =
      model === 'process-per-connection'
        ? 0
        : result.threadsPeak * LINUX_CPYTHON_COSTS.threadStackReservedBytes;
    return {
      ...base,
      events,
      ok: true,
      served,
      sent: plan.messages,
      windowMs: plan.windowNs / MS,
      setupMs,
      metrics: {
        cpuNs: (after.cpuNs - before.cpuNs) / per,
        load: (((after.cpuNs - before.cpuNs) / per) * active * params.rate) / 1e9,
        syscalls: (after.syscalls - before.syscalls) / per,
        scanNs:
          (READINESS_CALLS[model]
            ? after.scanNs - before.scanNs
            : (after.eagain - before.eagain) * LINUX_CPYTHON_COSTS.eagainNs) / per,
        contextSwitches: (after.contextSwitches - before.contextSwitches) / per,
        threads: result.threadsPeak,
        processes: kernel.procs.size,
        memoryBytes: result.memoryPeakBytes,
        stackReservedBytes,
        latencyP50Us: percentile(latencies, 0.5) / 1000,
        latencyP95Us: percentile(latencies, 0.95) / 1000,
      },
    };
  }
  return { ...base, events, ok: false, stop: { kind: 'setup' } };
}

export { FD_SETSIZE };

/** Four significant digits: what the charts and the shipped sweep keep (the freshness test compares these). */
export function roundPoint(p: Point): Point {
  if (!p.ok) return p;
  const r = (x: number): number => (Number.isFinite(x) && x !== 0 ? Number(x.toPrecision(4)) : x);
  const metrics = Object.fromEntries(
    Object.entries(p.metrics).map(([k, v]) => [k, r(v)]),
  ) as unknown as PointMetrics;
  return { ...p, windowMs: r(p.windowMs), setupMs: r(p.setupMs), metrics };
}

/** Every point of a sweep, cheapest first (by connections, then model), so a partial sweep already draws every curve's start. */
export function sweepPlan(
  models: readonly ScalingModel[],
  connections: readonly number[] = DEFAULT_CONNECTIONS,
): { model: ScalingModel; connections: number }[] {
  const plan: { model: ScalingModel; connections: number }[] = [];
  for (const n of [...connections].sort((a, b) => a - b))
    for (const model of models) plan.push({ model, connections: n });
  return plan;
}

/**
 * Runs a sweep one point at a time. Past a model's stop (select's fd limit, a starved pool…)
 * its larger points are not run: the stop is where its curve ends.
 */
export function* sweep(
  models: readonly ScalingModel[],
  params: SweepParams = DEFAULT_PARAMS,
  connections: readonly number[] = DEFAULT_CONNECTIONS,
): Generator<Point> {
  const stopped = new Set<ScalingModel>();
  for (const { model, connections: n } of sweepPlan(models, connections)) {
    if (stopped.has(model)) continue;
    const point = measurePoint(model, n, params);
    if (!point.ok) stopped.add(model);
    yield point;
  }
}
