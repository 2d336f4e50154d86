import { Component, type ComponentChildren } from 'preact';
import { t } from '../i18n';

interface State {
  failed: boolean;
}

/** A page that throws while rendering says so and offers a reload, instead of going blank. */
export class ErrorBoundary extends Component<{ children: ComponentChildren; resetKey: string }, State> {
  override state: State = { failed: false };

  override componentDidCatch(): void {
    this.setState({ failed: true });
  }

  override componentDidUpdate(previous: { resetKey: string }): void {
    if (previous.resetKey !== this.props.resetKey && this.state.failed) this.setState({ failed: false });
  }

  override render(): ComponentChildren {
    if (!this.state.failed) return this.props.children;
    return (
      <div class="notice error" role="alert">
        <p>{t('pageFailed')}</p>
        <button type="button" class="secondary" onClick={() => location.reload()}>
          {t('reload')}
        </button>
      </div>
    );
  }
}
