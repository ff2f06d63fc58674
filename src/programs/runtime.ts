/**
 * A small model of CPython 3.11's socket, select, threading and os modules on top of the
 * simulated kernel: each helper makes the same system calls, in the same order, as the real
 * module does on Linux (checked against fixtures/strace), and raises the same exceptions.
 * Programs use them with `yield*`, so a simulated program reads like its Python listing.
 */
import { PyException } from '../kernel/errors.ts';
import { encodeUtf8, type Bytes } from '../kernel/bytes.ts';
import {
  EPOLLIN,
  POLLIN,
  type PollFd,
  type Program,
  type Req,
  type SysCall,
  type SysResult,
  type UringCqe,
  type UringSqe,
} from '../kernel/types.ts';
import { FD_SETSIZE } from '../kernel/kernel.ts';
import { PollList } from '../kernel/fs/select.ts';

export type Gen<T> = Generator<Req, T, SysResult>;

/** A Python socket object: its fd becomes -1 once closed, like socket.fileno(). */
export class PySocket {
  constructor(
    public fd: number,
    readonly label: string,
  ) {}
}

function* sys(call: SysCall, line: number): Gen<SysResult> {
  return yield { kind: 'sys', call, line };
}

/** A call whose failure raises the matching OSError subclass. */
function* checked(call: SysCall, line: number): Gen<SysResult> {
  const r: SysResult = yield { kind: 'sys', call, line };
  if (r.errno) throw PyException.fromErrno(r.errno, call.name);
  return r;
}

/**
 * Python code on one line that makes no system call (its CPU cost is the kernel's to charge).
 * `note` is the message key that explains the line to a student (src/i18n/en/narration.ts and src/i18n/zh/narration.ts).
 */
export function* pyLine(
  line: number,
  note?: NoteKey,
  noteParams?: Record<string, string | number>,
): Gen<void> {
  const req: Req = { kind: 'py', line };
  if (note !== undefined) req.note = note;
  if (noteParams !== undefined) req.noteParams = noteParams;
  yield req;
}

/** The notes programs attach to lines (keys of the narration messages). */
export type NoteKey =
  | 'narr.note.accepted'
  | 'narr.note.error'
  | 'narr.note.pool'
  | 'narr.note.inBuffer'
  | 'narr.note.cqeReady'
  | 'narr.note.closed'
  | 'narr.note.left'
  | 'narr.note.drop'
  | 'narr.note.gone'
  | 'narr.note.coroutine'
  | 'narr.note.cbAccept'
  | 'narr.note.cbRead'
  | 'narr.note.leftWhileTyping'
  | 'narr.note.sigioBusy';

export function* socket(line: number, label = 'server'): Gen<PySocket> {
  const r = yield* checked({ name: 'socket' }, line);
  return new PySocket(r.ret, label);
}

/** socket.socketpair(): two connected AF_UNIX sockets (each object asks its family: getsockname). */
export function* socketpair(line: number): Gen<[PySocket, PySocket]> {
  const r = yield* checked({ name: 'socketpair' }, line);
  const [a, b] = (r.ready ?? []).map((p) => new PySocket(p.fd, `unix${p.fd}`));
  yield* checked({ name: 'getsockname', fd: a!.fd }, line);
  yield* checked({ name: 'getsockname', fd: b!.fd }, line);
  return [a!, b!];
}

export function* setReuseAddr(s: PySocket, line: number): Gen<void> {
  yield* checked({ name: 'setsockopt', fd: s.fd }, line);
}

export function* bind(s: PySocket, port: number, line: number): Gen<void> {
  yield* checked({ name: 'bind', fd: s.fd, port }, line);
}

export function* listen(s: PySocket, backlog: number, line: number): Gen<void> {
  yield* checked({ name: 'listen', fd: s.fd, backlog }, line);
}

/** The usual four lines that open a listening socket. */
export function* openServer(
  port: number,
  backlog: number,
  lines: { socket: number; setsockopt: number; bind: number; listen: number },
): Gen<PySocket> {
  const server = yield* socket(lines.socket);
  yield* setReuseAddr(server, lines.setsockopt);
  yield* bind(server, port, lines.bind);
  yield* listen(server, backlog, lines.listen);
  return server;
}

