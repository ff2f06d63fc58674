/**
 * Lessons 9–17: every stop lands on a real step, every answer is among its choices and is what
 * the lesson's words claim, every key exists in both languages and every placeholder is filled.
 */
import { describe, expect, it } from 'vitest';
import { LESSONS } from './index.ts';
import type { Lesson, LessonContext, Words } from './types.ts';
import { findScenario } from '../scenarios/index.ts';
import { validateScenario } from '../scenarios/format.ts';
import { getRun } from '../runs/runs.ts';
import { format, type Messages } from '../i18n/core.ts';
import { findReplies, otherRun } from './find.ts';
import { CHAT, chatScenario, leaveOutcome, roundOrder } from './l16-chat-room.ts';
import { LEVEL_TWIN, nextReport, partialRead } from './l10-epoll.ts';
import { firstMessage, POLLING, wasted } from './l15-polling-vs-select.ts';
import { phaseTable } from './phases.ts';

const EN = import.meta.glob<Messages>('../i18n/en/pages/lesson-*.ts', { eager: true, import: 'default' });
const ZH = import.meta.glob<Messages>('../i18n/zh/pages/lesson-*.ts', { eager: true, import: 'default' });
const messages = (all: Record<string, Messages>, n: number): Messages =>
  all[`../i18n/${all === EN ? 'en' : 'zh'}/pages/lesson-${String(n).padStart(2, '0')}.ts`] ?? {};

const MINE = LESSONS.filter((l) => l.n >= 9 && l.n <= 17);

function contextOf(lesson: Lesson): LessonContext {
  const s = typeof lesson.scenario === 'string' ? findScenario(lesson.scenario)! : lesson.scenario;
  const run = getRun(s, lesson.seed ?? s.seed);
  return { run, viewAt: (k) => run.index.viewAt(k) };
}

/** Every Words of a lesson, with the key of every non-literal choice label and link. */
function allWords(lesson: Lesson, ctx: LessonContext): Words[] {
  const out: Words[] = [lesson.title, lesson.summary];
  for (const item of lesson.items) {
    out.push(item.title, ...item.body);
    if (item.kind === 'stop' && item.question) {
      const q = item.question;
      out.push(
        q.prompt,
        q.explain,
        ...q
          .choices(ctx)
          .filter((c) => !c.literal)
          .map((c) => ({ key: c.label, params: () => c.params ?? {} })),
      );
    }
  }
  for (const link of lesson.links ?? []) out.push({ key: link.label });
  return out;
}

const answerOf = (lesson: Lesson, id: string): string[] => {
  const item = lesson.items.find((i) => i.id === id);
  if (item?.kind !== 'stop' || !item.question) throw new Error(`no question ${id}`);
  return item.question.answer(contextOf(lesson));
};
const lessonN = (n: number): Lesson => MINE.find((l) => l.n === n)!;

describe('lessons 9-17', () => {
  it('are all there, in order, with unique ids', () => {
    expect(MINE.map((l) => l.n)).toEqual([9, 10, 11, 12, 13, 14, 15, 16, 17]);
    expect(new Set(MINE.map((l) => l.id)).size).toBe(9);
  });

  for (const lesson of MINE) {
    describe(`lesson ${lesson.n} (${lesson.id})`, () => {
      const ctx = contextOf(lesson);

      it('has 4-8 items and a built scenario that validates', () => {
        expect(lesson.items.length).toBeGreaterThanOrEqual(4);
        expect(lesson.items.length).toBeLessThanOrEqual(8);
        if (typeof lesson.scenario !== 'string') expect(validateScenario(lesson.scenario).ok).toBe(true);
        else expect(findScenario(lesson.scenario)).toBeDefined();
      });

      it('stops on real steps, in order, and reveals no earlier than it stops nor later than the next stop', () => {
        let last = -1;
        for (const item of lesson.items) {
          if (item.kind !== 'stop') continue;
          const at = item.at(ctx);
          expect(at, `${item.id} comes after the answer revealed before it`).toBeGreaterThanOrEqual(last);
          expect(Number.isInteger(at), item.id).toBe(true);
          expect(at, item.id).toBeGreaterThanOrEqual(0);
          expect(at, item.id).toBeLessThan(ctx.run.index.steps);
          expect(at, `${item.id} comes after the stop before it`).toBeGreaterThanOrEqual(last);
          last = at;
          const reveal = item.question?.revealAt?.(ctx);
          if (reveal !== undefined) {
            expect(reveal, item.id).toBeGreaterThanOrEqual(at);
            expect(reveal, item.id).toBeLessThan(ctx.run.index.steps);
            last = reveal;
          }
        }
      });

      it('asks at least one question, answered among its choices', () => {
        const questions = lesson.items.flatMap((i) => (i.kind === 'stop' && i.question ? [i.question] : []));
        expect(questions.length).toBeGreaterThan(0);
        for (const q of questions) {
          const ids = q.choices(ctx).map((c) => c.id);
          const answer = q.answer(ctx);
          expect(answer.length).toBeGreaterThan(0);
          if (q.pick === 'one') expect(answer).toHaveLength(1);
          for (const a of answer) expect(ids).toContain(a);
          expect(new Set(ids).size).toBe(ids.length);
        }
      });

      it('has every key in both languages, and fills every placeholder', () => {
        const en = messages(EN, lesson.n);
        const zh = messages(ZH, lesson.n);
        expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
        for (const w of allWords(lesson, ctx)) {
          expect(en[w.key], w.key).toBeTypeOf('string');
          expect(zh[w.key], w.key).toBeTypeOf('string');
          expect(w.key.startsWith(`lesson.${String(lesson.n).padStart(2, '0')}.`), w.key).toBe(true);
          const params = w.params?.(ctx) ?? {};
          expect(format(en[w.key]!, params), w.key).not.toMatch(/\{\w+\}/);
          expect(format(zh[w.key]!, params), w.key).not.toMatch(/\{\w+\}/);
        }
      });
    });
  }
});

