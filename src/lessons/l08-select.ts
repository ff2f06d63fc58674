/** Lesson 8: select(): one thread sleeps on many sockets, and is told which are ready. */
import type { Lesson, LessonContext } from './types.ts';
import type { Scenario } from '../scenarios/format.ts';
import { blockOf, clientOfSock, eventIndex, paragraphs, stepOf, wordsOf } from './context.ts';
import { fdChoice } from './find.ts';

const W = wordsOf(8);
const P = (item: string, n: number) => paragraphs(W, item, n);

/** Three clients; two of them speak while the server is busy answering the third. */
const SELECT3: Scenario = {
  format: 'iolab/scenario@1',
  id: 'lesson-select-three',
  title: {
    en: 'select(): two sockets ready at once (lesson 8)',
    zh: 'select()：两个套接字同时就绪（第 8 课）',
  },
  seed: 1,
  model: 'select',
  options: {},
  clients: [
    {
      name: 'ann',
      actions: [
        { at: 0, do: 'connect' },
        { at: 200.004, do: 'send', data: 'hello' },
        { at: 600, do: 'close' },
      ],
    },
    {
      name: 'ben',
      actions: [
        { at: 50, do: 'connect' },
        { at: 200, do: 'send', data: 'hi' },
        { at: 700, do: 'close' },
      ],
    },
    {
      name: 'cat',
      actions: [
        { at: 100, do: 'connect' },
        { at: 200.004, do: 'send', data: 'hey' },
        { at: 500, do: 'reset' },
      ],
    },
  ],
  untilMs: 900,
};

/** ben's bytes being copied out: the server is busy with ben while the others speak. */
const benCopy = (ctx: LessonContext) =>
  stepOf(ctx, (ev) => ev.type === 'copy' && ev.dir === 'to-user' && ev.data === 'hi');
/** The next select() to return after step `from`, and the scan that decided its answer. */
function nextSelect(ctx: LessonContext, from: number): { step: number; watched: number[]; ready: number[] } {
  const trace = ctx.run.index.trace;
  const exit = eventIndex(ctx, (ev) => ev.type === 'sys.exit' && ev.name === 'pselect6', {
    from: ctx.run.index.stepStart[from]!,
  });
  for (let i = exit; i >= 0; i--) {
    const ev = trace[i]!;
    if (ev.type === 'select.scan')
      return { step: ctx.run.index.stepOfEvent(exit), watched: ev.watched, ready: ev.ready };
  }
  throw new Error('no select scan before the select returned');
}
/** "fd 4 (ann)", "fd 3 (the listening socket)": the fds select watched at that call. */
function fdChoices(ctx: LessonContext, from: number) {
  const v = ctx.viewAt(from);
  return nextSelect(ctx, from).watched.map((fd) =>
    fdChoice('lesson.08', v, fd, (sock) => clientOfSock(ctx, sock)),
  );
}

const lesson: Lesson = {
  n: 8,
  id: 'select',
  title: W('title'),
  summary: W('summary'),
  scenario: SELECT3,
  items: [
    { kind: 'slide', id: 'idea', title: W('idea.title'), body: P('idea', 3) },
    {
      kind: 'stop',
      id: 'first',
      title: W('first.title'),
      body: P('first', 2),
      at: (ctx) => stepOf(ctx, blockOf('pselect6')),
    },
    {
      kind: 'stop',
      id: 'scan',
      title: W('scan.title'),
      body: P('scan', 3),
      // The first select that watches all four fds (the listening socket and three clients) and sleeps.
      at: (ctx) =>
        stepOf(
          ctx,
          blockOf('pselect6', (ev) => ev.on.kind === 'select' && ev.on.fds.length === 4),
        ),
    },
    {
      kind: 'stop',
      id: 'predict',
      title: W('predict.title'),
      body: P('predict', 2),
      at: benCopy,
      question: {
        prompt: W('predict.q'),
        pick: 'many',
        choices: (ctx) => fdChoices(ctx, benCopy(ctx)),
        answer: (ctx) => nextSelect(ctx, benCopy(ctx)).ready.map(String),
        explain: W('predict.q.explain', (ctx) => {
          const s = nextSelect(ctx, benCopy(ctx));
          return { ready: s.ready.join(', '), n: s.ready.length, watched: s.watched.length };
        }),
        revealAt: (ctx) => nextSelect(ctx, benCopy(ctx)).step,
      },
    },
    {
      kind: 'stop',
      id: 'copy',
      title: W('copy.title'),
      body: P('copy', 2),
      at: (ctx) => stepOf(ctx, (ev) => ev.type === 'copy' && ev.dir === 'to-user' && ev.data === 'hello'),
    },
    { kind: 'slide', id: 'limits', title: W('limits.title'), body: P('limits', 3) },
  ],
  links: [{ page: 'hall', label: 'lessons.link.hall' }],
};

export default lesson;
