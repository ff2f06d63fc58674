import { readdirSync, readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { compareTraces, normalize, parseStrace, type ThreadTrace } from './strace.ts';

const FIXTURES = new URL('../../fixtures/strace/', import.meta.url);
const fixture = (id: string): string => readFileSync(new URL(`${id}.strace`, FIXTURES), 'utf8');
const lines = (trace: ThreadTrace[], tid: string): string[] => trace.find((t) => t.tid === tid)?.lines ?? [];

describe('parseStrace', () => {
  it('reads a complete call, its errno and a padded result column', () => {
    const [r] = parseStrace(
      '5493  1795768242.789427 accept4(3, 0x7ffd5c592c10, [16], SOCK_CLOEXEC) = -1 EAGAIN (Resource temporarily unavailable)\n' +
        '5493  1795768242.9 close(4)        = 0',
    );
    expect(r).toEqual({
      tid: '5493',
      timeS: 1795768242.789427,
      kind: 'call',
      name: 'accept4',
      args: '3, 0x7ffd5c592c10, [16], SOCK_CLOEXEC',
      result: '-1',
      errno: 'EAGAIN',
    });
  });

  it('joins <unfinished ...> with <... resumed>, keeping the entry time and line order', () => {
    const recs = parseStrace(
      [
        '5572  1.000000 accept4(3,  <unfinished ...>',
        '5575  1.100000 recvfrom(4, "a) = 1", 1024, 0, NULL, NULL) = 6',
        '5572  1.200000 <... accept4 resumed>{sa_family=AF_INET, sin_port=htons(35050), sin_addr=inet_addr("127.0.0.1")}, [16], SOCK_CLOEXEC) = 5',
        '5511  1.300000 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD <unfinished ...>',
        '5511  1.400000 <... clone resumed>, child_tidptr=0x7f5382094e50) = 5515',
      ].join('\n'),
    );
    expect(recs.map((r) => [r.tid, r.timeS, r.name, r.args, r.result])).toEqual([
      [
        '5572',
        1,
        'accept4',
        '3, {sa_family=AF_INET, sin_port=htons(35050), sin_addr=inet_addr("127.0.0.1")}, [16], SOCK_CLOEXEC',
        '5',
      ],
      ['5575', 1.1, 'recvfrom', '4, "a) = 1", 1024, 0, NULL, NULL', '6'],
      [
        '5511',
        1.3,
        'clone',
        'child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f5382094e50',
        '5515',
      ],
    ]);
    expect(recs.some((r) => r.unfinished)).toBe(false);
  });

  it('reads signal, exit and restart lines, and a call the trace ended in', () => {
    const recs = parseStrace(
      [
        '5564  1.0 pause()         = ? ERESTARTNOHAND (To be restarted if no handler)',
        '5564  1.1 --- SIGIO {si_signo=SIGIO, si_code=SI_KERNEL} ---',
        '5575  1.2 exit(0)         = ?',
        '5575  1.3 +++ exited with 0 +++',
        '5586  1.4 recvfrom(6,  <unfinished ...>',
        '5583  1.5 +++ killed by SIGTERM +++',
      ].join('\n'),
    );
    expect(recs).toEqual([
      { tid: '5564', timeS: 1, kind: 'call', name: 'pause', args: '', result: '?', errno: 'ERESTARTNOHAND' },
      {
        tid: '5564',
        timeS: 1.1,
        kind: 'signal',
        name: 'SIGIO',
        args: '{si_signo=SIGIO, si_code=SI_KERNEL}',
        result: '',
      },
      { tid: '5575', timeS: 1.2, kind: 'call', name: 'exit', args: '0', result: '?' },
      { tid: '5575', timeS: 1.3, kind: 'exit', name: 'exited', args: '0', result: '' },
      { tid: '5586', timeS: 1.4, kind: 'call', name: 'recvfrom', args: '6,', result: '?', unfinished: true },
      { tid: '5583', timeS: 1.5, kind: 'exit', name: 'killed', args: 'SIGTERM', result: '' },
    ]);
  });
});

describe('normalize on recorded fixtures', () => {
  it('blocking-two-clients: the expected sequence, written by hand from the trace', () => {
    expect(normalize(parseStrace(fixture('blocking-two-clients')))).toEqual([
      {
        tid: 'T1',
        lines: [
          'listen(3, 5) = 0',
          'accept4(3, {sa_family=AF_INET}, [16], SOCK_CLOEXEC) = 4',
          'recvfrom(4, "hello", 1024, 0, NULL, NULL) = 5',
          'sendto(4, "HELLO", 5, 0, NULL, 0) = 5',
          'recvfrom(4, "still here", 1024, 0, NULL, NULL) = 10',
          'sendto(4, "STILL HERE", 10, 0, NULL, 0) = 10',
          'recvfrom(4, "", 1024, 0, NULL, NULL) = 0',
          'close(4) = 0',
          'accept4(3, {sa_family=AF_INET}, [16], SOCK_CLOEXEC) = 4',
          'recvfrom(4, "anyone?", 1024, 0, NULL, NULL) = 7',
          'sendto(4, "ANYONE?", 7, 0, NULL, 0) = 7',
          'recvfrom(4, "thanks", 1024, 0, NULL, NULL) = 6',
          'sendto(4, "THANKS", 6, 0, NULL, 0) = 6',
          'recvfrom(4, "", 1024, 0, NULL, NULL) = 0',
          'close(4) = 0',
          'accept4(3, ...) = ?',
        ],
      },
    ]);
  });

  it('thread-per-connection: one thread per client, named where clone3 creates it', () => {
    const t = normalize(parseStrace(fixture('thread-per-connection')));
    expect(t.map((x) => x.tid)).toEqual(['T1', 'T2', 'T3', 'T4']);
    expect(lines(t, 'T1').filter((l) => l.startsWith('clone3('))).toEqual(
      ['T2', 'T3', 'T4'].map(
        (n) =>
          `clone3(flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM|CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID) = ${n}`,
      ),
    );
    expect(lines(t, 'T3')).toEqual([
      'recvfrom(5, "hi there", 1024, 0, NULL, NULL) = 8',
      'sendto(5, "HI THERE", 8, 0, NULL, 0) = 8',
      'recvfrom(5, _, 1024, 0, NULL, NULL) = -1 ECONNRESET',
      'close(5) = 0',
      'exit(0) = ?',
      '+++ exited with 0 +++',
    ]);
  });

  it('process-per-connection: a forked child keeps fd 4 after the parent closes its copy', () => {
    const t = normalize(parseStrace(fixture('process-per-connection')));
    expect(lines(t, 'T1').slice(1, 4)).toEqual([
      'accept4(3, {sa_family=AF_INET}, [16], SOCK_CLOEXEC) = 4',
      'clone(flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD) = T2',
      'close(4) = 0',
    ]);
    expect(lines(t, 'T2')).toEqual([
      'close(3) = 0',
      'recvfrom(4, "hello", 1024, 0, NULL, NULL) = 5',
      'sendto(4, "HELLO", 5, 0, NULL, 0) = 5',
      'recvfrom(4, "", 1024, 0, NULL, NULL) = 0',
      'close(4) = 0',
      'exit_group(0) = ?',
      '+++ exited with 0 +++',
    ]);
  });

  it('nonblocking: idle polling rounds collapse into one block marked (repeated)', () => {
    const l = lines(normalize(parseStrace(fixture('nonblocking'))), 'T1');
    expect(l.slice(0, 4)).toEqual([
      'listen(3, 5) = 0',
      'ioctl(3, FIONBIO, [1]) = 0',
      'accept4(3, _, [16], SOCK_CLOEXEC) = -1 EAGAIN',
      'clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, _, NULL) = 0',
    ]);
    const i = l.indexOf('(repeated)');
    expect(i).toBeGreaterThan(0);
    expect(l.slice(i + 1, i + 5)).toEqual([
      '  clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, _, NULL) = 0',
      '  accept4(3, _, [16], SOCK_CLOEXEC) = -1 EAGAIN',
      '  recvfrom(4, _, 1024, 0, NULL, NULL) = -1 EAGAIN',
      '  recvfrom(5, _, 1024, 0, NULL, NULL) = -1 EAGAIN',
    ]);
    expect(l.at(-1)).toBe('clock_nanosleep(CLOCK_MONOTONIC, ...) = ?');
  });

  it('signal-driven: F_SETOWN names the thread; SIGIO lines stay; rt_sigreturn goes', () => {
    const l = lines(normalize(parseStrace(fixture('signal-driven'))), 'T1');
    expect(l.slice(0, 5)).toEqual([
      'listen(3, 5) = 0',
      'fcntl(3, F_SETOWN, T1) = 0',
      'fcntl(3, F_SETFL, O_RDONLY|O_NONBLOCK|FASYNC) = 0',
      'pause() = ? ERESTARTNOHAND',
      '--- SIGIO {si_signo=SIGIO, si_code=SI_KERNEL} ---',
    ]);
    expect(l.some((x) => x.startsWith('rt_sigreturn'))).toBe(false);
  });

  it("select-chat-pitfall: b'' twice, EPIPE on the second answer, SIGPIPE, exit 1; stderr and file reads dropped", () => {
    const l = lines(normalize(parseStrace(fixture('select-chat-pitfall'))), 'T1');
    expect(l.slice(-11)).toEqual([
      'pselect6(6, [3 4 5], NULL, NULL, NULL, NULL) = 2 (in [4 5])',
      'recvfrom(4, "", 1024, 0, NULL, NULL) = 0',
      'write(1, "client 1 says \'\'> ", 18) = 18',
      'read(0, "hello?\\n", 8192) = 7',
      'sendto(4, "hello?", 6, 0, NULL, 0) = -1 EPIPE',
      '--- SIGPIPE {si_signo=SIGPIPE, si_code=SI_USER} ---',
      'close(3) = 0',
      'close(4) = 0',
      'close(5) = 0',
      'exit_group(1) = ?',
      '+++ exited with 1 +++',
    ]);
  });

  it('select-timeout: drops the time left, keeps the timeout asked for', () => {
    const l = lines(normalize(parseStrace(fixture('select-timeout'))), 'T1');
    expect(l).toContain('pselect6(5, [3 4], NULL, NULL, {tv_sec=0, tv_nsec=250000000}, NULL) = 1 (in [4])');
    expect(l).toContain(
      '  pselect6(5, [3 4], NULL, NULL, {tv_sec=0, tv_nsec=250000000}, NULL) = 0 (Timeout)',
    );
  });

  it('epoll: drops the uninitialised upper half of epoll_data', () => {
    const l = lines(normalize(parseStrace(fixture('epoll-level'))), 'T1');
    expect(l).toContain('epoll_ctl(4, EPOLL_CTL_ADD, 7, {events=EPOLLIN, data={u32=7}}) = 0');
    expect(l).toContain('epoll_wait(4, [{events=EPOLLIN|EPOLLERR|EPOLLHUP, data={u32=7}}], 1023, -1) = 1');
    expect(l.at(-1)).toBe('epoll_wait(4, ...) = ?');
  });

  it('every fixture starts at listen() in T1 and is the same as itself', () => {
    const ids = readdirSync(FIXTURES)
      .filter((f) => f.endsWith('.strace'))
      .map((f) => f.slice(0, -'.strace'.length));
    expect(ids.length).toBeGreaterThanOrEqual(20);
    for (const id of ids) {
      const text = fixture(id);
      expect(lines(normalize(parseStrace(text)), 'T1')[0], id).toMatch(/^listen\(\d+, \d+\) = 0$/);
      expect(compareTraces(text, text).equal, id).toBe(true);
    }
  });
});

describe('compareTraces', () => {
  // The simulator's own form: small tids, seconds from 0, its own pointers and ports.
  const sim = [
    '1  0.000100 socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_IP) = 3',
    '1  0.000200 listen(3, 5)                            = 0',
    '1  0.000300 accept4(3, {sa_family=AF_INET, sin_port=htons(40000), sin_addr=inet_addr("127.0.0.1")}, [16], SOCK_CLOEXEC) = 4',
    '1  0.100000 recvfrom(4, "hello", 1024, 0, NULL, NULL) = 5',
    '1  0.100100 sendto(4, "HELLO", 5, 0, NULL, 0) = 5',
    '1  0.100200 recvfrom(4, "still here", 1024, 0, NULL, NULL) = 10',
    '1  0.500000 sendto(4, "STILL HERE", 10, 0, NULL, 0) = 10',
    '1  0.500100 recvfrom(4, "", 1024, 0, NULL, NULL) = 0',
    '1  0.800000 close(4)                                = 0',
    '1  0.800100 accept4(3, {sa_family=AF_INET, sin_port=htons(40001), sin_addr=inet_addr("127.0.0.1")}, [16], SOCK_CLOEXEC) = 4',
    '1  0.800200 recvfrom(4, "anyone?", 1024, 0, NULL, NULL) = 7',
    '1  0.800300 sendto(4, "ANYONE?", 7, 0, NULL, 0) = 7',
    '1  0.800400 recvfrom(4, "thanks", 1024, 0, NULL, NULL) = 6',
    '1  1.100000 sendto(4, "THANKS", 6, 0, NULL, 0) = 6',
    '1  1.100100 recvfrom(4, "", 1024, 0, NULL, NULL) = 0',
    '1  1.300000 close(4)                                = 0',
    '1  1.300100 accept4(3,  <unfinished ...>',
  ].join('\n');

  it('finds a simulator trace in the same form equal to the recording', () => {
    expect(compareTraces(fixture('blocking-two-clients'), sim)).toEqual({ equal: true, diff: '' });
  });

  it('names the thread and line of the first difference', () => {
    const wrong = sim.replace(
      'recvfrom(4, "anyone?", 1024, 0, NULL, NULL) = 7',
      'recvfrom(4, "anyone", 1024, 0, NULL, NULL) = 6',
    );
    const { equal, diff } = compareTraces(fixture('blocking-two-clients'), wrong);
    expect(equal).toBe(false);
    expect(diff).toBe(
      [
        'T1: first difference at line 10 (real 16 lines, sim 16)',
        '  both: accept4(3, {sa_family=AF_INET}, [16], SOCK_CLOEXEC) = 4',
        '  real: recvfrom(4, "anyone?", 1024, 0, NULL, NULL) = 7',
        '  sim:  recvfrom(4, "anyone", 1024, 0, NULL, NULL) = 6',
      ].join('\n'),
    );
  });

  it('compares strings as strace -s 32 shows them', () => {
    const long =
      '1  0.1 listen(3, 5) = 0\n1  0.2 write(1, "client 1 says \'abcdefghijklmnopqrstuvwxyz\'> ", 45) = 45\n';
    const cut = '7  9.1 listen(3, 5) = 0\n7  9.2 write(1, "client 1 says \'abcdefghijklmnopq"..., 45) = 45\n';
    expect(compareTraces(cut, long).equal).toBe(true);
  });

  it('reports a thread that only one trace has', () => {
    const extra = `${sim}\n2  1.4 recvfrom(5, "x", 1024, 0, NULL, NULL) = 1`;
    expect(compareTraces(fixture('blocking-two-clients'), extra).diff).toBe(
      'T2: only in sim (1 lines), first: recvfrom(5, "x", 1024, 0, NULL, NULL) = 1',
    );
  });
});