describe('what the lessons claim', () => {
  it('9: poll reports only ann’s connection among five watched fds', () => {
    const lesson = lessonN(9);
    const ctx = contextOf(lesson);
    const q = lesson.items.find((i) => i.id === 'list');
    if (q?.kind !== 'stop' || !q.question) throw new Error('no question');
    const choices = q.question.choices(ctx);
    expect(choices.length).toBe(5);
    const answer = q.question.answer(ctx);
    expect(answer).toHaveLength(1);
    expect(choices.find((c) => c.id === answer[0])!.params).toMatchObject({ client: 'ann' });
  });

  it('10: edge-triggered strands the leftover bytes until new data; level-triggered reports them again at once', () => {
    expect(answerOf(lessonN(10), 'partial')).toEqual(['no']);
    expect(answerOf(lessonN(10), 'level')).toEqual(['yes']);
    const et = contextOf(lessonN(10)).run;
    expect(partialRead(et).left).toBeGreaterThan(0);
    expect(nextReport(et).newDataFirst).toBe(true);
    expect(nextReport(otherRun(LEVEL_TWIN)).ms).toBeLessThan(1);
  });

  it('11: the loop calls read for a ready connection', () => {
    expect(answerOf(lessonN(11), 'dispatch')).toEqual(['read']);
  });

  it('12: after a SIGIO the program tries every socket', () => {
    expect(answerOf(lessonN(12), 'sigio')).toEqual(['every']);
  });

  it('13: with io_uring the kernel copies, and no recv is made', () => {
    expect(answerOf(lessonN(13), 'copy')).toEqual(['kernel']);
  });

  it('14: asyncio serves every client on one thread', () => {
    expect(answerOf(lessonN(14), 'sleep')).toEqual(['1']);
  });

  it('15: the poller reads late and wastes calls; select is woken by the data', () => {
    const poller = otherRun(POLLING);
    const select = otherRun('select-timeout');
    expect(firstMessage(poller).waitMs).toBeGreaterThan(1);
    expect(firstMessage(select).waitMs).toBeLessThan(1);
    expect(wasted(poller).wasted).toBeGreaterThan(0);
    expect(answerOf(lessonN(15), 'late')).toEqual(['tick']);
  });

  it('16: far apart 5,4,3,2,1; while typing 5 then list order; all while busy list order; epoll by arrival', () => {
    const r = otherRun(CHAT);
    expect(roundOrder(r, 1)).toEqual(['c5', 'c4', 'c3', 'c2', 'c1']);
    expect(roundOrder(r, 2)).toEqual(['c5', 'c1', 'c2', 'c3', 'c4']);
    expect(roundOrder(r, 3)).toEqual(['zoe', 'c1', 'c2', 'c3', 'c4', 'c5']);
    expect(findReplies(otherRun('chat-order-far')).map((x) => x.client)).toEqual([
      'c5',
      'c4',
      'c3',
      'c2',
      'c1',
    ]);
    expect(findReplies(otherRun('chat-order-burst-epoll')).map((x) => x.client)).toEqual([
      'c5',
      'c4',
      'c3',
      'c2',
      'c1',
    ]);
    expect(answerOf(lessonN(16), 'r1')).toEqual(['c4']);
    expect(answerOf(lessonN(16), 'r2')).toEqual(['c1']);
    expect(answerOf(lessonN(16), 'r3')).toEqual(['c1']);
  });

  it('16: the article’s server answers the departed client once, then dies with BrokenPipeError; the fixed one carries on', () => {
    const dead = leaveOutcome(otherRun(CHAT));
    expect(dead.error).toBe('BrokenPipeError');
    expect(dead.sends).toBe(1);
    expect(dead.askerAnswers).toBe(0);
    expect(answerOf(lessonN(16), 'leave')).toEqual(['second']);
    const fixed = leaveOutcome(otherRun(chatScenario('fixed')));
    expect(fixed.error).toBe('none');
    expect(fixed.askerAnswers).toBe(1);
  });

  it('17: only non-blocking never sleeps for data; signal-driven sleeps in pause(), io_uring in io_uring_enter; only io_uring makes no read call', () => {
    expect(answerOf(lessonN(17), 'quiz').sort()).toEqual(['nonblocking']);
    const rows = phaseTable();
    expect(rows.filter((r) => r.copy === 'completion').map((r) => r.id)).toEqual(['async-io']);
    expect(rows.find((r) => r.id === 'blocking')!.wait).toBe('read');
    expect(rows.find((r) => r.id === 'epoll')!.wait).toBe('multiplexer');
    expect(rows.find((r) => r.id === 'signal')!.wait).toBe('pause');
    expect(rows.find((r) => r.id === 'async-io')!.wait).toBe('uring');
    expect(rows.find((r) => r.id === 'signal')!.learn).toBe('signal');
  });
});
