/**
 * Precomputes the C10K lab's default sweep (every model, 1 to 10,000 connections, the default
 * idle share and rate) into src/scaling/default-sweep.generated.json, so the page draws at once;
 * other settings are recomputed in the browser, in a worker. A test re-runs a few points and
 * checks that the file is fresh. Run: `npm run generate:scaling` (about a minute).
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  DEFAULT_CONNECTIONS,
  DEFAULT_PARAMS,
  roundPoint,
  SCALING_MODELS,
  sweep,
  type Point,
} from '../src/scaling/sweep.ts';

const points: Point[] = [];
const t0 = performance.now();
for (const point of sweep(SCALING_MODELS, DEFAULT_PARAMS, DEFAULT_CONNECTIONS)) {
  points.push(roundPoint(point));
  process.stdout.write(
    `${point.model} ${point.connections}${point.ok ? '' : ` stops: ${point.stop.kind}`}\n`,
  );
}
const out = { params: DEFAULT_PARAMS, connections: DEFAULT_CONNECTIONS, models: SCALING_MODELS, points };
writeFileSync(
  new URL('../src/scaling/default-sweep.generated.json', import.meta.url),
  `${JSON.stringify(out)}\n`,
);
console.log(
  `${points.length} points in ${Math.round(performance.now() - t0)} ms: wrote src/scaling/default-sweep.generated.json`,
);
