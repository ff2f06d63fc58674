/**
 * The way into and out of the kernel — Linux's arch/x86/entry (a system call's entry, its
 * sleep, its return to user space) — and what runs between calls: the thread's program, which
 * stands for CPython's eval loop (each step is Python code, a system call, or a futex wait on a
 * user-space queue). An exception the program does not catch ends the thread, or the process,
 * as CPython does.
 */
import { PyException } from './errors.ts';
import type { ProgramGen, Req } from './types.ts';
import type { KernelContext, RecvEach, Thread } from './state.ts';
import { block, burst, dispatchIdleCores, dropGil, labelFutex, takeGil, wake } from './sched.ts';
import { endThread, exitProcess } from './process.ts';
import { attempt } from './syscalls.ts';
import { deliverSignal, runPythonHandler } from './signal.ts';
import { fastForwardEagains, fastForwardRounds } from './fast-forward.ts';

/**
 * Calls CPython makes with the GIL held (no Py_BEGIN_ALLOW_THREADS around them): the thread
 * start (pthread_create's clone3), the getsockname of socket(fileno=…) after each accept4,
 * os.getpid, signal.signal and setsockopt; rt_sigreturn runs inside pause(), which released it.
 */
const HOLDS_GIL: ReadonlySet<string> = new Set([
  'clone3',
  'getsockname',
  'getpid',
  'rt_sigaction',
  'setsockopt',
  'rt_sigreturn',
]);

/** Runs the thread's continuation: next program step, a syscall attempt, or a delivery. */
export function continueThread(k: KernelContext, thread: Thread): void {
  switch (thread.cont) {
    case 'deliver':
      return deliver(k, thread);
    case 'attempt':
      return attemptOp(k, thread);
    case 'next':
      return nextReq(k, thread);
  }
}

function nextReq(k: KernelContext, thread: Thread): void {
  if (!takeGil(k, thread)) return;
  const handlerNs = runPythonHandler(k, thread);
  if (handlerNs) {
    thread.cont = 'next';
    burst(k, thread, handlerNs, 0);
    return;
  }
  const each = thread.each;
  if (each) {
    // A recvEach goes on with its next fd while calls fail with EAGAIN; then the program resumes.
    const again = thread.result.errno === 'EAGAIN';
    if (again && !k.tracing && k.config.fastForward !== false) fastForwardEagains(k, thread, each);
    if (again && each.i + 1 < each.fds.length) {
      each.i++;
      startEachCall(k, thread, each);
      return;
    }
    delete thread.each;
    thread.result = { ...thread.result, index: each.i };
  }
  let req: IteratorResult<Req, void>;
  const pending = thread.result;
  thread.result = { ret: 0 };
  try {
    req = thread.gen.next(pending);
  } catch (err) {
    uncaught(k, thread, err);
    return;
  }
  if (req.done) {
    // Falling off the end: the interpreter exits (main thread) or the thread ends, as strace shows.
    const main = thread.tid === thread.pid;
    startReq(k, thread, {
      kind: 'sys',
      call: main ? { name: 'exit_group', code: 0 } : { name: 'exit', code: 0 },
      line: 0,
    });
    return;
  }
  startReq(k, thread, req.value);
}

function startEachCall(k: KernelContext, thread: Thread, each: RecvEach): void {
  const call = { name: 'recvfrom' as const, fd: each.fds[each.i]!, size: each.size };
  startReq(k, thread, { kind: 'sys', call, line: each.line });
}

