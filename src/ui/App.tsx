import { useDeferredValue, useEffect } from 'react';
import type { LabStoreApi } from '../store/lab.ts';
import { useLazyPart, type LazyState } from './lazy-part.ts';
import { SIDE_WORDS, sidePanels } from './lab-parts.ts';
import { LabContext, useLab, useLabApi, useT } from './hooks.ts';
import { Header } from './Header.tsx';
import { Notices } from './Notices.tsx';
import { ModifiedNotice } from './ModifiedNotice.tsx';
import { BudgetNotice } from './BudgetNotice.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { Stage } from './Stage.tsx';
import { Narration } from './Narration.tsx';
import { Controls } from './Controls.tsx';
import { PAGE_VIEWS, type PageDef } from './pages.ts';
import { useUrlSync } from './url-sync.ts';
import { usePlayback } from './playback.ts';
import { useDocumentSettings } from './document-settings.ts';
import { useKeyboard } from './keyboard.ts';
import { SidePlaceholder } from './side/SidePlaceholder.tsx';
import { ShareBar } from './share/ShareBar.tsx';
import { EmbedLink } from './share/EmbedLink.tsx';
import { keepLargeScenarios } from './share/keep-large.ts';
import { BlankScreen, StageView } from './StageView.tsx';
import { KeyHelp } from './KeyHelp.tsx';

/** One store (main.tsx makes it from the link, labStoreFromUrl), one selected moment; every page and panel is derived from it. */
export function App({ store }: { store: LabStoreApi }) {
  return (
    <LabContext.Provider value={store}>
      <Frame />
    </LabContext.Provider>
  );
}

function Frame() {
  useUrlSync();
  const api = useLabApi();
  useEffect(() => keepLargeScenarios(api), [api]);
  usePlayback();
  useDocumentSettings();
  useKeyboard();
  const page = useLab((s) => s.page);
  const embed = useLab((s) => s.embed);
  const stageView = useLab((s) => s.stageView);
  const def = page === 'lab' ? undefined : PAGE_VIEWS[page];
  return (
    <div className={`app${embed ? ' app-embed' : ''}`}>
      {embed ? null : <Header />}
      <Notices />
      {page === 'lab' && !embed ? <ModifiedNotice /> : null}
      {page === 'lab' ? <BudgetNotice /> : null}
      {page === 'lab' || !def ? <LabPage missing={page !== 'lab'} /> : <PageOutlet key={page} def={def} />}
      {/* A lesson shows its own stage view, at its stops (LessonPage.tsx). */}
      {stageView && page === 'lab' ? (
        <ErrorBoundary area="stage">
          <StageView />
        </ErrorBoundary>
      ) : null}
      <BlankScreen />
      {embed ? null : <KeyHelp />}
    </div>
  );
}

/** The step-through lab: controls, what just happened, the stage, and the side panels. */
export function LabPage({ missing = false }: { missing?: boolean }) {
  const embed = useLab((s) => s.embed);
  const t = useT();
  return (
    <main className={`main${embed ? ' main-embed' : ''}`}>
      {missing ? (
        <p className="panel" role="status">
          {t('app.page.missing')}
        </p>
      ) : null}
      <div className="controls-area">
        <ErrorBoundary area="controls">
          <Controls />
        </ErrorBoundary>
        {embed ? (
          <EmbedLink />
        ) : (
          <ErrorBoundary area="share">
            <ShareBar />
          </ErrorBoundary>
        )}
      </div>
      <div className="stage-column">
        {/* What just happened comes first: on a laptop screen it must not fall below the fold. */}
        <ErrorBoundary area="narration">
          <Narration />
        </ErrorBoundary>
        <ErrorBoundary area="stage">
          <Stage />
        </ErrorBoundary>
      </div>
      {embed ? null : (
        <ErrorBoundary area="side">
          <SideColumn />
        </ErrorBoundary>
      )}
    </main>
  );
}

/** The side panels and their words (a download started by main.tsx) draw after the first frame; until then a placeholder keeps their place. */
function SideColumn() {
  const lang = useLab((s) => s.lang);
  const t = useT();
  // Never in the first frame, even when already here (a Chinese link waits for its words, and the
  // panels come meanwhile): the stage and the narration are drawn first.
  const side = useDeferredValue(useLazyPart(lang, SIDE_WORDS, sidePanels), WAITING);
  if (side.state === 'failed')
    return (
      <p className="panel side-column" role="alert">
        {t('app.side.failed')}
      </p>
    );
  return side.state === 'ready' ? <side.module.default /> : <SidePlaceholder />;
}

const WAITING: LazyState<never> = { state: 'waiting' };

/** A page other than the lab: its code and its words arrive on first visit. */
function PageOutlet({ def }: { def: PageDef }) {
  const lang = useLab((s) => s.lang);
  const page = useLazyPart(lang, def.messages, def.part);
  const t = useT();
  return (
    <ErrorBoundary area="page">
      {page.state === 'failed' ? (
        <p className="panel" role="alert">
          {t('app.page.failed')}
        </p>
      ) : page.state === 'ready' ? (
        <page.module.default />
      ) : (
        <p className="page-loading" role="status">
          {t('app.page.loading')}
        </p>
      )}
    </ErrorBoundary>
  );
}
