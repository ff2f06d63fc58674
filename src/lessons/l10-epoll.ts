/**
 * Lesson 10: epoll — register once, the callback fills the ready list, epoll_wait returns only
 * what is ready; level- vs edge-triggered, the edge-triggered partial-read bug and its fix.
 * The lesson runs the buggy edge-triggered server; its level-triggered twin (same clients) and
 * the fixed edge-triggered server are run on the side for the comparisons.
 */
import { findScenario } from '../scenarios/index.ts';
import type { Scenario } from '../scenarios/format.ts';
import type { TraceEvent } from '../kernel/types.ts';
import type { Lesson } from './types.ts';
import {
  epollReportedFds,
  findEventIndex,
  findEvents,
  findReplies,
  findStep,
  isEpollReadyAdd,
  isSysExit,
  msAt,
  otherRun,
  roundMs,
  type Traced,
} from './find.ts';

const PITFALL = findScenario('epoll-edge-pitfall')!;
/** The same clients, level-triggered, one recv per event. */
export const LEVEL_TWIN: Scenario = {
  ...PITFALL,
  id: 'lesson-10-level',
  options: { trigger: 'level', recvSize: 4 },
};

type Take = Extract<TraceEvent, { type: 'sock.take' }>;

/** The first recv that leaves bytes behind: its step, fd, socket, and how many bytes are left. */
export function partialRead(r: Traced): { step: number; fd: number; sock: number; left: number } {
  const i = findEventIndex(r, (ev) => ev.type === 'sock.take' && ev.total > 0);
  if (i < 0) throw new Error('no partial read');
  const take = r.index.trace[i] as Take;
  const exit = findEventIndex(r, isSysExit('recvfrom', { minRet: 1 }), { after: r.index.stepOfEvent(i) - 1 });
  const copy = r.index.trace.slice(i).find((ev) => ev.type === 'copy');
  return {
    step: r.index.stepOfEvent(exit),
    fd: copy?.type === 'copy' ? copy.fd : -1,
    sock: take.sock,
    left: take.total,
  };
}

/** After the partial read: the step where epoll_wait reports the fd again, and whether new bytes (or a FIN) came first. */
export function nextReport(r: Traced): { step: number; newDataFirst: boolean; ms: number } {
  const p = partialRead(r);
  const rep = findEventIndex(r, (ev) => epollReportedFds(ev).includes(p.fd), { after: p.step });
  const fresh = findEventIndex(
    r,
    (ev) => (ev.type === 'sock.rx' || ev.type === 'sock.fin') && ev.sock === p.sock,
    { after: p.step },
  );
  if (rep < 0) throw new Error('fd never reported again');
  const step = r.index.stepOfEvent(rep);
  return { step, newDataFirst: fresh >= 0 && fresh < rep, ms: roundMs(msAt(r, step) - msAt(r, p.step)) };
}

/**
 * The moment the socket goes on the ready list, before the partial read: once epoll_wait has taken
 * it, an edge-triggered ready list is empty and a level-triggered one is not, so a later step would
 * show the answer to both questions.
 */
const beforeRead = (r: Traced): number => findStep(r, isEpollReadyAdd(partialRead(r).fd));
const wakesAgain = (r: Traced): string => (nextReport(r).newDataFirst ? 'no' : 'yes');

/** In the fixed edge-triggered server: recv calls after the first report of a client, up to EAGAIN. */
function drainCalls(): { calls: number; replies: number } {
  const r = otherRun('epoll-edge');
  const first = findStep(r, (ev) => epollReportedFds(ev).some((fd) => fd > 4));
  const eagain = findStep(r, isSysExit('recvfrom', { errno: 'EAGAIN' }), { after: first });
  const calls = findEvents(r, isSysExit('recvfrom'), { after: first, before: eagain + 1 }).length;
  return { calls, replies: calls - 1 };
}

