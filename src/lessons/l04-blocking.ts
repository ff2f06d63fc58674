/** Lesson 4: blocking I/O, the echo server that serves one client at a time. */
import type { Lesson, LessonContext } from './types.ts';
import {
  blockOf,
  clientChoices,
  exitOf,
  ms,
  nextReply,
  paragraphs,
  sockOfClient,
  stepOf,
  timeOf,
  wordsOf,
} from './context.ts';

const W = wordsOf(4);
const P = (item: string, n: number) => paragraphs(W, item, n);

/** ben's first message landing in its socket buffer (the server is busy with ann). */
const benSends = (ctx: LessonContext) =>
  stepOf(ctx, (ev) => ev.type === 'sock.rx' && ev.sock === sockOfClient(ctx, 'ben'));

const lesson: Lesson = {
  n: 4,
  id: 'blocking',
  title: W('title'),
  summary: W('summary'),
  scenario: 'blocking-two-clients',
  items: [
    { kind: 'slide', id: 'server', title: W('server.title'), body: P('server', 3) },
    {
      kind: 'stop',
      id: 'accept',
      title: W('accept.title'),
      body: P('accept', 2),
      at: (ctx) => stepOf(ctx, blockOf('accept4')),
    },
    {
      kind: 'stop',
      id: 'recv',
      title: W('recv.title'),
      body: P('recv', 2),
      at: (ctx) => stepOf(ctx, blockOf('recvfrom')),
    },
    {
      kind: 'stop',
      id: 'ben-connects',
      title: W('ben.title'),
      body: P('ben', 3),
      at: (ctx) => stepOf(ctx, (ev) => ev.type === 'sock.accept-queue' && ev.op === 'push', { nth: 1 }),
    },
    {
      kind: 'stop',
      id: 'who-next',
      title: W('next.title'),
      body: P('next', 2),
      at: benSends,
      question: {
        prompt: W('next.q'),
        pick: 'one',
        choices: clientChoices,
        answer: (ctx) => [nextReply(ctx, benSends(ctx)).client],
        explain: W('next.q.explain', (ctx) => {
          const benReply = stepOf(ctx, (ev) => ev.type === 'client.reply' && ev.client === 'ben');
          return { waited: ms(timeOf(ctx, benReply) - timeOf(ctx, benSends(ctx)), 0) };
        }),
        revealAt: (ctx) => nextReply(ctx, benSends(ctx)).step,
      },
    },
    {
      kind: 'stop',
      id: 'ann-leaves',
      title: W('leaves.title'),
      body: P('leaves', 2),
      at: (ctx) =>
        stepOf(
          ctx,
          exitOf('accept4', (ev) => ev.ret >= 0),
          { nth: 1 },
        ),
    },
    { kind: 'slide', id: 'verdict', title: W('verdict.title'), body: P('verdict', 3) },
  ],
};

export default lesson;
