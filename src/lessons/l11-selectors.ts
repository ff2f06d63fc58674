/** Lesson 11: the selectors module — DefaultSelector picks epoll here; a callback is stored with each registration; the loop dispatches. */
import type { Lesson, LessonContext } from './types.ts';
import { epollReportedFds, findStep, isSysExit, type Traced } from './find.ts';

const isNote = (note: string) => (ev: { type: string; note?: string }) =>
  ev.type === 'py' && ev.note === note;

/** The first epoll_wait that reports a client connection (not the listening socket). */
function readReport(r: Traced): number {
  return findStep(
    r,
    (ev) =>
      ev.type === 'sys.exit' &&
      ev.name === 'epoll_wait' &&
      epollReportedFds(ev).some((fd) => fd !== listenFd(r)),
    {},
    'report of a connection',
  );
}

function listenFd(r: Traced): number {
  const view = r.index.viewAt(r.index.steps - 1);
  for (const p of Object.values(view.procs))
    for (const [fd, w] of Object.entries(p.fds)) if (w.kind === 'listen') return Number(fd);
  // The listening socket may be closed at the end; it is the first socket the program made.
  const i = r.index.trace.findIndex((ev) => ev.type === 'sys.exit' && ev.name === 'socket');
  const ev = r.index.trace[i];
  return ev?.type === 'sys.exit' ? ev.ret : -1;
}

/** Which callback the loop calls next, read from the dispatch line after the report. */
function dispatched(ctx: LessonContext): string {
  const step = findStep(
    ctx.run,
    (ev) => ev.type === 'py' && (ev.note === 'narr.note.cbRead' || ev.note === 'narr.note.cbAccept'),
    { after: readReport(ctx.run) },
  );
  const ev = ctx.run.index.trace[ctx.run.index.stepStart[step]!]!;
  return ev.type === 'py' && ev.note === 'narr.note.cbAccept' ? 'accept' : 'read';
}

const lesson: Lesson = {
  n: 11,
  id: 'selectors',
  title: { key: 'lesson.11.title' },
  summary: { key: 'lesson.11.summary' },
  scenario: 'selectors',
  items: [
    {
      kind: 'slide',
      id: 'why',
      title: { key: 'lesson.11.why.title' },
      body: [{ key: 'lesson.11.why.b1' }, { key: 'lesson.11.why.b2' }],
    },
    {
      kind: 'stop',
      id: 'default',
      at: (ctx) => findStep(ctx.run, isSysExit('epoll_create1')),
      title: { key: 'lesson.11.default.title' },
      body: [{ key: 'lesson.11.default.b1' }],
    },
    {
      kind: 'stop',
      id: 'register',
      at: (ctx) => findStep(ctx.run, isSysExit('epoll_ctl')),
      title: { key: 'lesson.11.register.title' },
      body: [{ key: 'lesson.11.register.b1' }, { key: 'lesson.11.register.b2' }],
    },
    {
      kind: 'stop',
      id: 'dispatch',
      at: (ctx) => readReport(ctx.run),
      title: { key: 'lesson.11.dispatch.title' },
      body: [
        {
          key: 'lesson.11.dispatch.b1',
          params: (ctx) => ({
            fd: epollReportedFds(ctx.run.index.trace[ctx.run.index.stepStart[readReport(ctx.run)]!]!).join(
              ', ',
            ),
          }),
        },
      ],
      question: {
        prompt: { key: 'lesson.11.dispatch.q' },
        pick: 'one',
        choices: () => [
          { id: 'accept', label: 'accept(sock, mask)', literal: true },
          { id: 'read', label: 'read(conn, mask)', literal: true },
        ],
        answer: (ctx) => [dispatched(ctx)],
        explain: { key: 'lesson.11.dispatch.explain' },
        revealAt: (ctx) => findStep(ctx.run, isNote('narr.note.cbRead'), { after: readReport(ctx.run) - 1 }),
      },
    },
    {
      kind: 'slide',
      id: 'loop',
      title: { key: 'lesson.11.loop.title' },
      body: [{ key: 'lesson.11.loop.b1' }, { key: 'lesson.11.loop.b2' }],
    },
  ],
};

export default lesson;
