/**
 * The scenario file format, `iolab/scenario@1`: a public contract (docs/scenario-format.md).
 * One validator serves the CLI and the app's import; it reports every problem at once, each
 * naming its field, and rejects unknown fields by name.
 */
import {
  MODELS,
  PYTHON_MODEL,
  type Model,
  type ResolvedOptions,
  type ScenarioModel,
} from '../programs/models.ts';
import { badCharacter, badCharacterMessage, escapeControls, loneSurrogate } from './text.ts';

export const SCENARIO_FORMAT = 'iolab/scenario@1';
export { MODELS, PYTHON_MODEL };
export type { Model, ResolvedOptions, ScenarioModel };
/** The longest program a scenario may carry, in characters. */
export const PROGRAM_MAX_CHARS = 100_000;
export interface ScenarioProgram {
  language: 'python';
  source: string;
}

export type ActionKind = 'connect' | 'send' | 'close' | 'reset';
export interface ScenarioAction {
  at: number;
  do: ActionKind;
  data?: string;
}
export interface ScenarioClient {
  name: string;
  actions: ScenarioAction[];
}
export interface LocalText {
  en: string;
  zh: string;
}

export interface ScenarioOptions {
  poolSize?: number;
  pollSleepMs?: number;
  recvSize?: number;
  backlog?: number;
  cores?: number;
  fdLimit?: number;
  latencyMs?: number;
  variant?: 'fixed' | 'pitfall';
  trigger?: 'level' | 'edge';
  timeoutMs?: number | null;
  answerDelayMs?: number;
  answers?: string[];
  mechanism?: 'select' | 'poll' | 'epoll';
}

export interface Scenario {
  format: typeof SCENARIO_FORMAT;
  id: string;
  title: LocalText;
  description?: LocalText;
  seed: number;
  model: ScenarioModel;
  /** Only with model "python": the server program itself. */
  program?: ScenarioProgram;
  options?: ScenarioOptions;
  clients: ScenarioClient[];
  idleConnections?: number;
  untilMs?: number;
}

interface OptionSpec {
  default: ResolvedOptions[keyof ResolvedOptions];
  models: readonly ScenarioModel[] | 'all';
  check: (v: unknown) => string | null;
  /** The allowed values, as the editor shows them (what each option means: the comment after it, and docs/scenario-format.md). */
  doc: { range: string };
}

const int =
  (min: number, max: number) =>
  (v: unknown): string | null =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
      ? null
      : `must be a whole number from ${min} to ${max}${show(v)}`;
const num =
  (min: number, max: number, minExclusive = false) =>
  (v: unknown): string | null =>
    typeof v === 'number' && Number.isFinite(v) && (minExclusive ? v > min : v >= min) && v <= max
      ? null
      : `must be a number ${minExclusive ? 'above' : 'from'} ${min}${minExclusive ? ' and at most' : ' to'} ${max}${show(v)}`;
const oneOf =
  (...values: string[]) =>
  (v: unknown): string | null =>
    typeof v === 'string' && values.includes(v)
      ? null
      : `must be one of ${values.map((x) => `"${x}"`).join(', ')}${show(v)}`;

function show(v: unknown): string {
  let text: string;
  // A value nested too deep for JSON.stringify is too deep for String() as well (found by fuzzing).
  try {
    text = JSON.stringify(v) ?? String(v);
  } catch {
    try {
      text = String(v);
    } catch {
      text = Array.isArray(v) ? '[…]' : typeof v;
    }
  }
  text = escapeControls(text); // a value quoted in a message never reorders or drives what shows it
  return ` (got ${text.length > 40 ? `${text.slice(0, 37)}...` : text})`;
}

const MULTIPLEXERS: readonly Model[] = ['select', 'poll', 'epoll', 'selectors', 'select-chat', 'asyncio'];

