/** Lesson 14: coroutines on an event loop — how a coroutine "switches on blocking I/O": it never blocks; the loop waits in epoll. */
import type { Lesson } from './types.ts';
import { countEvents, findEvents, findStep, isSysBlock, isSysExit, type Traced } from './find.ts';

/** The first recv that finds nothing on a client connection (EAGAIN), and the registration after it. */
function firstTry(r: Traced): { eagain: number; add: number } {
  const accepted = findStep(r, isSysExit('accept4', { minRet: 0 }));
  const eagain = findStep(r, isSysExit('recvfrom', { errno: 'EAGAIN' }), { after: accepted });
  const add = findStep(
    r,
    (ev) => ev.type === 'sys.exit' && ev.name === 'epoll_ctl' && ev.strace.includes('EPOLL_CTL_ADD'),
    { after: eagain },
  );
  return { eagain, add };
}

/** The first epoll_wait that sleeps with more than one coroutine parked. */
function sleepingLoop(r: Traced): number {
  const accepts = findEvents(r, isSysExit('accept4', { minRet: 0 }));
  const second = r.index.stepOfEvent(accepts[1] ?? accepts[0]!);
  return findStep(r, isSysBlock('epoll_wait'), { after: second });
}

function threadsOf(r: Traced): number {
  return countEvents(r, (ev) => ev.type === 'thread.start');
}

const lesson: Lesson = {
  n: 14,
  id: 'coroutines',
  title: { key: 'lesson.14.title' },
  summary: { key: 'lesson.14.summary' },
  scenario: 'asyncio',
  items: [
    {
      kind: 'slide',
      id: 'question',
      title: { key: 'lesson.14.question.title' },
      body: [{ key: 'lesson.14.question.b1' }, { key: 'lesson.14.question.b2' }],
    },
    {
      kind: 'stop',
      id: 'try',
      at: (ctx) => firstTry(ctx.run).eagain,
      title: { key: 'lesson.14.try.title' },
      body: [{ key: 'lesson.14.try.b1' }],
    },
    {
      kind: 'stop',
      id: 'park',
      at: (ctx) => firstTry(ctx.run).add,
      title: { key: 'lesson.14.park.title' },
      body: [{ key: 'lesson.14.park.b1' }],
    },
    {
      kind: 'stop',
      id: 'sleep',
      at: (ctx) => sleepingLoop(ctx.run),
      title: { key: 'lesson.14.sleep.title' },
      body: [{ key: 'lesson.14.sleep.b1' }],
      question: {
        prompt: { key: 'lesson.14.sleep.q' },
        pick: 'one',
        choices: () => [
          { id: '1', label: 'lesson.14.c.one' },
          { id: 'per-client', label: 'lesson.14.c.perClient' },
          { id: 'pool', label: 'lesson.14.c.pool' },
        ],
        answer: (ctx) => [threadsOf(ctx.run) === 1 ? '1' : 'per-client'],
        explain: {
          key: 'lesson.14.sleep.explain',
          params: (ctx) => ({ threads: threadsOf(ctx.run), clients: ctx.run.run.scenario.clients.length }),
        },
      },
    },
    {
      kind: 'stop',
      id: 'resume',
      at: (ctx) =>
        findStep(
          ctx.run,
          (ev) => ev.type === 'sys.exit' && ev.name === 'epoll_ctl' && ev.strace.includes('EPOLL_CTL_DEL'),
          { after: sleepingLoop(ctx.run) },
        ),
      title: { key: 'lesson.14.resume.title' },
      body: [{ key: 'lesson.14.resume.b1' }],
    },
    {
      kind: 'slide',
      id: 'answer',
      title: { key: 'lesson.14.answer.title' },
      body: [{ key: 'lesson.14.answer.b1' }, { key: 'lesson.14.answer.b2' }],
    },
  ],
};

export default lesson;
