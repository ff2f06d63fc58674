/**
 * Signals as signal-driven I/O uses them — Linux's kernel/signal.c (sending and delivering a
 * signal, `rt_sigaction`, `pause`, `rt_sigreturn`) and fs/fcntl.c (send_sigio: a socket with
 * O_ASYNC and an owner set by F_SETOWN raises SIGIO at its owner when it becomes ready).
 */
import { result } from './strace-format.ts';
import type { SysCall, SysName } from './types.ts';
import { done, type Attempt, type KernelContext, type Process, type Sock, type Thread, type SyscallFacts } from './state.ts';
import { wake } from './sched.ts';

/** What this subsystem's system calls are (the table in syscalls.ts gathers every subsystem's). */
export const SIGNAL_CALLS = {
  rt_sigaction: { kind: 'signal', sleeps: false, copies: null },
  pause: { kind: 'wait', sleeps: true, copies: null },
  rt_sigreturn: { kind: 'signal', sleeps: false, copies: null },
} satisfies Partial<Record<SysName, SyscallFacts>>;

export function sysRtSigaction(k: KernelContext, proc: Process, call: Extract<SysCall, { name: 'rt_sigaction' }>): Attempt {
  if (call.signal === 'SIGIO') proc.sigioHandler = call.handler === 'handler' ? (call.onSignal ?? (() => undefined)) : null;
  if (call.signal === 'SIGCHLD') proc.sigchldIgnored = call.handler === 'SIG_IGN';
  const handler = call.handler === 'SIG_IGN' ? 'SIG_IGN' : '0x55d0c8a1e2b0';
  const flags = call.handler === 'SIG_IGN' ? 'SA_RESTORER|SA_ONSTACK' : 'SA_RESTORER|SA_ONSTACK';
  return done({ ret: 0 }, k.costs.syscallNs, `rt_sigaction(${call.signal}, {sa_handler=${handler}, sa_mask=[], sa_flags=${flags}, sa_restorer=0x7f5a1d25a050}, `, '{sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8) = 0');
}

export function sysPause(k: KernelContext, proc: Process): Attempt {
  if (proc.pendingSigio) {
    // The signal interrupts pause(); the handler runs, then rt_sigreturn ends it with EINTR.
    return done({ ret: -1, errno: 'EINTR' }, k.costs.syscallNs + k.costs.signalDeliveryNs, 'pause(', ') = ? ERESTARTNOHAND (To be restarted if no handler)');
  }
  return { block: { kind: 'signal' }, targets: [], head: 'pause(' };
}

export function sysRtSigreturn(k: KernelContext, thread: Thread, proc: Process): Attempt {
  proc.pendingSigio = false;
  if (k.tracing) k.emit({ t: k.now, type: 'signal.handle', tid: thread.tid, signal: 'SIGIO' }); else k.events++;
  proc.sigioHandler?.();
  return done({ ret: -1, errno: 'EINTR' }, k.costs.signalDeliveryNs, 'rt_sigreturn({mask=[]})', ` = ${result(-1, 'EINTR')}`);
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
  if (k.tracing) k.emit({ t: k.now, type: 'signal.send', pid, signal: 'SIGIO', merged }); else k.events++;
  if (merged) return;
  const sleeper = proc.threads.map((tid) => k.threads.get(tid)!).find((t) => t.state === 'blocked' && t.on?.kind === 'signal');
  if (sleeper) {
    proc.pendingSigio = true;
    wake(k, sleeper, 'SIGIO');
    return;
  }
  // Not sleeping in pause(): delivered on the next return to user space; the handler runs then.
  const main = k.threads.get(proc.pid);
  if (main && main.state !== 'exited') {
    if (k.tracing) k.emit({ t: k.now, type: 'signal.handle', tid: main.tid, signal: 'SIGIO' }); else k.events++;
    proc.sigioHandler();
  }
}
