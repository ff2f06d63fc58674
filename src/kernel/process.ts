/**
 * Processes and threads — Linux's kernel/fork.c (`clone` for a process, `clone3` for a thread:
 * a new task sharing the parent's memory and files), kernel/exit.c (`exit`, `exit_group`: a
 * thread ends; the last one takes the process, and its descriptors, with it), kernel/sys.c
 * (`getpid`). Memory is counted as the meters show it: a base per process and per thread.
 */
import type { Program, SysCall } from './types.ts';
import { done, type Attempt, type KernelContext, type Process, type Thread } from './state.ts';
import { closeFd, fdWhat } from './fdtable.ts';
import { dropGil, makeReady, releaseCore, waitList, dispatchIdleCores } from './sched.ts';

export function newProcess(
  k: KernelContext,
  name: string,
  parent: number | null,
  fds: (number | undefined)[],
): number {
  const pid = k.nextId++;
  const base = parent === null ? k.costs.processBaseBytes : k.costs.forkChildResidentBytes;
  k.procs.set(pid, {
    pid,
    parent,
    name,
    fds,
    reservedFds: new Set(),
    threads: [],
    live: 0,
    gil: null,
    gilWaiters: [],
    exited: false,
    exitCode: 0,
    sigioHandler: null,
    pendingSigio: false,
    sigchldIgnored: false,
    sigioTripped: false,
    sigioHandlerLine: 0,
    memoryBytes: base,
  });
  k.addMemory(base);
  if (k.tracing) k.emit({ t: k.now, type: 'proc.start', pid, parent, name });
  else k.events++;
  fds.forEach((file, fd) => {
    if (file !== undefined) k.emit({ t: k.now, type: 'fd.open', pid, fd, what: fdWhat(k, file) });
  });
  return pid;
}

export function newThread(
  k: KernelContext,
  pid: number,
  name: string,
  program: Program,
  tid = k.nextId++,
): number {
  const proc = k.procs.get(pid)!;
  const thread: Thread = {
    tid,
    pid,
    name,
    state: 'ready',
    on: null,
    core: null,
    gen: program(),
    cont: 'next',
    result: { ret: 0 },
    op: null,
    userNs: 0,
    systemNs: 0,
    waits: [],
    token: 0,
    wakeReason: '',
    parked: false,
  };
  k.threads.set(tid, thread);
  proc.threads.push(tid);
  proc.live++;
  k.liveThreads++;
  if (k.liveThreads > k.threadsPeak) k.threadsPeak = k.liveThreads;
  if (proc.threads.length > 1) {
    proc.memoryBytes += k.costs.threadResidentBytes;
    k.addMemory(k.costs.threadResidentBytes);
  }
  if (k.tracing) k.emit({ t: k.now, type: 'thread.start', tid, pid, name });
  else k.events++;
  makeReady(k, thread);
  return tid;
}

function fork(k: KernelContext, parent: Process, program: Program): number {
  const fds = [...parent.fds];
  const pid = newProcess(k, parent.name, parent.pid, fds);
  for (const file of fds) if (file !== undefined) k.files.get(file)!.refs++;
  newThread(k, pid, 'MainThread', program, pid);
  return pid;
}

export function endThread(k: KernelContext, thread: Thread): void {
  if (thread.state === 'exited') return;
  const proc = k.procs.get(thread.pid)!;
  if (thread.state === 'blocked') {
    for (const target of thread.waits) {
      const list = waitList(k, target);
      const i = list.indexOf(thread.tid);
      if (i >= 0) list.splice(i, 1);
    }
    thread.waits = [];
  }
  const rq = k.runQueue.indexOf(thread.tid);
  if (rq >= 0) k.runQueue.splice(rq, 1);
  dropGil(k, thread);
  thread.state = 'exited';
  thread.token++;
  proc.live--;
  k.liveThreads--;
  if (proc.threads.length > 1 && thread.tid !== proc.pid) {
    proc.memoryBytes -= k.costs.threadResidentBytes;
    k.addMemory(-k.costs.threadResidentBytes);
  }
  if (k.tracing)
    k.emit({
      t: k.now,
      type: 'thread.exit',
      tid: thread.tid,
      ...(proc.exited && proc.exitCode ? { code: proc.exitCode } : {}),
    });
  else k.events++;
  releaseCore(k, thread);
}

export function exitProcess(k: KernelContext, proc: Process, code: number): void {
  if (proc.exited) return;
  proc.exited = true;
  proc.exitCode = code;
  for (const tid of proc.threads) endThread(k, k.threads.get(tid)!);
  proc.fds.forEach((file, fd) => {
    if (file !== undefined) closeFd(k, proc, fd);
  });
  k.addMemory(-proc.memoryBytes);
  if (k.tracing) k.emit({ t: k.now, type: 'proc.exit', pid: proc.pid, code });
  else k.events++;
  if (proc.parent === null) k.stop('exited');
  dispatchIdleCores(k);
}

/* ── the system calls ── */

export function sysClone3(
  k: KernelContext,
  proc: Process,
  call: Extract<SysCall, { name: 'clone3' }>,
): Attempt {
  const tid = newThread(k, proc.pid, call.threadName, call.program);
  return done(
    { ret: tid },
    k.costs.threadCreateNs,
    'clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM|CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID, child_tid=0x7f5a1c9ff990, parent_tid=0x7f5a1c9ff990, exit_signal=0, stack=0x7f5a1c1ff000, stack_size=0x7fff80, tls=0x7f5a1c9ff6c0}',
    ` => {parent_tid=[${tid}]}, 88) = ${tid}`,
  );
}

export function sysClone(k: KernelContext, proc: Process, program: Program): Attempt {
  const pid = fork(k, proc, program);
  return done(
    { ret: pid },
    k.costs.forkNs,
    'clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD',
    `, child_tidptr=0x7f5a1d2b4e50) = ${pid}`,
  );
}

export function sysExit(k: KernelContext, name: 'exit' | 'exit_group', code: number): Attempt {
  return done({ ret: 0 }, k.costs.syscallNs, `${name}(${code})`, ' = ?');
}

export function sysGetpid(k: KernelContext, proc: Process): Attempt {
  return done({ ret: proc.pid }, k.costs.syscallNs, 'getpid()', ` = ${proc.pid}`);
}
