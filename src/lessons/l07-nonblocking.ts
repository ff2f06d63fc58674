/** Lesson 7: non-blocking I/O: the polling loop, its CPU bill, the sleep that trades CPU for latency, and the article's trap. */
import type { Lesson, LessonContext } from './types.ts';
import type { Scenario } from '../scenarios/format.ts';
import {
  blockOf,
  clientChoices,
  eventIndex,
  exitOf,
  keyChoices,
  ms,
  nextReply,
  paragraphs,
  sockOfClient,
  stepOf,
  timeOf,
  wordsOf,
} from './context.ts';

const W = wordsOf(7);
const P = (item: string, n: number) => paragraphs(W, item, n);

/** The busy loop: no sleep between rounds, a few milliseconds are enough to see the bill. */
const BUSY: Scenario = {
  format: 'iolab/scenario@1',
  id: 'lesson-nonblocking-busy',
  title: {
    en: 'Non-blocking I/O, busy loop (no sleep): lesson 7',
    zh: '非阻塞 I/O，忙循环（不睡眠）：第 7 课',
  },
  seed: 1,
  model: 'nonblocking',
  options: { pollSleepMs: 0 },
  clients: [
    {
      name: 'ann',
      actions: [
        { at: 0, do: 'connect' },
        { at: 2, do: 'send', data: 'hello' },
        { at: 6, do: 'close' },
      ],
    },
    {
      name: 'ben',
      actions: [
        { at: 1, do: 'connect' },
        { at: 3, do: 'send', data: 'hi there' },
        { at: 4, do: 'reset' },
      ],
    },
  ],
  untilMs: 8,
};

const cpuBucket = (f: number) => (f >= 0.7 ? 'full' : f >= 0.2 ? 'half' : 'low');
/** How busy the CPU was over the whole run, as the meters show it at the last step. */
function busyAtEnd(ctx: LessonContext): number {
  const v = ctx.viewAt(ctx.run.index.steps - 1);
  const total = v.cores.length * v.t;
  return total > 0 ? (v.meters.userNs + v.meters.systemNs) / total : 0;
}
/** From ann's bytes landing in the kernel to the server copying them out. */
function pickupDelayNs(ctx: LessonContext): number {
  const sock = sockOfClient(ctx, 'ann');
  const rx = eventIndex(ctx, (ev) => ev.type === 'sock.rx' && ev.sock === sock);
  const copy = eventIndex(ctx, (ev) => ev.type === 'copy' && ev.dir === 'to-user', { from: rx });
  const trace = ctx.run.index.trace;
  return trace[copy]!.t - trace[rx]!.t;
}
const annLands = (ctx: LessonContext) =>
  stepOf(ctx, (ev) => ev.type === 'sock.rx' && ev.sock === sockOfClient(ctx, 'ann'));
const firstTrapRecv = (ctx: LessonContext) => stepOf(ctx, blockOf('recvfrom'));

const lesson: Lesson = {
  n: 7,
  id: 'nonblocking',
  title: W('title'),
  summary: W('summary'),
  scenario: BUSY,
  items: [
    { kind: 'slide', id: 'idea', title: W('idea.title'), body: P('idea', 3) },
    {
      kind: 'stop',
      id: 'eagain',
      title: W('eagain.title'),
      body: P('eagain', 2),
      at: (ctx) =>
        stepOf(
          ctx,
          exitOf('recvfrom', (ev) => ev.errno === 'EAGAIN'),
        ),
    },
    {
      kind: 'stop',
      id: 'cpu',
      title: W('cpu.title'),
      body: P('cpu', 2),
      at: (ctx) => ctx.run.index.steps - 1,
      question: {
        prompt: W('cpu.q', (ctx) => ({ ms: ms(ctx.run.run.endNs, 0) })),
        pick: 'one',
        choices: () => keyChoices(7, 'cpu.q', ['low', 'half', 'full']),
        answer: (ctx) => [cpuBucket(busyAtEnd(ctx))],
        explain: W('cpu.q.explain', (ctx) => ({
          pct: Math.min(100, Math.round(busyAtEnd(ctx) * 100)),
          eagain: ctx.run.run.eagain,
          replies: ctx.run.run.replies.length,
        })),
      },
    },
    {
      kind: 'stop',
      id: 'reset',
      title: W('reset.title'),
      body: P('reset', 2),
      at: (ctx) =>
        stepOf(
          ctx,
          exitOf('recvfrom', (ev) => ev.errno === 'ECONNRESET'),
        ),
    },
    {
      kind: 'stop',
      id: 'sleep',
      title: W('sleep.title'),
      body: P('sleep', 2),
      scenario: 'nonblocking',
      at: annLands,
      question: {
        prompt: W('sleep.q'),
        pick: 'one',
        choices: () => keyChoices(7, 'sleep.q', ['now', 'round', 'second']),
        answer: (ctx) => {
          const d = pickupDelayNs(ctx) / 1e6;
          return [d < 1 ? 'now' : d <= ctx.run.run.options.pollSleepMs * 1.5 ? 'round' : 'second'];
        },
        explain: W('sleep.q.explain', (ctx) => ({
          delay: ms(pickupDelayNs(ctx), 1),
          pct: Math.max(0.01, Math.round(ctx.run.run.cpu.busyFraction * 10000) / 100),
        })),
        revealAt: (ctx) => stepOf(ctx, (ev) => ev.type === 'copy' && ev.dir === 'to-user'),
      },
    },
    {
      kind: 'stop',
      id: 'trap',
      title: W('trap.title'),
      body: P('trap', 3),
      scenario: 'nonblocking-pitfall',
      at: firstTrapRecv,
      question: {
        prompt: W('trap.q'),
        pick: 'one',
        choices: clientChoices,
        answer: (ctx) => [nextReply(ctx, firstTrapRecv(ctx)).client],
        explain: W('trap.q.explain', (ctx) => {
          const benRx = stepOf(ctx, (ev) => ev.type === 'sock.rx' && ev.sock === sockOfClient(ctx, 'ben'));
          const benReply = stepOf(ctx, (ev) => ev.type === 'client.reply' && ev.client === 'ben');
          return { waited: ms(timeOf(ctx, benReply) - timeOf(ctx, benRx), 0) };
        }),
        revealAt: (ctx) => nextReply(ctx, firstTrapRecv(ctx)).step,
      },
    },
    { kind: 'slide', id: 'fix', title: W('fix.title'), body: P('fix', 3) },
  ],
};

export default lesson;
