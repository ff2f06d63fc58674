/**
 * A lesson names a scenario for the student to open as `[[scenario-id]]` in its text: the page
 * shows a link to that scenario in the lab, titled in the page's language (src/ui/lessons/Words.tsx).
 * Pure.
 */

/** `[[id]]` in a lesson's text; the id is a shipped scenario's (a test checks every one). */
export const SCENARIO_MENTION = /\[\[([a-z0-9][a-z0-9-]*)\]\]/g;

/** The scenario ids a text names, in order. */
export function mentionedScenarios(text: string): string[] {
  return [...text.matchAll(SCENARIO_MENTION)].map((m) => m[1]!);
}

/** The text cut at its mentions: odd indexes are scenario ids, even ones the text between. */
export function splitMentions(text: string): string[] {
  return text.split(new RegExp(SCENARIO_MENTION.source));
}
