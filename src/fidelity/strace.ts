/**
 * Reads `strace -f -ttt` output (a real recording, or the simulator's own trace in the same
 * `TID  SECONDS call(args) = result` form) and reduces it to what both must agree on: per
 * thread, the sequence of I/O-relevant calls with their fds, sizes, data and results, without
 * times, ports, addresses, pointers or runtime noise. See tools/record-strace/README.md.
 */

export interface StraceRecord {
  /** The pid/tid column as printed (a number for real strace). */
  tid: string;
  /** Seconds; for a call split by `<unfinished ...>`, the time it was entered. */
  timeS: number;
  /** `call` for syscalls, `signal` for `--- SIGIO {...} ---`, `exit` for `+++ exited with 0 +++`. */
  kind: 'call' | 'signal' | 'exit';
  /** Syscall name; the signal name (`SIGIO`); `exited` or `killed`. */
  name: string;
  /** Text between the call's parentheses; a signal's `{...}`; the exit status or signal. */
  args: string;
  /** `5`, `-1`, `?`, `1 (in [4])`…; the errno and its explanation are split off. */
  result: string;
  errno?: string;
  /** Entered but never resumed: the thread was still in it when the trace ended. */
  unfinished?: boolean;
}

interface Pending {
  record: StraceRecord;
  head: string;
  depth: number;
}

const LINE = /^(\S+)\s+(\d+(?:\.\d+)?)\s+(.*)$/;
const UNFINISHED = ' <unfinished ...>';

/**
 * Scans `text` from `depth` open brackets, skipping string literals. Returns the index of the
 * `)`/`]`/`}` that brings the depth to 0, or -1 and the depth reached at the end.
 */
function scan(text: string, depth: number): { end: number; depth: number } {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return { end: i, depth };
    }
  }
  return { end: -1, depth };
}

/** `-1 EAGAIN (Resource temporarily unavailable)` → result `-1`, errno `EAGAIN`. */
function splitResult(text: string): { result: string; errno?: string } {
  const m = /^(-1|\?)\s+(E[A-Z0-9_]+)\b(?:\s+\(.*\))?$/.exec(text);
  return m ? { result: m[1] ?? text, errno: m[2] ?? '' } : { result: text };
}

/** Fills `record` from what follows its arguments' closing parenthesis (`) = 5`). */
function finish(record: StraceRecord, args: string, after: string): void {
  record.args = args.trim();
  const eq = after.trim();
  const res = splitResult(eq.startsWith('=') ? eq.slice(1).trim() : '?');
  record.result = res.result;
  if (res.errno !== undefined) record.errno = res.errno;
  else delete record.errno;
}

