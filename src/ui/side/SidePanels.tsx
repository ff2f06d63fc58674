/**
 * The lab's side column: the program, the student's own client, the system-call log and the
 * meters. A download of its own, started by main.tsx before the first render (lab-parts.ts) and
 * drawn after the first frame: the stage, the narration and the controls come first, and
 * `SidePlaceholder` keeps the column's place until these arrive.
 */
import { ErrorBoundary } from '../ErrorBoundary.tsx';
import { CodePanel } from './CodePanel.tsx';
import { SyscallLog } from './SyscallLog.tsx';
import { Meters } from './Meters.tsx';
import { StudentClient } from '../student/StudentClient.tsx';

export default function SidePanels() {
  return (
    <div className="side-column">
      <ErrorBoundary area="code">
        <CodePanel />
      </ErrorBoundary>
      {/* Before the log: on a 1280×720 screen its title is on the first screen. */}
      <ErrorBoundary area="student">
        <StudentClient />
      </ErrorBoundary>
      <ErrorBoundary area="log">
        <SyscallLog />
      </ErrorBoundary>
      <ErrorBoundary area="meters">
        <Meters />
      </ErrorBoundary>
    </div>
  );
}
