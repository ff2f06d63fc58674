/**
 * The glossary's terms and the phrases that name them in each language, and a pure matcher that
 * turns narration text into plain runs and links (the first occurrence of each term only).
 * The definitions live in src/i18n/{en,zh}/pages/glossary.ts (`glossary.term.<id>`,
 * `glossary.def.<id>`); the page is src/ui/glossary/GlossaryPage.tsx.
 */
import type { Lang } from './core.ts';

export interface GlossaryTerm {
  id: string;
  group: 'files' | 'kernel' | 'errors' | 'readiness' | 'python';
  /** Phrases that link to the term in narration. An all-lowercase phrase matches any case. */
  phrases: Record<Lang, string[]>;
}

const t = (id: string, group: GlossaryTerm['group'], en: string[], zh: string[]): GlossaryTerm => ({
  id,
  group,
  phrases: { en, zh },
});

/** In the glossary's order (grouped), each with its anchor id. */
export const GLOSSARY_TERMS: readonly GlossaryTerm[] = [
  t('fd', 'files', ['file descriptors', 'file descriptor', 'fd'], ['文件描述符', 'fd']),
  t('file-description', 'files', ['open file description', 'file description'], ['打开文件描述', '文件描述']),
  t('socket', 'files', ['sockets', 'socket'], ['套接字']),
  t('listening-socket', 'files', ['listening socket'], ['监听套接字']),
  t('handshake', 'files', ['three-way handshake', 'handshakes', 'handshake'], ['三次握手', '握手']),
  t('accept-queue', 'files', ['accept queue'], ['accept 队列']),
  t('backlog', 'files', ['backlog'], ['backlog']),
  t('receive-buffer', 'files', ['receive buffer'], ['接收缓冲区']),
  t('send-buffer', 'files', ['send buffer'], ['发送缓冲区']),
  t('fin-rst', 'files', ['FIN', 'RST'], ['FIN', 'RST']),
  t('syscall', 'kernel', ['system calls', 'system call'], ['系统调用']),
  t('user-kernel-space', 'kernel', ['user space', 'kernel space'], ['用户空间', '内核空间']),
  t('two-phases', 'kernel', ['phase 1', 'phase 2'], ['第一阶段', '第二阶段']),
  t('blocking', 'kernel', ['blocking'], ['阻塞']),
  t('nonblocking', 'kernel', ['non-blocking', 'O_NONBLOCK'], ['非阻塞', 'O_NONBLOCK']),
  t('wait-queue', 'kernel', ['wait queues', 'wait queue', 'wait-queue'], ['等待队列']),
  t('run-queue', 'kernel', ['run queue', 'runnable'], ['运行队列', '可运行']),
  t('context-switch', 'kernel', ['context switches', 'context switch'], ['上下文切换']),
  t('time-slice', 'kernel', ['time slice', 'preempted'], ['时间片', '抢占']),
  t('futex', 'kernel', ['futex'], ['futex']),
  t('eagain', 'errors', ['EAGAIN', 'EWOULDBLOCK'], ['EAGAIN', 'EWOULDBLOCK']),
  t('blockingioerror', 'errors', ['BlockingIOError'], ['BlockingIOError']),
  t('econnreset', 'errors', ['ECONNRESET', 'ConnectionResetError'], ['ECONNRESET', 'ConnectionResetError']),
  t('epipe', 'errors', ['EPIPE', 'BrokenPipeError', 'SIGPIPE'], ['EPIPE', 'BrokenPipeError', 'SIGPIPE']),
  t('select', 'readiness', ['FD_SETSIZE', 'fd_set', 'select'], ['FD_SETSIZE', 'fd_set', 'select']),
  t('poll', 'readiness', ['poll'], ['poll']),
  t('epoll', 'readiness', ['epoll instance', 'epoll'], ['epoll 实例', 'epoll']),
  t('epoll-interest-list', 'readiness', ['interest list'], ['兴趣列表']),
  t('epoll-ready-list', 'readiness', ['ready list'], ['就绪列表']),
  t('level-triggered', 'readiness', ['level-triggered'], ['水平触发']),
  t('edge-triggered', 'readiness', ['edge-triggered', 'EPOLLET'], ['边缘触发', 'EPOLLET']),
  t('epolloneshot', 'readiness', ['EPOLLONESHOT'], ['EPOLLONESHOT']),
  t('sigio', 'readiness', ['SIGIO', 'O_ASYNC', 'signal-driven I/O'], ['SIGIO', 'O_ASYNC', '信号驱动 I/O']),
  t(
    'io-uring',
    'readiness',
    ['io_uring', 'submission queue', 'completion queue'],
    ['io_uring', '提交队列', '完成队列'],
  ),
  t('async-io', 'readiness', ['asynchronous I/O'], ['异步 I/O']),
  t('gil', 'python', ['GIL'], ['GIL']),
  t('event-loop', 'python', ['event loop'], ['事件循环']),
  t('coroutine', 'python', ['coroutines', 'coroutine'], ['协程']),
  t('selectors', 'python', ['selectors'], ['selectors']),
  t('c10k', 'python', ['C10K'], ['C10K']),
];

