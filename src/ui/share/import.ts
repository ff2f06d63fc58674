/**
 * Reading a scenario file the user gives us (picker or drop): the same checks as the CLI
 * (`parseScenario`), every problem with its field. Nothing here touches the store: a refused file
 * changes nothing the user had.
 */
import { parseScenario, type Problem, type Scenario } from '../../scenarios/format.ts';

export const MAX_FILE_MB = 8;
/**
 * The step-through view draws every socket and client at every step: measured in Chromium on the
 * development machine, 300 connections step in ~0.4 s, 1,000 in ~2 s, 10,000 freeze the page for
 * 10–30 s. Past this many it refuses, says why, and points to the command line.
 */
export const MAX_DRAWN_CONNECTIONS = 300;

export type FileResult =
  | { ok: true; scenario: Scenario; file: string }
  | { ok: false; file: string; problems: (Problem & { key?: string; params?: Record<string, string | number> })[] };

export async function readScenarioFile(file: File): Promise<FileResult> {
  const name = file.name.slice(0, 120);
  if (file.size > MAX_FILE_MB * 1024 * 1024) {
    return { ok: false, file: name, problems: [{ path: '(file)', message: '', key: 'share.tooBig', params: { size: (file.size / 1048576).toFixed(1), max: MAX_FILE_MB } }] };
  }
  if (!/\.json$/i.test(file.name) && file.type !== 'application/json') {
    return { ok: false, file: name, problems: [{ path: '(file)', message: '', key: 'share.notJson' }] };
  }
  let text: string;
  try {
    text = await file.text();
  } catch (err) {
    return { ok: false, file: name, problems: [{ path: '(file)', message: '', key: 'share.readFailed', params: { message: (err as Error).message } }] };
  }
  const v = parseScenario(text);
  if (!v.ok) return { ok: false, file: name, problems: v.problems };
  const connections = v.scenario.clients.length + (v.scenario.idleConnections ?? 0);
  if (connections > MAX_DRAWN_CONNECTIONS) {
    const path = v.scenario.clients.length > MAX_DRAWN_CONNECTIONS ? 'clients' : 'idleConnections';
    return { ok: false, file: name, problems: [{ path, message: '', key: 'share.tooLarge', params: { n: connections, max: MAX_DRAWN_CONNECTIONS, file: name } }] };
  }
  return { ok: true, scenario: v.scenario, file: name };
}
