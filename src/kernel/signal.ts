/**
 * Signals as signal-driven I/O uses them — Linux's kernel/signal.c (sending and delivering a
 * signal, `rt_sigaction`, `pause`, `rt_sigreturn`) and fs/fcntl.c (send_sigio: a socket with
 * O_ASYNC and an owner set by F_SETOWN raises SIGIO at its owner when it becomes ready).
 * The handler the kernel runs is CPython's C-level one (Modules/signalmodule.c), which only sets
 * a flag; the Python function runs later in the main thread, between bytecodes (runPythonHandler).
 */
import { result } from './strace-format.ts';
import type { SysCall } from './types.ts';
import { done, type Attempt, type KernelContext, type Process, type Sock, type Thread } from './state.ts';
import { wake } from './sched.ts';

export function sysRtSigaction(
  k: KernelContext,
  proc: Process,
  call: Extract<SysCall, { name: 'rt_sigaction' }>,
): Attempt {
  if (call.signal === 'SIGIO') {
    proc.sigioHandler = call.handler === 'handler' ? (call.onSignal ?? (() => undefined)) : null;
    proc.sigioHandlerLine = call.handlerLine ?? 0;
  }
  if (call.signal === 'SIGCHLD') proc.sigchldIgnored = call.handler === 'SIG_IGN';
  const handler = call.handler === 'SIG_IGN' ? 'SIG_IGN' : '0x55d0c8a1e2b0';
  const flags = call.handler === 'SIG_IGN' ? 'SA_RESTORER|SA_ONSTACK' : 'SA_RESTORER|SA_ONSTACK';
  return done(
    { ret: 0 },
    k.costs.syscallNs,
    `rt_sigaction(${call.signal}, {sa_handler=${handler}, sa_mask=[], sa_flags=${flags}, sa_restorer=0x7f5a1d25a050}, `,
    '{sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8) = 0',
  );
}

export function sysPause(k: KernelContext, proc: Process): Attempt {
  if (proc.pendingSigio) {
    // The signal interrupts pause(); on the way out the kernel delivers it (deliverSignal), the C
    // handler sets its flag, and rt_sigreturn then ends pause() with EINTR.
    return done(
      { ret: -1, errno: 'EINTR' },
      k.costs.syscallNs + k.costs.signalDeliveryNs,
      'pause(',
      ') = ? ERESTARTNOHAND (To be restarted if no handler)',
    );
  }
  return { block: { kind: 'signal' }, targets: [], head: 'pause(' };
}

/**
 * pause() returned to user space with SIGIO pending: the kernel delivers it (strace's
 * `--- SIGIO ---`) by running CPython's C-level handler, which only records it (a flag).
 */
export function deliverSignal(k: KernelContext, thread: Thread, proc: Process): void {
  if (!proc.pendingSigio || !proc.sigioHandler) return;
  if (k.tracing) k.emit({ t: k.now, type: 'signal.handle', tid: thread.tid, signal: 'SIGIO' });
  else k.events++;
}

/**
 * The C handler has set its flag and returns through rt_sigreturn: the interrupted pause() ends
 * with EINTR, and back in CPython the flag runs the Python handler (runPythonHandler).
 */
export function sysRtSigreturn(k: KernelContext, proc: Process): Attempt {
  proc.pendingSigio = false;
  proc.sigioTripped = true;
  return done(
    { ret: -1, errno: 'EINTR' },
    k.costs.signalDeliveryNs,
    'rt_sigreturn({mask=[]})',
    ` = ${result(-1, 'EINTR')}`,
  );
}

/** send_sigio: every file on the socket with O_ASYNC and an owner signals that owner. */
export function sigioOnReady(k: KernelContext, sock: Sock): void {
  for (const fileId of sock.files) {
    const file = k.files.get(fileId);
    if (!file || !file.async || file.owner === null) continue;
    raiseSigio(k, file.owner);
  }
}

function raiseSigio(k: KernelContext, pid: number): void {
  const proc = k.procs.get(pid);
  if (!proc || proc.exited || !proc.sigioHandler) return;
  // Standard signals do not queue: a second SIGIO while one is pending merges into it.
  const merged = proc.pendingSigio;
  if (k.tracing) k.emit({ t: k.now, type: 'signal.send', pid, signal: 'SIGIO', merged });
  else k.events++;
  if (merged) return;
  const sleeper = proc.threads
    .map((tid) => k.threads.get(tid)!)
    .find((t) => t.state === 'blocked' && t.on?.kind === 'signal');
  if (sleeper) {
    proc.pendingSigio = true;
    wake(k, sleeper, 'SIGIO');
    return;
  }
  // Not sleeping in pause(): delivered on the next return to user space, where the C handler
  // sets its flag; the Python handler runs at the main thread's next bytecode.
  const main = k.threads.get(proc.pid);
  if (main && main.state !== 'exited') {
    if (k.tracing) k.emit({ t: k.now, type: 'signal.handle', tid: main.tid, signal: 'SIGIO' });
    else k.events++;
    proc.sigioTripped = true;
  }
}

/**
 * CPython's eval loop, before the main thread's next bytecode: a tripped flag runs the Python
 * handler there (PyErr_CheckSignals). Returns the CPU the handler took (0: none ran).
 */
export function runPythonHandler(k: KernelContext, thread: Thread): number {
  const proc = k.procs.get(thread.pid);
  if (!proc?.sigioTripped || thread.tid !== proc.pid) return 0;
  proc.sigioTripped = false;
  proc.sigioHandler?.();
  if (!proc.sigioHandlerLine) return 0;
  const ns = k.costs.pythonStatementNs;
  if (k.tracing)
    k.emit({
      t: k.now,
      type: 'py',
      tid: thread.tid,
      line: proc.sigioHandlerLine,
      ns,
      note: 'narr.note.pyHandler',
    });
  else k.events++;
  return ns;
}
