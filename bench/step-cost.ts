/**
 * What a step, a step back and a seek cost in the model and the stage's scene alone, without the
 * browser (main-thread CPU of this process, so the machine's other load inflates it less):
 * `node --import tsx bench/step-cost.ts [c10k|longest]`. The view of the step and of the one before
 * (trace-index.ts) plus its scene (scene.ts), p50/p95 in ms, after a seek to 30 % and 60 % of the run.
 */
import { c10kScenario, longestShipped } from './step-frames.ts';
import { runScenario } from '../src/scenarios/run.ts';
import { indexTrace } from '../src/kernel/trace-index.ts';
import { sceneOfStep } from '../src/ui/stage/scene.ts';
import { APP_MAX_EVENTS } from '../src/runs/simulate.ts';

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const sc = process.argv[2] === 'longest' ? longestShipped() : c10kScenario();
const run = runScenario(sc, { seed: sc.seed, keepTrace: true, maxEvents: APP_MAX_EVENTS });
const index = indexTrace(run.trace, run.options.cores);
const q = (xs: number[], p: number): string =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!.toFixed(1);
const frame = (k: number): number => {
  const t = cpuMs();
  sceneOfStep(index, k, run.scenario.model, { view: index.viewAt(k), before: index.viewAt(k - 1) });
  return cpuMs() - t;
};
console.log(`${sc.id}: ${run.trace.length} events, ${index.steps} steps`);
index.viewAt(index.steps - 1); // every checkpoint built, as after a first walk to the end
for (const frac of [0.3, 0.6]) {
  const k0 = Math.floor(index.steps * frac);
  const seek0 = frame(k0);
  const fwd: number[] = [];
  for (let k = k0 + 1; k < k0 + 40; k++) fwd.push(frame(k));
  const back: number[] = [];
  for (let k = k0 + 100; k > k0 + 60; k--) back.push(frame(k));
  const seek: number[] = [];
  for (let i = 1; i <= 12; i++) seek.push(frame(Math.floor(index.steps * ((i * 0.37) % 1))));
  console.log(
    `at ${frac * 100}%: first frame after a seek ${seek0.toFixed(1)} | step p50 ${q(fwd, 0.5)} p95 ${q(fwd, 0.95)} | step back p50 ${q(back, 0.5)} p95 ${q(back, 0.95)} | seek p50 ${q(seek, 0.5)} p95 ${q(seek, 0.95)} (ms CPU)`,
  );
}
