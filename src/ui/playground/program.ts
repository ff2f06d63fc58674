/**
 * The playground's pure part: the scenario a student's program runs in (their program as the
 * server, the clients of a shipped scenario), the starter program (the project's own blocking
 * listing), and the draft kept in this browser (program, clients, CPU budget), checked field by
 * field when it comes back from storage.
 */
import {
  OPTION_SPECS,
  SCENARIO_FORMAT,
  validateScenario,
  type Scenario,
  type ScenarioOptions,
} from '../../scenarios/format.ts';
import { PYTHON_MODEL } from '../../programs/models.ts';
import { LISTINGS } from '../../programs/listings.generated.ts';
import { SCENARIOS, findScenario } from '../../scenarios/index.ts';
import { canonicalJson } from '../../scenarios/link.ts';
import type { DraftStorage } from '../editor/kept.ts';

/** The id of the scenario the playground makes (not a page's name: it may appear in a lab link). */
export const PLAYGROUND_ID = 'my-server';
/** The clients the playground starts with: two clients, one after the other. */
export const DEFAULT_CLIENTS = 'blocking-two-clients';
/** The starter program: the project's own blocking echo server. */
export const STARTER = LISTINGS.blocking;
export const DEFAULT_BUDGET_MS = 100;
export const MAX_BUDGET_MS = 10_000;

/** Shipped scenarios whose clients a program can meet (a student's own programs are not offered). */
export const CLIENT_SETS: readonly Scenario[] = SCENARIOS.filter((s) => s.model !== PYTHON_MODEL);

/** The options of `from` that a program's scenario may keep (cores, latency, the chat operator's answers…). */
function keptOptions(from: Scenario): ScenarioOptions | undefined {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(from.options ?? {})) {
    const spec = OPTION_SPECS[key as keyof typeof OPTION_SPECS];
    if (key === 'recvSize' || key === 'backlog') continue; // the program sets its own
    if (spec && (spec.models === 'all' || spec.models.includes(PYTHON_MODEL))) out[key] = value;
  }
  return Object.keys(out).length ? (out as ScenarioOptions) : undefined;
}

/** The scenario that runs `source` as the server against the clients of `from`. */
export function programScenario(source: string, from: Scenario): Scenario {
  const options = keptOptions(from);
  return {
    format: SCENARIO_FORMAT,
    id: PLAYGROUND_ID,
    title: {
      en: `Your own server, with the clients of “${from.id}”`,
      zh: `自己写的服务器，用“${from.id}”的客户端`,
    },
    seed: from.seed,
    model: PYTHON_MODEL,
    program: { language: 'python', source },
    ...(options ? { options } : {}),
    clients: from.clients,
    ...(from.idleConnections ? { idleConnections: from.idleConnections } : {}),
    ...(from.untilMs !== undefined ? { untilMs: from.untilMs } : {}),
  } as Scenario;
}

/** The shipped client set a program's scenario was made with (by its clients), or the default. */
export function clientSetOf(s: Scenario): string {
  // The very one it was made with (its title names it), else one with the same clients.
  const made = s.program
    ? CLIENT_SETS.find((c) => canonicalJson(programScenario(s.program!.source, c)) === canonicalJson(s))
    : undefined;
  if (made) return made.id;
  const same = CLIENT_SETS.find(
    (c) =>
      JSON.stringify(c.clients) === JSON.stringify(s.clients) &&
      (c.idleConnections ?? 0) === (s.idleConnections ?? 0),
  );
  return same?.id ?? DEFAULT_CLIENTS;
}

export const PLAYGROUND_KEY = 'iolab.playground.draft';

export interface PlaygroundDraft {
  source: string;
  clients: string;
  budgetMs: number;
}

export function asPlaygroundDraft(v: unknown): PlaygroundDraft | null {
  if (typeof v !== 'object' || v === null) return null;
  const d = v as Record<string, unknown>;
  if (
    d.v !== 1 ||
    typeof d.source !== 'string' ||
    typeof d.clients !== 'string' ||
    typeof d.budgetMs !== 'number'
  )
    return null;
  if (!validateScenario(programScenario(d.source, SCENARIOS[0]!)).ok) return null;
  const budgetMs =
    Number.isFinite(d.budgetMs) && d.budgetMs >= 1 && d.budgetMs <= MAX_BUDGET_MS
      ? d.budgetMs
      : DEFAULT_BUDGET_MS;
  return {
    source: d.source,
    clients:
      findScenario(d.clients) && CLIENT_SETS.some((c) => c.id === d.clients) ? d.clients : DEFAULT_CLIENTS,
    budgetMs,
  };
}

export function loadPlaygroundDraft(storage: DraftStorage | null): PlaygroundDraft | null {
  try {
    const text = storage?.getItem(PLAYGROUND_KEY);
    return text ? asPlaygroundDraft(JSON.parse(text)) : null;
  } catch {
    return null;
  }
}

/** Keeps the draft; false when the browser would not (storage off or full). */
export function savePlaygroundDraft(storage: DraftStorage | null, d: PlaygroundDraft): boolean {
  if (!storage) return false;
  try {
    storage.setItem(PLAYGROUND_KEY, JSON.stringify({ v: 1, ...d }));
    return true;
  } catch {
    return false;
  }
}