export const OPTION_SPECS: Record<keyof ResolvedOptions, OptionSpec> = {
  poolSize: { default: 4, models: ['thread-pool'], check: int(1, 256), doc: { range: '1–256' } }, // integer: Worker threads in the pool; connection poolSize + 1 is accepted and waits for a free worker.
  pollSleepMs: { default: 0, models: ['nonblocking'], check: num(0, 10_000), doc: { range: '0–10000' } }, // number (ms): Sleep at the end of each polling round; 0 is a pure busy loop.
  recvSize: { default: 1024, models: 'all', check: int(1, 65_536), doc: { range: '1–65536' } }, // integer (bytes): The n in recv(n): the most bytes one call returns.
  backlog: { default: 5, models: 'all', check: int(0, 4096), doc: { range: '0–4096' } }, // integer: listen(backlog): backlog + 1 handshakes complete with nobody calling accept; later SYNs are dropped and resent after five 1 s waits, then doubling (Linux 6.7+; older kernels double from the first)
  cores: { default: 1, models: 'all', check: int(1, 64), doc: { range: '1–64' } }, // integer: CPU cores of the server machine.
  fdLimit: { default: 1024, models: 'all', check: int(8, 1_048_576), doc: { range: '8–1048576' } }, // integer: RLIMIT_NOFILE (ulimit -n): past it accept fails with OSError [Errno 24].
  latencyMs: { default: 0.02, models: 'all', check: num(0.001, 1000), doc: { range: '0.001–1000' } }, // number (ms): One-way network latency between each client host and the server (loopback-like by default).
  variant: {
    default: 'fixed',
    models: ['nonblocking', 'epoll', 'select-chat'],
    check: oneOf('fixed', 'pitfall'),
    doc: { range: '"fixed" | "pitfall"' },
  }, // string: The version of the server with the classic mistake (where the model has one) or the corrected one.
  trigger: {
    default: 'level',
    models: ['epoll'],
    check: oneOf('level', 'edge'),
    doc: { range: '"level" | "edge"' },
  }, // string: Level-triggered epoll reports a readable fd on every call; edge-triggered (EPOLLET) only when new data or FIN arrives.
  timeoutMs: {
    default: null,
    models: MULTIPLEXERS,
    check: (v) => (v === null ? null : num(0, 3_600_000)(v)),
    doc: { range: '0–3600000' },
  }, // number (ms) or null: Timeout of select, poll or epoll_wait; null waits for ever.
  answerDelayMs: {
    default: 1000,
    models: ['select-chat', PYTHON_MODEL],
    check: num(0, 600_000),
    doc: { range: '0–600000' },
  }, // number (ms): How long the chat-room operator takes to type each answer (input() blocks the whole server meanwhile).
  answers: {
    default: [],
    models: ['select-chat', PYTHON_MODEL],
    check: (v) =>
      Array.isArray(v) &&
      v.length <= 10_000 &&
      v.every((x) => typeof x === 'string' && x.length <= 10_000 && !x.includes('\n'))
        ? null
        : `must be a list of one-line strings${show(v)}`,
    doc: { range: 'one line each' },
  }, // string[]: What the operator types, in order; when the list runs out, the message upper-cased.
  mechanism: {
    default: 'select',
    models: ['select-chat'],
    check: oneOf('select', 'poll', 'epoll'),
    doc: { range: '"select" | "poll" | "epoll"' },
  }, // string: Which readiness API the chat room waits with.
  acceptIn: {
    default: 'main',
    models: ['thread-pool'],
    check: oneOf('main', 'workers'),
    doc: { range: '"main" | "workers"' },
  }, // string: Who calls accept(): the main thread, handing each connection to the pool, or every worker on the shared listening socket (a pre-threaded server: a connection wakes one of them).
};

export const VARIANT_MODELS: Partial<Record<Model, string>> = {
  nonblocking: 'only the listening socket is made non-blocking, so recv() on an accepted socket blocks',
  epoll: 'edge-triggered, but reads once per event: data beyond recvSize is stranded',
  'select-chat': "no b''/error handling: the server dies with BrokenPipeError after a client leaves",
};

export interface Problem {
  path: string;
  message: string;
}
export type Validation = { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] };

const TOP_FIELDS = [
  'format',
  'id',
  'title',
  'description',
  'seed',
  'model',
  'program',
  'options',
  'clients',
  'idleConnections',
  'untilMs',
];
/** Options a Python program sets for itself (its own recv size, its own listen backlog). */
const PROGRAM_SETS = ['recvSize', 'backlog'];
const LIMITS = {
  clients: 20_000,
  actions: 10_000,
  dataBytes: 65_536,
  idle: 1_048_576,
  untilMs: 3_600_000,
  atMs: 3_600_000,
};

