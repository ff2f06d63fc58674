import { useState } from 'react';
import { createLabStore, type LabStoreApi } from '../store/lab.ts';
import { LabContext } from './hooks.ts';
import { Header } from './Header.tsx';
import { Notices } from './Notices.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { Stage } from './Stage.tsx';
import { CodePanel } from './CodePanel.tsx';
import { Narration } from './Narration.tsx';
import { SyscallLog } from './SyscallLog.tsx';
import { Meters } from './Meters.tsx';
import { Controls } from './Controls.tsx';
import { useUrlSync } from './url-sync.ts';
import { usePlayback } from './playback.ts';
import { useDocumentSettings } from './document-settings.ts';
import { useKeyboard } from './keyboard.ts';

/** The step-through lab: one store, one selected moment, every panel derived from it. */
export function App({ store: given }: { store?: LabStoreApi }) {
  const [store] = useState(() => given ?? createLabStore());
  return (
    <LabContext.Provider value={store}>
      <Lab />
    </LabContext.Provider>
  );
}

function Lab() {
  useUrlSync();
  usePlayback();
  useDocumentSettings();
  useKeyboard();
  return (
    <div className="app">
      <Header />
      <Notices />
      <main className="main">
        <div className="controls-area"><ErrorBoundary area="controls"><Controls /></ErrorBoundary></div>
        <div className="stage-column">
          {/* What just happened comes first: on a laptop screen it must not fall below the fold. */}
          <ErrorBoundary area="narration"><Narration /></ErrorBoundary>
          <ErrorBoundary area="stage"><Stage /></ErrorBoundary>
        </div>
        <div className="side-column">
          <ErrorBoundary area="code"><CodePanel /></ErrorBoundary>
          <ErrorBoundary area="log"><SyscallLog /></ErrorBoundary>
          <ErrorBoundary area="meters"><Meters /></ErrorBoundary>
        </div>
      </main>
    </div>
  );
}
