/**
 * One lesson: `#/lesson/<id>?item=K&step=S` (K is 1-based; S is the simulation's step, which the
 * student may move freely around a stop). Slides show words and a figure; stops put the lab's
 * own panels at a moment found in the trace, with a question when there is one. Presentation
 * mode (`present=1`, the P key or the button) shows the same items in large type for a projector:
 * PageDown/PageUp (and →/← outside controls), the keys a presenter remote sends, step the
 * simulation through a stop's moments (from its step to the step that answers its question) and
 * then move on to the next item (back: before a stop's first moment, the item before); Esc
 * leaves into the lab at the current step. F shows a stop in the stage view (StageView.tsx).
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { findLesson, lessonMessages, LESSONS } from '../../lessons/index.ts';
import { itemContext, itemScenario } from '../../lessons/context.ts';
import type { Lesson, LessonContext, LessonItem } from '../../lessons/types.ts';
import { useLab, useLabApi, useT } from '../hooks.ts';
import { isTextEntry } from '../keyboard.ts';
import { ErrorBoundary } from '../ErrorBoundary.tsx';
import { Controls } from '../Controls.tsx';
import { Narration } from '../Narration.tsx';
import { Stage } from '../Stage.tsx';
import { CodePanel } from '../side/CodePanel.tsx';
import { SyscallLog } from '../side/SyscallLog.tsx';
import { Meters } from '../side/Meters.tsx';
import { Figure } from './figure-registry.tsx';
import { QuestionBox } from './Question.tsx';
import { Body, Text } from './Words.tsx';
import { usePageMessages } from '../lazy-part.ts';
import { StageView } from '../StageView.tsx';
import { EmbedLink } from '../share/EmbedLink.tsx';
import './lessons.css';

export default function LessonPage() {
  const t = useT();
  const arg = useLab((s) => s.pageArg);
  const lang = useLab((s) => s.lang);
  const lesson = arg ? findLesson(arg) : undefined;
  const ready = usePageMessages(lang, lesson ? [lessonMessages(lesson.n)] : []);
  if (!lesson) {
    return (
      <article className="page lesson-page">
        <p role="alert">{t('lessons.missing', { id: arg ?? '' })}</p>
        <p>
          <a href="#/lessons">{t('lessons.back')}</a>
        </p>
      </article>
    );
  }
  if (ready !== true)
    return (
      <p className="page-loading" role={ready === 'failed' ? 'alert' : 'status'}>
        {t(ready === 'failed' ? 'lessons.failed' : 'lessons.loading')}
      </p>
    );
  return <LessonView key={lesson.id} lesson={lesson} />;
}

/** The item number the URL asks for, or null when it is not a number of this lesson. */
function itemFromParams(raw: string | undefined, n: number): { index: number; bad: boolean } {
  if (raw === undefined) return { index: 0, bad: false };
  const k = /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
  if (k >= 1 && k <= n) return { index: k - 1, bad: false };
  return { index: Number.isNaN(k) || k < 1 ? 0 : n - 1, bad: true };
}

