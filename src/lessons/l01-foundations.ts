/** Lesson 1: the ideas every I/O model rests on, seen on the blocking echo server. */
import type { Lesson } from './types.ts';
import {
  blockOf,
  eventIndex,
  exitOf,
  fdOfClient,
  keyChoices,
  literalChoices,
  paragraphs,
  stepOf,
  wordsOf,
} from './context.ts';

const W = wordsOf(1);
const P = (item: string, n: number) => paragraphs(W, item, n);

/** The step where the server first sleeps in accept(). */
const acceptSleeps = blockOf('accept4');
/** ann's first bytes landing in the kernel's socket buffer. */
const annLands = (ev: { type: string }) => ev.type === 'sock.rx';

const lesson: Lesson = {
  n: 1,
  id: 'foundations',
  title: W('title'),
  summary: W('summary'),
  scenario: 'blocking-two-clients',
  items: [
    {
      kind: 'slide',
      id: 'spaces',
      title: W('spaces.title'),
      body: P('spaces', 3),
      figure: { name: 'AddressSpace' },
    },
    {
      kind: 'slide',
      id: 'switch',
      title: W('switch.title'),
      body: P('switch', 2),
      figure: { name: 'ProcessSwitch' },
    },
    {
      kind: 'stop',
      id: 'blocked',
      title: W('blocked.title'),
      body: P('blocked', 3),
      at: (ctx) => stepOf(ctx, acceptSleeps),
      question: {
        prompt: W('blocked.q'),
        pick: 'one',
        choices: () => keyChoices(1, 'blocked.q', ['idle', 'asking', 'server']),
        answer: (ctx) => {
          const v = ctx.viewAt(stepOf(ctx, acceptSleeps));
          const busy = v.cores.filter((c) => c !== null);
          return [busy.length === 0 ? 'idle' : 'server'];
        },
        explain: W('blocked.q.explain'),
      },
    },
    { kind: 'slide', id: 'fds', title: W('fds.title'), body: P('fds', 2), figure: { name: 'FdTable' } },
    {
      kind: 'stop',
      id: 'accept',
      title: W('accept.title'),
      body: P('accept', 2),
      // The moment ann's connection joins the accept queue, before accept() is woken and the
      // new fd appears on the stage (that would give the answer away: issue 20, item 9).
      at: (ctx) => stepOf(ctx, (ev) => ev.type === 'sock.accept-queue' && ev.op === 'push'),
      question: {
        prompt: W('accept.q'),
        pick: 'one',
        choices: () => literalChoices(['0', '3', '4', '5']),
        answer: (ctx) => [String(fdOfClient(ctx, 'ann'))],
        explain: W('accept.q.explain', (ctx) => ({ fd: fdOfClient(ctx, 'ann') })),
        revealAt: (ctx) =>
          stepOf(
            ctx,
            exitOf('accept4', (ev) => ev.ret >= 0),
          ),
      },
    },
    {
      kind: 'stop',
      id: 'buffer',
      title: W('buffer.title'),
      body: P('buffer', 2),
      at: (ctx) => stepOf(ctx, annLands),
      question: {
        prompt: W('buffer.q'),
        pick: 'one',
        choices: () => keyChoices(1, 'buffer.q', ['kernel', 'python', 'both']),
        answer: (ctx) => {
          const v = ctx.viewAt(stepOf(ctx, annLands));
          const inKernel = Object.values(v.socks).some((s) => s.rx.length > 0);
          const inPython = Object.values(v.threads).some((th) => th.userBuffer !== null);
          return [inKernel && inPython ? 'both' : inKernel ? 'kernel' : 'python'];
        },
        explain: W('buffer.q.explain', (ctx) => {
          const i = eventIndex(ctx, (ev) => ev.type === 'copy' && ev.dir === 'to-user');
          const ev = ctx.run.index.trace[i]!;
          return { bytes: ev.type === 'copy' ? ev.bytes : 0 };
        }),
        revealAt: (ctx) => stepOf(ctx, (ev) => ev.type === 'copy' && ev.dir === 'to-user'),
      },
    },
  ],
};

export default lesson;
