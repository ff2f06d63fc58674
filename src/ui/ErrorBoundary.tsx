import { Component, type ReactNode } from 'react';
import { useT } from './hooks.ts';

/** Keeps the rest of the page alive when one view fails to draw, and says so in that place. */
export class ErrorBoundary extends Component<{ area: string; children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    if (this.state.error)
      return (
        <ViewFailed
          area={this.props.area}
          message={this.state.error.message}
          onRetry={() => this.setState({ error: null })}
        />
      );
    return this.props.children;
  }
}

function ViewFailed({ area, message, onRetry }: { area: string; message: string; onRetry: () => void }) {
  const t = useT();
  return (
    <div className="panel" role="alert" data-failed-area={area}>
      <p>{t('app.error.view', { message })}</p>
      <button type="button" onClick={onRetry}>
        ↻
      </button>
    </div>
  );
}
