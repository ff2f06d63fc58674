/** Figures the about page states; a test keeps them equal to the repository's (facts.test.ts). */
/** strace recordings in fixtures/strace/ that the fidelity test compares the simulator with. */
export const STRACE_RECORDINGS = 27;
