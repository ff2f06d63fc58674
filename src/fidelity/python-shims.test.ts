/**
 * Your own server (src/python): the Python shims, one behaviour at a time: small programs run by real CPython (Pyodide, loaded
 * once for this file) against the simulated kernel.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Scenario, ScenarioClient } from '../scenarios/format.ts';
import { runPythonScenario, type PythonScenarioOptions, type PythonScenarioRun } from '../scenarios/run.ts';
import { toStrace } from '../kernel/strace-log.ts';
import { decodeUtf8 } from '../kernel/bytes.ts';
import { loadPythonEngine } from '../python/engine.ts';

beforeAll(async () => {
  await loadPythonEngine();
}, 180_000);

const ann: ScenarioClient = {
  name: 'ann',
  actions: [
    { at: 0, do: 'connect' },
    { at: 100, do: 'send', data: 'hello' },
    { at: 300, do: 'close' },
  ],
};

function scenario(
  source: string,
  clients: ScenarioClient[] = [ann],
  extra: Partial<Scenario> = {},
): Scenario {
  return {
    format: 'iolab/scenario@1',
    id: 'test',
    title: { en: 'test', zh: '测试' },
    seed: 1,
    model: 'python',
    program: { language: 'python', source },
    clients,
    ...extra,
  };
}

const run = (
  source: string,
  clients?: ScenarioClient[],
  opts: PythonScenarioOptions = {},
  extra: Partial<Scenario> = {},
): Promise<PythonScenarioRun> => runPythonScenario(scenario(source, clients, extra), opts);

const stdout = (r: PythonScenarioRun): string => decodeUtf8(r.stdout);
const straceOf = (r: PythonScenarioRun): string[] =>
  toStrace(r)
    .split('\n')
    .filter(Boolean)
    .map((l) => l.replace(/^\d+\s+\d+\.\d+ /, '').replace(/\s+= /, ' = '));

const SERVER = `import socket
server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(('127.0.0.1', 8080))
server.listen(5)
`;

describe('the shims make the calls CPython makes, and raise its exceptions', () => {
  it("non-blocking accept and recv raise BlockingIOError with errno 11 (errno.EAGAIN is Linux's)", async () => {
    const r = await run(`${SERVER}import errno
server.setblocking(False)
try:
    server.accept()
except BlockingIOError as e:
    print(type(e).__name__, e.errno, e.errno == errno.EAGAIN, e)
import time
time.sleep(0.05)
conn, addr = server.accept()
conn.setblocking(False)
try:
    conn.recv(1024)
except BlockingIOError as e:
    print(e)
print(addr[0], conn.getsockname(), conn.getblocking())
`);
    expect(stdout(r)).toBe(
      "BlockingIOError 11 True [Errno 11] Resource temporarily unavailable\n[Errno 11] Resource temporarily unavailable\n127.0.0.1 ('127.0.0.1', 8080) False\n",
    );
    const calls = straceOf(r);
    expect(calls).toContain(
      'accept4(3, 0x7ffc3a1b2c40, [16], SOCK_CLOEXEC) = -1 EAGAIN (Resource temporarily unavailable)',
    );
    expect(calls).toContain(
      'recvfrom(4, 0x7ffc3a1b2c40, 1024, 0, NULL, NULL) = -1 EAGAIN (Resource temporarily unavailable)',
    );
    expect(calls.filter((c) => c.startsWith('ioctl('))).toEqual([
      'ioctl(3, FIONBIO, [1]) = 0',
      'ioctl(4, FIONBIO, [1]) = 0',
    ]);
    expect(r.python.outcome).toBe('ok');
  });

  it("a reset gives ConnectionResetError once, then b''; a send after the peer closed succeeds once, then BrokenPipeError", async () => {
    const reset: ScenarioClient = {
      name: 'ann',
      actions: [
        { at: 0, do: 'connect' },
        { at: 50, do: 'reset' },
      ],
    };
    const closer: ScenarioClient = {
      name: 'ben',
      actions: [
        { at: 100, do: 'connect' },
        { at: 150, do: 'close' },
      ],
    };
    const r = await run(
      `${SERVER}import time
conn, _ = server.accept()
time.sleep(0.1)
try:
    conn.recv(1024)
except ConnectionResetError as e:
    print(repr(e))
print(conn.recv(1024))
conn2, _ = server.accept()
time.sleep(0.1)
print(conn2.recv(1024), conn2.send(b'late'))
time.sleep(0.1)
try:
    conn2.send(b'again')
except BrokenPipeError as e:
    print(e)
`,
      [reset, closer],
    );
    expect(stdout(r)).toBe(
      "ConnectionResetError(104, 'Connection reset by peer')\nb''\nb'' 4\n[Errno 32] Broken pipe\n",
    );
  });

  it('printing a socket asks the kernel its addresses (getsockname, getpeername) as CPython 3.11 does on Linux', async () => {
    // Checked on this machine's Linux with CPython 3.11.7 and strace: repr() makes both calls, with a
    // 16-byte buffer; a listening socket, and a connection a reset closed, have no peer (ENOTCONN).
    const reset: ScenarioClient = {
      name: 'ann',
      actions: [
        { at: 0, do: 'connect' },
        { at: 100, do: 'reset' },
      ],
    };
    const r = await run(
      `${SERVER}import time
print(repr(server).split('laddr')[1])
conn, addr = server.accept()
print('raddr' in repr(conn), conn.getpeername() == addr)
time.sleep(0.3)
try:
    conn.recv(10)
except ConnectionResetError as e:
    print(repr(e))
try:
    print(conn.getpeername())
except OSError as e:
    print(repr(e))
print(repr(conn).split('proto=0')[1])
`,
      [reset],
    );
    expect(stdout(r)).toBe(
      "=('127.0.0.1', 8080)>\nTrue True\nConnectionResetError(104, 'Connection reset by peer')\nOSError(107, 'Transport endpoint is not connected')\n, laddr=('127.0.0.1', 8080)>\n",
    );
    const calls = straceOf(r);
    expect(calls).toContain(
      'getsockname(3, {sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr("127.0.0.1")}, [16]) = 0',
    );
    expect(calls).toContain(
      'getpeername(3, 0x7ffc3a1b2c40, [16]) = -1 ENOTCONN (Transport endpoint is not connected)',
    );
    expect(
      calls.filter((c) =>
        /^getpeername\(4, \{sa_family=AF_INET, sin_port=htons\(\d+\), sin_addr=inet_addr\("127.0.0.1"\)\}, \[16\]\) = 0$/.test(
          c,
        ),
      ),
    ).toHaveLength(2);
    expect(
      calls.filter((c) => c.startsWith('getpeername(4, 0x7ffc3a1b2c40, [16]) = -1 ENOTCONN')),
    ).toHaveLength(2);
  });

  it("select, poll and epoll report what the kernel reports, in CPython's shapes", async () => {
    const bob: ScenarioClient = {
      name: 'bob',
      actions: [
        { at: 10, do: 'connect' },
        { at: 150, do: 'send', data: 'yo' },
      ],
    };
    const r = await run(
      `${SERVER}import select
conn, _ = server.accept()
conn2, _ = server.accept()
print(select.select([server, conn, conn2], [], [], 0.2)[0] == [conn])
print(select.select([conn2, server], [], [], 0))
import time
time.sleep(0.1)
p = select.poll()
p.register(conn2, select.POLLIN)
p.register(conn, select.POLLIN)
print(p.poll(None))
ep = select.epoll()
ep.register(conn.fileno(), select.EPOLLIN | select.EPOLLET)
ep.register(conn2.fileno(), select.EPOLLIN)
print(ep.poll(), ep.poll(0.01), select.EPOLLET)
try:
    ep.register(conn.fileno(), select.EPOLLIN)
except FileExistsError as e:
    print(e)
try:
    select.poll().register(conn, select.POLLOUT)
except NotImplementedError as e:
    print(type(e).__name__)
`,
      [ann, bob],
    );
    expect(stdout(r)).toBe(
      'True\n([], [], [])\n[(5, 1), (4, 1)]\n[(4, 1), (5, 1)] [(5, 1)] 2147483648\n[Errno 17] File exists\nNotSupportedInIOLab\n',
    );
    const calls = straceOf(r);
    expect(
      calls.some((c) =>
        c.startsWith('pselect6(6, [3 4 5], NULL, NULL, {tv_sec=0, tv_nsec=200000000}, NULL) = 1 (in [4]'),
      ),
    ).toBe(true);
    expect(calls).toContain(
      'epoll_ctl(6, EPOLL_CTL_ADD, 4, {events=EPOLLIN|EPOLLET, data={u32=4, u64=4}}) = 0',
    );
    expect(
      calls.some((c) =>
        c.startsWith(
          'epoll_wait(6, [{events=EPOLLIN, data={u32=4, u64=4}}, {events=EPOLLIN, data={u32=5, u64=5}}], 1023, -1) = 2',
        ),
      ),
    ).toBe(true);
  });

  it('selectors.DefaultSelector() is epoll, and importing selectors creates and closes an epoll as on Linux', async () => {
    const r = await run(
      `import selectors
sel = selectors.DefaultSelector()
print(type(sel).__name__)
`,
      [],
    );
    expect(stdout(r)).toBe('EpollSelector\n');
    expect(straceOf(r).slice(0, 3)).toEqual([
      'epoll_create1(EPOLL_CLOEXEC) = 3',
      'close(3) = 0',
      'epoll_create1(EPOLL_CLOEXEC) = 3',
    ]);
  });

  it('time.sleep sleeps in virtual time (clock_nanosleep), and the clocks read virtual time', async () => {
    const r = await run(
      `import time
t0 = time.monotonic()
time.sleep(0.25)
print(round(time.monotonic() - t0, 3), time.time() > 1.7e9)
`,
      [],
    );
    expect(stdout(r)).toBe('0.25 True\n');
    expect(straceOf(r)[0]).toMatch(
      /^clock_nanosleep\(CLOCK_MONOTONIC, TIMER_ABSTIME, \{tv_sec=0, tv_nsec=25\d{7}\}, NULL\) = 0$/,
    );
    // Unbuffered, as in the recordings (PYTHONUNBUFFERED=1): print() writes each piece as it goes.
    expect(straceOf(r).slice(1, 5)).toEqual([
      'write(1, "0.25", 4) = 4',
      'write(1, " ", 1) = 1',
      'write(1, "True", 4) = 4',
      'write(1, "\\n", 1) = 1',
    ]);
    expect(r.endNs).toBeGreaterThan(250_000_000);
  });

  it('signal.pause() sleeps until SIGIO, then the Python handler runs', async () => {
    const r = await run(`${SERVER}import fcntl, os, signal
got = []
signal.signal(signal.SIGIO, lambda signum, frame: got.append(signum))
fcntl.fcntl(server, fcntl.F_SETOWN, os.getpid())
fcntl.fcntl(server, fcntl.F_SETFL, os.O_ASYNC | os.O_NONBLOCK)
signal.pause()
print(got, signal.SIGIO == 29)
`);
    expect(stdout(r)).toBe('[29] True\n');
    const calls = straceOf(r);
    expect(calls).toContain('fcntl(3, F_SETFL, O_RDONLY|O_NONBLOCK|FASYNC) = 0'); // as real strace prints it
    expect(calls.some((c) => c.startsWith('--- SIGIO'))).toBe(true);
  });
});

describe('what the simulated machine cannot do is refused at the call, with the reason', () => {
  it('a thread: NotSupportedInIOLab names threads and the scenarios that show them; the program cannot start (exit 1)', async () => {
    const r = await run('import threading\nthreading.Thread(target=print).start()\n', []);
    expect(r.python.outcome).toBe('unsupported');
    expect(r.python.line).toBe(2);
    expect(r.python.message).toMatch(
      /^NotSupportedInIOLab: threading\.Thread\.start\(\) \(a second thread\) is not supported in IO Lab.*thread-per-connection/,
    );
    expect(r.python.traceback).toContain('File "<server>", line 2, in <module>');
    expect(r.errors).toHaveLength(1);
  });

  it('EPOLLEXCLUSIVE: refused at epoll_ctl with the reason (the kernel does not model exclusive epoll waiters)', async () => {
    const r = await run(
      `import select, socket
srv = socket.socket()
srv.bind(('127.0.0.1', 8080))
srv.listen()
ep = select.epoll()
ep.register(srv.fileno(), select.EPOLLIN | select.EPOLLEXCLUSIVE)
`,
      [],
    );
    expect(r.python.outcome).toBe('unsupported');
    expect(r.python.line).toBe(6);
    expect(r.python.message).toMatch(
      /^NotSupportedInIOLab: EPOLLEXCLUSIVE \(waking one of several epoll waiters\) is not supported in IO Lab.*many threads or processes wait on one listening socket/,
    );
    expect(straceOf(r).some((c) => c.startsWith('epoll_ctl'))).toBe(false);
  });

  it('fork, subprocess, files, UDP and other hosts each say what is not supported', async () => {
    const r = await run(
      `import os, socket
for attempt in (os.fork, lambda: open('notes.txt'), lambda: socket.socket(socket.AF_INET, socket.SOCK_DGRAM),
                lambda: socket.socket().bind(('10.0.0.1', 80)), lambda: socket.socket().connect(('example.com', 80))):
    try:
        attempt()
    except NotImplementedError as e:
        print(str(e).split(' is not supported')[0])
import subprocess
try:
    subprocess.run(['ls'])
except NotImplementedError as e:
    print(str(e).split(' is not supported')[0])
`,
      [],
    );
    expect(stdout(r)).toBe(
      [
        'os.fork() (a second process)',
        "opening files ('notes.txt')",
        'UDP (SOCK_DGRAM)',
        "binding to '10.0.0.1' (another host or interface)",
        'connect() (a client socket, or another host)',
        'starting another program (subprocess, os.system, os.exec*)',
        '',
      ].join('\n'),
    );
  });

  it('an endless loop is stopped after the CPU budget, at its line, and the CPU it burned counts', async () => {
    const r = await run('x = 0\nwhile True:\n    x += 1\n', [], { cpuBudgetMs: 5 });
    expect(r.python.outcome).toBe('cpu-budget');
    expect(r.python.message).toMatch(/5 ms of CPU without a system call/);
    expect([2, 3]).toContain(r.python.line);
    expect(r.cpu.userNs).toBeGreaterThanOrEqual(5_000_000);
  });

  it('a SyntaxError is reported as CPython prints it, with its line, and nothing runs', async () => {
    const r = await run('import socket\nif True\n    pass\n', []);
    expect(r.python.outcome).toBe('syntax');
    expect(r.python.line).toBe(2);
    expect(r.python.traceback).toBe(
      '  File "<server>", line 2\n    if True\n           ^\nSyntaxError: expected \':\'\n',
    );
    expect(r.syscalls.socket).toBeUndefined();
  });

  it('huge output is capped', async () => {
    const r = await run('while True:\n    print("spam" * 1000)\n', [], { outputCap: 100_000 });
    expect(r.python.outcome).toBe('output-cap');
    expect(r.stdout.length).toBeLessThanOrEqual(100_000);
  });
});

describe('the run around the program', () => {
  it("counts the clients' times from the moment the first listen() returns, on the port it bound", async () => {
    const r = await run(
      SERVER.replace('8080', '9999').replace(
        'server.listen(5)',
        'import time\ntime.sleep(1)\nserver.listen(5)',
      ) +
        `conn, addr = server.accept()
conn.send(conn.recv(1024).upper())
time.sleep(0.1)  # the run ends when the process does: let the reply arrive
`,
    );
    expect(r.python.listenPort).toBe(9999);
    expect(r.python.listenAtNs).toBeGreaterThan(1e9);
    expect(r.replies.map((x) => decodeUtf8(x.data))).toEqual(['HELLO']);
    expect(r.replies[0]!.atNs).toBeGreaterThan(1.1e9);
    expect(toStrace(r)).toContain('getsockname(4, {sa_family=AF_INET, sin_port=htons(9999)');
  });

  it('a program that never listens: every connect is refused', async () => {
    const r = await run('import time\ntime.sleep(0.5)\n');
    expect(r.python.listenAtNs).toBeNull();
    expect(r.trace.some((e) => e.type === 'client.eof' && e.client === 'ann' && e.reset)).toBe(true);
    expect(r.replies).toEqual([]);
  });

  it("an exception that escapes ends the process as CPython's does, and is in errors with the failed call", async () => {
    const reset: ScenarioClient = {
      name: 'ann',
      actions: [
        { at: 0, do: 'connect' },
        { at: 50, do: 'reset' },
      ],
    };
    const r = await run(`${SERVER}conn, _ = server.accept()\nwhile True:\n    conn.recv(1024)\n`, [reset]);
    expect(r.python.outcome).toBe('error');
    expect(r.python.line).toBe(8);
    expect(r.errors).toEqual([
      expect.objectContaining({
        syscall: 'recvfrom',
        python: 'ConnectionResetError: [Errno 104] Connection reset by peer',
      }),
    ]);
    expect(toStrace(r)).toMatch(/exit_group\(1\)/);
  });

  it('same program, scenario and seed: byte-identical output, run after run', async () => {
    const source = `${SERVER}import selectors, random
sel = selectors.DefaultSelector()
sel.register(server, selectors.EVENT_READ)
print(random.random(), {'a', 'b', 'c'})
for key, mask in sel.select(1):
    print(key.fd, mask)
`;
    const a = await run(source);
    const b = await run(source);
    const facts = (r: PythonScenarioRun) => JSON.stringify({ ...r, trace: undefined, scenario: undefined });
    expect(facts(b)).toBe(facts(a));
    expect(toStrace(b)).toBe(toStrace(a));
    expect(decodeUtf8(b.stdout)).toBe(decodeUtf8(a.stdout));
  });
});
