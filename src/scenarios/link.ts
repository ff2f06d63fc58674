/**
 * A whole scenario in a link: `#/<id>?…&s=1.<base64url of the minified JSON>`, so that a scenario
 * made in the editor, opened from a file or a lesson's own survives a reload and can be shared.
 * `1.` is the version of this encoding (the JSON inside carries `iolab/scenario@1` too).
 * Pure and synchronous (no compression: CompressionStream is asynchronous and the URL is read
 * before the first paint); decoding never throws, is bounded by MAX_LINK_CHARS, and checks the
 * result with the same validator as the CLI, so every problem names its field.
 */
import { validateScenario, type Scenario } from './format.ts';
import { problemReason, type Reason } from './reason.ts';
import { findScenario } from './index.ts';

export const LINK_VERSION = 1;
/**
 * The longest `s=` value read. 300 clients, each connecting, sending twice and closing, encode to
 * about 67 000 characters; 120 000 leaves room and still decodes and validates in a few
 * milliseconds. (Idle connections cost a number, not characters: a C10K link is short.)
 */
export const MAX_LINK_CHARS = 120_000;
/** The same bound as a file opened in the lab (src/ui/share/import.ts MAX_DRAWN_CONNECTIONS). */
export const MAX_LINK_CONNECTIONS = 100_000;

export type LinkResult = { ok: true; scenario: Scenario } | { ok: false; reason: Reason };

/** JSON with the keys of every object sorted: equal scenarios give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

/** The `s=` value for a scenario. */
const JSONS = new WeakMap<Scenario, string>();

/** `JSON.stringify(s)`, written once per scenario object (10,000 clients are megabytes of it). */
export function scenarioJson(s: Scenario): string {
  let json = JSONS.get(s);
  if (json === undefined) JSONS.set(s, (json = JSON.stringify(s)));
  return json;
}

/** The UTF-8 length of each scenario's JSON, once known (the link bound asks for it at every step). */
const UTF8 = new WeakMap<Scenario, number>();

/**
 * Tells scenarioJson what `s` writes out to, written elsewhere (the simulation worker, from its
 * copy), and, when known, that text's UTF-8 length (linkUtf8Bytes).
 */
export function rememberScenarioJson(s: Scenario, json: string, utf8Bytes?: number): void {
  JSONS.set(s, json);
  if (utf8Bytes !== undefined) UTF8.set(s, utf8Bytes);
}

/** The UTF-8 length of `scenarioJson(s)`, counted once per scenario object. */
export function linkUtf8Bytes(s: Scenario): number {
  let n = UTF8.get(s);
  if (n === undefined) UTF8.set(s, (n = utf8Length(scenarioJson(s))));
  return n;
}

export function encodeScenario(s: Scenario): string {
  return `${LINK_VERSION}.${toBase64Url(new TextEncoder().encode(scenarioJson(s)))}`;
}

/** The UTF-8 length of `text`, without encoding it. */
function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      n += 4; // a surrogate pair
      i++;
    } else n += 3;
  }
  return n;
}

const clip = (text: string): string => (text.length > 40 ? `${text.slice(0, 37)}...` : text);

/** Reads an `s=` value: the scenario, or a reason that names the problem (field paths from the validator). */
export function decodeScenario(text: string): LinkResult {
  if (text.length > MAX_LINK_CHARS)
    return {
      ok: false,
      reason: { key: 'reason.link.tooLong', params: { n: text.length, max: MAX_LINK_CHARS } },
    };
  const dot = text.indexOf('.');
  const version = dot < 0 ? '' : text.slice(0, dot);
  if (!/^\d{1,4}$/.test(version))
    return {
      ok: false,
      reason: { key: 'reason.link.noVersion', params: { text: clip(text), version: LINK_VERSION } },
    };
  if (Number(version) !== LINK_VERSION) {
    return {
      ok: false,
      reason: { key: 'reason.link.newer', params: { version: Number(version), ours: LINK_VERSION } },
    };
  }
  const bytes = fromBase64Url(text.slice(dot + 1));
  if (!bytes) return { ok: false, reason: { key: 'reason.link.notBase64' } };
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: { key: 'reason.link.notUtf8' } };
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (err) {
    return {
      ok: false,
      reason: { key: 'reason.link.notJson', params: { detail: clip((err as Error).message) } },
    };
  }
  const v = validateScenario(value);
  if (!v.ok) return { ok: false, reason: problemReason(v.problems) };
  // A student's own program (model python) opens in the playground, which runs it (store/lab.ts).
  const connections = v.scenario.clients.length + (v.scenario.idleConnections ?? 0);
  if (connections > MAX_LINK_CONNECTIONS) {
    return {
      ok: false,
      reason: { key: 'reason.link.tooBig', params: { n: connections, max: MAX_LINK_CONNECTIONS } },
    };
  }
  return { ok: true, scenario: v.scenario };
}

/** Why a scenario cannot travel in a link: the reader (decodeScenario) would refuse it. */
export type TooBigForLink =
  { why: 'chars'; n: number; max: number } | { why: 'connections'; n: number; max: number };

/** Null when `s` fits in a link (or needs none: shipped as shipped), else what is over which bound. */
export function tooBigForLink(s: Scenario): TooBigForLink | null {
  const connections = s.clients.length + (s.idleConnections ?? 0);
  if (connections > MAX_LINK_CONNECTIONS)
    return { why: 'connections', n: connections, max: MAX_LINK_CONNECTIONS };
  // The length encodeScenario would give, without encoding (base64 of the UTF-8, unpadded). No
  // shipped scenario comes near the bound, so a long one is never "shipped as shipped".
  const n = `${LINK_VERSION}.`.length + Math.ceil((linkUtf8Bytes(s) * 4) / 3);
  return n > MAX_LINK_CHARS ? { why: 'chars', n, max: MAX_LINK_CHARS } : null;
}

const LINKS = new WeakMap<Scenario, string | null>();

/**
 * What a link needs to carry for `s`: null when it is a shipped scenario exactly as shipped (its id
 * is enough), else its `s=` value. Remembered per scenario object: the URL is written at every step.
 */
export function scenarioLinkParam(s: Scenario): string | null {
  const known = LINKS.get(s);
  if (known !== undefined) return known;
  const shipped = findScenario(s.id);
  const value =
    shipped === s || (shipped !== undefined && canonicalJson(shipped) === canonicalJson(s))
      ? null
      : encodeScenario(s);
  LINKS.set(s, value);
  return value;
}

/**
 * The shipped scenario that `s` has the id of but differs from (a link's `s=` or a file that
 * changed it), or undefined: such a scenario is shown marked as modified, with the way back to the
 * original. Pass the scenario before a student's additions (student.ts `baseOf`).
 */
export function changedShipped(s: Scenario): Scenario | undefined {
  const shipped = findScenario(s.id);
  return shipped !== undefined && scenarioLinkParam(s) !== null ? shipped : undefined;
}