/** socket.accept(): accept4, then getsockname (socket(fileno=fd) asks the new socket its family). */
export function* accept(s: PySocket, line: number): Gen<PySocket> {
  const r = yield* checked({ name: 'accept4', fd: s.fd }, line);
  yield* checked({ name: 'getsockname', fd: r.ret }, line);
  return new PySocket(r.ret, `conn${r.ret}`);
}

/**
 * recv() for the hot polling loops: the exception Python would raise comes back as a value, so
 * a loop that meets BlockingIOError a million times does not unwind JS generator frames each time.
 */
export function* recvOrError(s: PySocket, size: number, line: number): Gen<Bytes | PyException> {
  const r: SysResult = yield { kind: 'sys', call: { name: 'recvfrom', fd: s.fd, size }, line };
  return r.errno ? PyException.fromErrno(r.errno, 'recvfrom') : (r.data ?? '');
}

/**
 * `for conn in socks[from:]: data = conn.recv(size)` while each fails with BlockingIOError: the
 * same recvfrom calls, made by the kernel as one `recvEach` step (a metrics-only run may then
 * fast-forward the failures). The first socket that did not fail, with what its recv returned;
 * null once every one did. `round`: this is the loop's head, and the caller's state here is what
 * it was at its previous round whenever every call between failed the same way (the kernel may
 * then skip whole rounds).
 */
export function* recvNextOrError(
  socks: readonly PySocket[],
  from: number,
  size: number,
  line: number,
  round = false,
): Gen<{ index: number; data: Bytes | PyException } | null> {
  if (from >= socks.length) return null;
  const fds = socks.map((s) => s.fd);
  const req: Req = { kind: 'recvEach', fds, from, size, line };
  if (round) req.round = true;
  const r: SysResult = yield req;
  if (r.errno === 'EAGAIN') return null;
  const data = r.errno ? PyException.fromErrno(r.errno, 'recvfrom') : (r.data ?? '');
  return { index: r.index!, data };
}

/** accept() for the hot polling loops: like recvOrError. */
export function* acceptOrError(s: PySocket, line: number): Gen<PySocket | PyException> {
  const r: SysResult = yield { kind: 'sys', call: { name: 'accept4', fd: s.fd }, line };
  if (r.errno) return PyException.fromErrno(r.errno, 'accept4');
  yield* checked({ name: 'getsockname', fd: r.ret }, line);
  return new PySocket(r.ret, `conn${r.ret}`);
}

/**
 * One turn of `while True: try: conn, addr = server.accept() except BlockingIOError: break`:
 * the next waiting connection, or null once the accept queue is empty.
 */
export function* acceptNext(server: PySocket, line: number): Gen<PySocket | null> {
  const conn = yield* acceptOrError(server, line);
  if (conn instanceof PySocket) return conn;
  if (conn.is('BlockingIOError')) return null;
  throw conn;
}

export function* recv(s: PySocket, size: number, line: number): Gen<Bytes> {
  const r = yield* checked({ name: 'recvfrom', fd: s.fd, size }, line);
  return r.data ?? '';
}

export function* send(s: PySocket, data: Bytes, line: number): Gen<number> {
  const r = yield* checked({ name: 'sendto', fd: s.fd, data }, line);
  return r.ret;
}

/** socket.sendall(): sendto until every byte is gone (one call here: the send buffer has room). */
export function* sendall(s: PySocket, data: Bytes, line: number): Gen<void> {
  let rest = data;
  do {
    const n = yield* send(s, rest, line);
    rest = rest.slice(n);
  } while (rest.length > 0);
}

export function* close(s: PySocket, line: number): Gen<void> {
  if (s.fd < 0) return;
  const fd = s.fd;
  s.fd = -1;
  yield* sys({ name: 'close', fd }, line);
}

/** socket.setblocking(flag): ioctl(FIONBIO) on Linux. */
export function* setblocking(s: PySocket, flag: boolean, line: number): Gen<void> {
  yield* checked({ name: 'ioctl', fd: s.fd, nonblock: !flag }, line);
}

export function* getpid(line: number): Gen<number> {
  return (yield* checked({ name: 'getpid' }, line)).ret;
}

export const O_NONBLOCK = 0x800;
export const FASYNC = 0x2000;

