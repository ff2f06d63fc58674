import { describe, expect, it } from 'vitest';
import { defaultUntilMs, parseScenario, resolveOptions, validateScenario, type Scenario } from './format.ts';

const base: Scenario = {
  format: 'iolab/scenario@1',
  id: 'ok',
  title: { en: 'Ok', zh: '好' },
  seed: 1,
  model: 'select',
  options: {},
  clients: [
    {
      name: 'ann',
      actions: [
        { at: 0, do: 'connect' },
        { at: 5.5, do: 'send', data: 'abc' },
        { at: 50, do: 'close' },
      ],
    },
  ],
};
const problemsOf = (value: unknown) => {
  const v = validateScenario(value);
  return v.ok ? [] : v.problems.map((p) => `${p.path}: ${p.message}`);
};

describe('the scenario format', () => {
  it('accepts a well-formed file and fills in the defaults', () => {
    expect(problemsOf(base)).toEqual([]);
    const o = resolveOptions(base);
    expect(o).toMatchObject({
      recvSize: 1024,
      backlog: 5,
      cores: 1,
      fdLimit: 1024,
      variant: 'fixed',
      trigger: 'level',
      timeoutMs: null,
      mechanism: 'select',
    });
    expect(defaultUntilMs(base)).toBe(1050);
    expect(defaultUntilMs({ ...base, clients: [] })).toBe(1000);
  });

  it('reports every problem at once, each naming its field', () => {
    const bad = {
      ...base,
      format: 'iolab/scenario@2',
      seed: -1,
      model: 'kqueue',
      extra: true,
      options: { recvSize: -4, colour: 'red' },
    };
    const problems = problemsOf(bad);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^format: must be "iolab\/scenario@1"/),
        expect.stringMatching(/^seed: /),
        expect.stringMatching(/^model: must be one of blocking/),
        'extra: is not a known field',
        expect.stringMatching(/^options\.recvSize: must be a whole number from 1 to 65536 \(got -4\)/),
        'options.colour: is not a known option',
      ]),
    );
  });

  it('rejects options that do not apply to the model, and pitfalls that do not exist', () => {
    expect(problemsOf({ ...base, options: { poolSize: 3 } })).toEqual([
      "options.poolSize: applies only to thread-pool (this scenario's model is select)",
    ]);
    expect(problemsOf({ ...base, model: 'epoll', options: { variant: 'pitfall' } })[0]).toMatch(
      /edge-triggered bug/,
    );
    expect(problemsOf({ ...base, model: 'blocking', options: { variant: 'pitfall' } })[0]).toMatch(
      /applies only to nonblocking, epoll, select-chat/,
    );
  });

  it('checks the client scripts: connect first, data only on send, nothing after close', () => {
    const clients = [
      { name: 'ann', actions: [{ at: 0, do: 'send', data: 'x' }] },
      {
        name: 'ann',
        actions: [
          { at: 0, do: 'connect', data: 'x' },
          { at: 1, do: 'close' },
          { at: 2, do: 'send', data: 'late' },
        ],
      },
      {
        name: 'cat',
        actions: [
          { at: -1, do: 'connect' },
          { at: 1, do: 'send' },
          { at: 2, do: 'jump' },
        ],
      },
    ];
    expect(problemsOf({ ...base, clients })).toEqual([
      'clients[0].actions[0].do: "send" before "connect": the first action must be a connect',
      'clients[1].name: "ann" is used by another client',
      'clients[1].actions[0].data: only "send" takes data (this action is "connect")',
      'clients[1].actions[2].do: comes after the client already closed or reset its connection',
      'clients[2].actions[0].at: must be a time in ms from 0 to 3600000 (got -1)',
      'clients[2].actions[1].data: a send needs non-empty "data" (got undefined)',
      'clients[2].actions[2].do: must be "connect", "send", "close" or "reset" (got "jump")',
    ]);
  });

  it('takes a Python program with model python, and only there', () => {
    const python = {
      ...base,
      model: 'python',
      options: { cores: 2, answers: ['ok'] },
      program: { language: 'python', source: 'import socket\n' },
    };
    expect(problemsOf(python)).toEqual([]);
    expect(problemsOf({ ...python, program: undefined })).toEqual([
      'program: model python needs the program: {"language": "python", "source": "..."}',
    ]);
    expect(problemsOf({ ...base, program: python.program })).toEqual([
      "program: applies only to python (this scenario's model is select)",
    ]);
    expect(problemsOf({ ...python, program: { language: 'ruby', source: 1, extra: 2 } })).toEqual([
      'program.extra: is not a known field',
      'program.language: must be one of "python" (got "ruby")',
      "program.source: must be the program's text, at most 100000 characters (got 1)",
    ]);
    expect(
      problemsOf({ ...python, program: { language: 'python', source: 'x'.repeat(100_001) } })[0],
    ).toMatch(/at most 100000 characters \(got 100001\)/);
    expect(problemsOf({ ...python, options: { recvSize: 10, backlog: 1, poolSize: 2 } })).toEqual([
      'options.recvSize: is set by the program itself (model python)',
      'options.backlog: is set by the program itself (model python)',
      "options.poolSize: applies only to thread-pool (this scenario's model is python)",
    ]);
  });

  it('turns broken JSON into a problem instead of throwing', () => {
    const v = parseScenario('{ "format": "iolab/scenario@1", "model": ');
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.problems[0]!.path).toBe('(json)');
    expect(problemsOf(null)).toEqual(['(root): must be a JSON object (got null)']);
    expect(problemsOf([])[0]).toMatch(/must be a JSON object/);
    expect(problemsOf({ ...base, '': 1, 'a b': 2 })).toEqual([
      '[""]: is not a known field',
      '["a b"]: is not a known field',
    ]);
  });
});

describe('docs/scenario-format.md', () => {
  it('documents every option, model and top-level field', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(new URL('../../docs/scenario-format.md', import.meta.url), 'utf8');
    const { OPTION_SPECS, MODELS, PYTHON_MODEL } = await import('./format.ts');
    expect(doc).toContain(`| \`${PYTHON_MODEL}\` |`);
    expect(doc).toContain('| `program` |');
    for (const name of Object.keys(OPTION_SPECS)) expect(doc, name).toContain(`| \`${name}\` |`);
    for (const model of MODELS) expect(doc, model).toContain(`| \`${model}\` |`);
    for (const field of [
      'format',
      'id',
      'title',
      'description',
      'seed',
      'model',
      'options',
      'clients',
      'idleConnections',
      'untilMs',
    ])
      expect(doc, field).toContain(`| \`${field}\` |`);
  });
});
