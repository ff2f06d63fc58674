/**
 * What counts as stray English on a Chinese page (e2e/chinese.spec.ts): a run of Latin letters
 * in visible text (or in an aria-label, title or placeholder, which screen readers and tooltips
 * show) that is not code, a system call, a file name or a proper name. Code is found by where
 * it is (`code`, `pre`, `kbd`, `samp`, anything marked `lang="en"` such as the listings and the
 * strace log, the stage's monospace data and names) and by its look (`snake_case`, `call()`,
 * `a.b`, `CONSTANT`, a Python bytes literal `b'…'`); the rest is this list.
 */
import type { Page } from '@playwright/test';

/** Proper names, abbreviations, units and the words of the programs the lab shows. Lower case. */
export const ALLOWED = new Set([
  // the site, people's tools and standards
  'io',
  'lab',
  'linux',
  'python',
  'cpython',
  'pyodide',
  'posix',
  'unix',
  'tcp',
  'ip',
  'udp',
  'cpu',
  'gil',
  'os',
  'api',
  'json',
  'svg',
  'png',
  'pdf',
  'url',
  'html',
  'css',
  'utf',
  'ascii',
  'strace',
  'c10k',
  'mit',
  'english',
  'windows',
  'macos',
  'nginx',
  'redis',
  'node',
  'js',
  'libuv',
  'kqueue',
  'iocp',
  'bsd',
  'freebsd',
  'github',
  'ci',
  'vm',
  'ram',
  'ssd',
  'nic',
  'dma',
  'irq',
  'softirq',
  'napi',
  'lan',
  'wifi',
  'http',
  'https',
  'tls',
  'dns',
  'id',
  'ok',
  'pid',
  'tid',
  'fd',
  'fds',
  'sunlong',
  'cnblogs',
  'com',
  'www',
  'dev',
  'localhost',
  // units
  'ns',
  'µs',
  'us',
  'ms',
  's',
  'kb',
  'kib',
  'mb',
  'mib',
  'gb',
  'gib',
  'b',
  'k',
  'm',
  'ghz',
  'mbit',
  'hz',
  'x',
  't',
  // system calls and kernel words that are names
  'accept',
  'accept4',
  'recv',
  'recvfrom',
  'recvmsg',
  'send',
  'sendto',
  'sendall',
  'sendmsg',
  'read',
  'write',
  'close',
  'socket',
  'bind',
  'listen',
  'connect',
  'select',
  'pselect',
  'poll',
  'ppoll',
  'epoll',
  'epoll_create',
  'epoll_create1',
  'epoll_ctl',
  'epoll_wait',
  'fcntl',
  'ioctl',
  'clone',
  'clone3',
  'fork',
  'futex',
  'exit',
  'exit_group',
  'wait4',
  'rt_sigaction',
  'rt_sigreturn',
  'sigaction',
  'getsockopt',
  'setsockopt',
  'shutdown',
  'io_uring',
  'io_uring_setup',
  'io_uring_enter',
  'uring',
  'sqe',
  'cqe',
  'sq',
  'cq',
  'sigio',
  'sigint',
  'sigchld',
  'sigpipe',
  'f_setown',
  'f_setfl',
  'f_getfl',
  'o_nonblock',
  'o_async',
  'eagain',
  'ewouldblock',
  'einprogress',
  'epipe',
  'econnreset',
  'econnrefused',
  'eintr',
  'ebadf',
  'epollin',
  'epollout',
  'epollet',
  'epolloneshot',
  'epollerr',
  'epollhup',
  'pollin',
  'pollout',
  'pollerr',
  'pollhup',
  'pollnval',
  'fd_set',
  'pollfd',
  'nfds',
  'backlog',
  'syn',
  'ack',
  'fin',
  'rst',
  'psh',
  'stdin',
  'stdout',
  'stderr',
  'sock',
  'inet',
  'af_inet',
  'sock_stream',
  'so_reuseaddr',
  'sol_socket',
  'ipproto_tcp',
  'inode',
  'sk_buff',
  'skb',
  'softirqd',
  'ksoftirqd',
  'rq',
  'jiffies',
  'wakeup',
  'handler',
  // Python and the listings' names
  'python3',
  'asyncio',
  'selectors',
  'threading',
  'thread',
  'mainthread',
  'threadpoolexecutor',
  'concurrent',
  'futures',
  'defaultselector',
  'epollselector',
  'selectselector',
  'pollselector',
  'event_read',
  'event_write',
  'register',
  'unregister',
  'modify',
  'await',
  'async',
  'def',
  'import',
  'from',
  'while',
  'true',
  'false',
  'none',
  'return',
  'yield',
  'print',
  'input',
  'server',
  'conn',
  'addr',
  'data',
  'sock',
  'sel',
  'ep',
  'key',
  'mask',
  'callback',
  'loop',
  'run',
  'create_task',
  'gather',
  'open_connection',
  'start_server',
  'streamreader',
  'streamwriter',
  'drain',
  'readline',
  'readexactly',
  'sleep',
  'b',
  'setblocking',
  'settimeout',
  'makefile',
  'recv_into',
  'blockingioerror',
  'connectionreseterror',
  'brokenpipeerror',
  'oserror',
  'keyboardinterrupt',
  'self',
  'main',
  'run_forever',
  'uvloop',
  'gevent',
  'twisted',
  'tornado',
  'trio',
  'echo',
  'upper',
  'hello',
  'hi',
  'bye',
  'ping',
  'pong',
  'quit',
  // client and thread names in the scenarios
  'ann',
  'bob',
  'cat',
  'dan',
  'eve',
  'fay',
  'gus',
  'you',
  'client',
  'client1',
  'client2',
  'client3',
  'admin',
  'alice',
  'carol',
  'dave',
  'thread',
  'worker',
  'handle',
  // more system calls the meters count, keys on the keyboard, the sleeping thread's glyph
  'socketpair',
  'getpid',
  'getsockname',
  'getpeername',
  'pause',
  'nanosleep',
  'mmap',
  'brk',
  'lseek',
  'pipe',
  'pipe2',
  'dup',
  'dup2',
  'home',
  'end',
  'pgup',
  'pgdn',
  'esc',
  'f',
  'zz',
  'null',
  'ulimit',
  'idle',
  'zoe',
  'tib',
  // people, companies, products
  'typescript',
  'javascript',
  'kegel',
  'nagle',
  'stevens',
  'richard',
  'mac',
  'vcpu',
  'amd',
  'epyc',
  'kvm',
  'zen',
  'intel',
  'httperf',
  'userver',
  'chrome',
  'chromium',
  'firefox',
  'safari',
  'playwright',
  'vite',
  'react',
]);

