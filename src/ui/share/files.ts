/**
 * What the lab can hand out as files: the scenario (its JSON, as the CLI reads it), the trace
 * (JSON) and the system-call log (text, as `npm run sim -- <id> --format strace` prints it). The
 * download itself and the stage as a picture (SVG or PNG) are src/ui/download.ts's.
 */
import type { Scenario } from '../../scenarios/format.ts';
import type { ScenarioRun } from '../../scenarios/run.ts';
import { toStrace } from '../../kernel/strace-log.ts';

export const TRACE_FORMAT = 'iolab/trace@1';

export function scenarioFile(scenario: Scenario): string {
  return `${JSON.stringify(scenario, null, 2)}\n`;
}

export function traceFile(run: ScenarioRun): string {
  return JSON.stringify({
    format: TRACE_FORMAT,
    scenario: run.scenario.id,
    model: run.scenario.model,
    seed: run.seed,
    stopReason: run.stopReason,
    events: run.trace,
  });
}

export function straceFile(run: ScenarioRun): string {
  return `${toStrace(run)}\n`;
}
