import { Kernel, type ClientScript, type MachineConfig, type RunResult } from '../kernel/kernel.ts';
import { LINUX_CPYTHON_COSTS, type CostModel } from '../kernel/costs.ts';
import { encodeUtf8, upperBytes } from '../kernel/bytes.ts';
import { MS } from '../kernel/types.ts';
import {
  defaultUntilMs,
  PYTHON_MODEL,
  resolveOptions,
  type ResolvedOptions,
  type Scenario,
} from './format.ts';
import type { PythonReport } from '../python/engine.ts';
import { listingConstants, serverModel } from '../programs/index.ts';
import type { ListingName } from '../programs/listings.generated.ts';
import { CHECK_EVERY, WorkMeter, type BudgetStop, type RunProgress, type WorkBudget } from './budget.ts';

export const SERVER_PORT = 8080;
/** A runaway run (a busy loop left for minutes) stops here with a clear message. */
export const DEFAULT_MAX_EVENTS = 5_000_000;

export interface RunOptions {
  seed?: number;
  keepTrace?: boolean;
  maxEvents?: number;
  costs?: CostModel;
  /** A budget on work (fds looked at, trace bytes): past it the run stops (`stopReason: 'budget'`). */
  budget?: WorkBudget;
  /**
   * Called every CHECK_EVERY events with the run's progress: a driver reports it, and may stop
   * the run with a budget of its own (the CLI's heap) by returning it.
   */
  onProgress?: (p: RunProgress) => BudgetStop | null | void;
}

export interface ScenarioRun extends RunResult {
  /** The budget that stopped the run (stopReason 'budget'), with its limit and what was used. */
  budgetStop?: BudgetStop;
  scenario: Scenario;
  options: ResolvedOptions;
  /** The shipped listing the model mirrors; null for a student's own program (model python: `source`). */
  listing: ListingName | null;
  constants: Record<string, string>;
  seed: number;
  /** A student's own program (model python) and what CPython reported. */
  source?: string;
  python?: PythonReport;
}

/** Milliseconds (decimals allowed) to integer nanoseconds. */
export const msToNs = (ms: number): number => Math.round(ms * MS);

export function clientScripts(s: Scenario): ClientScript[] {
  // Idle connections come first: they connect at time 0, before any scripted client at 0.
  // They share one script's actions (the kernel only reads them): 100,000 of them cost their names only.
  const connectAtZero: ClientScript['actions'] = [{ atNs: 0, do: 'connect' }];
  const idle: ClientScript[] = [];
  for (let i = 1; i <= (s.idleConnections ?? 0); i++) idle.push({ name: `idle${i}`, actions: connectAtZero });
  const scripts: ClientScript[] = s.clients.map((c) => ({
    name: c.name,
    actions: c.actions.map((a) =>
      a.data !== undefined
        ? { atNs: msToNs(a.at), do: a.do, data: encodeUtf8(a.data) }
        : { atNs: msToNs(a.at), do: a.do },
    ),
  }));
  return [...idle, ...scripts];
}

export function machineConfig(s: Scenario, o: ResolvedOptions, run: RunOptions = {}): MachineConfig {
  const config: MachineConfig = {
    seed: run.seed ?? s.seed,
    cores: o.cores,
    fdLimit: o.fdLimit,
    latencyNs: msToNs(o.latencyMs),
    costs: run.costs ?? LINUX_CPYTHON_COSTS,
    clients: clientScripts(s),
    untilNs: msToNs(defaultUntilMs(s)),
    maxEvents: run.maxEvents ?? DEFAULT_MAX_EVENTS,
    keepTrace: run.keepTrace ?? true,
    serverPort: SERVER_PORT,
  };
  if (s.model === 'select-chat' || s.model === 'python') {
    const answers = o.answers;
    config.stdin = {
      answerDelayNs: msToNs(o.answerDelayMs),
      // The operator types the next scripted answer, or else the client's message upper-cased.
      answer: (prompt, index) =>
        answers[index] !== undefined ? encodeUtf8(answers[index]) : upperBytes(quotedMessage(prompt)),
    };
  }
  return config;
}

