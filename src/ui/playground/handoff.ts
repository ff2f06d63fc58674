/**
 * A scenario with a student's own program (model python) handed to the playground from elsewhere
 * (a file opened in the lab's file bar): the playground takes it when it opens (or at once, when
 * it is open), loads it into its editor and runs it. In memory only, so a program of any length
 * passes (a link has a limit).
 */
import type { Scenario } from '../../scenarios/format.ts';

let handed: Scenario | null = null;
let receiver: ((s: Scenario) => void) | null = null;

export function handToPlayground(s: Scenario): void {
  if (receiver) receiver(s);
  else handed = s;
}

/** The open playground receives what is handed over (and what was waiting); returns the way to stop. */
export function receiveHanded(fn: (s: Scenario) => void): () => void {
  receiver = fn;
  if (handed) {
    const s = handed;
    handed = null;
    fn(s);
  }
  return () => {
    if (receiver === fn) receiver = null;
  };
}
