/**
 * Runs a student's Python program — real CPython 3.14 compiled to WebAssembly (Pyodide) — against
 * the simulated kernel. The interpreter loads once per process (or Web Worker) and is reused:
 * each run forgets the modules the previous one imported, so `socket`, `selectors`, `asyncio`…
 * import afresh on top of the shims, and resets the shims' state.
 *
 * CPU: every line of the student's code that runs (a `sys.monitoring` LINE event, enabled on
 * the student's code objects only) costs `NS_PER_LINE` of user time, the measured cost of a plain
 * statement (`pythonStatementNs`, docs/calibration.md); the line that makes a socket call also
 * costs `pythonLineNs`, which the kernel charges with the call, as for the shipped programs.
 */
import type { PyodideInterface } from 'pyodide';
import type { MachineConfig, RunResult } from '../kernel/kernel.ts';
import { LINUX_CPYTHON_COSTS } from '../kernel/costs.ts';
import { KernelBridge, PythonError, errnoName } from './bridge.ts';
import { SHIMS_PY } from './shims.generated.ts';

/** The file name CPython shows for the student's program in tracebacks. */
export const USER_FILE = '<server>';
export const NS_PER_LINE = LINUX_CPYTHON_COSTS.pythonStatementNs;
/** A program that runs this long (virtual CPU) without a system call is stopped: an endless loop. */
export const DEFAULT_CPU_BUDGET_MS = 100;
/** Output past this many bytes (stdout and stderr together) stops the program. */
export const DEFAULT_OUTPUT_CAP = 1 << 20;

export type PythonOutcome =
  /** Ran until the scenario's end, or returned, or called sys.exit(). */
  | 'ok'
  /** An exception escaped (the process ended, as CPython's does, with status 1). */
  | 'error'
  /** The program could not start: a SyntaxError, an import that failed, or something IO Lab does not model. */
  | 'syntax'
  | 'import'
  | 'unsupported'
  /** A safety budget stopped it: CPU without a system call, or too much output. */
  | 'cpu-budget'
  | 'output-cap';

export interface PythonReport {
  outcome: PythonOutcome;
  /** CPython's last traceback line (`ConnectionResetError: [Errno 104] Connection reset by peer`). */
  message: string;
  /** The traceback as CPython prints it (the shims' own frames left out). */
  traceback: string;
  /** The student's line the error points at (0: none). */
  line: number;
  /** When the first listen() returned (virtual ns), and on which port; null if it never did. */
  listenAtNs: number | null;
  listenPort: number | null;
  /** System calls the program made through the shims. */
  calls: number;
}

export interface PythonRunOptions {
  seed: number;
  cpuBudgetMs?: number;
  outputCap?: number;
}

export interface PythonRun extends RunResult {
  python: PythonReport;
}

interface PyRunFn {
  (source: string, seed: number, budgetLines: number, cap: number): { toJs(): unknown[]; destroy(): void };
}

export class PythonEngine {
  private bridge: KernelBridge | null = null;
  private readonly runFn: PyRunFn;

  constructor(readonly pyodide: PyodideInterface) {
    pyodide.registerJsModule('_iolab_js', {
      // JS null would reach Python as pyodide.ffi.jsnull: undefined is None.
      call: (name: string, line: number, ns: number, a: unknown, b: unknown, c: unknown, d: unknown) =>
        this.bridge?.call(name, line, ns, a, b, c, d) ?? undefined,
      now: () => this.bridge?.kernel.now ?? 0,
      cpu: () => (this.bridge ? this.bridge.kernel.userNs + this.bridge.kernel.systemNs : 0),
      peer: (fd: number) => this.bridge?.peer(fd) ?? 0,
      over: (kind: 'cpu' | 'output', line: number, ns: number) => this.bridge?.stop(kind, line, ns),
      set_sigio: (fn: () => void) => {
        this.sigio = fn;
      },
    });
    const shims = pyodide.runPython(`
import sys, types
m = types.ModuleType('iolab_shims')
m.__file__ = '/iolab/iolab_shims.py'
sys.modules['iolab_shims'] = m
exec(compile(${JSON.stringify(SHIMS_PY)}, '/iolab/iolab_shims.py', 'exec'), m.__dict__)
import _iolab_js
m.install(_iolab_js)
from pyodide.ffi import create_proxy
_iolab_js.set_sigio(create_proxy(m._sigio_arrived))
m
`) as { run: PyRunFn; NS_PER_LINE: number; destroy(): void };
    this.runFn = shims.run;
  }

  private sigio: () => void = () => undefined;

  /** Runs `source` as the server on a machine made from `config`; synchronous. */
  run(source: string, config: MachineConfig, opts: PythonRunOptions): PythonRun {
    const bridge = new KernelBridge(config);
    bridge.onSigio = () => this.sigio();
    this.bridge = bridge;
    const budgetLines = Math.max(
      1,
      Math.round(((opts.cpuBudgetMs ?? DEFAULT_CPU_BUDGET_MS) * 1e6) / NS_PER_LINE),
    );
    let out: unknown[];
    try {
      const proxy = this.runFn(source, opts.seed, budgetLines, opts.outputCap ?? DEFAULT_OUTPUT_CAP);
      out = proxy.toJs();
      proxy.destroy();
    } finally {
      this.bridge = null;
    }
    const [kind, last, traceback, line, errno, exitCode] = out as [
      string,
      string,
      string,
      number,
      number,
      number,
    ];
    let outcome: PythonOutcome = 'ok';
    let message = last;
    const stop = bridge.stopRequest;
    if (stop) {
      outcome = stop.kind === 'cpu' ? 'cpu-budget' : 'output-cap';
      message =
        stop.kind === 'cpu'
          ? `IO Lab stopped the program: ${opts.cpuBudgetMs ?? DEFAULT_CPU_BUDGET_MS} ms of CPU without a system call (an endless loop?)`
          : `IO Lab stopped the program: it wrote more than ${opts.outputCap ?? DEFAULT_OUTPUT_CAP} bytes of output`;
      bridge.finish({ error: new PythonError(message) }, stop.line, stop.ns);
    } else if (kind === 'ok' || kind === 'exit' || kind === 'stopped') {
      bridge.finish({ exitCode });
    } else {
      outcome =
        kind === 'syntax'
          ? 'syntax'
          : kind === 'import'
            ? 'import'
            : kind === 'unsupported'
              ? 'unsupported'
              : 'error';
      const name = errno ? errnoName(errno) : undefined;
      const syscall = name && bridge.lastFailure?.errno === name ? bridge.lastFailure.name : '';
      bridge.finish({ error: new PythonError(last, name, syscall) }, line);
    }
    const result = bridge.kernel.result();
    return {
      ...result,
      python: {
        outcome,
        message,
        traceback: stop ? '' : traceback,
        line: stop ? stop.line : line,
        listenAtNs: bridge.listenAtNs,
        listenPort: bridge.listenPort,
        calls: bridge.calls,
      },
    };
  }
}

let loading: Promise<PythonEngine> | null = null;

/** The interpreter, loaded once (about 2–6 s in Node); never from a network. */
export function loadPythonEngine(load?: () => Promise<PyodideInterface>): Promise<PythonEngine> {
  loading ??= (async () => {
    const pyodide = load
      ? await load()
      : await (await import('pyodide')).loadPyodide({ env: { PYTHONHASHSEED: '0' } });
    return new PythonEngine(pyodide);
  })();
  return loading;
}