/** The message inside the chat prompt `client N says 'text'> ` (Python's repr quoting). */
function quotedMessage(prompt: string): string {
  const m = /says (['"])(.*)\1> $/s.exec(prompt);
  return m ? m[2]!.replace(/\\(['"\\])/g, '$1') : '';
}

/** Runs a validated scenario to its end (every model but python: see runPythonScenario). */
export function runScenario(s: Scenario, run: RunOptions = {}): ScenarioRun {
  const options = resolveOptions(s);
  const model = serverModel(s.model, options);
  const config = machineConfig(s, options, run);
  const kernel = new Kernel(config);
  kernel.spawn('python3', model.program({ options, port: SERVER_PORT }));
  const budgetStop = runWithin(kernel, run);
  const result = kernel.result();
  return {
    ...result,
    scenario: s,
    options,
    listing: model.listing,
    constants: listingConstants(options, SERVER_PORT),
    seed: config.seed,
    ...(budgetStop ? { budgetStop } : {}),
  };
}

/** Runs the kernel to its end, or until a budget (the run's, or its driver's) is reached. */
function runWithin(kernel: Kernel, run: RunOptions): BudgetStop | null {
  if (!run.budget && !run.onProgress) {
    kernel.run();
    return null;
  }
  const meter = run.budget ? new WorkMeter(run.budget) : null;
  let next = CHECK_EVERY;
  while (kernel.step()) {
    if (kernel.events < next) continue;
    next = kernel.events + CHECK_EVERY;
    const over = meter?.check(kernel.trace, kernel.fdsLooked) ?? null;
    const driver =
      run.onProgress?.({
        nowNs: kernel.now,
        untilNs: kernel.config.untilNs,
        events: kernel.events,
        fdsLooked: kernel.fdsLooked,
        traceBytes: meter?.traceBytes ?? 0,
      }) ?? null;
    const stop = over ?? driver;
    if (stop) {
      kernel.stop('budget');
      return stop;
    }
  }
  return null;
}

export interface PythonScenarioOptions extends RunOptions {
  /** The program to run instead of the scenario's own `program.source` (the CLI's --program). */
  source?: string;
  /** Virtual CPU a program may use without a system call before it is stopped (ms). */
  cpuBudgetMs?: number;
  /** Output (stdout + stderr) past which the program is stopped (bytes). */
  outputCap?: number;
}

export interface PythonScenarioRun extends RunResult {
  scenario: Scenario;
  options: ResolvedOptions;
  listing: null;
  constants: Record<string, string>;
  seed: number;
  source: string;
  python: PythonReport;
}

/**
 * Runs a scenario whose server is a Python program (model python, or any scenario with
 * `source`): real CPython (Pyodide, loaded on first use) against the kernel. The clients' times
 * count from the moment the program's first listen() returns (src/python/bridge.ts).
 */
export async function runPythonScenario(
  s: Scenario,
  run: PythonScenarioOptions = {},
): Promise<PythonScenarioRun> {
  const source = run.source ?? s.program?.source;
  if (source === undefined) throw new Error(`scenario ${s.id} has no program to run (model ${s.model})`);
  const { loadPythonEngine } = await import('../python/engine.ts');
  const engine = await loadPythonEngine();
  const options = resolveOptions(s);
  const config = machineConfig({ ...s, model: PYTHON_MODEL }, options, run);
  const result = engine.run(source, config, {
    seed: config.seed,
    ...(run.cpuBudgetMs !== undefined ? { cpuBudgetMs: run.cpuBudgetMs } : {}),
    ...(run.outputCap !== undefined ? { outputCap: run.outputCap } : {}),
  });
  return { ...result, scenario: s, options, listing: null, constants: {}, seed: config.seed, source };
}