function LessonView({ lesson }: { lesson: Lesson }) {
  const t = useT();
  const api = useLabApi();
  const lang = useLab((s) => s.lang);
  const params = useLab((s) => s.pageParams);
  const scenarioId = useLab((s) => s.scenario.id);
  const n = lesson.items.length;
  const { index, bad } = itemFromParams(params.item, n);
  const item = lesson.items[index]!;
  const present = params.present === '1';
  // A slide's words may quote the run too (counts measured in it), so slides get the lesson's run.
  const ctx = useMemo<LessonContext | null>(() => itemContext(lesson, item), [lesson, item]);
  const own = useMemo(() => (item.kind === 'stop' ? itemScenario(lesson, item) : null), [lesson, item]);
  const atStep = useMemo(() => (item.kind === 'stop' && ctx ? item.at(ctx) : null), [item, ctx]);
  // A stop's last moment: the step that answers its question, else its own step.
  const lastStep = useMemo(() => {
    if (item.kind !== 'stop' || !ctx || atStep === null) return null;
    return Math.max(atStep, item.question?.revealAt ? item.question.revealAt(ctx) : atStep);
  }, [item, ctx, atStep]);
  const stageView = useLab((s) => s.stageView);
  const embed = useLab((s) => s.embed);

  // A bad part number: say so once, and show the nearest part.
  useEffect(() => {
    if (bad)
      api
        .getState()
        .notify({ key: 'lessons.notice.badItem', params: { item: params.item ?? '', shown: index + 1 } });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bad]);

  // Put the simulation at the item's moment. On the first visit a step in the URL wins (a shared
  // link to a moment the student stepped to); moving to another item starts at its own moment.
  const first = useRef(true);
  useEffect(() => {
    const st = api.getState();
    if (st.pageParams.item !== String(index + 1))
      st.setPageParams({ ...st.pageParams, item: String(index + 1) });
    if (own && atStep !== null) {
      const keep = first.current && st.step > 0;
      st.setScenario(own.scenario, { seed: own.seed, step: keep ? st.step : atStep });
    }
    first.current = false;
  }, [api, index, own, atStep]);

  const go = useCallback(
    (k: number) => {
      const st = api.getState();
      const j = Math.max(0, Math.min(n - 1, k));
      st.setPageParams({ ...st.pageParams, item: String(j + 1) });
    },
    [api, n],
  );
  const setPresent = useCallback(
    (on: boolean) => {
      const st = api.getState();
      const { present: _drop, ...rest } = st.pageParams;
      st.setPageParams(on ? { ...rest, present: '1' } : rest);
    },
    [api],
  );
  const explore = useCallback(() => {
    const st = api.getState();
    // From a slide: the lesson's own scenario, from its start (or where it already is).
    if (item.kind === 'slide') {
      const { scenario, seed } = itemScenario(lesson);
      if (st.scenario.id !== scenario.id) st.setScenario(scenario, { seed, step: 0 });
    }
    st.openPage('lab');
  }, [api, item, lesson]);

  // P toggles presentation; in it, PageDown/PageUp and →/← step a stop's moments, then move
  // through the items; Esc leaves the stage view, else explores.
  const synced = own !== null && own.scenario.id === scenarioId;
  useEffect(() => {
    const forward = () => {
      const st = api.getState();
      if (synced && lastStep !== null && st.step < lastStep) st.next();
      else go(index + 1);
    };
    const back = () => {
      const st = api.getState();
      if (synced && atStep !== null && st.step > atStep) st.prev();
      else go(index - 1);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.altKey || e.metaKey || e.isComposing) return;
      const target = e.target instanceof Element ? e.target : null;
      if (isTextEntry(target)) return;
      if (e.key === 'p' || e.key === 'P') {
        e.preventDefault();
        setPresent(!present);
        return;
      }
      if (!present) return;
      const inWidget = target?.closest('[role="slider"],[role="tablist"],[role="radiogroup"],select');
      if (e.key === 'PageDown' || (e.key === 'ArrowRight' && !inWidget)) {
        e.preventDefault();
        forward();
      } else if (e.key === 'PageUp' || (e.key === 'ArrowLeft' && !inWidget)) {
        e.preventDefault();
        back();
      } else if (e.key === 'Escape') {
        e.preventDefault();
        if (api.getState().stageView) api.getState().setStageView(false);
        else explore();
      }
    };
    // On the document, so it runs before the page-wide keys (on window) and can claim the key.
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [api, present, index, go, explore, setPresent, synced, atStep, lastStep]);

  // Moving to another part: its title takes the focus (a screen reader reads it; the page scrolls to it).
  const shownIndex = useRef(index);
  useEffect(() => {
    if (shownIndex.current === index) return;
    shownIndex.current = index;
    document.getElementById(`lesson-item-${index}`)?.focus();
  }, [index]);

  const backToStop = atStep !== null ? () => api.getState().goTo(atStep) : undefined;
  const onReveal = (step: number | null) => {
    if (step !== null) api.getState().goTo(step);
  };
  const nextLesson = LESSONS.find((l) => l.n > lesson.n);
  const itemHref = (k: number) =>
    `#/lesson/${encodeURIComponent(lesson.id)}?item=${k + 1}${present ? '&present=1' : ''}`;

  const content = (
    <ItemContent
      lesson={lesson}
      item={item}
      index={index}
      ctx={ctx}
      present={present}
      sim={item.kind === 'stop' && synced ? <Simulation present={present} /> : null}
      onBack={backToStop}
      onReveal={onReveal}
    />
  );
  const nav = (
    <div className="lesson-nav">
      <button type="button" onClick={() => go(index - 1)} disabled={index === 0} data-testid="lesson-prev">
        ← {t('lessons.prev')}
      </button>
      <span className="lesson-pos" data-testid="lesson-pos">
        {t('lessons.item.of', { k: index + 1, n })}
      </span>
      {index < n - 1 ? (
        <button
          type="button"
          className="lesson-primary"
          onClick={() => go(index + 1)}
          data-testid="lesson-next"
        >
          {t('lessons.next')} →
        </button>
      ) : nextLesson ? (
        <a
          className="lesson-primary lesson-button"
          href={`#/lesson/${encodeURIComponent(nextLesson.id)}?item=1${present ? '&present=1' : ''}`}
        >
          {t('lessons.nextLesson', { n: nextLesson.n })} →
        </a>
      ) : (
        <a className="lesson-button" href="#/lessons">
          {t('lessons.done')}
        </a>
      )}
    </div>
  );

  // In a course page's iframe: this one part and its stage, and a link to the whole lesson.
  if (embed) {
    return (
      <article className="lesson-embed" data-testid="lesson-embed" data-lesson={lesson.id}>
        <EmbedLink />
        {content}
      </article>
    );
  }

  if (present) {
    return (
      <div
        className="lesson-present"
        role="region"
        aria-label={t('lessons.present')}
        data-testid="presentation"
        lang={lang}
      >
        <div className="lesson-present-bar">
          <span className="lesson-present-title">
            {t('lessons.number', { n: lesson.n })} · <Text words={lesson.title} ctx={null} />
          </span>
          <span className="lesson-present-keys">{t('lessons.present.keys')}</span>
          <button type="button" onClick={explore}>
            {t('lessons.explore')}
          </button>
          <button type="button" onClick={() => setPresent(false)}>
            {t('lessons.present.exit')}
          </button>
        </div>
        {content}
        {nav}
        {stageView && item.kind === 'stop' && synced ? (
          <ErrorBoundary area="stage">
            <StageView />
          </ErrorBoundary>
        ) : null}
      </div>
    );
  }

  return (
    <article className="page lesson-page" data-lesson={lesson.id}>
      <div className="lesson-head">
        <a href="#/lessons" className="lesson-crumb">
          ← {t('lessons.back')}
        </a>
        <h2>
          <span className="lesson-n">{t('lessons.number', { n: lesson.n })}</span>{' '}
          <Text words={lesson.title} ctx={null} />
        </h2>
        <div className="lesson-tools">
          <button
            type="button"
            onClick={() => setPresent(true)}
            aria-keyshortcuts="P"
            title={t('lessons.present.hint')}
          >
            {t('lessons.present')}
          </button>
          <button type="button" onClick={explore} title={t('lessons.explore.hint')}>
            {t('lessons.explore')}
          </button>
        </div>
      </div>
      <nav className="lesson-progress" aria-label={t('lessons.progress')}>
        <ol>
          {lesson.items.map((it, k) => (
            <li key={it.id} data-kind={it.kind} data-done={k < index}>
              <a
                href={itemHref(k)}
                aria-current={k === index ? 'step' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  go(k);
                }}
              >
                <span className="lesson-dot" aria-hidden="true">
                  {k + 1}
                </span>
                <span className="lesson-dot-title">
                  <ItemTitle lesson={lesson} item={it} />
                </span>
              </a>
            </li>
          ))}
        </ol>
      </nav>
      {content}
      {nav}
      {stageView && item.kind === 'stop' && synced ? (
        <ErrorBoundary area="stage">
          <StageView />
        </ErrorBoundary>
      ) : null}
      {lesson.links && lesson.links.length > 0 ? (
        <aside className="lesson-links" aria-label={t('lessons.links')}>
          <h3>{t('lessons.links')}</h3>
          <ul>
            {lesson.links.map((l) => {
              const q = new URLSearchParams(l.params ?? {});
              return (
                <li key={l.page + l.label}>
                  <a href={`#/${l.page}${q.size > 0 ? `?${q.toString()}` : ''}`}>{t(l.label)}</a>
                </li>
              );
            })}
          </ul>
        </aside>
      ) : null}
    </article>
  );
}

