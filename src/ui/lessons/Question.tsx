import { useId, useMemo, useState } from 'react';
import type { LessonContext, Question } from '../../lessons/types.ts';
import { paramsOf } from '../../lessons/context.ts';
import { Rich as RichText } from './Words.tsx';
import { useT } from '../hooks.ts';

/**
 * A prediction: pick, then reveal. The answer is computed from the run (`answer(ctx)`); the
 * student's pick is marked right or wrong (a sign and words, never colour alone) and the
 * explanation follows. `onReveal` moves the simulation to the step that shows the answer.
 */
export function QuestionBox({
  question,
  ctx,
  onReveal,
}: {
  question: Question;
  ctx: LessonContext;
  onReveal: (step: number | null) => void;
}) {
  const t = useT();
  const name = useId();
  const choices = useMemo(() => question.choices(ctx), [question, ctx]);
  const answer = useMemo(() => question.answer(ctx), [question, ctx]);
  const [picked, setPicked] = useState<string[]>([]);
  const [revealed, setRevealed] = useState(false);
  const label = (id: string) => {
    const c = choices.find((x) => x.id === id);
    return c ? (c.literal ? c.label : t(c.label, c.params)) : id;
  };
  const right =
    picked.length > 0 && picked.length === answer.length && picked.every((p) => answer.includes(p));
  const toggle = (id: string, on: boolean) => {
    if (question.pick === 'one') setPicked([id]);
    else setPicked((old) => (on ? [...old.filter((x) => x !== id), id] : old.filter((x) => x !== id)));
  };
  const reveal = () => {
    setRevealed(true);
    onReveal(question.revealAt ? question.revealAt(ctx) : null);
  };
  return (
    <fieldset className="lesson-q" data-testid="question" data-revealed={revealed}>
      <legend>
        <span className="lesson-q-tag">{t('lessons.kind.question')}</span>{' '}
        <RichText text={t(question.prompt.key, paramsOf(question.prompt, ctx))} />
      </legend>
      <p className="lesson-q-hint">{t('lessons.q.predict')}</p>
      <div className="lesson-q-choices">
        {choices.map((c) => {
          const isAnswer = answer.includes(c.id);
          const isPicked = picked.includes(c.id);
          const mark = !revealed
            ? null
            : isAnswer
              ? isPicked
                ? 'right'
                : 'missed'
              : isPicked
                ? 'wrongPick'
                : null;
          return (
            <label
              key={c.id}
              className="lesson-q-choice"
              data-choice={c.id}
              data-answer={revealed ? String(isAnswer) : undefined}
              data-picked={isPicked}
              data-mark={mark ?? undefined}
            >
              <input
                type={question.pick === 'one' ? 'radio' : 'checkbox'}
                name={name}
                value={c.id}
                checked={isPicked}
                disabled={revealed}
                onChange={(e) => toggle(c.id, e.target.checked)}
              />
              <span className="lesson-q-label">
                {c.literal ? c.label : <RichText text={t(c.label, c.params)} />}
              </span>
              {mark ? (
                <span className="lesson-q-mark" aria-hidden="true">
                  {mark === 'wrongPick' ? '✗' : '✓'}
                </span>
              ) : null}
              {mark ? <span className="lesson-q-marktext">{t(`lessons.q.mark.${mark}`)}</span> : null}
            </label>
          );
        })}
      </div>
      <div className="lesson-q-actions">
        {revealed ? (
          <button
            type="button"
            onClick={() => {
              setRevealed(false);
              setPicked([]);
            }}
          >
            {t('lessons.q.again')}
          </button>
        ) : (
          <button type="button" className="lesson-primary" onClick={reveal}>
            {t('lessons.q.reveal')}
          </button>
        )}
      </div>
      <div className="lesson-q-result" aria-live="polite" data-testid="answer">
        {revealed ? (
          <>
            <p>
              <strong data-testid="verdict" data-right={right}>
                {picked.length === 0
                  ? t('lessons.q.none')
                  : right
                    ? t('lessons.q.right')
                    : t('lessons.q.wrong')}
              </strong>{' '}
              <span data-testid="answer-text">
                <RichText
                  text={t('lessons.q.answer', { answer: answer.map(label).join(t('lessons.q.and')) })}
                />
              </span>
            </p>
            <p>
              <RichText text={t(question.explain.key, paramsOf(question.explain, ctx))} />
            </p>
            {question.revealAt ? <p className="lesson-q-moved">{t('lessons.q.moved')}</p> : null}
          </>
        ) : null}
      </div>
    </fieldset>
  );
}
