/** Lesson 2: synchronous or asynchronous, blocking or non-blocking: two different questions. */
import type { Lesson, LessonContext } from './types.ts';
import { blockOf, eventIndex, exitOf, keyChoices, paragraphs, stepOf, wordsOf } from './context.ts';

const W = wordsOf(2);
const P = (item: string, n: number) => paragraphs(W, item, n);

/** The first recv() that found no data, in this run: it either slept or failed with EAGAIN. */
function firstEmptyRecv(ctx: LessonContext): { step: number; outcome: 'slept' | 'eagain' } {
  const i = eventIndex(
    ctx,
    (ev) =>
      (ev.type === 'sys.block' && ev.name === 'recvfrom') ||
      (ev.type === 'sys.exit' && ev.name === 'recvfrom' && ev.errno === 'EAGAIN'),
  );
  const ev = ctx.run.index.trace[i]!;
  return { step: ctx.run.index.stepOfEvent(i), outcome: ev.type === 'sys.block' ? 'slept' : 'eagain' };
}

const recvChoices = () => keyChoices(2, 'recv', ['slept', 'eagain', 'callback']);

const lesson: Lesson = {
  n: 2,
  id: 'sync-async',
  title: W('title'),
  summary: W('summary'),
  scenario: 'nonblocking',
  items: [
    { kind: 'slide', id: 'two-questions', title: W('two.title'), body: P('two', 3) },
    {
      kind: 'slide',
      id: 'grid',
      title: W('grid.title'),
      body: P('grid', 2),
      figure: { name: 'SyncAsyncGrid' },
    },
    { kind: 'slide', id: 'article', title: W('article.title'), body: P('article', 3) },
    {
      kind: 'stop',
      id: 'blocking-recv',
      title: W('blocking.title'),
      body: P('blocking', 2),
      scenario: 'blocking-two-clients',
      // The line that calls recv(), just before the call finds the buffer empty.
      at: (ctx) => firstEmptyRecv(ctx).step - 1,
      question: {
        prompt: W('blocking.q'),
        pick: 'one',
        choices: recvChoices,
        answer: (ctx) => [firstEmptyRecv(ctx).outcome],
        explain: W('blocking.q.explain'),
        revealAt: (ctx) => firstEmptyRecv(ctx).step,
      },
    },
    {
      kind: 'stop',
      id: 'nonblocking-recv',
      title: W('nonblocking.title'),
      body: P('nonblocking', 2),
      at: (ctx) => firstEmptyRecv(ctx).step - 1,
      question: {
        prompt: W('nonblocking.q'),
        pick: 'one',
        choices: recvChoices,
        answer: (ctx) => [firstEmptyRecv(ctx).outcome],
        explain: W('nonblocking.q.explain', (ctx) => {
          const ev =
            ctx.run.index.trace[
              eventIndex(
                ctx,
                exitOf('recvfrom', (e) => e.errno === 'EAGAIN'),
              )
            ]!;
          return { us: ev.type === 'sys.exit' ? ((ev.t - ev.enterT) / 1000).toFixed(1) : '?' };
        }),
        revealAt: (ctx) => firstEmptyRecv(ctx).step,
      },
    },
    {
      kind: 'stop',
      id: 'sleep',
      title: W('sleep.title'),
      body: P('sleep', 2),
      at: (ctx) =>
        stepOf(ctx, blockOf('clock_nanosleep'), {
          fromStep: stepOf(
            ctx,
            exitOf('recvfrom', (ev) => ev.errno === 'EAGAIN'),
          ),
        }),
    },
  ],
};

export default lesson;