function startReq(k: KernelContext, thread: Thread, req: Req): void {
  switch (req.kind) {
    case 'recvEach':
      if (req.from >= req.fds.length) throw new Error('recvEach with no fd to try');
      if (req.round && !k.tracing && k.config.fastForward !== false) fastForwardRounds(k, thread, req.fds);
      thread.each = { fds: req.fds, size: req.size, line: req.line, i: req.from };
      startEachCall(k, thread, thread.each);
      return;
    case 'park':
      thread.parked = true;
      thread.cont = 'next';
      return;
    case 'py': {
      const ns = req.ns ?? k.costs.pythonStatementNs;
      if (k.tracing)
        k.emit({
          t: k.now,
          type: 'py',
          tid: thread.tid,
          line: req.line,
          ns,
          ...(req.note ? { note: req.note } : {}),
          ...(req.noteParams ? { noteParams: req.noteParams } : {}),
        });
      else k.events++;
      thread.cont = 'next';
      burst(k, thread, ns, 0);
      return;
    }
    case 'futexWait': {
      const list = k.futexWaiters.get(req.key) ?? [];
      k.futexWaiters.set(req.key, list);
      labelFutex(k, req.key, req.label);
      if (k.tracing)
        k.emit({
          t: k.now,
          type: 'py',
          tid: thread.tid,
          line: req.line,
          ns: 0,
          ...(req.started ? { note: 'narr.note.startWait', noteParams: { thread: req.label } } : {}),
        });
      else k.events++;
      dropGil(k, thread);
      thread.cont = 'next';
      block(
        k,
        thread,
        req.started ? { kind: 'started', thread: req.label } : { kind: 'pool', queue: req.label },
        [{ kind: 'pool', queue: req.label }],
      );
      return;
    }
    case 'futexWake': {
      const list = k.futexWaiters.get(req.key);
      const tid = list?.[0];
      // Whether a sleeping thread was there to take it: the job runs now, or waits in the queue.
      const note = req.started
        ? 'narr.note.started'
        : tid !== undefined
          ? 'narr.note.jobTaken'
          : 'narr.note.jobQueued';
      if (k.tracing)
        k.emit({
          t: k.now,
          type: 'py',
          tid: thread.tid,
          line: req.line,
          ns: k.costs.pythonLineNs,
          sysNs: k.costs.wakeupNs,
          note,
          noteParams: { queue: req.label },
        });
      else k.events++;
      if (tid !== undefined) wake(k, k.threads.get(tid)!, req.started ? 'started' : 'queue');
      thread.cont = 'next';
      burst(k, thread, k.costs.pythonLineNs, k.costs.wakeupNs);
      return;
    }
    case 'sys': {
      thread.op = {
        call: req.call,
        line: req.line,
        enterT: k.now + k.costs.pythonLineNs,
        kernelNs: 0,
        deadline: null,
        timedOut: false,
        entered: false,
        entryCharged: false,
        blocked: false,
        submitted: false,
        done: null,
      };
      if (k.tracing)
        k.emit({ t: k.now, type: 'py', tid: thread.tid, line: req.line, ns: k.costs.pythonLineNs });
      else k.events++;
      // CPython releases the GIL only around calls wrapped in Py_BEGIN_ALLOW_THREADS.
      if (!HOLDS_GIL.has(req.call.name)) dropGil(k, thread);
      thread.cont = 'attempt';
      burst(k, thread, k.costs.pythonLineNs, 0);
      return;
    }
  }
}

function attemptOp(k: KernelContext, thread: Thread): void {
  const op = thread.op!;
  if (!op.entered) {
    op.entered = true;
    if (k.tracing)
      k.emit({ t: k.now, type: 'sys.enter', tid: thread.tid, name: op.call.name, line: op.line });
    else k.events++;
  }
  const tried = attempt(k, thread, op);
  if ('block' in tried) {
    if (!op.entryCharged) {
      // Entering the kernel costs something even when the call then sleeps (select and poll
      // have scanned every fd once by then).
      op.entryCharged = true;
      burst(k, thread, 0, tried.ns ?? k.costs.syscallNs);
      return;
    }
    op.blocked = true;
    if (k.tracing)
      k.emit({
        t: k.now,
        type: 'sys.block',
        tid: thread.tid,
        name: op.call.name,
        on: tried.block,
        head: tried.head,
        enterT: op.enterT,
        kernelNs: op.kernelNs,
      });
    else k.events++;
    block(k, thread, tried.block, tried.targets);
    if (op.deadline !== null && op.deadline !== Infinity)
      k.schedule(op.deadline, { e: 'timeout', tid: thread.tid, token: thread.token });
    return;
  }
  op.done = tried;
  if (tried.copy) {
    k.bytesCopied += tried.copy.data.length;
    if (k.tracing)
      k.emit({
        t: k.now,
        type: 'copy',
        tid: thread.tid,
        fd: tried.copy.fd,
        dir: tried.copy.dir,
        bytes: tried.copy.data.length,
        data: tried.copy.data,
        ns: Math.round(tried.copy.data.length * k.costs.copyNsPerByte),
      });
    else k.events++;
  }
  thread.cont = 'deliver';
  burst(k, thread, 0, tried.ns);
}

