/**
 * A printable handout: a lesson's stops, or chosen steps of a scenario, each a still picture of
 * the stage with its narration (and the lesson's words). Print CSS: A4, light scheme, no controls,
 * a picture never split across pages. Each still is drawn by the lab's own Stage and Narration,
 * each with a small store of its own fixed at its step.
 */
import { RichText } from '../text/rich-text.tsx';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { LabContext, useLab, useLabApi, useT } from '../hooks.ts';
import { createLabStore } from '../../store/lab.ts';
import { LESSONS, lessonMessages } from '../../lessons/index.ts';
import type { Choice, LessonContext, Question, Words } from '../../lessons/types.ts';
import { ensureMessages, messagesVersion, subscribeMessages } from '../../i18n/index.ts';
import { formatHash } from '../../store/url.ts';
import type { Scenario } from '../../scenarios/format.ts';
import type { Lang } from '../../i18n/core.ts';
import { ErrorBoundary } from '../ErrorBoundary.tsx';
import { Stage } from '../Stage.tsx';
import { Narration } from '../Narration.tsx';
import { planHandout, type Plan } from './plan.ts';
import { programText } from '../../programs/lines.ts';
import { useListings } from '../listings.ts';
import { CODE_LANG, ListingLine } from '../side/listing-lang.tsx';
import './handout.css';

export default function HandoutPage() {
  const t = useT();
  const api = useLabApi();
  const arg = useLab((s) => s.pageArg);
  const params = useLab((s) => s.pageParams);
  const lang = useLab((s) => s.lang);
  const paramsKey = JSON.stringify(params);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- params by value
  const plan = useMemo(() => planHandout(arg, params, LESSONS), [arg, paramsKey]);

  // Notices once each; a scenario handout keeps its URL in normal form (shareable as it is shown).
  const told = useRef(new Set<string>());
  useEffect(() => {
    for (const n of plan.notices) {
      const key = JSON.stringify(n);
      if (told.current.has(key)) continue;
      told.current.add(key);
      api.getState().notify(n);
    }
    if (!plan.lesson && JSON.stringify(plan.params) !== JSON.stringify(api.getState().pageParams))
      api.getState().setPageParams(plan.params);
  }, [plan, api]);

  // A lesson's words live in its own message file.
  const lessonPages = useMemo(() => (plan.lesson ? [lessonMessages(plan.lesson.n)] : []), [plan.lesson]);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (lessonPages.length) ensureMessages(lang, lessonPages).catch(() => setFailed(true));
  }, [lang, lessonPages]);
  useSyncExternalStore(subscribeMessages, messagesVersion);

  const words = (w: Words | undefined): string => {
    if (!w) return '';
    try {
      return t(w.key, w.params?.(plan.ctx));
    } catch {
      return t(w.key);
    }
  };
  const title = plan.lesson ? words(plan.lesson.title) : plan.scenario.title[lang];
  const questions = plan.stills.filter((st) => st.question);
  const back = formatHash({
    scenarioId: plan.scenario.id,
    seed: plan.seed === plan.scenario.seed ? null : plan.seed,
    step: plan.stills[0]?.step ?? 0,
    scenario: plan.params.s ?? null,
  });

  return (
    <article className="page handout">
      <div className="handout-tools">
        <button type="button" className="handout-print" onClick={() => window.print()}>
          {t('handout.print')}
        </button>
        <a href={back}>{t('handout.back')}</a>
      </div>
      <h2>{t('handout.title', { title })}</h2>
      {plan.lesson ? (
        <p className="handout-intro">
          <RichText text={words(plan.lesson.summary)} />
        </p>
      ) : null}
      <p className="handout-intro">
        {t('handout.intro', { n: plan.stills.length, scenario: plan.scenario.title[lang] })}
      </p>
      {failed ? <p role="alert">{t('app.page.failed')}</p> : null}
      <ol className="handout-stills">
        {plan.stills.map((still, i) => (
          <li
            key={`${still.step}-${i}`}
            className={plan.stills[i - 1]?.question ? 'handout-still handout-answers' : 'handout-still'}
          >
            <h3>{still.title ? <RichText text={words(still.title)} /> : t('handout.still', { k: i + 1 })}</h3>
            {still.body?.map((b, j) => (
              <p key={j}>
                <RichText text={words(b)} />
              </p>
            ))}
            {still.question ? (
              <HandoutQuestion
                k={questions.indexOf(still) + 1}
                question={still.question}
                ctx={plan.ctx}
                words={words}
              />
            ) : still.prompt ? (
              <p className="handout-think">
                <strong>{t('handout.think')}</strong> <RichText text={words(still.prompt)} />
              </p>
            ) : null}
            <ErrorBoundary area={`still-${still.step}`}>
              <StillPicture scenario={plan.scenario} seed={plan.seed} step={still.step} lang={lang} />
            </ErrorBoundary>
          </li>
        ))}
      </ol>
      <HandoutListing plan={plan} />
      <p className="handout-source">{t('handout.source', { id: plan.scenario.id, seed: plan.seed })}</p>
      {questions.length > 0 ? (
        <section className="handout-key" data-testid="handout-key">
          <h3>{t('handout.key')}</h3>
          <ol>
            {questions.map((still, i) => {
              const q = still.question!;
              const right = new Set(safe(() => q.answer(plan.ctx), []));
              const labels = safe(() => q.choices(plan.ctx), [])
                .filter((c) => right.has(c.id))
                .map((c) => choiceText(c, t));
              return (
                <li key={i}>
                  <strong>{t('handout.question', { k: i + 1 })}</strong> <RichText text={words(q.prompt)} />
                  <p>
                    <strong>{t('handout.key.answer')}</strong> <RichText text={labels.join(' · ')} />
                  </p>
                  <p>
                    <RichText text={words(q.explain)} />
                  </p>
                </li>
              );
            })}
          </ol>
        </section>
      ) : null}
    </article>
  );
}

