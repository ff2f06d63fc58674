/**
 * The trace cut into the steps a student walks through, and the machine after any step:
 * checkpoints of the MachineView (view.ts), so a step is rebuilt from the nearest one by
 * replaying its events, never from the start. Pure: it reads only the trace.
 */
import type { TraceEvent } from './types.ts';
import { applyEvent, emptyView, type MachineView } from './view.ts';
import { applyShared } from './view-share.ts';

/** The events a student steps through; the bookkeeping that follows each belongs to its step. */
const STEP_EVENTS = new Set<TraceEvent['type']>([
  'py',
  'sys.enter',
  'sys.block',
  'sys.wake',
  'sys.exit',
  'copy',
  'net.packet',
  'sock.syn',
  'sock.accept-queue',
  'sock.rx',
  'sock.fin',
  'sock.rst',
  'epoll.ready',
  'signal.send',
  'signal.handle',
  'uring.cqe',
  'client.reply',
  'client.connected',
  'client.retry',
  'stdin.line',
  'error',
  'select.scan',
  'poll.scan',
  'stop',
]);

/** Events folded into the step before them even though their type is a step type. */
function isStep(ev: TraceEvent, prev: TraceEvent | undefined): boolean {
  if (!STEP_EVENTS.has(ev.type)) return false;
  // A py line right before its own syscall is one moment: the line runs, then the call starts.
  if (ev.type === 'sys.enter' && prev?.type === 'py' && prev.tid === ev.tid && prev.line === ev.line)
    return false;
  // The ready-list removals epoll_wait makes while it collects are part of the call.
  if (ev.type === 'epoll.ready' && ev.op === 'remove') return false;
  // An accept-queue pop is the accept call's own doing.
  if (ev.type === 'sock.accept-queue' && ev.op === 'pop') return false;
  return true;
}

export interface TraceIndex {
  readonly trace: readonly TraceEvent[];
  /** stepStart[k] is the index of step k's first event; step k spans up to stepStart[k+1]. */
  readonly stepStart: number[];
  readonly steps: number;
  /** The machine after step k. Shared with other callers (the last few are cached): read it, never change it. */
  viewAt(step: number): MachineView;
  /** The step that contains event i. */
  stepOfEvent(i: number): number;
}

const CHECKPOINT_EVERY = 256;
/** Up to this many events, a view is built by copy-on-write from the one before (view-share.ts). */
const SHARE_EVENTS = 2000;
/** Events worth replaying rather than cloning one more object of the view (measured: ~2). */
const CLONE_WEIGHT = 2;

/** About how many objects a clone of the view copies. */
function viewWeight(v: MachineView): number {
  let n =
    Object.keys(v.socks).length +
    Object.keys(v.threads).length +
    Object.keys(v.clients).length +
    v.packets.length;
  for (const ep of Object.values(v.epolls)) n += Object.keys(ep.interest).length;
  return n;
}

/** Where each step starts (the index of its first event): step 0 starts at 0. */
export function stepStarts(trace: readonly TraceEvent[]): number[] {
  const stepStart: number[] = [0];
  for (let i = 1; i < trace.length; i++) if (isStep(trace[i]!, trace[i - 1])) stepStart.push(i);
  return stepStart;
}

/** The index of `trace`; `stepStart` when it is known already (made where the trace was, in a worker). */
export function indexTrace(
  trace: readonly TraceEvent[],
  cores: number,
  stepStart: number[] = stepStarts(trace),
): TraceIndex {
  const steps = trace.length === 0 ? 0 : stepStart.length;
  const end = (k: number): number => (k + 1 < stepStart.length ? stepStart[k + 1]! : trace.length);

  // Checkpoints, built once, lazily, in order: the view after step 0, then one at least every
  // CHECKPOINT_EVERY steps, spaced further apart when the machine is large (a clone of 10,000
  // sockets costs as much as replaying many events), so a seek is one clone and a bounded replay.
  const checkpoints: { step: number; view: MachineView }[] = [];
  const built = emptyView(cores);
  let builtThrough = -1;
  let eventsSince = 0;
  let budget = 0;
  const buildTo = (k: number): void => {
    while (builtThrough < k) {
      builtThrough++;
      const from = builtThrough === 0 ? 0 : stepStart[builtThrough]!;
      for (let i = from; i < end(builtThrough); i++) applyEvent(built, trace[i]!);
      eventsSince += end(builtThrough) - from;
      const last = checkpoints[checkpoints.length - 1];
      if (!last || (builtThrough - last.step >= CHECKPOINT_EVERY && eventsSince >= budget)) {
        checkpoints.push({ step: builtThrough, view: structuredClone(built) });
        eventsSince = 0;
        budget = CLONE_WEIGHT * viewWeight(built);
      }
    }
  };

  // The views asked for lately: a step and the one before it are asked for together, and the next
  // step starts from this one (one step's events, copied on write: view-share.ts). They share most
  // of their objects, so many are kept; a seek (a clone of its own) starts the list again.
  const recent: { step: number; view: MachineView }[] = [];
  const RECENT = 40;
  /** Walking backwards, the views of this many steps before are built at once, each from the one before it. */
  const TRAIL = 32;
  const startOf = (s: number): number => (s < stepStart.length ? stepStart[s]! : trace.length);
  /** The view at step `b` from the view `v` at step `a` < `b`. */
  const forward = (v: MachineView, a: number, b: number): MachineView => {
    const from = startOf(a + 1);
    const to = end(b);
    // A few events (a step from the one before): copy only what they touch. Many (a seek): one
    // clone, then a plain replay, which is faster per event.
    if (to - from <= SHARE_EVENTS) return applyShared(v, trace, from, to);
    recent.length = 0;
    const out = structuredClone(v);
    for (let i = from; i < to; i++) applyEvent(out, trace[i]!);
    return out;
  };
  const remember = (step: number, view: MachineView): void => {
    recent.push({ step, view });
    if (recent.length > RECENT) recent.shift();
  };

  return {
    trace,
    stepStart,
    steps,
    viewAt(step: number): MachineView {
      const k = Math.max(0, Math.min(step, steps - 1));
      if (steps === 0) return emptyView(cores);
      const hit = recent.find((r) => r.step === k);
      if (hit) return hit.view;
      if (builtThrough < k) buildTo(k);
      let lo = 0;
      let hi = checkpoints.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (checkpoints[mid]!.step <= k) lo = mid;
        else hi = mid - 1;
      }
      let c = checkpoints[lo]!;
      for (const r of recent) if (r.step <= k && r.step > c.step) c = r;
      if (c.step === k) return c.view;
      const back = recent.some((r) => r.step === k + 1);
      if (!back) {
        // A seek: the stage asks for the step before too. Built first, it shares its objects with
        // this one (a one-step copy on write), instead of a second clone and replay.
        const prev = k - 1 > c.step ? forward(c.view, c.step, k - 1) : c.view;
        if (prev !== c.view) remember(k - 1, prev);
        const view = forward(prev, k - 1, k);
        remember(k, view);
        return view;
      }
      // Walking backwards: the next steps back are found among the views built here.
      const first = Math.max(c.step + 1, k - TRAIL + 1);
      let view = first - 1 === c.step ? c.view : forward(c.view, c.step, first - 1);
      for (let s = first; s <= k; s++) {
        view = forward(view, s - 1, s);
        remember(s, view);
      }
      return view;
    },
    stepOfEvent(i: number): number {
      let lo = 0;
      let hi = stepStart.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (stepStart[mid]! <= i) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    },
  };
}
