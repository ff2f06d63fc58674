import { describe, expect, it } from 'vitest';
import { LESSONS } from './index.ts';
import { itemContext } from './context.ts';
import { format, type Messages } from '../i18n/core.ts';

const FILES = import.meta.glob<Messages>('../i18n/{en,zh}/pages/lesson*.ts', {
  eager: true,
  import: 'default',
});
const words = (lang: 'en' | 'zh'): Messages =>
  Object.assign({}, ...Object.entries(FILES).flatMap(([p, m]) => (p.includes(`/${lang}/`) ? [m] : [])));

describe('fds in the lessons’ question choices', () => {
  it('are named the same way in every lesson, as the stage does, in the page’s language', () => {
    const en = words('en');
    const zh = words('zh');
    const seen: string[] = [];
    for (const lesson of LESSONS)
      for (const item of lesson.items) {
        if (item.kind !== 'stop' || !item.question) continue;
        for (const c of item.question.choices(itemContext(lesson, item))) {
          if (c.literal) {
            // A literal is never an fd worded in one language ("fd 3 (listen)").
            expect(c.label, `${lesson.id}/${item.id}`).not.toMatch(/^fd \d+\s*[(（]/);
            continue;
          }
          if (!/^lesson\.\d\d\.fd\./.test(c.label)) continue;
          const e = format(en[c.label]!, c.params);
          const z = format(zh[c.label]!, c.params);
          seen.push(z);
          expect(e).toMatch(/^fd \d+( \((the listening socket|[\w-]+)\))?$/);
          expect(z).toMatch(/^fd \d+(（(监听套接字|[\w-]+)）)?$/);
        }
      }
    // The select and the poll lessons both ask about fds, the listening socket among them.
    expect(seen).toEqual(expect.arrayContaining(['fd 3（监听套接字）']));
    expect(seen.filter((s) => s.startsWith('fd 3（')).length).toBeGreaterThanOrEqual(2);
  });
});
