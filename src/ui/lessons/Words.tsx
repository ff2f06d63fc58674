import { Fragment, type ReactNode } from 'react';
import type { LessonContext, Words } from '../../lessons/types.ts';
import { paramsOf } from '../../lessons/context.ts';
import { useT } from '../hooks.ts';

/** Lesson text: `code spans` become <code>, **words** become <strong>. */
export function Rich({ text }: { text: string }): ReactNode {
  return text
    .split('`')
    .map((part, i) =>
      i % 2 === 1 ? (
        <code key={i}>{part}</code>
      ) : (
        <Fragment key={i}>
          {part.split('**').map((p, j) => (j % 2 === 1 ? <strong key={j}>{p}</strong> : p))}
        </Fragment>
      ),
    );
}

/** One message of a lesson, its params computed from the run. */
export function Text({ words, ctx }: { words: Words; ctx: LessonContext | null }) {
  const t = useT();
  return <Rich text={t(words.key, paramsOf(words, ctx))} />;
}

/** Body paragraphs; a paragraph made of "• " lines becomes a list. */
export function Body({ body, ctx }: { body: Words[]; ctx: LessonContext | null }) {
  const t = useT();
  return (
    <div className="lesson-text">
      {body.map((w, i) => {
        const text = t(w.key, paramsOf(w, ctx));
        if (text.startsWith('• ')) {
          return (
            <ul key={i}>
              {text.split('\n').map((line, j) => (
                <li key={j}>
                  <Rich text={line.replace(/^• /, '')} />
                </li>
              ))}
            </ul>
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