/** An item's title; a stop's params are computed from its run only when it is shown, so titles are plain keys here. */
function ItemTitle({ lesson, item }: { lesson: Lesson; item: LessonItem }) {
  const ctx = useMemo(() => (item.title.params ? itemContext(lesson, item) : null), [lesson, item]);
  return <Text words={item.title} ctx={ctx} />;
}

function ItemContent({
  lesson,
  item,
  index,
  ctx,
  present,
  sim,
  onBack,
  onReveal,
}: {
  lesson: Lesson;
  item: LessonItem;
  index: number;
  ctx: LessonContext | null;
  present: boolean;
  sim: ReactNode;
  onBack: (() => void) | undefined;
  onReveal: (step: number | null) => void;
}) {
  const t = useT();
  // On a phone a stop shows its first paragraph, the rest on "Read more" (lessons.css): text, step
  // buttons and stage then come close to one screen.
  const [moreOf, setMoreOf] = useState<string | null>(null);
  const more = moreOf === `${lesson.id}:${item.id}`;
  const words = (
    <section
      className="lesson-item"
      aria-labelledby={`lesson-item-${index}`}
      data-testid="lesson-item"
      data-item={item.id}
      data-kind={item.kind}
      data-more={more}
    >
      <p className="lesson-kind">
        {t(item.kind === 'stop' ? 'lessons.kind.stop' : 'lessons.kind.slide')} ·{' '}
        {t('lessons.item.of', { k: index + 1, n: lesson.items.length })}
      </p>
      <h3 id={`lesson-item-${index}`} tabIndex={-1}>
        <Text words={item.title} ctx={ctx} />
      </h3>
      <Body body={item.body} ctx={ctx} />
      {item.kind === 'stop' && !present && item.body.length > 1 ? (
        <button
          type="button"
          className="lesson-more"
          aria-expanded={more}
          onClick={() => setMoreOf(more ? null : `${lesson.id}:${item.id}`)}
          data-testid="lesson-more"
        >
          {t(more ? 'lessons.less' : 'lessons.more')}
        </button>
      ) : null}
      {item.figure ? <Figure figure={item.figure} /> : null}
      {item.kind === 'stop' && item.question && ctx ? (
        <QuestionBox key={`${lesson.id}:${item.id}`} question={item.question} ctx={ctx} onReveal={onReveal} />
      ) : null}
      {item.kind === 'stop' && !present ? (
        <p className="lesson-at">
          {t('lessons.atStep')}{' '}
          {onBack ? (
            <button type="button" onClick={onBack} data-testid="lesson-back-to-stop">
              {t('lessons.backToStop')}
            </button>
          ) : null}
        </p>
      ) : null}
    </section>
  );
  if (item.kind === 'slide')
    return <div className={`lesson-main lesson-main-slide${present ? ' is-present' : ''}`}>{words}</div>;
  return (
    <div className={`lesson-main lesson-main-stop${present ? ' is-present' : ''}`}>
      {words}
      <div className="lesson-sim">{sim}</div>
    </div>
  );
}

/** The lab's own panels, driven by the shared store (the lesson put it at the stop's step). */
function Simulation({ present }: { present: boolean }) {
  return (
    <>
      <ErrorBoundary area="controls">
        <Controls />
      </ErrorBoundary>
      <ErrorBoundary area="narration">
        <Narration />
      </ErrorBoundary>
      <ErrorBoundary area="stage">
        <Stage />
      </ErrorBoundary>
      {present ? null : (
        <div className="lesson-side">
          <ErrorBoundary area="code">
            <CodePanel />
          </ErrorBoundary>
          <ErrorBoundary area="log">
            <SyscallLog />
          </ErrorBoundary>
        </div>
      )}
      <ErrorBoundary area="meters">
        <Meters />
      </ErrorBoundary>
    </>
  );
}
