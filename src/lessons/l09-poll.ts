/** Lesson 9: poll() — no 1024 limit, the same linear scan. */
import type { TraceEvent } from '../kernel/types.ts';
import type { Lesson, LessonContext } from './types.ts';
import { fdChoice, fdLabel, findEvents, findStep, isSysBlock, isSysExit, type Traced } from './find.ts';

type Scan = Extract<TraceEvent, { type: 'poll.scan' }>;

/** The first poll that goes to sleep watching at least one client connection (listener + clients). */
function sleepingPoll(r: Traced): number {
  return findStep(
    r,
    (ev, i) => {
      if (!isSysBlock('poll')(ev, i) || ev.type !== 'sys.block' || ev.on.kind !== 'poll') return false;
      return ev.on.fds.length >= 3;
    },
    {},
    'poll that sleeps on several fds',
  );
}

function scanAfter(r: Traced, step: number): { scan: Scan; i: number } {
  const i = findEvents(r, (ev) => ev.type === 'poll.scan' && ev.ready.length > 0, { after: step })[0];
  if (i === undefined) throw new Error('no poll scan with ready fds');
  return { scan: r.index.trace[i] as Scan, i };
}

function watchedAt(ctx: LessonContext, step: number): number[] {
  const ev = ctx.run.index.trace[ctx.run.index.stepStart[step]!]!;
  return ev.type === 'sys.block' && ev.on.kind === 'poll' ? ev.on.fds : [];
}

function totals(r: Traced): { calls: number; checked: number; ready: number } {
  const scans = findEvents(r, (ev) => ev.type === 'poll.scan').map((i) => r.index.trace[i] as Scan);
  const calls = findEvents(r, isSysExit('poll')).length;
  return {
    calls,
    checked: scans.reduce((n, s) => n + s.watched.length, 0),
    ready: scans.reduce((n, s) => n + s.ready.length, 0),
  };
}

const lesson: Lesson = {
  n: 9,
  id: 'poll',
  title: { key: 'lesson.09.title' },
  summary: { key: 'lesson.09.summary' },
  scenario: 'poll',
  items: [
    {
      kind: 'slide',
      id: 'limit',
      title: { key: 'lesson.09.limit.title' },
      body: [{ key: 'lesson.09.limit.b1' }, { key: 'lesson.09.limit.b2' }],
    },
    {
      kind: 'stop',
      id: 'list',
      at: (ctx) => sleepingPoll(ctx.run),
      title: { key: 'lesson.09.list.title' },
      body: [
        {
          key: 'lesson.09.list.b1',
          params: (ctx) => ({
            n: watchedAt(ctx, sleepingPoll(ctx.run)).length,
            idle: ctx.run.run.scenario.idleConnections ?? 0,
          }),
        },
        { key: 'lesson.09.list.b2' },
      ],
      question: {
        prompt: { key: 'lesson.09.list.q' },
        pick: 'many',
        choices: (ctx) => {
          const step = sleepingPoll(ctx.run);
          const view = ctx.viewAt(step);
          return watchedAt(ctx, step).map((fd) => fdChoice('lesson.09', view, fd));
        },
        answer: (ctx) => scanAfter(ctx.run, sleepingPoll(ctx.run)).scan.ready.map(String),
        explain: {
          key: 'lesson.09.list.explain',
          params: (ctx) => {
            const { scan } = scanAfter(ctx.run, sleepingPoll(ctx.run));
            const view = ctx.viewAt(sleepingPoll(ctx.run));
            return { ready: scan.ready.map((fd) => fdLabel(view, fd)).join(', '), n: scan.watched.length };
          },
        },
        revealAt: (ctx) => {
          const { i } = scanAfter(ctx.run, sleepingPoll(ctx.run));
          return findStep(ctx.run, isSysExit('poll'), { after: ctx.run.index.stepOfEvent(i) - 1 });
        },
      },
    },
    {
      kind: 'stop',
      id: 'scan',
      at: (ctx) =>
        findStep(ctx.run, isSysExit('poll'), {
          after: ctx.run.index.stepOfEvent(scanAfter(ctx.run, sleepingPoll(ctx.run)).i) - 1,
        }),
      title: { key: 'lesson.09.scan.title' },
      body: [
        {
          key: 'lesson.09.scan.b1',
          params: (ctx) => ({
            n: scanAfter(ctx.run, sleepingPoll(ctx.run)).scan.watched.length,
            ready: scanAfter(ctx.run, sleepingPoll(ctx.run)).scan.ready.length,
          }),
        },
      ],
    },
    {
      kind: 'stop',
      id: 'total',
      at: (ctx) => ctx.run.index.steps - 1,
      title: { key: 'lesson.09.total.title' },
      body: [{ key: 'lesson.09.total.b1', params: (ctx) => totals(ctx.run) }, { key: 'lesson.09.total.b2' }],
    },
    {
      kind: 'slide',
      id: 'next',
      title: { key: 'lesson.09.next.title' },
      body: [{ key: 'lesson.09.next.b1' }, { key: 'lesson.09.next.b2' }],
    },
  ],
  links: [{ page: 'scaling', label: 'lesson.09.link.scaling' }],
};

export default lesson;
