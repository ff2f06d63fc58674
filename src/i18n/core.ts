/**
 * Both languages. Every visible string lives in a messages module (src/i18n/messages/*.ts), each
 * exporting `{ en, zh }` with the same keys; a test proves no key is missing in either language.
 * Placeholders are `{name}`, filled by `format`.
 */
export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

export type Messages = Record<string, string>;
export interface MessageModule { en: Messages; zh: Messages }

export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'zh';
}
