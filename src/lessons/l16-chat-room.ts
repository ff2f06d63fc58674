/**
 * Lesson 16: the select chat room and the article's two questions. One run plays three rounds
 * of "5, 4, 3, 2, 1 speak" (far apart; while the operator types; all while the server is busy),
 * then a client leaves and the article's server, which never checks for b'', dies with
 * BrokenPipeError. epoll's order and the fixed server come from runs on the side.
 */
import type { Scenario, ScenarioAction } from '../scenarios/format.ts';
import type { Lesson, LessonContext } from './types.ts';
import {
  findReplies,
  findStep,
  isFatalError,
  isPacketFrom,
  isSysExit,
  otherRun,
  type Reply,
  type Traced,
} from './find.ts';

const FIVE = ['c1', 'c2', 'c3', 'c4', 'c5'];
/** When each round starts (ms), and the gap between 5, 4, 3, 2, 1 in it. */
const FAR = { at: 500, gap: 1500 };
const BURST = { at: 8000, gap: 50 };
const BUSY = { at: 14100, gap: 50, zoeAt: 14000 };
const LEAVE = { who: 'c2', at: 21000, askAt: 22500, asker: 'c1' };

function says(client: string, round: { at: number; gap: number }, text: string): ScenarioAction {
  const k = 5 - Number(client.slice(1)); // c5 speaks first
  return { at: round.at + k * round.gap, do: 'send', data: text };
}

function script(name: string, i: number): ScenarioAction[] {
  const actions: ScenarioAction[] = [
    { at: i * 50, do: 'connect' },
    says(name, FAR, `I am ${name.slice(1)}`),
    says(name, BURST, `${name.slice(1)} again`),
    says(name, BUSY, `${name.slice(1)} once more`),
  ];
  if (name === LEAVE.who) actions.push({ at: LEAVE.at, do: 'close' });
  if (name === LEAVE.asker) actions.push({ at: LEAVE.askAt, do: 'send', data: 'still there?' });
  return actions;
}

/** What the operator types: one answer per message, then two for the client that left (b''). */
const ANSWERS = Array.from({ length: 18 }, (_, i) => (i < 16 ? 'ok' : 'bye?'));

export function chatScenario(variant: 'pitfall' | 'fixed'): Scenario {
  return {
    format: 'iolab/scenario@1',
    id: `lesson-16-${variant}`,
    title: {
      en: 'The chat room: 5, 4, 3, 2, 1 speak three times, then one client leaves',
      zh: '聊天室：5、4、3、2、1 说了三轮话，然后一个客户端离开',
    },
    seed: 1,
    model: 'select-chat',
    options: { mechanism: 'select', answerDelayMs: 1000, answers: ANSWERS, variant },
    clients: [
      ...FIVE.map((name, i) => ({ name, actions: script(name, i) })),
      {
        name: 'zoe',
        actions: [
          { at: 250, do: 'connect' },
          { at: BUSY.zoeAt, do: 'send', data: 'me first' },
        ],
      },
    ],
    idleConnections: 0,
    untilMs: 25000,
  };
}

export const CHAT = chatScenario('pitfall');

/** The step where the nth message of a client reaches the server (its DATA packet leaves the client). */
const said = (r: Traced, client: string, nth: number): number =>
  findStep(r, isPacketFrom(client, 'DATA'), { nth });

/** Replies between two steps, as client names. */
const order = (replies: Reply[]): string[] => replies.map((x) => x.client);

const cName = (c: string): string => (c.startsWith('c') ? c.slice(1) : c);

/** Answer order of a round: the replies after its first message, until the next round starts. */
export function roundOrder(r: Traced, round: 1 | 2 | 3): string[] {
  const start = round === 3 ? findStep(r, isPacketFrom('zoe', 'DATA')) : said(r, 'c5', round);
  const end =
    round === 1
      ? said(r, 'c5', 2)
      : round === 2
        ? findStep(r, isPacketFrom('zoe', 'DATA'))
        : findStep(r, isPacketFrom(LEAVE.who, 'FIN'));
  return order(findReplies(r, { after: start - 1, before: end }));
}

function clientChoices(): { id: string; label: string; literal: boolean }[] {
  return [...FIVE].reverse().map((c) => ({ id: c, label: c, literal: true }));
}

/** The leave: how many answers went to the client that left, and how the server ended. */
export function leaveOutcome(r: Traced): {
  sends: number;
  error: string;
  errorStep: number;
  askerAnswers: number;
} {
  const fin = findStep(r, isPacketFrom(LEAVE.who, 'FIN'));
  const errI = r.index.trace.findIndex((ev, i) => i >= r.index.stepStart[fin]! && isFatalError(ev, i));
  const err = r.index.trace[errI];
  const sends = r.index.trace
    .slice(r.index.stepStart[fin], errI < 0 ? undefined : errI)
    .filter((ev) => ev.type === 'sys.exit' && ev.name === 'sendto' && ev.ret >= 0).length;
  const after = findReplies(r, { after: fin });
  const asked = findStep(r, isPacketFrom(LEAVE.asker, 'DATA'), { nth: 4 });
  return {
    sends,
    error: err?.type === 'error' ? err.python.split(':')[0]! : 'none',
    errorStep: errI < 0 ? -1 : r.index.stepOfEvent(errI),
    askerAnswers: after.filter((x) => x.client === LEAVE.asker && x.step > asked).length,
  };
}

