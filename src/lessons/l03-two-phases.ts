/** Lesson 3: the two phases of a read, the thread through every model that follows. */
import type { Lesson, LessonContext } from './types.ts';
import {
  blockOf,
  eventIndex,
  exitOf,
  keyChoices,
  literalChoices,
  ms,
  paragraphs,
  stepOf,
  timeOf,
  wordsOf,
} from './context.ts';

const W = wordsOf(3);
const P = (item: string, n: number) => paragraphs(W, item, n);

const firstCopy = (ev: { type: string; dir?: string }) => ev.type === 'copy' && ev.dir === 'to-user';
/** The copy of ben's first message: the bytes were already waiting when recv() was called. */
const benCopy = (ctx: LessonContext) =>
  stepOf(ctx, (ev) => ev.type === 'copy' && ev.dir === 'to-user' && ev.data === 'anyone?');

const lesson: Lesson = {
  n: 3,
  id: 'two-phases',
  title: W('title'),
  summary: W('summary'),
  scenario: 'blocking-two-clients',
  items: [
    {
      kind: 'slide',
      id: 'phases',
      title: W('phases.title'),
      body: P('phases', 2),
      figure: { name: 'TwoPhases', props: { part: 'timeline' } },
    },
    {
      kind: 'stop',
      id: 'waiting',
      title: W('waiting.title'),
      body: P('waiting', 2),
      at: (ctx) => stepOf(ctx, blockOf('recvfrom')),
    },
    {
      kind: 'stop',
      id: 'arrives',
      title: W('arrives.title'),
      body: P('arrives', 2),
      at: (ctx) => stepOf(ctx, (ev) => ev.type === 'sock.rx'),
    },
    {
      kind: 'stop',
      id: 'copy',
      title: W('copy.title'),
      body: P('copy', 2),
      // The wake-up before the copy: the copy's own step would show the 5 bytes in Python's buffer.
      at: (ctx) => stepOf(ctx, firstCopy) - 1,
      question: {
        prompt: W('copy.q'),
        pick: 'one',
        choices: () => literalChoices(['0', '5', '1024']),
        answer: (ctx) => {
          const ev =
            ctx.run.index.trace[
              eventIndex(
                ctx,
                exitOf('recvfrom', (e) => e.ret > 0),
              )
            ]!;
          return [String(ev.type === 'sys.exit' ? ev.ret : -1)];
        },
        explain: W('copy.q.explain'),
        revealAt: (ctx) =>
          stepOf(
            ctx,
            exitOf('recvfrom', (e) => e.ret > 0),
          ),
      },
    },
    {
      kind: 'stop',
      id: 'no-wait',
      title: W('nowait.title'),
      body: P('nowait', 2),
      // The call's entry, before the copy's step says which phase it is in.
      at: (ctx) => benCopy(ctx) - 1,
      question: {
        prompt: W('nowait.q'),
        pick: 'one',
        choices: () => keyChoices(3, 'nowait.q', ['both', 'copy', 'wait']),
        answer: (ctx) => {
          // Did the recv that copied ben's bytes ever sleep? Look back from the copy to its call's start.
          const copyStep = benCopy(ctx);
          const trace = ctx.run.index.trace;
          for (let i = ctx.run.index.stepStart[copyStep]! - 1; i >= 0; i--) {
            const ev = trace[i]!;
            if (ev.type === 'sys.block' && ev.name === 'recvfrom') return ['both'];
            if (ev.type === 'sys.exit') return ['copy'];
          }
          return ['copy'];
        },
        explain: W('nowait.q.explain', (ctx) => {
          const rx = stepOf(ctx, (ev) => ev.type === 'sock.rx' && ev.data === 'anyone?');
          return { waited: ms(timeOf(ctx, benCopy(ctx)) - timeOf(ctx, rx), 0) };
        }),
        revealAt: benCopy,
      },
    },
    {
      kind: 'slide',
      id: 'models',
      title: W('models.title'),
      body: P('models', 2),
      figure: { name: 'TwoPhases', props: { part: 'models' } },
    },
  ],
};

export default lesson;
