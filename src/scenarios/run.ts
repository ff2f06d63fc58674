import { Kernel, type ClientScript, type MachineConfig, type RunResult } from '../kernel/kernel.ts';
import { LINUX_CPYTHON_COSTS, type CostModel } from '../kernel/costs.ts';
import { encodeUtf8, upperBytes } from '../kernel/bytes.ts';
import { MS } from '../kernel/types.ts';
import { defaultUntilMs, resolveOptions, type ResolvedOptions, type Scenario } from './format.ts';
import { listingConstants, serverModel } from '../programs/index.ts';
import type { ListingName } from '../programs/listings.generated.ts';

export const SERVER_PORT = 8080;
/** A runaway run (a busy loop left for minutes) stops here with a clear message. */
export const DEFAULT_MAX_EVENTS = 5_000_000;

export interface RunOptions {
  seed?: number;
  keepTrace?: boolean;
  maxEvents?: number;
  costs?: CostModel;
}

export interface ScenarioRun extends RunResult {
  scenario: Scenario;
  options: ResolvedOptions;
  listing: ListingName;
  constants: Record<string, string>;
  seed: number;
}

/** Milliseconds (decimals allowed) to integer nanoseconds. */
export const msToNs = (ms: number): number => Math.round(ms * MS);

export function clientScripts(s: Scenario): ClientScript[] {
  // Idle connections come first: they connect at time 0, before any scripted client at 0.
  const idle: ClientScript[] = [];
  for (let i = 1; i <= (s.idleConnections ?? 0); i++) idle.push({ name: `idle${i}`, actions: [{ atNs: 0, do: 'connect' }] });
  const scripts: ClientScript[] = s.clients.map((c) => ({
    name: c.name,
    actions: c.actions.map((a) => (a.data !== undefined ? { atNs: msToNs(a.at), do: a.do, data: encodeUtf8(a.data) } : { atNs: msToNs(a.at), do: a.do })),
  }));
  return [...idle, ...scripts];
}

export function machineConfig(s: Scenario, o: ResolvedOptions, run: RunOptions = {}): MachineConfig {
  const config: MachineConfig = {
    seed: run.seed ?? s.seed,
    cores: o.cores,
    fdLimit: o.fdLimit,
    latencyNs: msToNs(o.latencyMs),
    costs: run.costs ?? LINUX_CPYTHON_COSTS,
    clients: clientScripts(s),
    untilNs: msToNs(defaultUntilMs(s)),
    maxEvents: run.maxEvents ?? DEFAULT_MAX_EVENTS,
    keepTrace: run.keepTrace ?? true,
    serverPort: SERVER_PORT,
  };
  if (s.model === 'select-chat') {
    const answers = o.answers;
    config.stdin = {
      answerDelayNs: msToNs(o.answerDelayMs),
      // The operator types the next scripted answer, or else the client's message upper-cased.
      answer: (prompt, index) => answers[index] !== undefined ? encodeUtf8(answers[index]) : upperBytes(quotedMessage(prompt)),
    };
  }
  return config;
}

/** The message inside the chat prompt `client N says 'text'> ` (Python's repr quoting). */
function quotedMessage(prompt: string): string {
  const m = /says (['"])(.*)\1> $/s.exec(prompt);
  return m ? m[2]!.replace(/\\(['"\\])/g, '$1') : '';
}

/** Runs a validated scenario to its end. */
export function runScenario(s: Scenario, run: RunOptions = {}): ScenarioRun {
  const options = resolveOptions(s);
  const model = serverModel(s.model, options);
  const config = machineConfig(s, options, run);
  const kernel = new Kernel(config);
  kernel.spawn('python3', model.program({ options, port: SERVER_PORT }));
  const result = kernel.run();
  return { ...result, scenario: s, options, listing: model.listing, constants: listingConstants(options, SERVER_PORT), seed: config.seed };
}