function outcomeId(r: Traced): string {
  const o = leaveOutcome(r);
  if (o.error === 'none') return 'survives';
  return o.sends >= 1 ? 'second' : 'first';
}

const epollOrder = (): string[] => order(findReplies(otherRun('chat-order-burst-epoll')));
const pollOrder = (): string[] => order(findReplies(otherRun('chat-order-burst-poll')));
const names = (list: string[]): string => list.map(cName).join(', ');

const roundQuestion = (round: 1 | 2 | 3, at: (ctx: LessonContext) => number, skip: number) => ({
  prompt: { key: `lesson.16.r${round}.q` },
  pick: 'one' as const,
  choices: clientChoices,
  answer: (ctx: LessonContext) => [findReplies(ctx.run, { after: at(ctx) })[skip]!.client],
  explain: {
    key: `lesson.16.r${round}.explain`,
    params: (ctx: LessonContext) => ({ order: names(roundOrder(ctx.run, round)) }),
  },
  revealAt: (ctx: LessonContext) => findReplies(ctx.run, { after: at(ctx) })[skip]!.step,
});

const r1At = (ctx: LessonContext) => said(ctx.run, 'c4', 1);
const r2At = (ctx: LessonContext) => said(ctx.run, 'c1', 2);
const r3At = (ctx: LessonContext) => said(ctx.run, 'c1', 3);

const lesson: Lesson = {
  n: 16,
  id: 'chat-room',
  title: { key: 'lesson.16.title' },
  summary: { key: 'lesson.16.summary' },
  scenario: CHAT,
  items: [
    {
      kind: 'slide',
      id: 'room',
      title: { key: 'lesson.16.room.title' },
      body: [
        { key: 'lesson.16.room.b1' },
        { key: 'lesson.16.room.b2', params: () => ({ who: cName(LEAVE.who) }) },
      ],
    },
    {
      kind: 'stop',
      id: 'r1',
      at: r1At,
      title: { key: 'lesson.16.r1.title' },
      body: [{ key: 'lesson.16.r1.b1', params: () => ({ gap: FAR.gap }) }],
      question: roundQuestion(1, r1At, 0),
    },
    {
      kind: 'stop',
      id: 'r2',
      at: r2At,
      title: { key: 'lesson.16.r2.title' },
      body: [{ key: 'lesson.16.r2.b1', params: () => ({ gap: BURST.gap }) }],
      question: roundQuestion(2, r2At, 1),
    },
    {
      kind: 'stop',
      id: 'r3',
      at: r3At,
      title: { key: 'lesson.16.r3.title' },
      body: [{ key: 'lesson.16.r3.b1' }],
      question: roundQuestion(3, r3At, 1),
    },
    {
      kind: 'slide',
      id: 'mechanism',
      title: { key: 'lesson.16.mechanism.title' },
      body: [
        {
          key: 'lesson.16.mechanism.b1',
          params: () => ({
            select: names(order(findReplies(otherRun('chat-order-burst')))),
            poll: names(pollOrder()),
            epoll: names(epollOrder()),
          }),
        },
        { key: 'lesson.16.mechanism.b2' },
      ],
    },
    {
      kind: 'stop',
      id: 'leave',
      at: (ctx) => findStep(ctx.run, isSysExit('recvfrom', { ret: 0 })),
      title: { key: 'lesson.16.leave.title', params: () => ({ who: cName(LEAVE.who) }) },
      body: [{ key: 'lesson.16.leave.b1', params: () => ({ who: cName(LEAVE.who) }) }],
      question: {
        prompt: { key: 'lesson.16.leave.q' },
        pick: 'one',
        choices: () => [
          { id: 'survives', label: 'lesson.16.c.survives' },
          { id: 'first', label: 'lesson.16.c.first' },
          { id: 'second', label: 'lesson.16.c.second' },
        ],
        answer: (ctx) => [outcomeId(ctx.run)],
        explain: {
          key: 'lesson.16.leave.explain',
          params: (ctx) => ({ error: leaveOutcome(ctx.run).error }),
        },
        revealAt: (ctx) => leaveOutcome(ctx.run).errorStep,
      },
    },
    {
      kind: 'stop',
      id: 'dead',
      at: (ctx) => leaveOutcome(ctx.run).errorStep,
      title: { key: 'lesson.16.dead.title' },
      body: [
        {
          key: 'lesson.16.dead.b1',
          params: (ctx) => ({ error: leaveOutcome(ctx.run).error, asker: cName(LEAVE.asker) }),
        },
      ],
    },
    {
      kind: 'slide',
      id: 'fix',
      title: { key: 'lesson.16.fix.title' },
      body: [
        { key: 'lesson.16.fix.b1' },
        {
          key: 'lesson.16.fix.b2',
          params: () => ({
            asker: cName(LEAVE.asker),
            answers: leaveOutcome(otherRun(chatScenario('fixed'))).askerAnswers,
          }),
        },
      ],
    },
  ],
};

export default lesson;