export function* fcntl(
  s: PySocket,
  cmd: 'F_GETFL' | 'F_SETFL' | 'F_SETOWN',
  arg: number,
  line: number,
): Gen<number> {
  return (yield* checked({ name: 'fcntl', fd: s.fd, cmd, arg }, line)).ret;
}

/** time.sleep(): an absolute-deadline clock_nanosleep in CPython 3.11. */
export function* sleep(seconds: number, line: number): Gen<void> {
  yield* sys({ name: 'clock_nanosleep', ns: Math.round(seconds * 1e9) }, line);
}

/**
 * threading.Thread(target=...).start(): clone3 (the new thread starts in `program`), then
 * start() waits on a futex until the new thread has signalled that it started (`_started.set()`
 * in its bootstrap, which needs the GIL: the main thread releases it while it waits).
 */
export function* startThread(program: Program, name: string, line: number): Gen<number> {
  const started = { set: false };
  const bootstrap: Program = function* () {
    started.set = true;
    yield { kind: 'futexWake', key: started, label: name, line: 0, started: true };
    yield* program();
  };
  const tid = (yield* checked({ name: 'clone3', program: bootstrap, threadName: name }, line)).ret;
  if (!started.set) yield { kind: 'futexWait', key: started, label: name, line, started: true };
  return tid;
}

/** os.fork(): the parent gets the child's pid; the child runs `child` (fork's "return 0" branch). */
export function* fork(child: Program, line: number): Gen<number> {
  return (yield* checked({ name: 'clone', program: child }, line)).ret;
}

/** os._exit(code) */
export function* exitNow(code: number, line: number): Gen<void> {
  yield* sys({ name: 'exit_group', code }, line);
}

export function* ignoreSigchld(line: number): Gen<void> {
  yield* checked({ name: 'rt_sigaction', signal: 'SIGCHLD', handler: 'SIG_IGN' }, line);
}

/**
 * signal.signal(SIGIO, handler): `onSignal` is what the Python handler does when it runs, and
 * `handlerLine` its line. The kernel's handler is CPython's C one; the kernel runs the Python one later.
 */
export function* installSigioHandler(onSignal: () => void, line: number, handlerLine: number): Gen<void> {
  yield* checked({ name: 'rt_sigaction', signal: 'SIGIO', handler: 'handler', onSignal, handlerLine }, line);
}

/** signal.pause(): returns once a signal's Python handler has run. */
export function* pause(line: number): Gen<void> {
  const r = yield* sys({ name: 'pause' }, line);
  // Interrupted by a signal: CPython's C handler set its flag, and the trampoline's rt_sigreturn
  // returns EINTR; the Python handler runs before the next bytecode, so before pause() returns.
  if (r.errno === 'EINTR') yield* sys({ name: 'rt_sigreturn' }, line);
}

/** A user-space FIFO shared by threads (queue.SimpleQueue): get() sleeps on a futex when empty. */
export class PyQueue<T> {
  readonly items: T[] = [];
  constructor(readonly label: string) {}
}

export function* queueGet<T>(q: PyQueue<T>, line: number): Gen<T> {
  while (q.items.length === 0) yield { kind: 'futexWait', key: q, label: q.label, line };
  return q.items.shift()!;
}

export function* queuePut<T>(q: PyQueue<T>, item: T, line: number): Gen<void> {
  q.items.push(item);
  yield { kind: 'futexWake', key: q, label: q.label, line };
}

/* ── select, poll, epoll ── */

/** A scenario's timeoutMs as the seconds a Python timeout argument takes (None stays None). */
export const timeoutSeconds = (ms: number | null): number | null => (ms === null ? null : ms / 1000);

/**
 * select.select(rlist, [], [], timeout): ValueError before any call if an fd is ≥ FD_SETSIZE;
 * the ready sockets come back in the order of `rlist`.
 */
export function* select(rlist: PySocket[], timeoutS: number | null, line: number): Gen<PySocket[]> {
  const fds = rlist.map((s) => s.fd);
  if (fds.some((fd) => fd < 0 || fd >= FD_SETSIZE)) {
    yield* pyLine(line);
    throw new PyException('ValueError', 'filedescriptor out of range in select()', undefined, '');
  }
  const sorted = [...new Set(fds)].sort((a, b) => a - b);
  const nfds = sorted.length ? sorted[sorted.length - 1]! + 1 : 0;
  const r = yield* checked(
    {
      name: 'pselect6',
      nfds,
      readFds: sorted,
      timeoutNs: timeoutS === null ? null : Math.round(timeoutS * 1e9),
    },
    line,
  );
  const ready = new Set((r.ready ?? []).map((p) => p.fd));
  return rlist.filter((s) => ready.has(s.fd));
}

