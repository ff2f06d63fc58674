/** Lesson 6: a pool of threads: bounded cost, and the client beyond the limit waits. */
import type { Lesson, LessonContext } from './types.ts';
import {
  blockOf,
  clientChoices,
  clientOfSock,
  ms,
  paragraphs,
  sockOfClient,
  stepOf,
  timeOf,
  wordsOf,
} from './context.ts';

const W = wordsOf(6);
const P = (item: string, n: number) => paragraphs(W, item, n);

const lastClient = (ctx: LessonContext) => ctx.run.run.scenario.clients.at(-1)!.name;
/** The moment the last client's first message lands in its socket buffer. */
const lastSends = (ctx: LessonContext) =>
  stepOf(ctx, (ev) => ev.type === 'sock.rx' && ev.sock === sockOfClient(ctx, lastClient(ctx)));
/** Clients whose bytes sit in the kernel with no thread waiting to read them. */
function unattended(ctx: LessonContext, step: number): string[] {
  const v = ctx.viewAt(step);
  return Object.values(v.socks)
    .filter((s) => s.kind === 'conn' && !s.closed && s.rx.length > 0 && !v.waits[`sock:${s.id}`]?.length)
    .map((s) => clientOfSock(ctx, s.id) ?? '')
    .filter((c) => c !== '');
}
const lastServed = (ctx: LessonContext) =>
  stepOf(ctx, (ev) => ev.type === 'copy' && ev.dir === 'to-user' && ev.fd >= 0 && ev.data.length > 0, {
    fromStep: lastSends(ctx),
  });

const lesson: Lesson = {
  n: 6,
  id: 'thread-pool',
  title: W('title'),
  summary: W('summary'),
  scenario: 'thread-pool',
  items: [
    { kind: 'slide', id: 'idea', title: W('idea.title'), body: P('idea', 3) },
    {
      kind: 'stop',
      id: 'busy',
      title: W('busy.title'),
      body: P('busy', 2),
      at: (ctx) =>
        stepOf(
          ctx,
          blockOf('recvfrom', (ev) => ev.on.kind === 'recv' && ev.on.sock === sockOfClient(ctx, 'ben')),
        ),
    },
    {
      kind: 'stop',
      id: 'third',
      title: W('third.title'),
      body: P('third', 2),
      at: (ctx) => stepOf(ctx, (ev) => ev.type === 'py' && ev.note === 'narr.note.jobQueued', { nth: 2 }),
      question: {
        prompt: W('third.q'),
        pick: 'one',
        choices: clientChoices,
        answer: (ctx) => unattended(ctx, lastSends(ctx)),
        explain: W('third.q.explain', (ctx) => ({ pool: ctx.run.run.options.poolSize })),
        revealAt: lastSends,
      },
    },
    {
      kind: 'stop',
      id: 'freed',
      title: W('freed.title'),
      body: P('freed', 2),
      at: lastServed,
      question: {
        prompt: W('freed.q'),
        pick: 'one',
        choices: clientChoices,
        answer: (ctx) => {
          // The client whose leaving freed the worker: the last FIN before the waiting client was served.
          let who = '';
          const end = ctx.run.index.stepStart[lastServed(ctx)]!;
          for (let i = 0; i < end; i++) {
            const ev = ctx.run.index.trace[i]!;
            if (ev.type === 'sock.fin' || ev.type === 'sock.rst') who = clientOfSock(ctx, ev.sock) ?? who;
          }
          return [who];
        },
        explain: W('freed.q.explain', (ctx) => ({
          waited: ms(timeOf(ctx, lastServed(ctx)) - timeOf(ctx, lastSends(ctx)), 0),
        })),
      },
    },
    { kind: 'slide', id: 'herd', title: W('herd.title'), body: P('herd', 3) },
    { kind: 'slide', id: 'limits', title: W('limits.title'), body: P('limits', 3) },
  ],
};

export default lesson;