/** Parses strace -f -ttt lines into records, joining `<unfinished ...>` / `<... resumed>` pairs. */
export function parseStrace(text: string): StraceRecord[] {
  const records: StraceRecord[] = [];
  const pending = new Map<string, Pending>();
  for (const raw of text.split('\n')) {
    const m = LINE.exec(raw.trimEnd());
    if (!m) continue;
    const tid = m[1] ?? '';
    const timeS = Number(m[2]);
    const body = m[3] ?? '';
    if (body.startsWith('--- ')) {
      const s = /^--- (\w+) (.*?) ?---$/.exec(body);
      if (s) records.push({ tid, timeS, kind: 'signal', name: s[1] ?? '', args: s[2] ?? '', result: '' });
      continue;
    }
    if (body.startsWith('+++ ')) {
      const e = /^\+\+\+ (exited with|killed by) (\S+)/.exec(body);
      if (e)
        records.push({
          tid,
          timeS,
          kind: 'exit',
          name: e[1] === 'exited with' ? 'exited' : 'killed',
          args: e[2] ?? '',
          result: '',
        });
      continue;
    }
    const resumed = /^<\.\.\. (\w+) resumed>(.*)$/.exec(body);
    if (resumed) {
      const name = resumed[1] ?? '';
      let rest = resumed[2] ?? '';
      const p = pending.get(tid);
      pending.delete(tid);
      const record = p && p.record.name === name ? p.record : null;
      const head = record && p ? p.head : '';
      const target = record ?? { tid, timeS, kind: 'call' as const, name, args: '', result: '?' };
      if (!record) records.push(target);
      delete target.unfinished;
      if (rest.startsWith(UNFINISHED)) {
        // `<... x resumed> <unfinished ...>) = ?`: the call never returned (another thread's
        // exit_group ended it); like a call left unfinished, only its first argument is certain.
        rest = rest.slice(UNFINISHED.length);
        target.unfinished = true;
      }
      const { end } = scan(rest, p ? p.depth : 1);
      const joined =
        head && rest && !rest.startsWith(',') && !rest.startsWith(')') && head.endsWith(',')
          ? `${head} `
          : head;
      if (end < 0) finish(target, joined + rest, '');
      else finish(target, joined + rest.slice(0, end), rest.slice(end + 1));
      continue;
    }
    const call = /^(\w+)\((.*)$/.exec(body);
    if (!call) continue;
    const name = call[1] ?? '';
    const rest = call[2] ?? '';
    const record: StraceRecord = { tid, timeS, kind: 'call', name, args: '', result: '?' };
    records.push(record);
    if (rest.endsWith(UNFINISHED)) {
      const head = rest.slice(0, -UNFINISHED.length).trimEnd();
      record.args = head;
      record.unfinished = true;
      pending.set(tid, { record, head, depth: scan(head, 1).depth });
      continue;
    }
    const { end } = scan(rest, 1);
    if (end < 0) finish(record, rest, '');
    else finish(record, rest.slice(0, end), rest.slice(end + 1));
  }
  return records;
}

export interface NormalizeOptions {
  /** Keep records from the first call of this name on (default `listen`; '' keeps all). */
  from?: string;
  /** Keep the recorder's SIGTERM/SIGKILL and the call it interrupted as printed (default false). */
  keepStop?: boolean;
  /** More call names to keep, e.g. `getsockname`. */
  extraCalls?: readonly string[];
  /** Collapse consecutive repeats of a block of up to this many lines (default 8; 0 = off). */
  maxBlock?: number;
  /** Strings longer than this are cut, as strace's default -s 32 does (default 32). */
  stringLimit?: number;
}

export interface ThreadTrace {
  tid: string;
  lines: string[];
}

/** Calls that say what the server does with its sockets, threads and processes. */
const RELEVANT = new Set([
  'socket',
  'socketpair',
  'bind',
  'listen',
  'accept',
  'accept4',
  'connect',
  'shutdown',
  'setsockopt',
  'getsockopt',
  'recvfrom',
  'recvmsg',
  'recv',
  'sendto',
  'sendmsg',
  'send',
  'read',
  'write',
  'close',
  'ioctl',
  'fcntl',
  'select',
  'pselect6',
  'poll',
  'ppoll',
  'epoll_create',
  'epoll_create1',
  'epoll_ctl',
  'epoll_wait',
  'epoll_pwait',
  'epoll_pwait2',
  'clone',
  'clone3',
  'fork',
  'vfork',
  'pause',
  'exit',
  'exit_group',
  'clock_nanosleep',
  'nanosleep',
  'io_uring_setup',
  'io_uring_enter',
]);
/** Calls whose fd argument must be a socket (or epoll fd) of this process, else they are file I/O. */
const FD_CALLS = new Set(['read', 'write', 'close', 'fcntl']);
const CLONES = new Set(['clone', 'clone3', 'fork', 'vfork']);
const CREATES_FD = new Set([
  'socket',
  'accept',
  'accept4',
  'epoll_create',
  'epoll_create1',
  'io_uring_setup',
]);
const STOP_SIGNALS = new Set(['SIGTERM', 'SIGKILL']);
const INTERRUPTED = /^(EINTR|ERESTART\w*)$/;

const C_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  v: '\v',
  f: '\f',
  '"': '"',
  '\\': '\\',
};
const JS_ESCAPES: Record<string, string> = {
  '\n': '\\n',
  '\t': '\\t',
  '\r': '\\r',
  '\v': '\\v',
  '\f': '\\f',
  '"': '\\"',
  '\\': '\\\\',
};

/** A string literal's bytes (one char per byte), from strace's C escapes. */
function unescape(body: string): string {
  return body.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/g, (_m, e: string) =>
    e[0] === 'x'
      ? String.fromCharCode(parseInt(e.slice(1), 16))
      : /^[0-7]/.test(e)
        ? String.fromCharCode(parseInt(e, 8) & 255)
        : (C_ESCAPES[e] ?? e),
  );
}

/** One canonical spelling of a string literal, cut at `limit` bytes. */
function canonicalString(body: string, truncated: boolean, limit: number): string {
  const bytes = unescape(body);
  let out = '"';
  for (const ch of bytes.slice(0, limit)) {
    const c = ch.charCodeAt(0);
    out += JS_ESCAPES[ch] ?? (c >= 32 && c < 127 ? ch : `\\x${c.toString(16).padStart(2, '0')}`);
  }
  return `${out}"${truncated || bytes.length > limit ? '...' : ''}`;
}

