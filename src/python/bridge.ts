/**
 * The bridge between a real interpreter and the simulated kernel. The interpreter runs the
 * student's program; each system call its shims make (src/python/shims/iolab_shims.py) comes
 * here as `call(name, line, ns, a, b, c, d)`. The bridge queues the user CPU spent since the last
 * call (`py`) and the call (`sys`) for the kernel thread that stands for the program, resumes that
 * thread (it parks while Python runs) and steps the simulation — clients, timers, the network —
 * until the call returns, then hands the result back to Python.
 *
 * The clients count their action times from the moment the program's first `listen()` returns.
 * The kernel schedules them when it is made, so the bridge runs the program on a first kernel
 * (the clients at their times from 0, to be refused if the program never listens) until that
 * `listen()` returns at T, then makes a second kernel with every client action moved by T (and
 * the clients aimed at the port the program bound), replays the calls made so far on it — the
 * kernel is deterministic and no client acted before T, so every result is the same, which the
 * bridge checks — and goes on there. Python never notices.
 */
import { Kernel, type MachineConfig } from '../kernel/kernel.ts';
import { ERRNO, PyException, type Errno } from '../kernel/errors.ts';
import type { PollFd, Req, SysCall, SysResult } from '../kernel/types.ts';

/** The client host `index` uses this port (the kernel numbers them the same way). */
const clientPort = (index: number): number => 40000 + 2 * index + 2;

/** An exception that escaped the program, as the kernel records it: CPython's last traceback line. */
export class PythonError extends PyException {
  constructor(
    readonly lastLine: string,
    errno?: Errno,
    syscall = '',
  ) {
    const colon = lastLine.indexOf(': ');
    super(
      colon < 0 ? lastLine : lastLine.slice(0, colon),
      colon < 0 ? '' : lastLine.slice(colon + 2),
      errno,
      syscall,
    );
  }

  override get python(): string {
    return this.lastLine;
  }
}

type Item = Req | { kind: 'end'; error?: PyException };

export interface StopRequest {
  kind: 'cpu' | 'output';
  line: number;
  ns: number;
}

const ERRNO_BY_CODE = new Map<number, Errno>(
  Object.entries(ERRNO).map(([name, e]) => [e.code, name as Errno]),
);
export const errnoName = (code: number): Errno | undefined => ERRNO_BY_CODE.get(code);

export class KernelBridge {
  kernel: Kernel;
  /** When the first listen() returned (ns), and the port it listens on; null: not yet (or never). */
  listenAtNs: number | null = null;
  listenPort: number | null = null;
  /** Set when a safety budget (CPU without a system call, output) stopped the program. */
  stopRequest: StopRequest | null = null;
  /** The last call that failed, to name it when its exception escapes. */
  lastFailure: { name: string; errno: Errno } | null = null;
  /** System calls made through the bridge (for the speed measurement). */
  calls = 0;
  onSigio: () => void = () => undefined;

  private tid = -1;
  private readonly queue: Item[] = [];
  private result: SysResult | null = null;
  /** The requests made before the first listen(), and their results (replayed on the second kernel). */
  private log: Req[] | null = [];
  private logResults: SysResult[] = [];
  private readonly ports = new Map<number, number>();

  constructor(private readonly base: MachineConfig) {
    this.kernel = new Kernel(base);
    this.tid = this.kernel.spawn('python3', () => this.program([]));
  }

  private *program(replay: Req[], replayed?: SysResult[]): Generator<Req, void, SysResult> {
    for (const req of replay) {
      const r = yield req;
      if (req.kind === 'sys') replayed!.push(r);
    }
    for (;;) {
      const item = this.queue.shift();
      if (!item) {
        yield { kind: 'park' };
        continue;
      }
      if (item.kind === 'end') {
        if (item.error) throw item.error;
        return;
      }
      const r = yield item;
      if (item.kind === 'sys') this.result = r;
    }
  }

  private push(req: Req): void {
    this.queue.push(req);
    this.log?.push(req);
  }

