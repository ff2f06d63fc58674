import { beforeAll, describe, expect, it } from 'vitest';
import { ensureAllMessages } from '../../i18n/index.ts';
import { translator } from '../hooks.ts';
import { validateScenario } from '../../scenarios/format.ts';
import { blankDraft, scenarioOf, type Draft } from './draft.ts';
import { localProblem } from './problems.ts';

beforeAll(() => ensureAllMessages());

/** Drafts with every mistake the form lets a teacher make. */
const drafts: Draft[] = [
  {
    ...blankDraft(),
    id: 'Bad Id',
    title: { en: '', zh: ' ' },
    description: { en: 'only English', zh: '' },
    seed: '-1',
    untilMs: '0',
    idleConnections: '1.5',
    options: { recvSize: '0', latencyMs: '0', timeoutMs: 'soon', poolSize: '3' },
  },
  { ...blankDraft(), model: 'epoll', options: { variant: 'pitfall' } },
  { ...blankDraft(), model: 'select-chat', options: { variant: 'pitfall', mechanism: 'poll' } },
  {
    ...blankDraft(),
    clients: [
      {
        name: 'a b!',
        actions: [
          { at: '-1', do: 'send', data: '' },
          { at: '5', do: 'connect', data: '' },
          { at: 'x', do: 'connect', data: '' },
        ],
      },
      {
        name: 'c',
        actions: [
          { at: '0', do: 'connect', data: '' },
          { at: '1', do: 'close', data: '' },
          { at: '2', do: 'send', data: 'x'.repeat(70_000) },
        ],
      },
      { name: 'c', actions: [] },
    ],
  },
];

describe("the validator's problems in Chinese", () => {
  it('translates every problem the form can produce, keeping what the teacher typed', () => {
    const zh = translator('zh');
    const messages = drafts.flatMap((d) => {
      const v = validateScenario(scenarioOf(d));
      return v.ok ? [] : v.problems.map((p) => p.message);
    });
    expect(messages.length).toBeGreaterThan(20);
    for (const m of messages) expect(localProblem(zh, m).translated, m).toBe(true);
    expect(localProblem(zh, 'must be a whole number from 1 to 65536 (got 0)').text).toBe(
      '必须是 1 到 65536 之间的整数（现在是 0）',
    );
    expect(localProblem(zh, 'something new').text).toBe('something new');
    const python = {
      format: 'iolab/scenario@1',
      id: 'p',
      title: { en: 'p', zh: 'p' },
      seed: 1,
      model: 'python',
      clients: [],
      options: { recvSize: 4 },
    };
    const pyMessages = [
      python,
      { ...python, options: {}, program: 3 },
      { ...python, options: {}, program: { language: 'python', source: 7 } },
    ].flatMap((x) => {
      const v = validateScenario(x);
      return v.ok ? [] : v.problems.map((p) => p.message);
    });
    expect(pyMessages.length).toBe(4);
    for (const m of pyMessages) expect(localProblem(zh, m).translated, m).toBe(true);
  });

  it('translates the text and file problems (control characters, bidi, surrogates, encodings)', async () => {
    const zh = translator('zh');
    const en = translator('en');
    const { BAD_FILES } = await import('../../scenarios/encodings.fixtures.ts');
    const { parseScenarioBytes, decodeScenarioBytes } = await import('../../scenarios/decode.ts');
    const messages = BAD_FILES.flatMap((f) => {
      const v = parseScenarioBytes(f.bytes);
      return v.ok ? [] : v.problems.map((p) => p.message);
    });
    for (const bytes of [
      [0xff, 0xfe, 0x7b],
      [0xfe, 0xff, 0xd8, 0x00],
      [0x7b, 0x00, 0x7d, 0x00],
    ]) {
      const d = decodeScenarioBytes(new Uint8Array(bytes));
      if (!d.ok) messages.push(d.problem.message);
    }
    messages.push('is not valid JSON: Unexpected token } in JSON at position 3');
    expect(messages).toHaveLength(8);
    for (const m of messages) {
      expect(localProblem(zh, m).translated, m).toBe(true);
      expect(localProblem(en, m).text, m).toBe(m);
    }
    expect(localProblem(zh, messages[3]!).text).toBe(
      '含有双向文字控制符 U+202E（第 2 个字符），它会打乱周围文字的显示顺序；这里只能写普通文字',
    );
  });

  it('says the same as the validator in English', () => {
    const en = translator('en');
    expect(localProblem(en, 'must be a whole number from 1 to 65536 (got 0)').text).toBe(
      'must be a whole number from 1 to 65536 (got 0)',
    );
    expect(localProblem(en, "applies only to thread-pool (this scenario's model is select)").text).toBe(
      "applies only to thread-pool (this scenario's model is select)",
    );
  });
});
