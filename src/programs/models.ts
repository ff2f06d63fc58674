/**
 * The I/O models a server program can follow, and the options a run resolves for it. They live
 * here, below the scenario format, because the programs are built from them; the format
 * (src/scenarios/format.ts) validates a file's choice and re-exports them.
 */
export const MODELS = [
  'blocking',
  'thread-per-connection',
  'process-per-connection',
  'thread-pool',
  'nonblocking',
  'select',
  'poll',
  'epoll',
  'selectors',
  'signal-driven',
  'async-io',
  'asyncio',
  'select-chat',
] as const;
export type Model = (typeof MODELS)[number];
/** The student's own program (a scenario's `program.source`), run by real CPython against the kernel (docs/python.md). */
export const PYTHON_MODEL = 'python';
export type ScenarioModel = Model | typeof PYTHON_MODEL;

/** Every option with a value: what a run actually uses. */
export interface ResolvedOptions {
  poolSize: number;
  pollSleepMs: number;
  recvSize: number;
  backlog: number;
  cores: number;
  fdLimit: number;
  latencyMs: number;
  variant: 'fixed' | 'pitfall';
  trigger: 'level' | 'edge';
  timeoutMs: number | null;
  answerDelayMs: number;
  answers: string[];
  mechanism: 'select' | 'poll' | 'epoll';
  acceptIn: 'main' | 'workers';
}
