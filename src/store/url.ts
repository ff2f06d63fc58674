/**
 * The URL holds what a shared link must reproduce: `#/<scenario id>?seed=N&step=K&lang=en|zh`.
 * Parsing never throws: every bad part becomes a notice and a safe fallback.
 */
import { isLang, type Lang } from '../i18n/core.ts';

export interface Location { scenarioId: string | null; seed: number | null; step: number | null; lang: Lang | null }
export type UrlNotice =
  | { key: 'app.notice.badSeed'; params: { seed: string; fallback: string } }
  | { key: 'app.notice.badLang'; params: { lang: string } }
  | { key: 'app.notice.badUrl'; params: { reason: string } };

const MAX_STEP = 100_000_000;

export function parseHash(hash: string): { location: Location; notices: UrlNotice[] } {
  const notices: UrlNotice[] = [];
  const location: Location = { scenarioId: null, seed: null, step: null, lang: null };
  let text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text.length > 4096) {
    notices.push({ key: 'app.notice.badUrl', params: { reason: 'too long' } });
    return { location, notices };
  }
  if (text.startsWith('/')) text = text.slice(1);
  const [path = '', query = ''] = text.split('?', 2);
  let id = '';
  try { id = decodeURIComponent(path).trim(); } catch { notices.push({ key: 'app.notice.badUrl', params: { reason: 'bad escape' } }); }
  if (id) location.scenarioId = id.slice(0, 200);
  const params = new URLSearchParams(query);
  const seed = params.get('seed');
  if (seed !== null) {
    if (/^\d{1,10}$/.test(seed) && Number(seed) <= 0xffffffff) location.seed = Number(seed);
    else notices.push({ key: 'app.notice.badSeed', params: { seed: seed.slice(0, 40), fallback: 'the scenario\'s seed' } });
  }
  const step = params.get('step');
  if (step !== null) {
    if (/^\d{1,9}$/.test(step) && Number(step) <= MAX_STEP) location.step = Number(step);
    else location.step = 0;
  }
  const lang = params.get('lang');
  if (lang !== null) {
    if (isLang(lang)) location.lang = lang;
    else notices.push({ key: 'app.notice.badLang', params: { lang: lang.slice(0, 20) } });
  }
  return { location, notices };
}

export function formatHash(l: { scenarioId: string; seed: number | null; step: number; lang: Lang }): string {
  const params = new URLSearchParams();
  if (l.seed !== null) params.set('seed', String(l.seed));
  params.set('step', String(l.step));
  params.set('lang', l.lang);
  return `#/${encodeURIComponent(l.scenarioId)}?${params.toString()}`;
}