  private wakeProgram(): void {
    const thread = this.kernel.threads.get(this.tid);
    if (thread?.parked) this.kernel.resume(this.tid);
  }

  /** Runs one system call to completion in virtual time; null when the run ended first. */
  syscall(call: SysCall, line: number, ns: number): SysResult | null {
    if (this.stopRequest) return null;
    if (ns > 0) this.push({ kind: 'py', line, ns });
    this.push({ kind: 'sys', call, line });
    this.result = null;
    this.calls++;
    this.wakeProgram();
    while (this.result === null) if (!this.kernel.step()) return null;
    const r: SysResult = this.result;
    if (this.log) this.logResults.push(r);
    if (call.name === 'bind' && !r.errno) this.ports.set(call.fd, call.port);
    if (call.name === 'listen' && !r.errno && this.listenAtNs === null) this.moveClientsTo(call.fd);
    if (r.errno) this.lastFailure = { name: call.name, errno: r.errno };
    return r;
  }

  /** Python's side: a call by name with up to four plain arguments, the result encoded plainly. */
  call(
    name: string,
    line: number,
    ns: number,
    a: unknown,
    b: unknown,
    c: unknown,
    d: unknown,
  ): number | string | null {
    const call = toSysCall(name, a, b, c, d, () => this.onSigio());
    const r = this.syscall(call, line, ns);
    if (r === null) return null;
    if (r.errno) return -ERRNO[r.errno].code;
    switch (name) {
      case 'recvfrom':
      case 'read':
        return r.data ?? '';
      case 'socketpair':
        return (r.ready ?? []).map((p) => p.fd).join(',');
      case 'pselect6':
        return (r.ready ?? []).map((p) => p.fd).join(',');
      case 'poll':
      case 'epoll_wait':
        return (r.ready ?? []).map((p) => `${p.fd}:${p.events >>> 0}`).join(',');
      default:
        return r.ret;
    }
  }

  /** The client port of an accepted connection's fd. */
  peer(fd: number): number {
    const file = this.kernel.procs.get(this.tid)?.fds[fd];
    const what = file === undefined ? undefined : this.kernel.files.get(file)?.what;
    const sock = what?.kind === 'sock' ? this.kernel.socks.get(what.sock) : undefined;
    return sock && sock.client >= 0 ? clientPort(sock.client) : 0;
  }

  /** A safety budget stopped the program: its CPU since the last call still counts. */
  stop(kind: StopRequest['kind'], line: number, ns: number): void {
    this.stopRequest = { kind, line, ns };
  }

  /**
   * The program is over: it returned (`exit` code), raised (`error`), or was stopped. The kernel
   * ends the process as CPython would and runs the rest of the scenario.
   */
  finish(end: { exitCode: number } | { error: PyException }, lastLine = 0, lastNs = 0): void {
    if (lastNs > 0) this.queue.push({ kind: 'py', line: lastLine, ns: lastNs });
    if ('error' in end) this.queue.push({ kind: 'end', error: end.error });
    else {
      if (end.exitCode !== 0)
        this.queue.push({ kind: 'sys', call: { name: 'exit_group', code: end.exitCode }, line: lastLine });
      this.queue.push({ kind: 'end' });
    }
    this.log = null;
    const thread = this.kernel.threads.get(this.tid);
    if (thread?.parked && thread.state === 'running') this.kernel.resume(this.tid);
    while (this.kernel.step()) {
      /* the rest of the scenario */
    }
  }

