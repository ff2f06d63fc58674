/**
 * Reading a scenario file in the simulation worker (sim-worker.ts), not on the page's thread:
 * decoding, JSON.parse and the validator take a second for 20,000 clients. The page transfers
 * the file's bytes (ReadJob); the worker answers with the clients in parts and the rest
 * (ReadResult), and keeps the scenario, so the run that follows names it (SimJob `readId`)
 * instead of copying it back.
 */
import type { Problem, Scenario, ScenarioClient } from '../scenarios/format.ts';
import { parseScenarioBytes } from '../scenarios/decode.ts';
import { linkUtf8Bytes, rememberScenarioJson, scenarioJson } from '../scenarios/link.ts';
import type { SimJob } from './runs.ts';

/** A scenario file's bytes (transferred, not copied) for the simulation worker to decode, parse and check. */
export interface ReadJob {
  read: ArrayBuffer;
}

/** Clients per part of a scenario read by the worker: a few ms of the page's time each. */
export const CLIENT_PART = 500;

/**
 * What reading a file in the worker answers: its problems, or the scenario without its clients
 * (they come before, in parts of CLIENT_PART) with its JSON and that JSON's UTF-8 length (the
 * page's link bound asks for it), and the id a SimJob names it by while the worker keeps it.
 */
export type ReadResult =
  | { ok: false; problems: Problem[] }
  | { ok: true; head: Scenario; json: string; utf8Bytes: number; readId: number };

/** The scenarios a worker has read, by readId: the last few (a file is opened, then run). */
export class ReadScenarios {
  private next = 1;
  private readonly kept = new Map<number, Scenario>();
  keep(s: Scenario): number {
    const id = this.next++;
    this.kept.set(id, s);
    while (this.kept.size > 2) this.kept.delete(this.kept.keys().next().value!);
    return id;
  }
  /** The scenario a job names; throws NOT_READ when this worker has not read it (a fresh worker after a cancel). */
  scenarioOf(job: SimJob): Scenario {
    if ('scenario' in job) return job.scenario;
    const s = this.kept.get(job.readId);
    if (!s) throw new Error(NOT_READ);
    return s;
  }
}

/** The failure of a run job whose scenario the worker no longer has: the page posts it whole instead. */
export const NOT_READ = 'not-read';

/** The worker's side of a ReadJob: decodes, parses and checks; sends the clients in parts. */
export function readInParts(
  job: ReadJob,
  read: ReadScenarios,
  send: (part: ScenarioClient[]) => void,
): ReadResult {
  const v = parseScenarioBytes(new Uint8Array(job.read));
  if (!v.ok) return v;
  const s = v.scenario;
  for (let i = 0; i < s.clients.length; i += CLIENT_PART) send(s.clients.slice(i, i + CLIENT_PART));
  const json = scenarioJson(s);
  return {
    ok: true,
    head: { ...s, clients: [] },
    json,
    utf8Bytes: linkUtf8Bytes(s),
    readId: read.keep(s),
  };
}

/** The page's side: the scenario a ReadResult and its parts make, knowing its JSON as the worker wrote it. */
export function assembleRead(made: Extract<ReadResult, { ok: true }>, parts: ScenarioClient[][]): Scenario {
  const s: Scenario = { ...made.head, clients: parts.flat() };
  rememberScenarioJson(s, made.json, made.utf8Bytes);
  return s;
}
