/**
 * A run's budget on work, not only on events: whatever a scenario's cost model, an accepted input
 * stops with a message that names the limit it reached and how to raise it — never a frozen tab
 * or a process killed by its heap. Events are the kernel's own cap (`maxEvents`); this meter
 * adds the fds select and poll look at, the bytes the trace holds (an estimate) and, where the
 * caller can measure it (the CLI), the heap.
 */
import type { TraceEvent } from '../kernel/types.ts';
import type { Scenario } from './format.ts';

export type BudgetName = 'events' | 'fds' | 'traceBytes' | 'heap';

export interface WorkBudget {
  /** File descriptors looked at by select and poll, every look counted. */
  fdsLooked: number;
  /** Bytes the kept trace holds, estimated (strings, arrays, each event's own object). */
  traceBytes: number;
}

/** What stopped a run: the budget, its limit and what had been used. */
export interface BudgetStop {
  budget: BudgetName;
  limit: number;
  used: number;
}

/** The page's budget: a run whose trace, index and pictures fit in a tab with room to spare. */
export const PAGE_BUDGET: WorkBudget = { fdsLooked: 20_000_000, traceBytes: 64 * 2 ** 20 };

/** The CLI's default budget (it also watches its own heap: src/cli/sim.ts). */
export const CLI_BUDGET: WorkBudget = { fdsLooked: 500_000_000, traceBytes: 768 * 2 ** 20 };

/** How often (in kernel events) a run looks at its budget and reports progress. */
export const CHECK_EVERY = 1024;

/** An estimate of what one trace event holds: its object, its strings, its arrays (one level deep). */
export function eventBytes(ev: TraceEvent): number {
  let bytes = 64;
  for (const value of Object.values(ev)) {
    if (typeof value === 'string') bytes += 16 + value.length;
    else if (Array.isArray(value)) bytes += 16 + 8 * value.length;
    else if (value !== null && typeof value === 'object') bytes += 32;
  }
  return bytes;
}

/** What a run's progress is, as its driver sees it every CHECK_EVERY events. */
export interface RunProgress {
  nowNs: number;
  untilNs: number;
  events: number;
  fdsLooked: number;
  traceBytes: number;
}

/** Counts the trace's bytes as it grows (each event once) and tells when a budget is reached. */
export class WorkMeter {
  private counted = 0;
  traceBytes = 0;

  constructor(private readonly budget: WorkBudget) {}

  /** The budget reached now, if any. */
  check(trace: readonly TraceEvent[], fdsLooked: number): BudgetStop | null {
    for (let i = this.counted; i < trace.length; i++) this.traceBytes += eventBytes(trace[i]!);
    this.counted = trace.length;
    if (fdsLooked > this.budget.fdsLooked)
      return { budget: 'fds', limit: this.budget.fdsLooked, used: fdsLooked };
    if (this.traceBytes > this.budget.traceBytes)
      return { budget: 'traceBytes', limit: this.budget.traceBytes, used: this.traceBytes };
    return null;
  }
}

/**
 * A scenario opened from a link is run at once when it is small; past any of these bounds the page
 * shows its size and asks first (src/ui/simulating.ts). Connections and client actions measure
 * the work of a run; a server that polls without waiting (select/poll/epoll with a zero timeout,
 * or busy polling) looks at every connection on every call, so far fewer are enough.
 */
export const ASK_ABOVE = { connections: 1_000, actions: 10_000, busyConnections: 100 };

export interface ScenarioSize {
  connections: number;
  actions: number;
  /** Simulated time, when the scenario sets it. */
  untilMs: number | null;
  /** The server polls without waiting. */
  busy: boolean;
}

export function scenarioSize(s: Scenario): ScenarioSize {
  let actions = 0;
  for (const c of s.clients) actions += c.actions.length;
  const zeroTimeout = s.options?.timeoutMs === 0 && ['select', 'poll', 'epoll'].includes(s.model);
  return {
    connections: s.clients.length + (s.idleConnections ?? 0),
    actions,
    untilMs: s.untilMs ?? null,
    busy: zeroTimeout || s.model === 'nonblocking',
  };
}

/** Whether a link's scenario is past ASK_ABOVE (the page asks before running it). */
export function asksFirst(size: ScenarioSize): boolean {
  return (
    size.connections > ASK_ABOVE.connections ||
    size.actions > ASK_ABOVE.actions ||
    (size.busy && size.connections > ASK_ABOVE.busyConnections)
  );
}
