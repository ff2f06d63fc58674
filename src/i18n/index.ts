import { format, type Lang, type MessageModule, type Messages } from './core.ts';
import { app } from './messages/app.ts';
import { controls } from './messages/controls.ts';
import { stage } from './messages/stage.ts';
import { panels } from './messages/panels.ts';
import { narration } from './messages/narration.ts';
import { scenarios } from './messages/scenarios.ts';

/** Every message module; each concern owns one (a test checks both languages have every key). */
export const MODULES: Record<string, MessageModule> = { app, controls, stage, panels, narration, scenarios };

const merged: Record<Lang, Messages> = { en: {}, zh: {} };
for (const mod of Object.values(MODULES)) {
  Object.assign(merged.en, mod.en);
  Object.assign(merged.zh, mod.zh);
}

/** The translated string for key (the key itself if it is missing, so a gap is visible, not blank). */
export function translate(lang: Lang, key: string, params?: Record<string, string | number>): string {
  const template = merged[lang][key] ?? merged.en[key] ?? key;
  return format(template, params);
}

export function hasKey(key: string): boolean {
  return key in merged.en;
}

export { format, type Lang } from './core.ts';