  /** The first listen() returned: from now on the clients' times count from here (see the top). */
  private moveClientsTo(fd: number): void {
    const at = this.kernel.now;
    const port = this.ports.get(fd) ?? this.base.serverPort;
    this.listenAtNs = at;
    this.listenPort = port;
    const log = this.log ?? [];
    const expected = this.logResults;
    this.log = null;
    this.logResults = [];
    const config: MachineConfig = {
      ...this.base,
      serverPort: port,
      untilNs: this.base.untilNs + at,
      clients: this.base.clients.map((c) => ({
        ...c,
        actions: c.actions.map((x) => ({ ...x, atNs: x.atNs + at })),
      })),
    };
    const next = new Kernel(config);
    const replayed: SysResult[] = [];
    const tid = next.spawn('python3', () => this.program(log, replayed));
    while (replayed.length < expected.length) if (!next.step()) break;
    const same =
      replayed.length === expected.length &&
      next.now === at &&
      replayed.every((r, i) => r.ret === expected[i]!.ret && r.errno === expected[i]!.errno);
    if (!same || tid !== this.tid)
      throw new Error('IO Lab: replaying the calls before listen() gave other results (a bug in the bridge)');
    this.kernel = next;
  }
}

function fdList(text: unknown): number[] {
  return typeof text === 'string' && text ? text.split(',').map(Number) : [];
}

function pollFds(text: unknown): PollFd[] {
  if (typeof text !== 'string' || !text) return [];
  return text.split(',').map((p) => {
    const [fd, events] = p.split(':');
    return { fd: Number(fd), events: Number(events) };
  });
}

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));
const str = (v: unknown): string => (typeof v === 'string' ? v : String(v));

/** The SysCall a shim asked for, from its name and plain arguments. */
export function toSysCall(
  name: string,
  a: unknown,
  b: unknown,
  c: unknown,
  d: unknown,
  onSigio: () => void,
): SysCall {
  switch (name) {
    case 'socket':
    case 'socketpair':
    case 'getpid':
    case 'epoll_create1':
    case 'pause':
    case 'rt_sigreturn':
      return { name };
    case 'setsockopt':
    case 'accept4':
    case 'close':
      return { name, fd: num(a) };
    case 'getsockname':
    case 'getpeername':
      // No length given (0): CPython's 128-byte buffer, as when it asks a new socket its family.
      return num(b) > 0 ? { name, fd: num(a), addrlen: num(b) } : { name, fd: num(a) };
    case 'bind':
      return { name, fd: num(a), port: num(b) };
    case 'listen':
      return { name, fd: num(a), backlog: num(b) };
    case 'recvfrom':
      return { name, fd: num(a), size: num(b) };
    case 'read':
      return { name, fd: num(a), size: num(b) };
    case 'sendto':
      return { name, fd: num(a), data: str(b) };
    case 'write':
      return { name, fd: num(a), data: str(b) };
    case 'ioctl':
      return { name, fd: num(a), nonblock: num(b) === 1 };
    case 'fcntl':
      return { name, fd: num(a), cmd: str(b) as 'F_GETFL' | 'F_SETFL' | 'F_SETOWN', arg: num(c) };
    case 'exit_group':
      return { name, code: num(a) };
    case 'clock_nanosleep':
      return { name, ns: num(a) };
    case 'pselect6':
      return { name, nfds: num(a), readFds: fdList(b), timeoutNs: num(c) < 0 ? null : num(c) };
    case 'poll':
      return { name, fds: pollFds(a), timeoutMs: num(b) };
    case 'epoll_ctl':
      return {
        name,
        epfd: num(a),
        op: str(b) as 'EPOLL_CTL_ADD' | 'EPOLL_CTL_MOD' | 'EPOLL_CTL_DEL',
        fd: num(c),
        events: num(d) | 0,
      };
    case 'epoll_wait':
      return { name, epfd: num(a), maxEvents: num(b), timeoutMs: num(c) };
    case 'rt_sigaction': {
      const handler = str(b) === 'SIG_IGN' ? 'SIG_IGN' : 'handler';
      return {
        name,
        signal: str(a) === 'SIGCHLD' ? 'SIGCHLD' : 'SIGIO',
        handler,
        ...(handler === 'handler' ? { onSignal: onSigio } : {}),
      };
    }
    default:
      throw new Error(`IO Lab's Python shims asked for an unknown system call: ${name}`);
  }
}
