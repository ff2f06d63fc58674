/**
 * `npm run sim -- <scenario id or file.json> [--seed N] [--format summary|json|strace] [--max-events N] [--max-fds N] [--max-trace-mb N]`
 * `npm run sim -- <scenario> --program server.py [--cpu-budget-ms N]` (your own server, in CPython)
 * `npm run sim -- --list`
 * Exit status: 0 the run went to its end (or to the program's own end, or to the --max-events
 * the user gave); 1 the program could not start (a SyntaxError, an import, something IO Lab does
 * not model); 2 bad input, or a safety budget stopped the run — the default event budget
 * (DEFAULT_MAX_EVENTS) among them — (the message says which, and how to raise it).
 * The headless face of the kernel: a teacher gets exact answers, CI checks the contract.
 */
import { readFileSync, existsSync } from 'node:fs';
import { SCENARIOS, findScenario } from '../scenarios/index.ts';
import { formatProblems, PROGRAM_MAX_CHARS, type Scenario } from '../scenarios/format.ts';
import { parseScenarioBytes } from '../scenarios/decode.ts';
import { escapeControls } from '../scenarios/text.ts';
import { DEFAULT_MAX_EVENTS, runPythonScenario, runScenario, type ScenarioRun } from '../scenarios/run.ts';
import { CLI_BUDGET, type BudgetStop } from '../scenarios/budget.ts';
import { getHeapStatistics } from 'node:v8';
import { toStrace } from '../kernel/strace-log.ts';
import { jsonEscapeControls, pendingWarning, toJsonReport, toSummary } from './report.ts';

/** The most events --max-events may allow: counted, not made one by one where the kernel fast-forwards. */
const MAX_EVENTS_CEILING = 1e12;

const USAGE = `usage: npm run sim -- <scenario id | path/to/scenario.json> [--seed N] [--format summary|json|strace] [--max-events N]
       npm run sim -- <scenario> --program server.py [--cpu-budget-ms N]   (your own server, run by CPython)
       npm run sim -- --list
  --max-events N   stop after N events (1 to ${MAX_EVENTS_CEILING}; default ${DEFAULT_MAX_EVENTS}). Every call counts,
                   even one the kernel fast-forwards: busy polling over 10,000 connections for 90 s is
                   about 200,000,000. Past the default the run stops with exit 2; past your own N, with
                   a warning and exit 0.
  --max-fds N      fds select/poll may look at, all calls together (default ${CLI_BUDGET.fdsLooked})
  --max-trace-mb N the trace's size for --format strace, estimated (default ${CLI_BUDGET.traceBytes / 2 ** 20})`;
const DEFAULT_CPU_BUDGET_MS = 100;

class CliError extends Error {}

interface Args {
  target?: string;
  seed?: number;
  format: 'summary' | 'json' | 'strace';
  list: boolean;
  maxEvents: number;
  /** Whether --max-events was given (the default is a safety budget: reaching it is exit 2). */
  maxEventsGiven: boolean;
  program?: string;
  cpuBudgetMs: number;
  maxFds: number;
  maxTraceMb: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    format: 'summary',
    list: false,
    maxEvents: DEFAULT_MAX_EVENTS,
    maxEventsGiven: false,
    cpuBudgetMs: DEFAULT_CPU_BUDGET_MS,
    maxFds: CLI_BUDGET.fdsLooked,
    maxTraceMb: CLI_BUDGET.traceBytes / 2 ** 20,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new CliError(`${a} needs a value\n${USAGE}`);
      return v;
    };
    if (a === '--list') args.list = true;
    else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (a === '--seed') {
      const v = value();
      if (!/^\d+$/.test(v) || Number(v) > 0xffffffff)
        throw new CliError(`--seed must be a whole number from 0 to 4294967295 (got ${v})`);
      args.seed = Number(v);
    } else if (a === '--format') {
      const v = value();
      if (v !== 'summary' && v !== 'json' && v !== 'strace')
        throw new CliError(`--format must be summary, json or strace (got ${v})`);
      args.format = v;
    } else if (a === '--max-events') {
      const v = value();
      if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > MAX_EVENTS_CEILING)
        throw new CliError(`--max-events must be a whole number from 1 to ${MAX_EVENTS_CEILING} (got ${v})`);
      args.maxEvents = Number(v);
      args.maxEventsGiven = true;
    } else if (a === '--max-fds' || a === '--max-trace-mb') {
      const v = value();
      if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 1e12)
        throw new CliError(`${a} must be a whole number from 1 to 1000000000000 (got ${v})`);
      if (a === '--max-fds') args.maxFds = Number(v);
      else args.maxTraceMb = Number(v);
    } else if (a === '--program') {
      args.program = value();
    } else if (a === '--cpu-budget-ms') {
      const v = value();
      if (!/^\d+(\.\d+)?$/.test(v) || Number(v) <= 0 || Number(v) > 3_600_000)
        throw new CliError(
          `--cpu-budget-ms must be a number of milliseconds above 0 and at most 3600000 (got ${v})`,
        );
      args.cpuBudgetMs = Number(v);
    } else if (a.startsWith('-')) throw new CliError(`unknown option ${a}\n${USAGE}`);
    else if (args.target === undefined) args.target = a;
    else throw new CliError(`one scenario at a time (got ${args.target} and ${a})`);
  }
  return args;
}