/** Looks like code: snake_case, camelCase, a CompoundName, a dotted name, a constant or abbreviation in capitals; one letter is a symbol (N, the P key, a sample byte). */
const CODE =
  /^(?:\w*_\w*|[a-z]+[A-Z]\w*|[A-Z][a-z]+(?:[A-Z][a-z0-9]*)+|\w+(?:\.\w+)+|[A-Z][A-Z0-9_]+|[A-Za-z])$/;
/** An id in lower case with dashes (a scenario's, `man-pages`): a name. */
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)+$/;
/**
 * Not words to translate: Python bytes and string literals, whole or cut short (`b'hello wor…`);
 * Latin text quoted whole (“still there?”, a book's 《The C10K problem》: a message, a title, a
 * name, as it is); a Python error message as Python prints it (`[Errno 11] Resource temporarily
 * unavailable`, or cut short at `…`); paths and addresses (`bench/calibrate/block.c`, `https://…`); hexadecimal; `I/O`.
 */
const LITERAL = new RegExp(
  [
    /\bb?'[^'\n]*(?:'|…)/.source,
    /\bb?"[^"\n]*(?:"|…)/.source,
    /“[\x20-\x7e]*”/.source,
    /《[\x20-\x7e]*》/.source,
    /\[Errno \d+\][\x20-\x7e]*?(?=[，。；、）”)…]|$)/.source,
    /https?:\/\/[^\s，。；）)]+/.source,
    /[\w.*-]+(?:\/[\w.*-]+)+\/?|\/[\w.*-]+(?:\/[\w.*-]+)*/.source,
    /\b0x[0-9a-f]+\b/.source,
    /\bI\/O\b/.source,
    /\b\w+\.\*\w*/.source,
  ].join('|'),
  'gi',
);

