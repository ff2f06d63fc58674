/**
 * Both languages. Every visible string lives in a message file (src/i18n/en/*.ts and
 * src/i18n/zh/*.ts, same keys; see index.ts); a test proves no key is missing in either language.
 * Placeholders are `{name}`, filled by `format`.
 */
export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

export type Messages = Record<string, string>;

export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'zh';
}