const lesson: Lesson = {
  n: 10,
  id: 'epoll',
  title: { key: 'lesson.10.title' },
  summary: { key: 'lesson.10.summary' },
  scenario: 'epoll-edge-pitfall',
  items: [
    {
      kind: 'slide',
      id: 'idea',
      title: { key: 'lesson.10.idea.title' },
      body: [{ key: 'lesson.10.idea.b1' }, { key: 'lesson.10.idea.b2' }],
    },
    {
      kind: 'stop',
      id: 'register',
      at: (ctx) => findStep(ctx.run, isSysExit('epoll_ctl'), { nth: 2 }),
      title: { key: 'lesson.10.register.title' },
      body: [
        {
          key: 'lesson.10.register.b1',
          params: (ctx) => ({
            calls: findEvents(ctx.run, isSysExit('epoll_ctl')).length,
            waits: findEvents(ctx.run, isSysExit('epoll_wait')).length,
          }),
        },
      ],
    },
    {
      kind: 'stop',
      id: 'callback',
      at: (ctx) => beforeRead(ctx.run),
      title: { key: 'lesson.10.callback.title' },
      body: [{ key: 'lesson.10.callback.b1' }, { key: 'lesson.10.callback.b2' }],
    },
    {
      kind: 'stop',
      id: 'level',
      at: (ctx) => beforeRead(ctx.run),
      title: { key: 'lesson.10.level.title' },
      body: [
        {
          key: 'lesson.10.level.b1',
          params: (ctx) => ({
            left: partialRead(ctx.run).left,
            size: ctx.run.run.options.recvSize,
            sent: partialRead(ctx.run).left + ctx.run.run.options.recvSize,
          }),
        },
      ],
      question: {
        prompt: { key: 'lesson.10.level.q' },
        pick: 'one',
        choices: () => [
          { id: 'yes', label: 'lesson.10.c.yes' },
          { id: 'no', label: 'lesson.10.c.no' },
        ],
        answer: () => [wakesAgain(otherRun(LEVEL_TWIN))],
        explain: {
          key: 'lesson.10.level.explain',
          params: () => ({ us: Math.round(nextReport(otherRun(LEVEL_TWIN)).ms * 1000) }),
        },
      },
    },
    {
      kind: 'stop',
      id: 'partial',
      at: (ctx) => beforeRead(ctx.run),
      title: { key: 'lesson.10.partial.title' },
      body: [{ key: 'lesson.10.partial.b1' }],
      question: {
        prompt: { key: 'lesson.10.partial.q' },
        pick: 'one',
        choices: () => [
          { id: 'yes', label: 'lesson.10.c.yes' },
          { id: 'no', label: 'lesson.10.c.no' },
        ],
        answer: (ctx) => [wakesAgain(ctx.run)],
        explain: {
          key: 'lesson.10.partial.explain',
          params: (ctx) => ({ ms: nextReport(ctx.run).ms, left: partialRead(ctx.run).left }),
        },
        revealAt: (ctx) => nextReport(ctx.run).step,
      },
    },
    {
      kind: 'stop',
      id: 'stale',
      at: (ctx) => {
        const late = nextReport(ctx.run).step;
        return findReplies(ctx.run, { after: late })[0]!.step;
      },
      title: { key: 'lesson.10.stale.title' },
      body: [
        {
          key: 'lesson.10.stale.b1',
          params: (ctx) => {
            const late = nextReport(ctx.run).step;
            const reply = findReplies(ctx.run, { after: late })[0]!;
            return { client: reply.client, data: reply.data, ms: roundMs(reply.ms) };
          },
        },
      ],
    },
    {
      kind: 'slide',
      id: 'fix',
      title: { key: 'lesson.10.fix.title' },
      body: [
        { key: 'lesson.10.fix.b1' },
        { key: 'lesson.10.fix.b2', params: () => drainCalls() },
        { key: 'lesson.10.fix.b3' },
      ],
    },
  ],
  links: [
    { page: 'hall', label: 'lesson.10.link.hall' },
    { page: 'scaling', label: 'lesson.10.link.scaling' },
  ],
};

export default lesson;
