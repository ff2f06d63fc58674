/**
 * The URL holds what a shared link must reproduce:
 *   `#/<scenario id>?seed=N&step=K`                        the lab, on a shipped scenario
 *   `#/<scenario id>?…&s=1.<base64url JSON>`               the lab, on any other scenario (src/scenarios/link.ts)
 *   `#/<page>[/<arg>]?<page's own params>&step=K`          another page (lessons, hall, ...)
 * plus `embed=1` anywhere for an iframe, and `lang=en|zh` in a link asked for in one language
 * (the address bar never shows it: src/store/lang.ts says which language a visit opens in). `s=` belongs to the lab: a link with it opens the lab even
 * when the scenario's id is a page's name. A page reads and validates its own params; parsing
 * here never throws: every bad part becomes a notice and a safe fallback.
 */
import { isLang, type Lang } from '../i18n/core.ts';
import type { Reason } from '../scenarios/reason.ts';
import type { LinkedPage } from '../lessons/types.ts';

/** Pages other than the lab. A shipped scenario may not take one of these names as its id (a custom one travels with `s=`). */
export const PAGES = [
  'lessons',
  'lesson',
  'hall',
  'compare',
  'scaling',
  'about',
  'glossary',
  'editor',
  'handout',
  'playground',
] as const;
export type PageId = 'lab' | (typeof PAGES)[number];
/** Every page a lesson links to is a page of the router. */
const LESSON_PAGES_ARE_PAGES: readonly PageId[] = [] as LinkedPage[];
void LESSON_PAGES_ARE_PAGES;

export function isPage(value: string): value is (typeof PAGES)[number] {
  return (PAGES as readonly string[]).includes(value);
}

export interface Location {
  page: PageId;
  /** The lesson number, etc.; null when the page has none. */
  arg: string | null;
  scenarioId: string | null;
  seed: number | null;
  step: number | null;
  lang: Lang | null;
  embed: boolean;
  /** Every other query parameter, for the page to read (and validate) itself. */
  params: Record<string, string>;
}
export type UrlNotice =
  | { key: 'app.notice.badSeed'; params: { seed: string } }
  | { key: 'app.notice.badLang'; params: { lang: string } }
  | { key: 'app.notice.badUrl'; params: Record<string, never>; reason: Reason }
  | { key: 'app.notice.badStepParam'; params: { step: string } };

const MAX_STEP = 100_000_000;
/**
 * Long enough for a whole scenario the stage can draw (`s=`, at most MAX_LINK_CHARS = 120 000)
 * with many added client actions; short enough to parse in a few ms (browsers take URLs of
 * 2 MB and more).
 */
export const MAX_HASH = 131_072;
const COMMON = new Set(['seed', 'step', 'lang', 'embed']);

export function emptyLocation(): Location {
  return {
    page: 'lab',
    arg: null,
    scenarioId: null,
    seed: null,
    step: null,
    lang: null,
    embed: false,
    params: {},
  };
}

export function parseHash(hash: string): { location: Location; notices: UrlNotice[] } {
  const notices: UrlNotice[] = [];
  const location = emptyLocation();
  let text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text.length > MAX_HASH) {
    notices.push({ key: 'app.notice.badUrl', params: {}, reason: { key: 'reason.url.tooLong' } });
    return { location, notices };
  }
  if (text.startsWith('/')) text = text.slice(1);
  const q = text.indexOf('?');
  const path = q < 0 ? text : text.slice(0, q);
  const query = q < 0 ? '' : text.slice(q + 1);
  let decoded = '';
  try {
    decoded = decodeURIComponent(path).trim();
  } catch {
    notices.push({ key: 'app.notice.badUrl', params: {}, reason: { key: 'reason.url.badEscape' } });
  }
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(query);
  } catch {
    params = new URLSearchParams();
  }
  const [first = '', ...rest] = decoded.split('/');
  // A scenario carried whole in the link (`s=`) is the lab's, even when its id is a page's name
  // (but for the playground's: a student's program with its clients; and a handout's: the scenario it pictures).
  if (isPage(first) && (!params.has('s') || first === 'playground' || first === 'handout')) {
    location.page = first;
    const arg = rest.join('/').trim();
    if (arg) location.arg = arg.slice(0, 200);
  } else if (decoded) {
    location.scenarioId = decoded.slice(0, 200);
  }
  const seed = params.get('seed');
  if (seed !== null) {
    if (/^\d{1,10}$/.test(seed) && Number(seed) <= 0xffffffff) location.seed = Number(seed);
    else notices.push({ key: 'app.notice.badSeed', params: { seed: seed.slice(0, 40) } });
  }
  const step = params.get('step');
  if (step !== null) {
    if (/^\d{1,9}$/.test(step) && Number(step) <= MAX_STEP) location.step = Number(step);
    else {
      location.step = 0;
      notices.push({ key: 'app.notice.badStepParam', params: { step: step.slice(0, 40) } });
    }
  }
  const lang = params.get('lang');
  if (lang !== null) {
    if (isLang(lang)) location.lang = lang;
    else notices.push({ key: 'app.notice.badLang', params: { lang: lang.slice(0, 20) } });
  }
  const embed = params.get('embed');
  location.embed = embed !== null && embed !== '0' && embed !== 'false';
  for (const [key, value] of params) {
    if (!COMMON.has(key) && Object.keys(location.params).length < 32)
      location.params[key.slice(0, 40)] = value;
  }
  return { location, notices };
}

export interface HashParts {
  page?: PageId;
  arg?: string | null;
  scenarioId: string;
  seed: number | null;
  step: number;
  /** Only in a link asked for "in this language": otherwise a link opens in the reader's language. */
  lang?: Lang | null;
  embed?: boolean;
  params?: Record<string, string>;
  /** The lab's scenario itself when the id is not enough (`s=`, written last: it is long). */
  scenario?: string | null;
}

export function formatHash(l: HashParts): string {
  const params = new URLSearchParams();
  const page = l.page ?? 'lab';
  for (const [key, value] of Object.entries(l.params ?? {})) params.set(key, value);
  if (l.seed !== null) params.set('seed', String(l.seed));
  // A page without a moment to show (the about page, the list of lessons) keeps its link short.
  if (page === 'lab' || l.step > 0) params.set('step', String(l.step));
  if (l.lang) params.set('lang', l.lang);
  if (l.embed) params.set('embed', '1');
  if (page === 'lab' && l.scenario) params.set('s', l.scenario);
  const path =
    page === 'lab'
      ? encodeURIComponent(l.scenarioId)
      : `${page}${l.arg ? `/${encodeURIComponent(l.arg)}` : ''}`;
  return `#/${path}?${params.toString()}`;
}
