import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { describeError } from '../components/errors';
import { t } from '../i18n';
import { saveSession, type Me, type Session } from '../session';

/** Checks a key against GET /api/me before keeping it for this tab. */
export function SignIn(props: { message?: string; onSignedIn: (session: Session) => void }): JSX.Element {
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    const trimmed = key.trim();
    if (!trimmed) {
      setError(t('wrongKey'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const me = await api<Me>('/api/me', { key: trimmed });
      const session = { key: trimmed, me };
      saveSession(session);
      props.onSignedIn(session);
    } catch (caught) {
      setError(caught instanceof ApiError && caught.status === 401 ? t('wrongKey') : describeError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="sign-in card" aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        {t('signInTitle')}
      </h1>
      <p class="muted">{t('signInHint')}</p>
      {props.message && !error && (
        <p class="notice warn" role="alert">
          {props.message}
        </p>
      )}
      <form onSubmit={submit} noValidate>
        <div class="field">
          <label for="api-key">{t('apiKey')}</label>
          <input
            id="api-key"
            type="password"
            autocomplete="off"
            spellcheck={false}
            value={key}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'sign-in-error' : undefined}
            onInput={(event) => setKey(event.currentTarget.value)}
          />
          {error && (
            <p class="field-error" id="sign-in-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <button type="submit" disabled={busy}>
          {busy ? t('signingIn') : t('signIn')}
        </button>
      </form>
    </section>
  );
}
