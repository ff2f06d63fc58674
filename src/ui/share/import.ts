/**
 * Reading a scenario file the user gives us (picker or drop): the same decoding and checks as
 * the CLI (`parseScenarioBytes`: UTF-8 with or without BOM, UTF-16 with BOM), every problem with its field. Nothing here touches the store: a refused file
 * changes nothing the user had.
 */
import type { Problem, Scenario, Validation } from '../../scenarios/format.ts';
import { parseScenarioBytes } from '../../scenarios/decode.ts';
import { escapeControls } from '../../scenarios/text.ts';

export const MAX_FILE_MB = 8;
/**
 * The step-through view draws the sockets and clients that matter at each step and counts the
 * rest, so stepping stays quick; opening simulates the run in the page's worker, with progress,
 * under the page's work budget (src/scenarios/budget.ts), which stops a run whose trace would
 * not fit in a tab and says so. Past this many connections (the C10K lab's largest point: an
 * epoll server holds 100,000 idle ones) it refuses, says why, and points to the command line,
 * which takes Linux's own bound (1,048,576, nr_open).
 */
export const MAX_DRAWN_CONNECTIONS = 100_000;

export type FileResult =
  | { ok: true; scenario: Scenario; file: string }
  | {
      ok: false;
      file: string;
      problems: (Problem & { key?: string; params?: Record<string, string | number> })[];
    };

/** A file this small is read here at once (a few ms); a larger one by `parseLarge`. */
export const READ_HERE_BELOW = 64 * 1024;

/**
 * `parseLarge` reads a file of READ_HERE_BELOW bytes or more (ShareBar passes the simulation
 * worker's reader, simulating.ts readInWorker: a big file is not parsed on the page's thread); it
 * is given the bytes to keep.
 */
export async function readScenarioFile(
  file: File,
  parseLarge: (bytes: ArrayBuffer) => Promise<Validation> = async (b) =>
    parseScenarioBytes(new Uint8Array(b)),
): Promise<FileResult> {
  // A file's name is shown in notices: its control and bidi characters as escapes, never acted on.
  const name = escapeControls(file.name.slice(0, 120), []);
  if (file.size > MAX_FILE_MB * 1024 * 1024) {
    return {
      ok: false,
      file: name,
      problems: [
        {
          path: '(file)',
          message: '',
          key: 'share.tooBig',
          params: { size: (file.size / 1048576).toFixed(1), max: MAX_FILE_MB },
        },
      ],
    };
  }
  if (!/\.json$/i.test(file.name) && file.type !== 'application/json') {
    return { ok: false, file: name, problems: [{ path: '(file)', message: '', key: 'share.notJson' }] };
  }
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch (err) {
    return {
      ok: false,
      file: name,
      problems: [
        { path: '(file)', message: '', key: 'share.readFailed', params: { message: (err as Error).message } },
      ],
    };
  }
  let v: Validation;
  try {
    v =
      bytes.byteLength < READ_HERE_BELOW
        ? parseScenarioBytes(new Uint8Array(bytes))
        : await parseLarge(bytes);
  } catch (err) {
    return {
      ok: false,
      file: name,
      problems: [
        { path: '(file)', message: '', key: 'share.readFailed', params: { message: (err as Error).message } },
      ],
    };
  }
  if (!v.ok) return { ok: false, file: name, problems: v.problems };
  // A student's own program (model python) is opened in the playground, which runs it (ShareBar).
  const connections = v.scenario.clients.length + (v.scenario.idleConnections ?? 0);
  if (connections > MAX_DRAWN_CONNECTIONS) {
    const path = v.scenario.clients.length > MAX_DRAWN_CONNECTIONS ? 'clients' : 'idleConnections';
    return {
      ok: false,
      file: name,
      problems: [
        {
          path,
          message: '',
          key: 'share.tooLarge',
          params: { n: connections, max: MAX_DRAWN_CONNECTIONS, file: name },
        },
      ],
    };
  }
  return { ok: true, scenario: v.scenario, file: name };
}