export interface Stray {
  word: string;
  where: string;
}

/**
 * The stray English on the page: each word once, with a little of its context. Walks every text
 * node that is drawn (HTML and SVG) and the aria-label, title and placeholder of visible elements.
 */
export async function strayEnglish(page: Page, allowed?: ReadonlySet<string>): Promise<Stray[]> {
  const found = await page.evaluate(() => {
    // The screen readers' copy of the narration (narration-live) is the visible narration without its code markup.
    const skip =
      'code, pre, kbd, samp, cite, script, style, [lang="en"], [lang="en-US"], textarea, .f-mono, .mono, [data-testid="narration-live"]';
    const out: { text: string; where: string }[] = [];
    const visible = (el: Element): boolean => {
      const e = el as HTMLElement & { checkVisibility?: (o: object) => boolean };
      return e.checkVisibility ? e.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) : true;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      const text = n.textContent ?? '';
      if (!parent || !/[A-Za-z]/.test(text) || parent.closest(skip) || !visible(parent)) continue;
      out.push({
        text,
        where: (
          parent.closest('[data-testid],[class]')?.getAttribute('data-testid') ??
          parent.closest('[class]')?.getAttribute('class') ??
          parent.tagName
        ).slice(0, 40),
      });
    }
    for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (el.closest(skip) || !visible(el)) continue;
      for (const attr of ['aria-label', 'title', 'placeholder']) {
        const v = el.getAttribute(attr);
        if (v && /[A-Za-z]/.test(v)) out.push({ text: v, where: `${attr} of ${el.tagName.toLowerCase()}` });
      }
    }
    return out;
  });
  return strayWords(found, allowed);
}

/** The stray English in these texts, each word once; `allowed` adds names (the scenarios' clients). */
export function strayWords(
  found: readonly { text: string; where: string }[],
  allowed: ReadonlySet<string> = new Set(),
): Stray[] {
  const seen = new Map<string, Stray>();
  for (const { text: raw, where } of found) {
    const text = raw.replace(LITERAL, (lit) => ' '.repeat(lit.length));
    // A name: letters, digits, _ and inner dots (os.fork, conn.recv, fd_set, EPOLLIN, Thread-1's "Thread").
    for (const m of text.matchAll(/[A-Za-z_][\w]*(?:[.-][A-Za-z0-9_]\w*)*/g)) {
      if (ID.test(m[0])) continue;
      const next = text[m.index + m[0].length] ?? '';
      // A call (`name(`), or a label cut short (`ben…` is `ben`).
      if (next === '(' || next === '…') continue;
      // Joined by dashes (SYN-ACK, Thread-2, ThreadPoolExecutor-0_1): each part on its own.
      for (const name of m[0].split('-')) {
        if (CODE.test(name) || /^\d/.test(name)) continue;
        const word = name.toLowerCase().replace(/\d+$/, '');
        if (
          word.length < 2 ||
          ALLOWED.has(word) ||
          ALLOWED.has(name.toLowerCase()) ||
          allowed.has(word) ||
          allowed.has(name.toLowerCase())
        )
          continue;
        if (!seen.has(word)) {
          const at = Math.max(0, m.index - 30);
          seen.set(word, {
            word,
            where: `${where}: …${raw.slice(at, m.index + m[0].length + 30).replace(/\s+/g, ' ')}…`,
          });
        }
      }
    }
  }
  return [...seen.values()];
}
