/**
 * The page's first picture draws from runs made when the site was built (a Vite module:
 * tools/build/precomputed-runs.ts), not from the simulation, which comes right after the first
 * paint (runs.ts loadSimulation). Imported by the page's entry (src/main.tsx) before the store.
 */
import PRECOMPUTED from 'virtual:iolab/precomputed-runs';
import { keepPrecomputed, type PrecomputedRun } from './runs.ts';

keepPrecomputed(PRECOMPUTED as PrecomputedRun[]);