/** `parent.key`, or `parent["key"]` for a key that is not a plain name (even an empty one). */
function fieldPath(parent: string, key: string): string {
  const quoted = /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : `[${JSON.stringify(key)}]`;
  if (!parent) return quoted;
  return quoted.startsWith('[') ? `${parent}${quoted}` : `${parent}.${quoted}`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkText(v: unknown, path: string, problems: Problem[]): void {
  if (!isObject(v)) {
    problems.push({ path, message: `must be an object {"en": "...", "zh": "..."}${show(v)}` });
    return;
  }
  for (const key of Object.keys(v))
    if (key !== 'en' && key !== 'zh')
      problems.push({ path: fieldPath(path, key), message: 'is not a known field (expected "en" and "zh")' });
  for (const lang of ['en', 'zh'] as const) {
    const text = v[lang];
    if (typeof text !== 'string' || text.trim() === '' || text.length > 2000) {
      problems.push({
        path: `${path}.${lang}`,
        message: `must be a non-empty string of at most 2000 characters${show(text)}`,
      });
      continue;
    }
    // A title is one line; a description may have line breaks and tabs.
    const bad = badCharacter(text, path === 'title' ? [] : ['\n', '\t']);
    if (bad) problems.push({ path: `${path}.${lang}`, message: badCharacterMessage(bad) });
  }
}

/** Checks a parsed JSON value against the format; never throws. */
export function validateScenario(input: unknown): Validation {
  const problems: Problem[] = [];
  if (!isObject(input))
    return { ok: false, problems: [{ path: '(root)', message: `must be a JSON object${show(input)}` }] };
  for (const key of Object.keys(input))
    if (!TOP_FIELDS.includes(key))
      problems.push({ path: fieldPath('', key), message: 'is not a known field' });
  if (input.format !== SCENARIO_FORMAT)
    problems.push({ path: 'format', message: `must be "${SCENARIO_FORMAT}"${show(input.format)}` });
  const badId = typeof input.id === 'string' ? badCharacter(input.id) : null;
  if (badId) problems.push({ path: 'id', message: badCharacterMessage(badId) });
  else if (typeof input.id !== 'string' || !/^[a-z0-9][a-z0-9-]{0,63}$/.test(input.id))
    problems.push({
      path: 'id',
      message: `must be 1–64 lower-case letters, digits or dashes${show(input.id)}`,
    });
  checkText(input.title, 'title', problems);
  if (input.description !== undefined) checkText(input.description, 'description', problems);
  if (
    typeof input.seed !== 'number' ||
    !Number.isInteger(input.seed) ||
    input.seed < 0 ||
    input.seed > 0xffffffff
  )
    problems.push({
      path: 'seed',
      message: `must be a whole number from 0 to 4294967295${show(input.seed)}`,
    });
  const model = input.model as ScenarioModel;
  const modelOk =
    typeof input.model === 'string' &&
    ((MODELS as readonly string[]).includes(input.model) || input.model === PYTHON_MODEL);
  if (!modelOk)
    problems.push({
      path: 'model',
      message: `must be one of ${[...MODELS, PYTHON_MODEL].join(', ')}${show(input.model)}`,
    });
  checkProgram(input.program, modelOk ? model : null, problems);

  if (input.options !== undefined) {
    if (!isObject(input.options))
      problems.push({ path: 'options', message: `must be an object${show(input.options)}` });
    else {
      for (const [key, value] of Object.entries(input.options)) {
        const spec = Object.hasOwn(OPTION_SPECS, key)
          ? OPTION_SPECS[key as keyof ResolvedOptions]
          : undefined; // not "constructor", "__proto__"… from Object.prototype
        if (!spec) {
          problems.push({ path: fieldPath('options', key), message: 'is not a known option' });
          continue;
        }
        const err = spec.check(value);
        if (err) problems.push({ path: `options.${key}`, message: err });
        else if (model === PYTHON_MODEL && PROGRAM_SETS.includes(key))
          problems.push({ path: `options.${key}`, message: 'is set by the program itself (model python)' });
        else if (modelOk && spec.models !== 'all' && !spec.models.includes(model)) {
          problems.push({
            path: `options.${key}`,
            message: `applies only to ${spec.models.join(', ')} (this scenario's model is ${model})`,
          });
        }
        if (!err && key === 'answers') {
          // What the operator types is sent as UTF-8, like a send's data.
          (value as string[]).forEach((answer, i) => {
            const bad = loneSurrogate(answer);
            if (bad) problems.push({ path: `options.answers[${i}]`, message: badCharacterMessage(bad) });
          });
        }
      }
      const o = input.options;
      if (modelOk && model === 'epoll' && o.variant === 'pitfall' && o.trigger !== 'edge') {
        problems.push({
          path: 'options.variant',
          message: 'the epoll pitfall is an edge-triggered bug: set "trigger": "edge" too',
        });
      }
      if (
        modelOk &&
        model === 'select-chat' &&
        o.variant === 'pitfall' &&
        o.mechanism !== undefined &&
        o.mechanism !== 'select'
      ) {
        problems.push({
          path: 'options.variant',
          message:
            'the chat-room pitfall is the article\'s select() server: use "mechanism": "select" (or leave it out)',
        });
      }
    }
  }

  if (!Array.isArray(input.clients))
    problems.push({ path: 'clients', message: `must be a list (possibly empty)${show(input.clients)}` });
  else {
    if (input.clients.length > LIMITS.clients)
      problems.push({
        path: 'clients',
        message: `has ${input.clients.length} clients; at most ${LIMITS.clients}`,
      });
    const names = new Set<string>();
    input.clients
      .slice(0, LIMITS.clients)
      .forEach((client, i) => checkClient(client, `clients[${i}]`, names, problems));
  }
  if (
    input.idleConnections !== undefined &&
    (typeof input.idleConnections !== 'number' ||
      !Number.isInteger(input.idleConnections) ||
      input.idleConnections < 0 ||
      input.idleConnections > LIMITS.idle)
  ) {
    problems.push({
      path: 'idleConnections',
      message: `must be a whole number from 0 to ${LIMITS.idle}${show(input.idleConnections)}`,
    });
  }
  if (
    input.untilMs !== undefined &&
    (typeof input.untilMs !== 'number' ||
      !Number.isFinite(input.untilMs) ||
      input.untilMs <= 0 ||
      input.untilMs > LIMITS.untilMs)
  ) {
    problems.push({
      path: 'untilMs',
      message: `must be a number above 0 and at most ${LIMITS.untilMs}${show(input.untilMs)}`,
    });
  }
  return problems.length ? { ok: false, problems } : { ok: true, scenario: input as unknown as Scenario };
}

function checkProgram(program: unknown, model: ScenarioModel | null, problems: Problem[]): void {
  if (program === undefined) {
    if (model === PYTHON_MODEL)
      problems.push({
        path: 'program',
        message: 'model python needs the program: {"language": "python", "source": "..."}',
      });
    return;
  }
  if (model !== null && model !== PYTHON_MODEL) {
    problems.push({ path: 'program', message: `applies only to python (this scenario's model is ${model})` });
    return;
  }
  if (!isObject(program)) {
    problems.push({
      path: 'program',
      message: `must be an object {"language": "python", "source": "..."}${show(program)}`,
    });
    return;
  }
  for (const key of Object.keys(program))
    if (key !== 'language' && key !== 'source')
      problems.push({ path: fieldPath('program', key), message: 'is not a known field' });
  if (program.language !== 'python')
    problems.push({ path: 'program.language', message: `must be one of "python"${show(program.language)}` });
  if (typeof program.source !== 'string' || program.source.length > PROGRAM_MAX_CHARS) {
    problems.push({
      path: 'program.source',
      message: `must be the program's text, at most ${PROGRAM_MAX_CHARS} characters${typeof program.source === 'string' ? ` (got ${program.source.length})` : show(program.source)}`,
    });
  }
}

function checkClient(client: unknown, path: string, names: Set<string>, problems: Problem[]): void {
  if (!isObject(client)) {
    problems.push({ path, message: `must be an object {"name": ..., "actions": [...]}${show(client)}` });
    return;
  }
  for (const key of Object.keys(client))
    if (key !== 'name' && key !== 'actions')
      problems.push({ path: fieldPath(path, key), message: 'is not a known field' });
  const badName = typeof client.name === 'string' ? badCharacter(client.name) : null;
  if (badName) problems.push({ path: `${path}.name`, message: badCharacterMessage(badName) });
  else if (typeof client.name !== 'string' || !/^[A-Za-z0-9_][A-Za-z0-9_ .-]{0,31}$/.test(client.name))
    problems.push({
      path: `${path}.name`,
      message: `must be 1–32 letters, digits, spaces, dots, dashes or underscores${show(client.name)}`,
    });
  else if (names.has(client.name))
    problems.push({ path: `${path}.name`, message: `"${client.name}" is used by another client` });
  else names.add(client.name);
  if (!Array.isArray(client.actions)) {
    problems.push({ path: `${path}.actions`, message: `must be a list${show(client.actions)}` });
    return;
  }
  if (client.actions.length > LIMITS.actions)
    problems.push({
      path: `${path}.actions`,
      message: `has ${client.actions.length} actions; at most ${LIMITS.actions}`,
    });
  let connected = false;
  let ended = false;
  client.actions.slice(0, LIMITS.actions).forEach((action: unknown, j: number) => {
    const ap = `${path}.actions[${j}]`;
    if (!isObject(action)) {
      problems.push({ path: ap, message: `must be an object {"at": ms, "do": ...}${show(action)}` });
      return;
    }
    for (const key of Object.keys(action))
      if (!['at', 'do', 'data'].includes(key))
        problems.push({ path: fieldPath(ap, key), message: 'is not a known field' });
    if (
      typeof action.at !== 'number' ||
      !Number.isFinite(action.at) ||
      action.at < 0 ||
      action.at > LIMITS.atMs
    )
      problems.push({
        path: `${ap}.at`,
        message: `must be a time in ms from 0 to ${LIMITS.atMs}${show(action.at)}`,
      });
    const kind = action.do;
    if (kind !== 'connect' && kind !== 'send' && kind !== 'close' && kind !== 'reset') {
      problems.push({
        path: `${ap}.do`,
        message: `must be "connect", "send", "close" or "reset"${show(kind)}`,
      });
      return;
    }
    if (kind === 'send') {
      if (typeof action.data !== 'string' || action.data.length === 0)
        problems.push({ path: `${ap}.data`, message: `a send needs non-empty "data"${show(action.data)}` });
      else if (loneSurrogate(action.data))
        problems.push({ path: `${ap}.data`, message: badCharacterMessage(loneSurrogate(action.data)!) });
      else if (new TextEncoder().encode(action.data).length > LIMITS.dataBytes)
        problems.push({ path: `${ap}.data`, message: `is longer than ${LIMITS.dataBytes} bytes` });
    } else if (action.data !== undefined)
      problems.push({ path: `${ap}.data`, message: `only "send" takes data (this action is "${kind}")` });
    if (ended)
      problems.push({
        path: `${ap}.do`,
        message: 'comes after the client already closed or reset its connection',
      });
    else if (kind === 'connect') {
      if (connected) problems.push({ path: `${ap}.do`, message: 'a client connects once' });
      connected = true;
    } else if (!connected)
      problems.push({
        path: `${ap}.do`,
        message: `"${kind}" before "connect": the first action must be a connect`,
      });
    else if (kind === 'close' || kind === 'reset') ended = true;
  });
}

export function resolveOptions(s: Scenario): ResolvedOptions {
  const out = Object.fromEntries(
    Object.entries(OPTION_SPECS).map(([k, spec]) => [k, spec.default]),
  ) as unknown as ResolvedOptions;
  return { ...out, ...(s.options ?? {}) } as ResolvedOptions;
}

/** When the run stops: untilMs, or 1000 ms after the last action (1000 ms with no clients). */
export function defaultUntilMs(s: Scenario): number {
  if (s.untilMs !== undefined) return s.untilMs;
  const last = s.clients.flatMap((c) => c.actions.map((a) => a.at)).reduce((a, b) => Math.max(a, b), 0);
  if (s.model !== 'select-chat') return last + 1000;
  // The chat room's operator answers one message at a time: leave room for every answer asked for.
  const messages = s.clients.reduce((n, c) => n + c.actions.filter((a) => a.do === 'send').length, 0);
  const answerDelayMs = s.options?.answerDelayMs ?? (OPTION_SPECS.answerDelayMs.default as number);
  return last + messages * answerDelayMs + 1000;
}

/** Parses JSON text and validates it; a syntax error is reported as a problem, not thrown. */
export function parseScenario(text: string): Validation {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return {
      ok: false,
      problems: [{ path: '(json)', message: `is not valid JSON: ${(err as Error).message}` }],
    };
  }
  return validateScenario(value);
}

export function formatProblems(problems: Problem[]): string {
  return problems.map((p) => `  ${p.path}: ${p.message}`).join('\n');
}