function loadScenario(target: string): Scenario {
  const known = findScenario(target);
  if (known) return known;
  const looksLikeFile = target.endsWith('.json') || target.includes('/') || target.includes('\\');
  if (!looksLikeFile) {
    const ids = SCENARIOS.map((s) => s.id);
    const near = ids.filter((id) => id.includes(target) || target.includes(id)).slice(0, 5);
    throw new CliError(
      `no shipped scenario has the id "${target}"${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}; npm run sim -- --list shows them all`,
    );
  }
  if (!existsSync(target)) throw new CliError(`no such file: ${target}`);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(target);
  } catch (e) {
    throw new CliError(`cannot read ${target}: ${(e as Error).message}`);
  }
  const v = parseScenarioBytes(bytes);
  if (!v.ok)
    throw new CliError(`${target} is not a valid iolab/scenario@1 file:\n${formatProblems(v.problems)}`);
  return v.scenario;
}

function readProgram(path: string): string {
  if (!existsSync(path)) throw new CliError(`no such file: ${path}`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${path}: ${(e as Error).message}`);
  }
  if (text.length > PROGRAM_MAX_CHARS)
    throw new CliError(`${path} is longer than ${PROGRAM_MAX_CHARS} characters`);
  return text;
}

/** Your own server: the program runs in CPython (Pyodide) against the kernel. Returns the exit status. */
async function runPython(args: Args, scenario: Scenario): Promise<number> {
  const source = args.program !== undefined ? readProgram(args.program) : undefined;
  const run = await runPythonScenario(scenario, {
    ...(args.seed !== undefined ? { seed: args.seed } : {}),
    ...(source !== undefined ? { source } : {}),
    maxEvents: args.maxEvents,
    keepTrace: true,
    cpuBudgetMs: args.cpuBudgetMs,
  });
  // The program's own output and tracebacks are text it chose: controls escaped, as for any run.
  const out =
    args.format === 'json'
      ? jsonEscapeControls(JSON.stringify(toJsonReport(run), null, 2))
      : escapeControls(args.format === 'strace' ? toStrace(run) : toSummary(run));
  process.stdout.write(out.endsWith('\n') ? out : `${out}\n`);
  const py = run.python;
  if (py.outcome === 'syntax' || py.outcome === 'import' || py.outcome === 'unsupported') {
    console.error(escapeControls(py.traceback.trimEnd() || py.message));
    return 1;
  }
  if (py.outcome === 'cpu-budget') {
    console.error(
      `sim: ${py.message} at line ${py.line}; raise the budget with --cpu-budget-ms (now ${args.cpuBudgetMs})`,
    );
    return 2;
  }
  if (py.outcome === 'output-cap') {
    console.error(`sim: ${py.message}; print less`);
    return 2;
  }
  // --max-events is the user's own limit (docs/scenario-format.md, "How a run ends"): a warning, exit 0.
  if (run.stopReason === 'maxEvents') {
    console.error(
      `warning: the run was stopped after ${run.events} events (--max-events ${args.maxEvents}) at ${(run.endNs / 1e6).toFixed(3)} ms; raise --max-events or shorten untilMs`,
    );
  }
  if (py.outcome === 'error') console.error(escapeControls(py.traceback.trimEnd()));
  if (py.listenAtNs === null && run.scenario.clients.length + (run.scenario.idleConnections ?? 0) > 0) {
    console.error("warning: the program never called listen(): every client's connect was refused");
  }
  return 0;
}

/** The share of V8's heap limit past which a run stops itself (V8 would otherwise abort the process). */
const HEAP_SHARE = 0.6;
const heapLimit = getHeapStatistics().heap_size_limit;

/** Stops the run before V8's heap limit: exit 2 with a message, never "JavaScript heap out of memory". */
function heapGuard(): BudgetStop | null {
  const used = process.memoryUsage().heapUsed;
  return used > heapLimit * HEAP_SHARE
    ? { budget: 'heap', limit: Math.round(heapLimit * HEAP_SHARE), used }
    : null;
}

const mb = (bytes: number): string => `${Math.round(bytes / 2 ** 20)} MB`;

/** Which budget stopped the run, and how to raise it. */
function budgetMessage(run: ScenarioRun, stop: BudgetStop): string {
  const at = `the run was stopped at ${(run.endNs / 1e6).toFixed(3)} ms of virtual time after ${run.events} events`;
  switch (stop.budget) {
    case 'fds':
      return `${at}: select/poll looked at ${stop.used} fds, past the budget of ${stop.limit}; raise it with --max-fds N, or watch fewer fds or shorten untilMs`;
    case 'traceBytes':
      return `${at}: its trace holds about ${mb(stop.used)}, past the budget of ${mb(stop.limit)}; raise it with --max-trace-mb N, or shorten untilMs`;
    case 'heap':
      return `${at}: the process's heap reached ${mb(stop.used)} of the ${mb(stop.limit)} it allows itself (60% of node's limit); raise node's limit with NODE_OPTIONS=--max-old-space-size=MB, or shorten untilMs`;
    case 'events':
      return `${at}: past the default budget of ${stop.limit} events; raise it with --max-events N (up to ${MAX_EVENTS_CEILING}; every call counts, even fast-forwarded ones), or shorten untilMs`;
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args.list) {
    const width = Math.max(...SCENARIOS.map((s) => s.id.length)) + 2;
    const mwidth = Math.max(...SCENARIOS.map((s) => s.model.length)) + 2;
    for (const s of SCENARIOS)
      console.log(escapeControls(`${s.id.padEnd(width)}${s.model.padEnd(mwidth)}${s.title.en}`));
    return 0;
  }
  if (!args.target) throw new CliError(USAGE);
  const scenario = loadScenario(args.target);
  if (args.program !== undefined || scenario.model === 'python') return runPython(args, scenario);
  // Only strace needs the trace; the summary and JSON come from the kernel's running counters.
  const run = runScenario(scenario, {
    ...(args.seed !== undefined ? { seed: args.seed } : {}),
    maxEvents: args.maxEvents,
    keepTrace: args.format === 'strace',
    budget: { fdsLooked: args.maxFds, traceBytes: args.maxTraceMb * 2 ** 20 },
    onProgress: heapGuard,
  });
  const budgetStop: BudgetStop | undefined =
    run.budgetStop ??
    (run.stopReason === 'maxEvents' && !args.maxEventsGiven
      ? { budget: 'events', limit: args.maxEvents, used: run.events }
      : undefined);
  if (budgetStop) {
    console.error(`sim: ${budgetMessage(run, budgetStop)}`);
    return 2;
  }
  if (run.stopReason === 'maxEvents') {
    console.error(
      `warning: the run was stopped after ${run.events} events (--max-events ${args.maxEvents}) at ${(run.endNs / 1e6).toFixed(3)} ms; raise --max-events or shorten untilMs`,
    );
  }
  const pending = pendingWarning(run);
  if (pending && args.format !== 'summary') console.error(pending);
  // Nothing from a scenario reaches the terminal raw: a title or a reply could hold escapes that
  // clear the screen, set the window's title or make a link (JSON escapes them its own way).
  const out =
    args.format === 'json'
      ? jsonEscapeControls(JSON.stringify(toJsonReport(run), null, 2))
      : escapeControls(args.format === 'strace' ? toStrace(run) : toSummary(run));
  process.stdout.write(out.endsWith('\n') ? out : `${out}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof CliError) {
      console.error(`sim: ${escapeControls(e.message)}`);
      process.exit(2);
    }
    throw e;
  },
);