/**
 * select.poll(): registration order is the order of the pollfd array and of the results.
 * CPython keeps the pollfd array between calls and rebuilds it only after a register or an
 * unregister; here it is kept up to date in place (an append, an update, a removal), so a call
 * over 10,000 registered fds does not copy them.
 */
/** select.poll(): its fds live in a kernel PollList, so a call looks only at what changed. */
export class Poller {
  readonly list = new PollList();
}

export function pollRegister(p: Poller, s: PySocket, events = POLLIN): void {
  p.list.add(s.fd, events);
}
export function pollUnregister(p: Poller, s: PySocket | number): void {
  p.list.remove(typeof s === 'number' ? s : s.fd);
}

export function* poll(p: Poller, timeoutMs: number | null, line: number): Gen<PollFd[]> {
  const r = yield* checked(
    { name: 'poll', fds: p.list.array, timeoutMs: timeoutMs === null ? -1 : Math.ceil(timeoutMs) },
    line,
  );
  return r.ready ?? [];
}

export class PyEpoll {
  constructor(public fd: number) {}
}

export function* epollCreate(line: number): Gen<PyEpoll> {
  return new PyEpoll((yield* checked({ name: 'epoll_create1' }, line)).ret);
}

export function* epollRegister(ep: PyEpoll, fd: number, events: number, line: number): Gen<void> {
  yield* checked({ name: 'epoll_ctl', epfd: ep.fd, op: 'EPOLL_CTL_ADD', fd, events }, line);
}

export function* epollModify(ep: PyEpoll, fd: number, events: number, line: number): Gen<void> {
  yield* checked({ name: 'epoll_ctl', epfd: ep.fd, op: 'EPOLL_CTL_MOD', fd, events }, line);
}

export function* epollUnregister(ep: PyEpoll, fd: number, line: number): Gen<void> {
  yield* checked({ name: 'epoll_ctl', epfd: ep.fd, op: 'EPOLL_CTL_DEL', fd, events: 0 }, line);
}

/** epoll.poll(timeout): maxevents defaults to FD_SETSIZE - 1; results in ready-list order. */
export function* epollPoll(
  ep: PyEpoll,
  timeoutS: number | null,
  line: number,
  maxEvents = FD_SETSIZE - 1,
): Gen<PollFd[]> {
  const timeoutMs = timeoutS === null ? -1 : Math.ceil(timeoutS * 1000);
  const r = yield* checked({ name: 'epoll_wait', epfd: ep.fd, maxEvents, timeoutMs }, line);
  return r.ready ?? [];
}

export { EPOLLIN, POLLIN };

/* ── stdin and stdout (the chat room's operator) ── */

/** input(prompt): the prompt is written to stdout and flushed, then a line is read from fd 0. */
export function* input(prompt: string, line: number): Gen<string> {
  const text = encodeUtf8(prompt);
  yield* checked({ name: 'write', fd: 1, data: text }, line);
  let got = '';
  for (;;) {
    const r = yield* checked({ name: 'read', fd: 0, size: 8192 }, line);
    const chunk = r.data ?? '';
    if (chunk.length === 0) throw new PyException('EOFError', 'EOF when reading a line', undefined, 'read');
    got += chunk;
    if (got.endsWith('\n')) return got.slice(0, -1);
  }
}

/* ── io_uring ── */

/** Python's repr() of a str, as an f-string's !r shows it. */
export function pyRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + quote;
}

export function* uringSetup(entries: number, line: number): Gen<number> {
  return (yield* checked({ name: 'io_uring_setup', entries }, line)).ret;
}

/** io_uring_enter(): submit the queued entries and wait until `minComplete` completions are there. */
export function* uringEnter(
  ring: number,
  submit: UringSqe[],
  minComplete: number,
  line: number,
): Gen<UringCqe[]> {
  const r = yield* checked({ name: 'io_uring_enter', ring, submit, minComplete }, line);
  return r.cqes ?? [];
}
