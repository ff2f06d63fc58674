/**
 * Every lesson, in course order. Each lives in its own file, src/lessons/lNN-<name>.ts, exporting
 * `default` a Lesson; they are found by glob, so adding one needs no edit here.
 */
import type { Lesson } from './types.ts';

const FILES = import.meta.glob<Lesson>('./l[0-9][0-9]-*.ts', { eager: true, import: 'default' });

export const LESSONS: readonly Lesson[] = Object.values(FILES).sort((a, b) => a.n - b.n);

export function findLesson(idOrNumber: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === idOrNumber || String(l.n) === idOrNumber);
}

/** The message file of lesson n: src/i18n/{en,zh}/pages/lesson-NN.ts. */
export function lessonMessages(n: number): string {
  return `lesson-${String(n).padStart(2, '0')}`;
}
