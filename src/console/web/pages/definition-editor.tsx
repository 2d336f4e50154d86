import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, type FieldProblem } from '../api';
import { Diagram } from '../components/diagram';
import { describeError, ErrorNotice, Loading } from '../components/errors';
import { JsonEditor } from '../components/json-editor';
import { label, lang, t, type WordKey } from '../i18n';
import { href } from '../router';
import type { DefinitionVersion } from '../types';
import { useLoad } from '../use-load';
import { NewDraftButton } from './definitions';

const DEBOUNCE_MS = 500;

type Check =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'not-json'; message: string }
  | { kind: 'problems'; problems: FieldProblem[] }
  | { kind: 'valid' }
  | { kind: 'failed'; message: string };

/** One version as JSON: drafts are checked as you type, saved when valid, previewed and published. */
export function DefinitionEditor(props: { definitionKey: string; version: number }): JSX.Element {
  const path = `/api/definitions/${encodeURIComponent(props.definitionKey)}/versions/${props.version}`;
  const loaded = useLoad(() => api<DefinitionVersion>(path), [path]);
  if (!loaded.data) {
    return (
      <section aria-labelledby="page-title">
        <h1 id="page-title" tabIndex={-1}>
          {t('definitions')}
        </h1>
        {loaded.error !== undefined ? (
          <ErrorNotice error={loaded.error} onRetry={loaded.reload} />
        ) : (
          <Loading />
        )}
      </section>
    );
  }
  return <Editor key={path} path={path} version={loaded.data} onPublished={loaded.reload} />;
}

function Editor(props: { path: string; version: DefinitionVersion; onPublished: () => void }): JSX.Element {
  const { version } = props;
  const draft = version.status === 'draft';
  const [text, setText] = useState(() => JSON.stringify(version.definition, null, 2));
  const [check, setCheck] = useState<Check>({ kind: 'idle' });
  const [previewTick, setPreviewTick] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    if (!draft) return;
    const run = ++latest.current;
    const timer = setTimeout(() => void checkAndSave(text, run), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  async function checkAndSave(body: string, run: number): Promise<void> {
    const parsed = parseJson(body);
    if (typeof parsed === 'string') return setCheck({ kind: 'not-json', message: parsed });
    setCheck({ kind: 'checking' });
    try {
      const result = await api<{ valid: boolean; problems: FieldProblem[] }>('/api/definitions/validate', {
        method: 'POST',
        rawBody: body,
      });
      if (run !== latest.current) return;
      if (!result.valid) return setCheck({ kind: 'problems', problems: result.problems });
      await api(props.path, { method: 'PUT', rawBody: body });
      if (run !== latest.current) return;
      setCheck({ kind: 'valid' });
      setPreviewTick((value) => value + 1);
    } catch (caught) {
      if (run !== latest.current) return;
      if (caught instanceof ApiError && caught.problem.errors?.length) {
        setCheck({ kind: 'problems', problems: caught.problem.errors });
      } else setCheck({ kind: 'failed', message: describeError(caught) });
    }
  }

  return (
    <section aria-labelledby="page-title">
      <p class="breadcrumb">
        <a href={href('/definitions')}>← {t('definitions')}</a>
      </p>
      <h1 id="page-title" tabIndex={-1}>
        {label(version.title, version.key)} v{version.version}{' '}
        <span class={`badge ${version.status}`}>{t(`status_${version.status}` as WordKey)}</span>
      </h1>
      <div class="toolbar">
        {draft ? (
          <PublishButton
            path={props.path}
            disabled={check.kind !== 'valid' && check.kind !== 'idle'}
            onPublished={props.onPublished}
          />
        ) : (
          <>
            <span class="muted">{t('readOnly')}</span> <NewDraftButton source={version} />
          </>
        )}
      </div>
      <div class="grid editor-grid">
        <section class="card" aria-labelledby="editor-title">
          <h2 id="editor-title">{t('editor')}</h2>
          <JsonEditor value={text} readOnly={!draft} label={t('editor')} onChange={setText} />
        </section>
        <div>
          {draft && (
            <section class="card" aria-labelledby="problems-title">
              <h2 id="problems-title">{t('problems')}</h2>
              <CheckResult check={check} />
            </section>
          )}
          <section class="card" aria-labelledby="preview-title">
            <h2 id="preview-title">{t('preview')}</h2>
            <Diagram
              path={`${props.path}/diagram.svg?lang=${lang()}`}
              alt={t('preview')}
              refresh={previewTick}
            />
          </section>
        </div>
      </div>
    </section>
  );
}

/** The parsed value, or the parser's message (with line and column where the browser gives them). */
function parseJson(text: string): unknown {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function CheckResult(props: { check: Check }): JSX.Element {
  const { check } = props;
  return (
    <div aria-live="polite" data-testid="check-result">
      {check.kind === 'checking' && <p class="muted">{t('checking')}</p>}
      {check.kind === 'valid' && <p class="notice ok">{t('valid')}</p>}
      {check.kind === 'not-json' && (
        <p class="notice error">
          {t('notJson')}
          {check.message}
        </p>
      )}
      {check.kind === 'failed' && <p class="notice error">{check.message}</p>}
      {check.kind === 'problems' && (
        <ul class="problems">
          {check.problems.map((problem) => (
            <li key={problem.path + problem.message}>
              <code>{problem.path || '/'}</code> {problem.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function PublishButton(props: { path: string; disabled: boolean; onPublished: () => void }): JSX.Element {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  async function publish(): Promise<void> {
    setError(undefined);
    try {
      await api(`${props.path}/publish`, { method: 'POST' });
      props.onPublished();
    } catch (caught) {
      setError(describeError(caught));
      setConfirming(false);
    }
  }
  return (
    <div class="publish">
      {confirming ? (
        <>
          <span role="alert">{t('publishConfirm')}</span>{' '}
          <button type="button" onClick={publish}>
            {t('publish')}
          </button>{' '}
          <button type="button" class="secondary" onClick={() => setConfirming(false)}>
            {t('cancel')}
          </button>
        </>
      ) : (
        <button type="button" onClick={() => setConfirming(true)} disabled={props.disabled}>
          {t('publish')}
        </button>
      )}
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
