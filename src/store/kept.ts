/**
 * Custom scenarios too large for a link (src/scenarios/link.ts `tooBigForLink`) that this browser
 * keeps under their id (IndexedDB: src/ui/share/kept-db.ts), so that a reload of `#/<id>` shows
 * them again. This is the in-memory side the store reads synchronously: the page fills it from
 * IndexedDB before its first render when the address names such an id.
 */
import type { Scenario } from '../scenarios/format.ts';

const KEPT = new Map<string, Scenario>();

export function rememberKept(s: Scenario): void {
  KEPT.set(s.id, s);
}
export function keptScenario(id: string): Scenario | undefined {
  return KEPT.get(id);
}
