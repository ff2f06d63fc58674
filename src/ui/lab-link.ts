/**
 * The way back to the lab from anywhere (the title, the nav's lab link): the scenario on the lab
 * now, a custom one included (`s=`), with the student's added actions (`add=`) and seed, at its
 * first step — not the first shipped scenario. A class of the exam hall (up to thousands of
 * students) leads to the shipped scenario of its mechanism, where a few clients can be followed.
 */
import { additionsOf, encodeAdditions } from '../scenarios/student.ts';
import type { LabState } from '../store/lab.ts';
import { hashOf } from './url-sync.ts';
import { labScenarioOfHall } from '../hall/lab-scenario.ts';
import { formatHash } from '../store/url.ts';

export function labHash(s: LabState): string {
  const shipped = labScenarioOfHall(s.scenario.id);
  if (shipped) return formatHash({ scenarioId: shipped, seed: null, step: 0 });
  const additions = additionsOf(s.scenario);
  return hashOf({
    ...s,
    page: 'lab',
    pageArg: null,
    pageParams: additions.length ? { add: encodeAdditions(additions) } : {},
    embed: false,
    step: 0,
  });
}
