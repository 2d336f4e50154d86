import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { api } from '../api';
import { describeError, ErrorNotice, Loading } from '../components/errors';
import { formatTime, label, t, type WordKey } from '../i18n';
import { href, navigate } from '../router';
import type { DefinitionKey, DefinitionVersion } from '../types';
import { useLoad } from '../use-load';

/** Every definition key with its versions and their status. */
export function Definitions(): JSX.Element {
  const list = useLoad(() => api<DefinitionKey[]>('/api/definitions'), []);
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        {t('definitions')}
      </h1>
      {list.error !== undefined && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {!list.data && list.error === undefined && <Loading />}
      {list.data?.map((entry) => (
        <section class="card" key={entry.key} aria-labelledby={`def-${entry.key}`}>
          <h2 id={`def-${entry.key}`}>
            {label(entry.versions[0]?.title, entry.key)} <code class="muted">{entry.key}</code>
          </h2>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('version')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('createdAt')}</th>
                <th scope="col">
                  <span class="sr-only">{t('open')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {[...entry.versions]
                .sort((a, b) => b.version - a.version)
                .map((version) => (
                  <tr key={version.version}>
                    <td>v{version.version}</td>
                    <td>
                      <span class={`badge ${version.status}`}>
                        {t(`status_${version.status}` as WordKey)}
                      </span>
                    </td>
                    <td>{formatTime(version.publishedAt ?? version.createdAt)}</td>
                    <td>
                      <a href={href(`/definitions/${entry.key}/${version.version}`)}>
                        {t('open')} v{version.version}
                      </a>
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ))}
    </section>
  );
}

/** Copies a version into a new draft and opens it. */
export function NewDraftButton(props: { source: DefinitionVersion }): JSX.Element {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  async function create(): Promise<void> {
    setBusy(true);
    setError(undefined);
    try {
      const draft = await api<DefinitionVersion>(
        `/api/definitions/${encodeURIComponent(props.source.key)}/versions`,
        { method: 'POST', body: props.source.definition },
      );
      navigate(`/definitions/${draft.key}/${draft.version}`);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  }
  return (
    <span>
      <button type="button" class="secondary" onClick={create} disabled={busy}>
        {t('newDraft')}
      </button>
      {error && (
        <span class="field-error" role="alert">
          {' '}
          {error}
        </span>
      )}
    </span>
  );
}
