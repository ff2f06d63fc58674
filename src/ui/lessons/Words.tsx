import { Fragment, type ReactNode } from 'react';
import type { LessonContext, Words } from '../../lessons/types.ts';
import { paramsOf } from '../../lessons/context.ts';
import { useT } from '../hooks.ts';
import { splitMentions } from '../../lessons/mentions.ts';
import { ScenarioLink } from '../text/rich-text.tsx';

/** Lesson text: `code spans` become <code>, **words** become <strong>, [[scenario-id]] a link to it in the lab. */
export function Rich({ text }: { text: string }): ReactNode {
  return text
    .split('`')
    .map((part, i) =>
      i % 2 === 1 ? (
        <code key={i}>{part}</code>
      ) : (
        <Fragment key={i}>
          {splitMentions(part).map((m, k) =>
            k % 2 === 1 ? (
              <ScenarioLink key={k} id={m} />
            ) : (
              <Fragment key={k}>
                {m.split('**').map((p, j) => (j % 2 === 1 ? <strong key={j}>{p}</strong> : p))}
              </Fragment>
            ),
          )}
        </Fragment>
      ),
    );
}

/** One message of a lesson, its params computed from the run. */
export function Text({ words, ctx }: { words: Words; ctx: LessonContext | null }) {
  const t = useT();
  return <Rich text={t(words.key, paramsOf(words, ctx))} />;
}

/** Body paragraphs; "• " lines become a list (after the paragraph's first line when that is not one). */
export function Body({ body, ctx }: { body: Words[]; ctx: LessonContext | null }) {
  const t = useT();
  return (
    <div className="lesson-text">
      {body.map((w, i) => {
        const text = t(w.key, paramsOf(w, ctx));
        if (text.includes('• ')) {
          // "• " lines make a list, after the paragraph's opening line when it has one.
          const lines = text.split('\n');
          const lead = lines[0]!.startsWith('• ') ? null : lines.shift()!;
          return (
            <Fragment key={i}>
              {lead !== null && (
                <p>
                  <Rich text={lead} />
                </p>
              )}
              <ul>
                {lines.map((line, j) => (
                  <li key={j}>
                    <Rich text={line.replace(/^• /, '')} />
                  </li>
                ))}
              </ul>
            </Fragment>
          );
        }
        return (
          <p key={i}>
            <Rich text={text} />
          </p>
        );
      })}
    </div>
  );
}
