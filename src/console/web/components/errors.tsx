import type { JSX } from 'preact';
import { ApiError } from '../api';
import { t } from '../i18n';

/** What went wrong, in plain words, whatever was thrown. */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) return t('serverError');
  if (error.offline) return t('offline');
  if (error.status === 401) return t('sessionExpired');
  if (error.status === 403) return t('forbidden');
  if (error.status === 404) return t('notFound');
  if (error.status >= 500) return t('serverError');
  return error.problem.detail ?? error.message;
}

export function ErrorNotice(props: { error: unknown; onRetry?: () => void }): JSX.Element {
  return (
    <div class="notice error" role="alert">
      <p>{describeError(props.error)}</p>
      {props.onRetry && (
        <button type="button" class="secondary" onClick={props.onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}

export function Loading(): JSX.Element {
  return (
    <p class="loading" role="status">
      {t('loading')}
    </p>
  );
}
