import { SCENARIO_FILES } from './files.generated.ts';
import { formatProblems, parseScenario, type Scenario } from './format.ts';

/** The scenarios IO Lab ships, validated at load: a broken shipped file is a bug, so it throws. */
function load(): Scenario[] {
  return Object.entries(SCENARIO_FILES).map(([file, text]) => {
    const v = parseScenario(text);
    if (!v.ok) throw new Error(`shipped scenario ${file} is invalid:\n${formatProblems(v.problems)}`);
    if (`${v.scenario.id}.json` !== file)
      throw new Error(`shipped scenario ${file} has id "${v.scenario.id}"`);
    return v.scenario;
  });
}

export const SCENARIOS: readonly Scenario[] = load();

export function findScenario(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}