function deliver(k: KernelContext, thread: Thread): void {
  const op = thread.op!;
  const done = op.done!;
  const name = op.call.name;
  const stat = k.syscalls[name] ?? (k.syscalls[name] = { count: 0, kernelNs: 0 });
  stat.count++;
  stat.kernelNs += op.kernelNs;
  if (done.res.errno === 'EAGAIN') k.eagain++;
  // CPython turns a failed call into an exception object and unwinds to the except clause.
  const unwindNs =
    done.res.errno && name !== 'pause' && name !== 'rt_sigreturn' ? k.costs.pythonExceptionNs : 0;
  if (k.tracing) {
    k.emit({
      t: k.now,
      type: 'sys.exit',
      tid: thread.tid,
      name,
      ret: done.res.ret,
      ...(done.res.errno ? { errno: done.res.errno } : {}),
      strace: done.strace.head + done.strace.tail,
      head: done.strace.head.length,
      enterT: op.enterT,
      kernelNs: op.kernelNs,
      ...(unwindNs ? { unwindNs } : {}),
    });
  } else k.events++;
  // Python ignores SIGPIPE, so a send to a dead peer just fails with EPIPE; strace still shows the signal.
  if (name === 'sendto' && done.res.errno === 'EPIPE')
    k.emit({
      t: k.now,
      type: 'signal.send',
      pid: thread.pid,
      tid: thread.tid,
      signal: 'SIGPIPE',
      merged: false,
    });
  if (name === 'pause' && done.res.errno === 'EINTR') deliverSignal(k, thread, k.procs.get(thread.pid)!);
  thread.op = null;
  thread.result = done.res;
  thread.cont = 'next';
  if (unwindNs) {
    burst(k, thread, unwindNs, 0);
    return;
  }
  if (name === 'exit_group')
    return exitProcess(k, k.procs.get(thread.pid)!, (op.call as { code: number }).code);
  if (name === 'exit') {
    endThread(k, thread);
    dispatchIdleCores(k);
    return;
  }
  nextReq(k, thread);
}

function uncaught(k: KernelContext, thread: Thread, err: unknown): void {
  if (!(err instanceof PyException)) throw err; // a bug in a simulated program, not a simulated failure
  const { python, syscall } = err;
  k.errors.push({ thread: thread.tid, syscall, python, atNs: k.now });
  const main = thread.tid === thread.pid;
  if (k.tracing) k.emit({ t: k.now, type: 'error', tid: thread.tid, syscall, python, fatal: main });
  else k.events++;
  // The traceback goes to stderr. In the main thread the interpreter then finalizes: the
  // socket objects are collected (closing their fds) and it exits with status 1; but while
  // (daemon) threads still live, CPython 3.11 collects none and exit_group closes them (recorded:
  // fixtures/fidelity/found/accept-emfile-*). Another thread just ends (threading's excepthook).
  const proc = k.procs.get(thread.pid)!;
  const collects = main && proc.live === 1;
  const openSockets = collects ? proc.fds.flatMap((f, fd) => (f !== undefined && fd > 2 ? [fd] : [])) : [];
  thread.gen = (function* (): ProgramGen {
    yield {
      kind: 'sys',
      call: { name: 'write', fd: 2, data: `Traceback (most recent call last):\n  ...\n${python}\n` },
      line: 0,
    };
    for (const fd of openSockets) yield { kind: 'sys', call: { name: 'close', fd }, line: 0 };
    if (main) yield { kind: 'sys', call: { name: 'exit_group', code: 1 }, line: 0 };
  })();
  thread.result = { ret: 0 };
  nextReq(k, thread);
}
