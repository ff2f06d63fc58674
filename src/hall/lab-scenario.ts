/**
 * The way from a hall's class back to the lab (src/ui/lab-link.ts), apart from hall.ts: the lab's
 * title link needs these few lines in the first download, not the hall's model.
 */
import type { Mechanism } from './hall.ts';

/** The shipped lab scenario that steps through each mechanism's server with a few clients. */
export const LAB_SCENARIO: Record<Mechanism, string> = { select: 'select', epoll: 'epoll-level' };

/** The shipped lab scenario of a hall's class (its id says its mechanism), or null for any other scenario. */
export function labScenarioOfHall(id: string): string | null {
  const m = /^hall-(select|epoll)-/.exec(id);
  return m ? LAB_SCENARIO[m[1] as Mechanism] : null;
}
