/**
 * The three ways a run is reported: a summary for people, JSON for tools, strace for comparison
 * (the strace log is src/kernel/strace-log.ts's, the one the lab's panel shows).
 */
import { decodeUtf8 } from '../kernel/bytes.ts';
import type { PythonScenarioRun, ScenarioRun } from '../scenarios/run.ts';

const ms = (ns: number): number => Math.round(ns / 1000) / 1000;

const isPython = (run: ScenarioRun | PythonScenarioRun): run is PythonScenarioRun => 'python' in run;

export function toJsonReport(run: ScenarioRun | PythonScenarioRun) {
  const py = isPython(run) ? run.python : null;
  return {
    format: 'iolab/run@1',
    scenario: run.scenario.id,
    model: py ? 'python' : run.scenario.model,
    seed: run.seed,
    options: run.options,
    endMs: ms(run.endNs),
    stopReason: run.stopReason,
    replies: run.replies.map((r) => ({ client: r.client, data: decodeUtf8(r.data), atMs: ms(r.atNs) })),
    syscalls: Object.fromEntries(Object.entries(run.syscalls).sort(([a], [b]) => a.localeCompare(b))),
    errors: run.errors.map((e) => ({
      thread: e.thread,
      syscall: e.syscall,
      python: e.python,
      atMs: ms(e.atNs),
    })),
    cpu: run.cpu,
    contextSwitches: run.contextSwitches,
    threadsPeak: run.threadsPeak,
    memoryPeakBytes: run.memoryPeakBytes,
    eagain: run.eagain,
    bytesCopied: run.bytesCopied,
    events: run.events,
    pending: run.pending,
    ...(py
      ? {
          python: {
            outcome: py.outcome,
            message: py.message,
            traceback: py.traceback,
            line: py.line,
            listenAtMs: py.listenAtNs === null ? null : ms(py.listenAtNs),
            listenPort: py.listenPort,
            calls: py.calls,
          },
        }
      : {}),
  };
}

/** The warning for work left undone when the run stopped, or null when there is none. */
export function pendingWarning(run: Pick<ScenarioRun, 'pending' | 'endNs'>): string | null {
  const p = run.pending;
  const parts = [
    p.unreadBytes > 0
      ? `${p.unreadBytes} byte${p.unreadBytes === 1 ? '' : 's'} in receive buffers not read`
      : null,
    p.waitingConnections > 0
      ? `${p.waitingConnections} connection${p.waitingConnections === 1 ? '' : 's'} waiting in the accept queue`
      : null,
    p.operatorAnswers > 0
      ? `${p.operatorAnswers} operator answer${p.operatorAnswers === 1 ? '' : 's'} not yet typed`
      : null,
  ].filter((x): x is string => x !== null);
  return parts.length
    ? `warning: the run stopped at ${ms(run.endNs)} ms with work pending: ${parts.join('; ')} (raise untilMs to see it done)`
    : null;
}

/**
 * JSON text with DEL, the C1 controls and the bidirectional controls written as `\u` escapes
 * (JSON.stringify already escapes C0 and lone surrogates): the same values, safe on a terminal.
 * They can only occur inside strings, where `\u` escapes mean the same character.
 */
export function jsonEscapeControls(json: string): string {
  return json.replace(
    /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function toSummary(run: ScenarioRun | PythonScenarioRun): string {
  const lines: string[] = [];
  const py = isPython(run) ? run.python : null;
  lines.push(`${run.scenario.id}: ${run.scenario.title.en}`);
  lines.push(
    `model ${py ? 'python' : run.scenario.model}, seed ${run.seed}, ran ${ms(run.endNs)} ms of virtual time (${run.stopReason}), ${run.events} events`,
  );
  if (py) {
    lines.push(
      py.listenAtNs === null
        ? "your program never called listen(): every client's connect was refused"
        : `your program listened on port ${py.listenPort} at ${ms(py.listenAtNs)} ms; the clients' times count from there`,
    );
    if (py.outcome !== 'ok')
      lines.push(`your program: ${py.outcome}${py.line ? ` at line ${py.line}` : ''}: ${py.message}`);
  }
  const warning = pendingWarning(run);
  if (warning) lines.push(warning);
  lines.push('');
  lines.push('replies (as each client received them):');
  if (run.replies.length === 0) lines.push('  (none)');
  for (const r of run.replies)
    lines.push(
      `  ${String(ms(r.atNs)).padStart(10)} ms  ${r.client.padEnd(10)} ${JSON.stringify(decodeUtf8(r.data))}`,
    );
  if (run.errors.length) {
    lines.push('');
    lines.push('uncaught exceptions:');
    for (const e of run.errors)
      lines.push(`  thread ${e.thread} at ${ms(e.atNs)} ms in ${e.syscall || 'Python code'}: ${e.python}`);
  }
  lines.push('');
  lines.push('system calls:');
  for (const [name, s] of Object.entries(run.syscalls).sort((a, b) => b[1].count - a[1].count)) {
    lines.push(
      `  ${name.padEnd(16)} ${String(s.count).padStart(8)} calls  ${(s.kernelNs / 1000).toFixed(1).padStart(10)} µs in the kernel`,
    );
  }
  lines.push('');
  const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;
  lines.push(
    `CPU: ${pct(run.cpu.busyFraction)} busy on ${run.cpu.cores} core(s): user ${(run.cpu.userNs / 1e3).toFixed(1)} µs, system ${(run.cpu.systemNs / 1e3).toFixed(1)} µs`,
  );
  lines.push(
    `context switches ${run.contextSwitches}, EAGAIN ${run.eagain}, bytes copied ${run.bytesCopied}, threads at most ${run.threadsPeak}, memory at most ${(run.memoryPeakBytes / 1048576).toFixed(1)} MiB`,
  );
  return lines.join('\n');
}
