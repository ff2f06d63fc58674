/**
 * Every lesson found by the glob (whoever wrote it): its stops land on real steps of its run,
 * its questions have answers among their choices, computed from the trace, and every word it
 * shows exists in both languages, with every placeholder filled.
 */
import { describe, expect, it } from 'vitest';
import { LESSONS, lessonMessages } from './index.ts';
import { itemContext, itemScenario, paramsOf } from './context.ts';
import type { Lesson, LessonContext, Words } from './types.ts';
import type { Messages } from '../i18n/core.ts';

const PAGES = import.meta.glob<Messages>('../i18n/{en,zh}/pages/*.ts', { eager: true, import: 'default' });
const CORE = import.meta.glob<Messages>('../i18n/{en,zh}/*.ts', { eager: true, import: 'default' });
const FIGURES = Object.keys(
  import.meta.glob(['../ui/lessons/figures/*.tsx', '!../ui/lessons/figures/*.test.tsx']),
).map((p) => p.replace(/^.*\/|\.tsx$/g, ''));

function messages(lang: 'en' | 'zh', file: string): Messages {
  return PAGES[`../i18n/${lang}/pages/${file}.ts`] ?? {};
}
/** Every message a lesson page can show: the core, the framework's, the figures' and the lesson's own. */
function known(lang: 'en' | 'zh', lesson: Lesson): Messages {
  const all: Messages = {};
  for (const [path, m] of Object.entries(CORE)) if (path.includes(`/${lang}/`)) Object.assign(all, m);
  for (const file of ['lessons', 'lesson-figures', lessonMessages(lesson.n)])
    Object.assign(all, messages(lang, file));
  return all;
}

/** Every piece of words a lesson uses, with the context its params read (null on slides and in the list). */
function wordsOf(lesson: Lesson): { words: Words; ctx: LessonContext | null; where: string }[] {
  const out: { words: Words; ctx: LessonContext | null; where: string }[] = [
    { words: lesson.title, ctx: null, where: 'title' },
    { words: lesson.summary, ctx: null, where: 'summary' },
  ];
  for (const item of lesson.items) {
    const ctx = itemContext(lesson, item);
    out.push({ words: item.title, ctx, where: `${item.id}.title` });
    item.body.forEach((w, i) => out.push({ words: w, ctx, where: `${item.id}.body[${i}]` }));
    if (item.kind === 'stop' && item.question && ctx) {
      const q = item.question;
      out.push(
        { words: q.prompt, ctx, where: `${item.id}.prompt` },
        { words: q.explain, ctx, where: `${item.id}.explain` },
      );
      for (const c of q.choices(ctx))
        if (!c.literal)
          out.push({
            words: { key: c.label, params: () => c.params ?? {} },
            ctx,
            where: `${item.id}.choice ${c.id}`,
          });
    }
  }
  for (const link of lesson.links ?? [])
    out.push({ words: { key: link.label }, ctx: null, where: `link ${link.page}` });
  return out;
}

describe('the lessons', () => {
  it('are found, numbered uniquely, with URL-safe unique ids', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(8);
    expect(new Set(LESSONS.map((l) => l.n)).size).toBe(LESSONS.length);
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    for (const l of LESSONS) {
      expect(l.id, `lesson ${l.n}`).toMatch(/^[a-z0-9][a-z0-9-]*$/);
      expect(l.n).toBeGreaterThanOrEqual(1);
    }
  });

  for (const lesson of LESSONS) {
    describe(`lesson ${lesson.n} (${lesson.id})`, () => {
      it('has 4–8 items with unique ids, and at least one question', () => {
        expect(lesson.items.length).toBeGreaterThanOrEqual(4);
        expect(lesson.items.length).toBeLessThanOrEqual(8);
        expect(new Set(lesson.items.map((i) => i.id)).size).toBe(lesson.items.length);
        expect(lesson.items.some((i) => i.kind === 'stop' && i.question)).toBe(true);
      });

      it('runs valid scenarios, and every stop lands on a step of its run', () => {
        itemScenario(lesson);
        for (const item of lesson.items) {
          if (item.kind !== 'stop') continue;
          const ctx = itemContext(lesson, item);
          const step = item.at(ctx);
          expect(Number.isInteger(step), item.id).toBe(true);
          expect(step, item.id).toBeGreaterThanOrEqual(0);
          expect(step, item.id).toBeLessThan(ctx.run.index.steps);
        }
      });

      it('asks questions whose answers, computed from the trace, are among the choices', () => {
        for (const item of lesson.items) {
          if (item.kind !== 'stop' || !item.question) continue;
          const q = item.question;
          const ctx = itemContext(lesson, item);
          const choices = q.choices(ctx);
          const ids = choices.map((c) => c.id);
          expect(choices.length, item.id).toBeGreaterThanOrEqual(2);
          expect(new Set(ids).size, `${item.id}: choice ids unique`).toBe(ids.length);
          const answer = q.answer(ctx);
          expect(answer.length, `${item.id}: an answer`).toBeGreaterThan(0);
          if (q.pick === 'one') expect(answer.length, `${item.id}: one answer`).toBe(1);
          for (const a of answer) expect(ids, `${item.id}: answer ${a} among the choices`).toContain(a);
          // A question worth asking has a wrong choice too.
          expect(
            ids.some((id) => !answer.includes(id)),
            `${item.id}: a wrong choice exists`,
          ).toBe(true);
          if (q.revealAt) {
            const r = q.revealAt(ctx);
            expect(r, item.id).toBeGreaterThanOrEqual(0);
            expect(r, item.id).toBeLessThan(ctx.run.index.steps);
          }
        }
      });

      it('draws only figures that exist', () => {
        for (const item of lesson.items)
          if (item.figure) expect(FIGURES, item.id).toContain(item.figure.name);
      });

      it('says everything in both languages, with every placeholder filled', () => {
        const file = lessonMessages(lesson.n);
        const en = messages('en', file);
        const zh = messages('zh', file);
        expect(Object.keys(en).length, `src/i18n/en/pages/${file}.ts`).toBeGreaterThan(0);
        expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
        const prefix = `lesson.${String(lesson.n).padStart(2, '0')}.`;
        for (const key of Object.keys(en)) expect(key.startsWith(prefix), `${file}: ${key}`).toBe(true);
        for (const lang of ['en', 'zh'] as const) {
          const all = known(lang, lesson);
          for (const { words, ctx, where } of wordsOf(lesson)) {
            const template = all[words.key];
            expect(template, `${lang}: ${words.key} (${where})`).toBeDefined();
            const params = paramsOf(words, ctx);
            const filled = (template ?? '').replace(/\{(\w+)\}/g, (whole, name: string) =>
              name in params ? String(params[name]) : whole,
            );
            expect(filled, `${lang}: ${words.key} (${where}) has an unfilled placeholder`).not.toMatch(
              /\{\w+\}/,
            );
          }
        }
      });
    });
  }
});