/** Rewrites the parts of `text` outside string literals with `f`, and the literals canonically. */
function mapOutsideStrings(text: string, limit: number, f: (s: string) => string): string {
  let out = '';
  let plain = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '"') {
      plain += text[i];
      continue;
    }
    let j = i + 1;
    for (; j < text.length && text[j] !== '"'; j++) if (text[j] === '\\') j++;
    const truncated = text.startsWith('...', j + 1);
    out += f(plain) + canonicalString(text.slice(i + 1, j), truncated, limit);
    plain = '';
    i = truncated ? j + 3 : j;
  }
  return out + f(plain);
}

function firstFd(args: string): number | null {
  const m = /^(\d+)/.exec(args);
  return m ? Number(m[1]) : null;
}

function collapse(lines: string[], maxBlock: number): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    let done = false;
    for (let k = 1; k <= maxBlock && i + 2 * k <= lines.length; k++) {
      const same = (a: number, b: number): boolean => {
        for (let j = 0; j < k; j++) if (lines[a + j] !== lines[b + j]) return false;
        return true;
      };
      let copies = 1;
      while (i + (copies + 1) * k <= lines.length && same(i, i + copies * k)) copies++;
      if (copies >= 2) {
        out.push('(repeated)', ...lines.slice(i, i + k).map((l) => `  ${l}`));
        i += copies * k;
        done = true;
        break;
      }
    }
    if (!done) out.push(lines[i++] ?? '');
  }
  return out;
}

/**
 * Reduces records to per-thread line sequences (T1, T2… in order of first appearance; a thread
 * or process made by clone/clone3 is named where it is created).
 */
export function normalize(records: readonly StraceRecord[], options: NormalizeOptions = {}): ThreadTrace[] {
  const from = options.from ?? 'listen';
  const limit = options.stringLimit ?? 32;
  const keep = new Set([...RELEVANT, ...(options.extraCalls ?? [])]);
  const names = new Map<string, string>();
  const nameOf = (tid: string): string => {
    let n = names.get(tid);
    if (!n) names.set(tid, (n = `T${names.size + 1}`));
    return n;
  };
  // Each process has its own fd table: threads share it, fork() copies it.
  const procOf = new Map<string, Set<number>>();
  const fdsOf = (tid: string): Set<number> => {
    let fds = procOf.get(tid);
    if (!fds) {
      fds = procOf.values().next().value ?? new Set<number>(); // first seen without a clone line: assume a thread
      procOf.set(tid, fds);
    }
    return fds;
  };
  const killed = new Set(
    records
      .filter(
        (r) =>
          (r.kind === 'signal' && STOP_SIGNALS.has(r.name)) || (r.kind === 'exit' && r.name === 'killed'),
      )
      .map((r) => r.tid),
  );
  const lastCall = new Map<string, StraceRecord>();
  for (const r of records) if (r.kind === 'call' && keep.has(r.name)) lastCall.set(r.tid, r);

  const lines = new Map<string, string[]>();
  let on = from === '';
  for (const r of records) {
    const fds = fdsOf(r.tid);
    if (r.kind === 'call') {
      const fd = firstFd(r.args);
      const isSocket = fd !== null && (fds.has(fd) || ((r.name === 'read' || r.name === 'write') && fd <= 1));
      if (CLONES.has(r.name) && /^\d+$/.test(r.result)) {
        procOf.set(r.result, /CLONE_THREAD/.test(r.args) ? fds : new Set(fds));
        if (on) {
          nameOf(r.tid);
          nameOf(r.result);
        }
      }
      if (!on && r.name === from) on = true;
      const relevant =
        keep.has(r.name) &&
        (!FD_CALLS.has(r.name) || isSocket) &&
        (r.name !== 'ioctl' || /FIONBIO/.test(r.args));
      if (r.name === 'close' && fd !== null) fds.delete(fd);
      if (CREATES_FD.has(r.name) && /^\d+$/.test(r.result)) fds.add(Number(r.result));
      if (r.name === 'socketpair')
        for (const m of r.args.matchAll(/\[(\d+), (\d+)\]/g)) fds.add(Number(m[1])).add(Number(m[2]));
      if (!on || !relevant) continue;
    } else if (!on) continue;
    if (!options.keepStop && r.kind !== 'call' && STOP_SIGNALS.has(r.kind === 'signal' ? r.name : r.args))
      continue;
    const t = nameOf(r.tid);
    const list = lines.get(t) ?? [];
    lines.set(t, list);
    const cut = r.unfinished === true || r.result === '?' || INTERRUPTED.test(r.errno ?? '');
    list.push(
      render(r, nameOf, limit, !options.keepStop && killed.has(r.tid) && lastCall.get(r.tid) === r && cut),
    );
  }
  const maxBlock = options.maxBlock ?? 8;
  return [...lines.entries()]
    .sort((a, b) => Number(a[0].slice(1)) - Number(b[0].slice(1)))
    .map(([tid, l]) => ({ tid, lines: maxBlock > 0 ? collapse(l, maxBlock) : l }));
}

