import { describe, expect, it } from 'vitest';
import { SCENARIOS, findScenario } from '../scenarios/index.ts';
import { MODELS } from '../programs/models.ts';
import { mentionedScenarios, splitMentions } from './mentions.ts';

type Messages = Record<string, string>;
const FILES = import.meta.glob<Messages>('../i18n/{en,zh}/pages/lesson-*.ts', {
  eager: true,
  import: 'default',
});
const of = (lang: 'en' | 'zh'): Messages =>
  Object.assign(
    {},
    ...Object.entries(FILES)
      .filter(([path]) => path.includes(`/${lang}/`))
      .map(([, m]) => m),
  );

describe('scenarios named in the lessons', () => {
  const en = of('en');
  const zh = of('zh');

  it('every scenario a lesson names resolves to a shipped scenario, and both languages name the same', () => {
    const named = new Set<string>();
    for (const [key, text] of Object.entries(en)) {
      const ids = mentionedScenarios(text);
      for (const id of ids) {
        expect(findScenario(id), `${key}: [[${id}]]`).toBeDefined();
        named.add(id);
      }
      expect(mentionedScenarios(zh[key] ?? '').sort(), key).toEqual([...ids].sort());
    }
    // The lessons send students to the chat-room runs and the fixed edge-triggered server.
    expect([...named]).toEqual(
      expect.arrayContaining(['epoll-edge', 'chat-order-burst-poll', 'chat-order-far', 'select-chat']),
    );
  });

  it('names a scenario only as a link: no bare scenario id in lesson text', () => {
    // Ids with a hyphen are never ordinary words ("select" or "poll" alone are), but for the
    // models' names ("the thread-per-connection server").
    const models: readonly string[] = MODELS;
    const ids = SCENARIOS.map((s) => s.id).filter((id) => id.includes('-') && !models.includes(id));
    for (const [lang, messages] of [
      ['en', en],
      ['zh', zh],
    ] as const)
      for (const [key, text] of Object.entries(messages)) {
        const outside = splitMentions(text)
          .filter((_, i) => i % 2 === 0)
          .join(' ')
          .replace(/`[^`]*`/g, '');
        for (const id of ids)
          expect(new RegExp(`(^|[^a-z-])${id}($|[^a-z-])`).test(outside), `${lang} ${key}: ${id}`).toBe(
            false,
          );
      }
  });

  it('splits a text at its mentions', () => {
    expect(splitMentions('open [[select-chat]] or [[epoll-edge]].')).toEqual([
      'open ',
      'select-chat',
      ' or ',
      'epoll-edge',
      '.',
    ]);
  });
});
