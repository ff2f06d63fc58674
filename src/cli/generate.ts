/**
 * Generated scenarios, a deterministic stream from a seed: the golden set's (any timing) and the
 * fidelity tool's (no real-time races: `npm run fidelity`, src/cli/fidelity.ts). Free of the
 * narration and i18n, so that Node runs it as is (tsx).
 */
import { nextInt, seedRng, type RngState } from '../kernel/rng.ts';
import {
  MODELS,
  SCENARIO_FORMAT,
  validateScenario,
  type Model,
  type Scenario,
  type ScenarioClient,
} from '../scenarios/format.ts';

/** How many generated scenarios the golden set holds, and the seed they come from. */
export const GENERATED_COUNT = 300;
export const GENERATED_SEED = 20261207;

/**
 * How generated scenarios are made: `golden` (any timing, for the golden set) or `fidelity`
 * (scenarios whose outcome on real Linux does not hang on real-time races: see fidelityScenario).
 */
export interface GenerateOptions {
  profile?: 'golden' | 'fidelity';
  models?: readonly Model[];
}

/** The models a real CPython can run (async-io's listing imports an imagined `uring` module). */
export const RECORDABLE_MODELS: readonly Model[] = MODELS.filter((m) => m !== 'async-io');

/** A deterministic stream of valid scenarios round-robin over the models (the same for a given seed). */
export function generatedScenarios(
  count = GENERATED_COUNT,
  seed = GENERATED_SEED,
  how: GenerateOptions = {},
): Scenario[] {
  const rng = seedRng(seed);
  const fidelity = how.profile === 'fidelity';
  const models = how.models ?? (fidelity ? RECORDABLE_MODELS : MODELS);
  const out: Scenario[] = [];
  for (let i = 0; out.length < count; i++) {
    const model = models[i % models.length]!;
    const scenario = fidelity
      ? fidelityScenario(rng, model, `gen-${seed}-${out.length}`)
      : generatedScenario(rng, model, out.length);
    if (validateScenario(scenario).ok) out.push(scenario);
  }
  return out;
}

/** The shortest gap between two client actions of a fidelity scenario, in ms (see FIDELITY_RACES). */
export const FIDELITY_GAP_MS = 100;

/** How long the recorder waits at most for the server to catch up (record.py's Settler.LIMIT). */
export const SETTLE_LIMIT_S = 3;

/**
 * The real-time races a fidelity scenario avoids, and why: on real Linux their outcome depends
 * on scheduling (on a loaded machine, by tens of ms), so a recording could not decide whether
 * the simulator is right. The fidelity tool prints this list.
 */
export const FIDELITY_RACES = [
  `one timeline for all clients: each action comes ${FIDELITY_GAP_MS}–${FIDELITY_GAP_MS + 60} ms after the previous action of any client, plus the time the server needs for the previous one (its recv() rounds, the non-blocking server's sleeps, the chat operator's answers), and the recorder starts none before every earlier one is done (record.py --serial): otherwise whether two sends reach one recv() together, or which of two clients select() reports first, is a race`,
  `the server's lag: under strace on a loaded machine the server can fall behind the script by more than that gap, and would then see two actions together that the script put apart; so the recorder (record.py --serial) also waits, before each action and before the stop, until the server has caught up: every server thread asleep (not waiting for the operator) and, for a server that polls, nothing queued on its sockets (record.py's Settler; it gives up after ${SETTLE_LIMIT_S} s and the summary counts that). An action done late shifts the ones after it, so no gap shrinks; a later action only adds timeouts or polling rounds, which the comparison folds. Meanwhile the clients keep reading, and a client drains its replies before it closes: a reply left unread would turn its FIN into a RST`,
  "select/poll/epoll timeouts are 1, 5 or 10 ms (or none), far below that gap, so at least two time out between two actions: how many is timing, and the comparison folds repeats of two or more into one; likewise the non-blocking server's rounds (0, 1 or 5 ms of sleep)",
  'idle connections only where the server has no timeout and does not poll: they connect at time 0, and a 1 ms timeout or a polling round at the start is a race with them',
  'the listen backlog is at least the number of connections, so no SYN is dropped: a dropped SYN is resent after about a second of real time (FINDINGS §2)',
  'at most 100 recv() calls per message (small recv sizes get small messages): a long drain overlaps the next action',
  'the chat room reads at least 16 bytes per recv() and its operator answers within 0–20 ms',
  "no `cores` or `latencyMs` option: the recording runs on this machine's cores over loopback",
] as const;