function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}

function choiceText(c: Choice, t: ReturnType<typeof useT>): string {
  return c.literal ? c.label : t(c.label, c.params);
}

/** A lesson's question on paper: the prompt, its choices with boxes to tick, and room to say why. */
function HandoutQuestion({
  k,
  question,
  ctx,
  words,
}: {
  k: number;
  question: Question;
  ctx: LessonContext;
  words: (w: Words) => string;
}) {
  const t = useT();
  const choices = safe(() => question.choices(ctx), []);
  return (
    <div className="handout-question" data-testid="handout-question">
      <p>
        <strong>{t('handout.question', { k })}</strong> <RichText text={words(question.prompt)} />{' '}
        <span className="handout-pick">
          {t(question.pick === 'one' ? 'handout.pickOne' : 'handout.pickMany')}
        </span>
      </p>
      <ul className="handout-choices">
        {choices.map((c) => (
          <li key={c.id}>
            <span className="handout-box" aria-hidden="true">
              {question.pick === 'one' ? '○' : '☐'}
            </span>{' '}
            <RichText text={choiceText(c, t)} />
          </li>
        ))}
      </ul>
      <p className="handout-why">{t('handout.why')}</p>
      <div className="handout-lines" aria-hidden="true" />
    </div>
  );
}

/** The server's program, numbered as in the lab's code panel: the shipped listing, or the student's own (model python). */
function HandoutListing({ plan }: { plan: Plan }) {
  const t = useT();
  const run = plan.ctx.run.run;
  const listings = useListings();
  const lines = safe(() => programText(run, listings), '')
    .replace(/\n$/, '')
    .split('\n');
  if (lines.length === 1 && lines[0] === '') return null;
  return (
    <section className="handout-listing" data-testid="handout-listing">
      <h3>{t('handout.listing', { file: `${run.listing ?? 'server'}.py` })}</h3>
      <pre {...CODE_LANG}>
        {lines.map((text, i) => (
          <code key={i}>
            <span className="handout-ln" aria-hidden="true">
              {i + 1}
            </span>
            <ListingLine text={text} />
            {'\n'}
          </code>
        ))}
      </pre>
    </section>
  );
}

/** The narration and the stage at one step, from a store of their own. */
function StillPicture({
  scenario,
  seed,
  step,
  lang,
}: {
  scenario: Scenario;
  seed: number;
  step: number;
  lang: Lang;
}) {
  const store = useMemo(
    () => createLabStore({ scenario, seed, step, lang, page: 'handout' }),
    [scenario, seed, step, lang],
  );
  return (
    <LabContext.Provider value={store}>
      <div className="handout-picture">
        <Narration />
        <Stage />
      </div>
    </LabContext.Provider>
  );
}

export type { Plan };
