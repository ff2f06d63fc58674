/** Lesson 13: asynchronous I/O — the kernel does both phases and reports at the end; what the industry calls "async" is mostly multiplexing. */
import type { Lesson, LessonContext } from './types.ts';
import {
  callInProgress,
  countEvents,
  findEventIndex,
  findStep,
  isCopyIn,
  isCqe,
  isSysExit,
  otherRun,
  type Traced,
} from './find.ts';

/** The first kernel-to-user copy of a client's bytes, and the call the server thread was in meanwhile. */
function firstCopy(r: Traced): { i: number; step: number; inCall: string | null } {
  const i = findEventIndex(r, (ev) => isCopyIn()(ev, 0) && ev.type === 'copy' && ev.fd > 2);
  if (i < 0) throw new Error('no copy');
  const ev = r.index.trace[i]!;
  return {
    i,
    step: r.index.stepOfEvent(i),
    inCall: ev.type === 'copy' ? callInProgress(r, i, ev.tid) : null,
  };
}

/** Who copies: the program (inside its own recv) or the kernel (while the program is elsewhere). */
function whoCopies(r: Traced): 'program' | 'kernel' {
  const c = firstCopy(r);
  return c.inCall === 'recvfrom' || c.inCall === 'read' ? 'program' : 'kernel';
}

function contrast(ctx: LessonContext) {
  const aio = otherRun('asyncio');
  return {
    recvs: countEvents(ctx.run, isSysExit('recvfrom')),
    asyncioRecvs: countEvents(aio, isSysExit('recvfrom')),
    asyncioWaits: countEvents(aio, isSysExit('epoll_wait')),
  };
}

const lesson: Lesson = {
  n: 13,
  id: 'async-io',
  title: { key: 'lesson.13.title' },
  summary: { key: 'lesson.13.summary' },
  scenario: 'async-io',
  items: [
    {
      kind: 'slide',
      id: 'idea',
      title: { key: 'lesson.13.idea.title' },
      body: [{ key: 'lesson.13.idea.b1' }, { key: 'lesson.13.idea.b2' }],
      figure: { name: 'AsyncContrast' },
    },
    {
      kind: 'stop',
      id: 'submit',
      at: (ctx) =>
        findStep(ctx.run, isSysExit('io_uring_enter', { minRet: 1 }), {
          after: findStep(ctx.run, (ev) => ev.type === 'uring.sqe' && ev.op === 'recv') - 1,
        }),
      title: { key: 'lesson.13.submit.title' },
      body: [{ key: 'lesson.13.submit.b1' }],
    },
    {
      kind: 'stop',
      id: 'copy',
      // Before the bytes land: the landing's narration says who takes them.
      at: (ctx) => firstCopy(ctx.run).step - 2,
      title: { key: 'lesson.13.copy.title' },
      body: [{ key: 'lesson.13.copy.b1' }],
      question: {
        prompt: { key: 'lesson.13.copy.q' },
        pick: 'one',
        choices: () => [
          { id: 'program', label: 'lesson.13.c.program' },
          { id: 'kernel', label: 'lesson.13.c.kernel' },
        ],
        answer: (ctx) => [whoCopies(ctx.run)],
        explain: {
          key: 'lesson.13.copy.explain',
          params: (ctx) => ({ call: firstCopy(ctx.run).inCall ?? '-' }),
        },
        revealAt: (ctx) => firstCopy(ctx.run).step,
      },
    },
    {
      kind: 'stop',
      id: 'cqe',
      at: (ctx) => findStep(ctx.run, isCqe, { after: firstCopy(ctx.run).step - 1 }),
      title: { key: 'lesson.13.cqe.title' },
      body: [{ key: 'lesson.13.cqe.b1' }],
    },
    {
      kind: 'slide',
      id: 'industry',
      title: { key: 'lesson.13.industry.title' },
      body: [
        { key: 'lesson.13.industry.b1' },
        { key: 'lesson.13.industry.b2', params: contrast },
        { key: 'lesson.13.industry.b3' },
      ],
    },
  ],
  links: [{ page: 'compare', label: 'lesson.13.link.compare' }],
};

export { whoCopies };
export default lesson;
