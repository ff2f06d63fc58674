/** Lesson 5: a thread (or a process) per connection: everyone is served, at a price. */
import type { Lesson, LessonContext } from './types.ts';
import { blockOf, exitOf, literalChoices, paragraphs, sockOfClient, stepOf, wordsOf } from './context.ts';

const W = wordsOf(5);
const P = (item: string, n: number) => paragraphs(W, item, n);

/** The step where the thread made for the third client goes to sleep in recv(). */
const thirdAsleep = (ctx: LessonContext) =>
  stepOf(
    ctx,
    blockOf('recvfrom', (ev) => ev.on.kind === 'recv' && ev.on.sock === sockOfClient(ctx, 'cat')),
  );
/** Then the main thread, back asleep in accept(): every thread sleeps and the core is idle. */
const allAsleep = (ctx: LessonContext) => stepOf(ctx, blockOf('accept4'), { fromStep: thirdAsleep(ctx) });
const liveThreads = (ctx: LessonContext, step: number) =>
  Object.values(ctx.viewAt(step).threads).filter((th) => th.state !== 'exited').length;
const forked = (ctx: LessonContext) =>
  stepOf(
    ctx,
    exitOf('clone', (ev) => ev.ret > 0),
  );
/** How many live processes hold ann's connection open at the step after the first fork. */
function holders(ctx: LessonContext): number {
  const sock = sockOfClient(ctx, 'ann');
  const v = ctx.viewAt(forked(ctx));
  return Object.values(v.procs).filter(
    (p) => !p.exited && Object.values(p.fds).some((w) => w.kind === 'conn' && w.sock === sock),
  ).length;
}

const lesson: Lesson = {
  n: 5,
  id: 'threads',
  title: W('title'),
  summary: W('summary'),
  scenario: 'thread-per-connection',
  items: [
    { kind: 'slide', id: 'idea', title: W('idea.title'), body: P('idea', 2) },
    {
      kind: 'stop',
      id: 'spawn',
      title: W('spawn.title'),
      body: P('spawn', 2),
      at: (ctx) =>
        stepOf(
          ctx,
          exitOf('clone3', (ev) => ev.ret > 0),
        ),
    },
    {
      kind: 'stop',
      id: 'all-asleep',
      title: W('asleep.title'),
      body: P('asleep', 2),
      at: allAsleep,
      question: {
        prompt: W('asleep.q'),
        pick: 'one',
        choices: () => literalChoices(['1', '2', '3', '4', '5']),
        answer: (ctx) => [String(liveThreads(ctx, allAsleep(ctx)))],
        explain: W('asleep.q.explain', (ctx) => {
          const v = ctx.viewAt(allAsleep(ctx));
          return {
            n: liveThreads(ctx, allAsleep(ctx)),
            mib: (v.meters.memoryBytes / 1048576).toFixed(1),
            switches: v.meters.contextSwitches,
          };
        }),
      },
    },
    {
      kind: 'stop',
      id: 'served',
      title: W('served.title'),
      body: P('served', 2),
      at: (ctx) => stepOf(ctx, (ev) => ev.type === 'client.reply' && ev.client === 'cat'),
    },
    {
      kind: 'stop',
      id: 'fork',
      title: W('fork.title'),
      body: P('fork', 2),
      scenario: 'process-per-connection',
      // Just before fork: its entry's narration and its return's stage both show the answer.
      at: (ctx) => stepOf(ctx, (ev) => ev.type === 'sys.enter' && ev.name === 'clone') - 1,
      question: {
        prompt: W('fork.q'),
        pick: 'one',
        choices: () => literalChoices(['1', '2', '3']),
        answer: (ctx) => [String(holders(ctx))],
        explain: W('fork.q.explain', (ctx) => ({ n: holders(ctx) })),
        revealAt: (ctx) => stepOf(ctx, exitOf('close'), { fromStep: forked(ctx) }),
      },
    },
    { kind: 'slide', id: 'cost', title: W('cost.title'), body: P('cost', 2), figure: { name: 'ThreadCost' } },
  ],
  links: [{ page: 'scaling', label: 'lessons.link.scaling' }],
};

export default lesson;
