// Unit tests read every language synchronously: load all message files before any test runs.
import { ensureAllMessages } from './i18n/index.ts';
import { loadSimulation } from './runs/runs.ts';

await ensureAllMessages();
// The page fetches the simulation right after its first paint; tests have it from the start.
await loadSimulation();