export const GLOSSARY_IDS: ReadonlySet<string> = new Set(GLOSSARY_TERMS.map((x) => x.id));

export interface TextRun {
  text: string;
  term?: string;
}

interface Phrase {
  phrase: string;
  lower: boolean;
  term: string;
}

const byLang = new Map<Lang, Phrase[]>();

/** Every phrase of a language, longest first (so "non-blocking" wins over "blocking"). */
function phrasesOf(lang: Lang): Phrase[] {
  let list = byLang.get(lang);
  if (!list) {
    list = GLOSSARY_TERMS.flatMap((term) =>
      term.phrases[lang].map((phrase) => ({ phrase, lower: phrase === phrase.toLowerCase(), term: term.id })),
    );
    list.sort((a, b) => b.phrase.length - a.phrase.length);
    byLang.set(lang, list);
  }
  return list;
}

const WORD = /[A-Za-z0-9_]/;

/** An ASCII phrase must not be part of a longer word ("poll" is not in "polling"); Chinese has no such boundary. */
function boundaryOk(text: string, start: number, end: number, phrase: string): boolean {
  if (WORD.test(phrase[0]!) && start > 0 && WORD.test(text[start - 1]!)) return false;
  if (WORD.test(phrase[phrase.length - 1]!) && end < text.length && WORD.test(text[end]!)) return false;
  return true;
}

/**
 * Splits `text` into runs, linking the first occurrence of each term not already in `used`
 * (which it updates, so a caller can share it across the sentences of one narration).
 * A phrase of a term already linked is passed over whole, so "非阻塞" never links "阻塞".
 */
export function linkTerms(text: string, lang: Lang, used: Set<string> = new Set()): TextRun[] {
  const runs: TextRun[] = [];
  const phrases = phrasesOf(lang);
  const lower = text.toLowerCase();
  let plain = '';
  let i = 0;
  while (i < text.length) {
    let hit: Phrase | null = null;
    for (const p of phrases) {
      const end = i + p.phrase.length;
      if (end > text.length) continue;
      const same = p.lower ? lower.startsWith(p.phrase, i) : text.startsWith(p.phrase, i);
      if (same && boundaryOk(text, i, end, p.phrase)) {
        hit = p;
        break;
      }
    }
    if (!hit) {
      plain += text[i];
      i++;
      continue;
    }
    const piece = text.slice(i, i + hit.phrase.length);
    if (used.has(hit.term)) plain += piece;
    else {
      if (plain) runs.push({ text: plain });
      plain = '';
      runs.push({ text: piece, term: hit.term });
      used.add(hit.term);
    }
    i += hit.phrase.length;
  }
  if (plain) runs.push({ text: plain });
  return runs;
}

/** The hash of a glossary entry. */
export function glossaryHref(term: string): string {
  return `#/glossary?term=${encodeURIComponent(term)}`;
}
