import { Fragment, type ReactNode } from 'react';
import { splitMentions } from '../../lessons/mentions.ts';
import { findScenario } from '../../scenarios/index.ts';
import { formatHash } from '../../store/url.ts';
import { useLab } from '../hooks.ts';

/** Text with `code spans` (the narration's convention) as <code> elements, and a lesson's [[scenario-id]] as a link. */
export function RichText({ text }: { text: string }): ReactNode {
  const parts = text.split('`');
  return parts.map((part, i) =>
    i % 2 === 1 ? (
      <code key={i}>{part}</code>
    ) : (
      <Fragment key={i}>
        {splitMentions(part).map((m, k) => (k % 2 === 1 ? <ScenarioLink key={k} id={m} /> : m))}
      </Fragment>
    ),
  );
}

/** A scenario a lesson names: its title in the page's language, opening it in the lab. */
export function ScenarioLink({ id }: { id: string }) {
  const lang = useLab((s) => s.lang);
  const scenario = findScenario(id);
  if (!scenario) return <code>{id}</code>;
  return (
    <a
      className="scenario-link"
      href={formatHash({ scenarioId: id, seed: null, step: 0 })}
      data-scenario={id}
    >
      {scenario.title[lang]}
    </a>
  );
}
