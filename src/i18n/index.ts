/**
 * The translator. Messages live one file per concern and language:
 *   src/i18n/en/<concern>.ts and src/i18n/zh/<concern>.ts          the core, every page needs them
 *   src/i18n/en/pages/<page>.ts and src/i18n/zh/pages/<page>.ts    one page's own words
 * Each exports `default { key: template }`; a test proves both languages have the same keys.
 * Only the English core ships in the first download: Chinese and each page's messages are
 * fetched when first needed (`ensureMessages`), so a visitor pays for one language. The
 * narration's words (`<lang>/narration.ts`) load like a page's, named 'narration', with the
 * narration's code (src/ui/narration-part.ts): the first picture draws without waiting for them.
 * Files are found by glob: a new concern or page needs no registration here.
 */
import { format, type Lang, type Messages } from './core.ts';

type Loader = () => Promise<Messages>;

const CORE_EN = import.meta.glob<Messages>(['./en/*.ts', '!./en/narration.ts'], {
  eager: true,
  import: 'default',
});
const CORE_ZH = import.meta.glob<Messages>(['./zh/*.ts', '!./zh/narration.ts'], { import: 'default' });
const PAGES: Record<Lang, Record<string, Loader>> = {
  en: import.meta.glob<Messages>(['./en/pages/*.ts', './en/narration.ts'], { import: 'default' }),
  zh: import.meta.glob<Messages>(['./zh/pages/*.ts', './zh/narration.ts'], { import: 'default' }),
};

const merged: Record<Lang, Messages> = { en: {}, zh: {} };
for (const messages of Object.values(CORE_EN)) Object.assign(merged.en, messages);

/** What is loaded: 'zh' for the Chinese core, '<lang>:<page>' for a page's messages. */
const loaded = new Set<string>(['en']);
const pending = new Map<string, Promise<void>>();
let version = 0;
const listeners = new Set<() => void>();

function need(lang: Lang, pages: readonly string[]): string[] {
  return [lang, ...pages.map((p) => `${lang}:${p}`)].filter((k) => !loaded.has(k));
}

/** True when the core of `lang` and the messages of `pages` in `lang` are all loaded. */
export function messagesReady(lang: Lang, pages: readonly string[] = []): boolean {
  return need(lang, pages).length === 0;
}

function load(key: string): Promise<void> {
  const running = pending.get(key);
  if (running) return running;
  const [lang, page] = key.split(':') as [Lang, string | undefined];
  const loaders: Loader[] =
    page === undefined
      ? Object.values(CORE_ZH)
      : Object.entries(PAGES[lang])
          .filter(([path]) => path.endsWith(`/${page}.ts`))
          .map(([, l]) => l);
  const promise = Promise.all(loaders.map((l) => l())).then((all) => {
    for (const messages of all) Object.assign(merged[lang], messages);
    loaded.add(key);
    version += 1;
    for (const fn of listeners) fn();
  });
  pending.set(key, promise);
  // A failed download (offline, first visit) may be retried later.
  promise.catch(() => pending.delete(key));
  return promise;
}

/** Loads the core of `lang` and the messages of `pages` (in that language and in English, the fallback). */
export function ensureMessages(lang: Lang, pages: readonly string[] = []): Promise<void> {
  const keys = [...need(lang, pages), ...(lang === 'en' ? [] : need('en', pages))];
  return Promise.all(keys.map(load)).then(() => undefined);
}

/** Every message of every language and page (tests, the CLI, printing). */
export function ensureAllMessages(): Promise<void> {
  const pages = new Set<string>();
  for (const lang of ['en', 'zh'] as const)
    for (const path of Object.keys(PAGES[lang])) pages.add(path.replace(/^.*\/|\.ts$/g, ''));
  return Promise.all([ensureMessages('en', [...pages]), ensureMessages('zh', [...pages])]).then(
    () => undefined,
  );
}

/** For React's useSyncExternalStore: changes whenever more messages arrive. */
export function messagesVersion(): number {
  return version;
}
export function subscribeMessages(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** The translated string for key (English if the language lacks it, the key itself if both do: a gap is visible, not blank). */
export function translate(lang: Lang, key: string, params?: Record<string, string | number>): string {
  const template = merged[lang][key] ?? merged.en[key] ?? key;
  return format(template, params);
}

export function hasKey(key: string): boolean {
  return key in merged.en;
}

export { format, type Lang } from './core.ts';
