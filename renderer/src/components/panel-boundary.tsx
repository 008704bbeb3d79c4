/**
 * A render error in one part of the board stays in that part: the view, bar or panel says it could not be shown
 * (or shows nothing, for a part the board does without) and the rest of the board goes on. It tries again when
 * `resetKey` changes (a new program, the next moment), so a passing fault does not stay on screen.
 */
import { Component, type ReactNode } from 'react';
import { t } from '../../../core/i18n/index.ts';
import { errorText } from '../boot/signals.ts';

interface Props {
  /** What failed, for whoever inspects the page (`data-part`): "The agenda". The screen says it in its language. */
  name: string;
  /** Nothing instead of the message: the board reads as whole without this part (a QR code). */
  quiet?: boolean;
  resetKey?: unknown;
  children: ReactNode;
}

interface State {
  error: string | null;
  resetKey: unknown;
}

export class PanelBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: errorText(error) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.resetKey ? null : { error: null, resetKey: props.resetKey };
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    if (this.props.quiet) return null;
    return (
      <div className="panel panel-failed" role="alert" data-error={this.state.error} data-part={this.props.name}>
        <p data-text="secondary">{t('boundary.failed')}</p>
      </div>
    );
  }
}