function topLevelComma(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"')
      for (i++; i < text.length && text[i] !== '"'; i++) {
        if (text[i] === '\\') i++;
      }
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) return i;
  }
  return text.length;
}

/** One record as a normalized line. `stopped`: the call the recorder's SIGTERM cut short. */
function render(r: StraceRecord, nameOf: (tid: string) => string, limit: number, stopped: boolean): string {
  if (r.kind === 'signal') return `--- ${r.name} ${r.args.replace(/, si_(pid|uid)=\d+/g, '')} ---`;
  if (r.kind === 'exit')
    return r.name === 'exited' ? `+++ exited with ${r.args} +++` : `+++ killed by ${r.args} +++`;
  let args = r.args
    .replace(/, sin_port=htons\(\d+\), sin_addr=inet_addr\("[^"]*"\)/g, '')
    .replace(/, sin6_port=htons\(\d+\)[^}]*/g, '');
  args = mapOutsideStrings(args, limit, (s) =>
    s.replace(/, u64=\d+/g, '').replace(/\b0x[0-9a-fA-F]+\b/g, '_'),
  );
  if (r.name === 'clone' || r.name === 'clone3') args = /flags=[A-Z0-9_|]+/.exec(args)?.[0] ?? args;
  if (r.name === 'clock_nanosleep' && /TIMER_ABSTIME/.test(args))
    args = args.replace(/\{tv_sec=\d+, tv_nsec=\d+\}/, '_');
  if (r.name === 'fcntl')
    args = args.replace(/F_SETOWN, (\d+)/, (_m, pid: string) => `F_SETOWN, ${nameOf(pid)}`);
  if (stopped || r.unfinished) {
    // Blocked when the trace ended: only the first argument is certain (strace prints the
    // rest on return, and a call left <unfinished ...> never returns).
    const first = args.slice(0, topLevelComma(args));
    return `${r.name}(${first}${first.length < args.length ? ', ...' : ''}) = ?`;
  }
  let result = r.result.replace(/,? left \{tv_sec=\d+, tv_nsec=\d+\}/, '').replace(/ \(\)$/, '');
  if (CLONES.has(r.name) && /^\d+$/.test(result)) result = nameOf(result);
  result = mapOutsideStrings(result, limit, (s) => s.replace(/, u64=\d+/g, ''));
  return `${r.name}(${args}) = ${result}${r.errno ? ` ${r.errno}` : ''}`;
}

/** Normalizes both traces and describes, per thread, the first line where they differ. */
export function compareTraces(real: string, sim: string): { equal: boolean; diff: string } {
  const a = normalize(parseStrace(real));
  const b = normalize(parseStrace(sim));
  const tids = [...new Set([...a.map((t) => t.tid), ...b.map((t) => t.tid)])].sort(
    (x, y) => Number(x.slice(1)) - Number(y.slice(1)),
  );
  const out: string[] = [];
  for (const tid of tids) {
    const ra = a.find((t) => t.tid === tid)?.lines;
    const sb = b.find((t) => t.tid === tid)?.lines;
    if (!ra || !sb) {
      const [which, l] = ra ? ['real', ra] : ['sim', sb ?? []];
      out.push(`${tid}: only in ${which} (${l.length} lines), first: ${l[0] ?? ''}`);
      continue;
    }
    const n = Math.max(ra.length, sb.length);
    for (let i = 0; i < n; i++) {
      if (ra[i] === sb[i]) continue;
      out.push(`${tid}: first difference at line ${i + 1} (real ${ra.length} lines, sim ${sb.length})`);
      if (i > 0) out.push(`  both: ${ra[i - 1] ?? ''}`);
      out.push(`  real: ${ra[i] ?? '(end)'}`, `  sim:  ${sb[i] ?? '(end)'}`);
      break;
    }
  }
  return { equal: out.length === 0, diff: out.join('\n') };
}
