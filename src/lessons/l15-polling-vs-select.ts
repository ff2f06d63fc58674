/**
 * Lesson 15: the article's two closing examples side by side — a non-blocking loop that polls
 * and sleeps, against select() with a timeout — measured on the same client: how late each
 * server reads a message, and how many calls come back with nothing.
 */
import { findScenario } from '../scenarios/index.ts';
import type { Scenario } from '../scenarios/format.ts';
import type { Lesson } from './types.ts';
import {
  countEvents,
  findEventIndex,
  findStep,
  isCopyIn,
  isSysExit,
  otherRun,
  roundMs,
  type Traced,
} from './find.ts';

const SELECT = findScenario('select-timeout')!;
const TICK = SELECT.options?.timeoutMs ?? 250;

/** The same client as select-timeout, served by the polling loop that sleeps as long as select's timeout. */
export const POLLING: Scenario = {
  ...SELECT,
  id: 'lesson-15-polling',
  title: {
    en: 'Non-blocking polling, sleeping 250 ms between rounds',
    zh: '非阻塞轮询，每轮之间睡 250 毫秒',
  },
  model: 'nonblocking',
  options: { pollSleepMs: TICK },
};

/** The first message: when it landed in the kernel, and how long until the program copied it out. */
export function firstMessage(r: Traced): { rxStep: number; copyStep: number; waitMs: number } {
  const rx = findEventIndex(r, (ev) => ev.type === 'sock.rx');
  const copy = findEventIndex(r, (ev, i) => i > rx && isCopyIn()(ev, i) && ev.type === 'copy' && ev.fd > 2);
  return {
    rxStep: r.index.stepOfEvent(rx),
    copyStep: r.index.stepOfEvent(copy),
    waitMs: roundMs((r.index.trace[copy]!.t - r.index.trace[rx]!.t) / 1e6),
  };
}

/** Calls that came back with nothing: EAGAIN for the poller, a select that timed out. */
export function wasted(r: Traced): { wasted: number; calls: number } {
  const eagain = countEvents(r, (ev) => ev.type === 'sys.exit' && ev.errno === 'EAGAIN');
  const timeouts = countEvents(r, isSysExit('pselect6', { ret: 0 }));
  const calls = countEvents(
    r,
    (ev) =>
      ev.type === 'sys.exit' && (ev.name === 'recvfrom' || ev.name === 'accept4' || ev.name === 'pselect6'),
  );
  return { wasted: eagain + timeouts, calls };
}

/** Buckets for the "how many wasted calls" question. */
export const WASTE_BUCKETS = [
  { id: 'none', max: 0 },
  { id: 'few', max: 5 },
  { id: 'some', max: 20 },
  { id: 'many', max: Infinity },
] as const;
export const bucketOf = (n: number): string => WASTE_BUCKETS.find((b) => n <= b.max)!.id;

const WAIT_BUCKETS = [
  { id: 'now', max: 1 },
  { id: 'tick', max: TICK },
  { id: 'more', max: Infinity },
] as const;
const waitBucket = (ms: number): string => WAIT_BUCKETS.find((b) => ms <= b.max)!.id;

const selectRun = () => otherRun(SELECT);

const lesson: Lesson = {
  n: 15,
  id: 'polling-vs-select',
  title: { key: 'lesson.15.title' },
  summary: { key: 'lesson.15.summary' },
  scenario: POLLING,
  items: [
    {
      kind: 'slide',
      id: 'two',
      title: { key: 'lesson.15.two.title' },
      body: [{ key: 'lesson.15.two.b1', params: () => ({ tick: TICK }) }, { key: 'lesson.15.two.b2' }],
    },
    {
      kind: 'stop',
      id: 'empty',
      at: (ctx) => findStep(ctx.run, isSysExit('accept4', { errno: 'EAGAIN' })),
      title: { key: 'lesson.15.empty.title' },
      body: [{ key: 'lesson.15.empty.b1', params: () => ({ tick: TICK }) }],
    },
    {
      kind: 'stop',
      id: 'late',
      at: (ctx) => firstMessage(ctx.run).rxStep,
      title: { key: 'lesson.15.late.title' },
      body: [{ key: 'lesson.15.late.b1' }],
      question: {
        prompt: { key: 'lesson.15.late.q' },
        pick: 'one',
        choices: () => WAIT_BUCKETS.map((b) => ({ id: b.id, label: `lesson.15.c.wait.${b.id}` })),
        answer: (ctx) => [waitBucket(firstMessage(ctx.run).waitMs)],
        explain: {
          key: 'lesson.15.late.explain',
          params: (ctx) => ({
            ms: firstMessage(ctx.run).waitMs,
            selectUs: Math.round(firstMessage(selectRun()).waitMs * 1000),
            tick: TICK,
          }),
        },
        revealAt: (ctx) => firstMessage(ctx.run).copyStep,
      },
    },
    {
      kind: 'stop',
      id: 'count',
      at: (ctx) => ctx.run.index.steps - 1,
      title: { key: 'lesson.15.count.title' },
      body: [
        {
          key: 'lesson.15.count.b1',
          params: (ctx) => ({ ms: roundMs(ctx.run.index.trace[ctx.run.index.trace.length - 1]!.t / 1e6) }),
        },
      ],
      question: {
        prompt: { key: 'lesson.15.count.q' },
        pick: 'one',
        choices: () => WASTE_BUCKETS.map((b) => ({ id: b.id, label: `lesson.15.c.waste.${b.id}` })),
        answer: (ctx) => [bucketOf(wasted(ctx.run).wasted)],
        explain: {
          key: 'lesson.15.count.explain',
          params: (ctx) => ({
            ...wasted(ctx.run),
            selectWasted: wasted(selectRun()).wasted,
            selectCalls: wasted(selectRun()).calls,
          }),
        },
      },
    },
    {
      kind: 'slide',
      id: 'verdict',
      title: { key: 'lesson.15.verdict.title' },
      body: [
        { key: 'lesson.15.verdict.b1', params: () => ({ tick: TICK }) },
        { key: 'lesson.15.verdict.b2' },
      ],
    },
  ],
};

export default lesson;
