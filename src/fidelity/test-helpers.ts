/** Small builders for tests: a scenario in a line, its run, and what a student would look at. */
import type { Model, Scenario, ScenarioClient, ScenarioOptions } from '../scenarios/format.ts';
import { runScenario, type RunOptions, type ScenarioRun } from '../scenarios/run.ts';
import { decodeUtf8 } from '../kernel/bytes.ts';
import type { TraceEvent } from '../kernel/types.ts';

export function scenario(
  model: Model,
  clients: ScenarioClient[],
  options: ScenarioOptions = {},
  extra: Partial<Scenario> = {},
): Scenario {
  return {
    format: 'iolab/scenario@1',
    id: 'test',
    title: { en: 'test', zh: '测试' },
    seed: 1,
    model,
    options,
    clients,
    ...extra,
  };
}

/** A client that connects at `at` and then sends each message 100 ms apart (optionally closing). */
export function client(
  name: string,
  at: number,
  messages: string[],
  end?: 'close' | 'reset',
  gapMs = 100,
): ScenarioClient {
  const actions: ScenarioClient['actions'] = [{ at, do: 'connect' }];
  messages.forEach((data, i) => actions.push({ at: at + gapMs * (i + 1), do: 'send', data }));
  if (end) actions.push({ at: at + gapMs * (messages.length + 1), do: end });
  return { name, actions };
}

export function run(s: Scenario, opts: RunOptions = {}): ScenarioRun {
  return runScenario(s, opts);
}

export function repliesOf(r: ScenarioRun, name: string): string[] {
  return r.replies.filter((x) => x.client === name).map((x) => decodeUtf8(x.data));
}

export function allReplies(r: ScenarioRun): string[] {
  return r.replies.map((x) => `${x.client}:${decodeUtf8(x.data)}`);
}

export function events<T extends TraceEvent['type']>(
  r: { trace: readonly TraceEvent[] },
  type: T,
): Extract<TraceEvent, { type: T }>[] {
  return r.trace.filter((e): e is Extract<TraceEvent, { type: T }> => e.type === type);
}

export function straceLines(r: { trace: readonly TraceEvent[] }): string[] {
  return events(r, 'sys.exit').map((e) => e.strace);
}