/** One fidelity scenario: 1–6 clients (and 0–3 idle connections) on one serial timeline. */
function fidelityScenario(rng: RngState, model: Model, id: string): Scenario {
  const pick = <T>(xs: readonly T[]): T => xs[nextInt(rng, xs.length)]!;
  const options: NonNullable<Scenario['options']> = {};
  const chat = model === 'select-chat';
  if (nextInt(rng, 2)) options.recvSize = chat ? pick([16, 64]) : pick([1, 4, 16, 100, 1024, 4096]);
  if (model === 'thread-pool') options.poolSize = pick([1, 2, 3, 4]);
  if (model === 'nonblocking') {
    options.variant = pick(['fixed', 'pitfall'] as const);
    options.pollSleepMs = pick([0, 1, 5]);
  }
  if (model === 'epoll') {
    options.trigger = pick(['level', 'edge'] as const);
    if (options.trigger === 'edge' && nextInt(rng, 2)) options.variant = 'pitfall';
  }
  if (model === 'select' || model === 'poll' || model === 'epoll' || model === 'selectors' || chat)
    options.timeoutMs = pick([null, 1, 5, 10]);
  if (chat) {
    options.mechanism = pick(['select', 'poll', 'epoll'] as const);
    if (options.mechanism === 'select' && nextInt(rng, 3) === 0) options.variant = 'pitfall';
    options.answerDelayMs = pick([0, 10, 20]);
  }
  const polls = model === 'nonblocking' || (options.timeoutMs !== undefined && options.timeoutMs !== null);
  const idle = !polls && nextInt(rng, 4) === 0 ? 1 : 0;
  const count = 1 + nextInt(rng, 6);
  const recvSize = options.recvSize ?? 1024;
  // Each client's script, then one serial timeline over all of them.
  const scripts = Array.from({ length: count }, () => {
    const steps: ScenarioClient['actions'] = [{ at: 0, do: 'connect' }];
    for (let s = nextInt(rng, 4); s > 0; s--)
      steps.push({ at: 0, do: 'send', data: fidelityData(rng, chat, recvSize * 100) });
    const end = pick(['close', 'close', 'reset', 'stay'] as const);
    if (end !== 'stay') steps.push({ at: 0, do: end });
    return steps;
  });
  // What the server spends on one recv() round, in ms (strace slows every call down).
  const round = chat ? 150 + (options.answerDelayMs ?? 0) : 2 + (options.pollSleepMs ?? 0);
  const next = scripts.map(() => 0);
  let at = 20;
  let busy = 0;
  for (let left = scripts.reduce((n, s) => n + s.length, 0); left > 0; left--) {
    const ready = next.flatMap((k, c) => (k < scripts[c]!.length ? [c] : []));
    const c = pick(ready);
    at += FIDELITY_GAP_MS + busy + nextInt(rng, 60);
    const action = scripts[c]![next[c]!++]!;
    action.at = at;
    busy = Math.ceil((action.data?.length ?? 0) / recvSize) * round;
  }
  if (nextInt(rng, 2) || count + idle > 5) options.backlog = count + idle + nextInt(rng, 3);
  const names = ['ann', 'ben', 'cat', 'dan', 'eve', 'fay'];
  return {
    format: SCENARIO_FORMAT,
    id,
    title: { en: `generated ${id}`, zh: `生成的 ${id}` },
    seed: nextInt(rng, 1000),
    model,
    ...(Object.keys(options).length ? { options } : {}),
    clients: scripts.map((actions, c) => ({ name: names[c]!, actions })),
    ...(idle ? { idleConnections: idle } : {}),
    untilMs: at + FIDELITY_GAP_MS + busy + 100,
  };
}

/** A message of one of several sizes up to `max` bytes (ASCII: the chat room prints it in a prompt). */
function fidelityData(rng: RngState, chat: boolean, max: number): string {
  const sizes = (chat ? [1, 2, 5, 12] : [1, 2, 5, 16, 33, 100, 1500, 5000]).filter((n) => n <= max);
  const n = sizes[nextInt(rng, sizes.length)]!;
  const word = ['hello', 'ping', 'x', 'data', 'abc'][nextInt(rng, 5)]!;
  return word.repeat(Math.ceil(n / word.length)).slice(0, n);
}

function generatedScenario(rng: RngState, model: Scenario['model'], n: number): Scenario {
  const pick = <T>(xs: readonly T[]): T => xs[nextInt(rng, xs.length)]!;
  const clients: ScenarioClient[] = [];
  const count = 1 + nextInt(rng, 4);
  for (let c = 0; c < count; c++) {
    let at = nextInt(rng, 40);
    const actions: ScenarioClient['actions'] = [{ at, do: 'connect' }];
    const sends = nextInt(rng, 4);
    for (let s = 0; s < sends; s++) {
      at += 1 + nextInt(rng, 60);
      actions.push({ at, do: 'send', data: pick(['hi', 'hello', 'ping', 'a longer message', 'x', 'bye']) });
    }
    const end = pick(['close', 'close', 'reset', 'stay'] as const);
    if (end !== 'stay') actions.push({ at: at + 1 + nextInt(rng, 80), do: end });
    clients.push({ name: pick(['ann', 'bob', 'cat', 'dan', 'eve']) + String(c), actions });
  }
  const options: NonNullable<Scenario['options']> = {};
  if (nextInt(rng, 2)) options.recvSize = pick([1, 4, 16, 1024]);
  if (nextInt(rng, 3) === 0) options.backlog = pick([0, 1, 2, 5]);
  if (nextInt(rng, 3) === 0) options.cores = pick([1, 2, 4]);
  if (model === 'thread-pool') options.poolSize = pick([1, 2, 4]);
  if (model === 'nonblocking') options.variant = pick(['fixed', 'pitfall'] as const);
  if (model === 'epoll') options.trigger = pick(['level', 'edge'] as const);
  if (model === 'select' || model === 'poll' || model === 'epoll')
    options.timeoutMs = pick([null, 0.5, 5, 50]);
  if (model === 'select-chat') options.mechanism = pick(['select', 'poll', 'epoll'] as const);
  // Busy polling makes millions of events a second: its runs end soon after the last action.
  const lastAt = Math.max(...clients.flatMap((c) => c.actions.map((a) => a.at)));
  return {
    ...(model === 'nonblocking' ? { untilMs: lastAt + 15 } : {}),
    format: SCENARIO_FORMAT,
    id: `gen-${n}`,
    title: { en: `generated ${n}`, zh: `生成 ${n}` },
    seed: nextInt(rng, 1000),
    model,
    ...(Object.keys(options).length ? { options } : {}),
    clients,
    ...(nextInt(rng, 4) === 0 ? { idleConnections: 1 + nextInt(rng, 5) } : {}),
  };
}
