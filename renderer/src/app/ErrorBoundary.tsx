import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function Fallback({ error, onReset }: { error: Error; onReset: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="panel error-boundary" role="alert">
      <h2>{t('errorBoundary.title')}</h2>
      <p>{t('errorBoundary.body')}</p>
      <pre className="error-detail">{error.message}</pre>
      <button type="button" onClick={onReset}>
        {t('errorBoundary.retry')}
      </button>
    </div>
  );
}

/** Keeps one broken screen from blanking the whole window; the header stays usable. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Screen failed', error, info.componentStack);
  }

  override componentDidUpdate(prev: { resetKey?: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render() {
    if (this.state.error) return <Fallback error={this.state.error} onReset={() => this.setState({ error: null })} />;
    return this.props.children;
  }
}
