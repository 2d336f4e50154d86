import type { JSX } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, ApiError, request } from '../api';
import { describeError, ErrorNotice, Loading } from '../components/errors';
import { highlightSvg } from '../components/highlight-svg';
import { Readable } from '../components/readable';
import { SvgView } from '../components/svg-view';
import { eventLabel, leafPaths, stateLabel, useDefinition } from '../definitions';
import { formatTime, label, lang, t } from '../i18n';
import { href } from '../router';
import type { Project, ProjectEvent, Replay, VerifyResult } from '../types';
import { useLoad } from '../use-load';

/** The auditor's view of one project: replay its history step by step, verify its hash chain. */
export function AuditPage(props: { id: string }): JSX.Element {
  const { id } = props;
  const project = useLoad(() => api<Project>(`/api/projects/${id}`), [id]);
  const events = useLoad(() => api<ProjectEvent[]>(`/api/projects/${id}/events`), [id]);
  const total = events.data?.length ?? 0;
  return (
    <section aria-labelledby="page-title">
      <p class="breadcrumb">
        <a href={href(`/projects/${id}`)}>← {project.data?.title ?? t('projects')}</a>
      </p>
      <h1 id="page-title" tabIndex={-1}>
        {t('audit')}
        {project.data && <span class="muted"> · {project.data.title}</span>}
      </h1>
      {project.error !== undefined && <ErrorNotice error={project.error} onRetry={project.reload} />}
      {events.error !== undefined && <ErrorNotice error={events.error} onRetry={events.reload} />}
      {!events.data && events.error === undefined && <Loading />}
      {project.data && events.data && total > 0 && (
        <ReplayPanel id={id} project={project.data} events={events.data} />
      )}
      <VerifyPanel id={id} />
    </section>
  );
}

function ReplayPanel(props: { id: string; project: Project; events: ProjectEvent[] }): JSX.Element {
  const total = props.events.length;
  const [step, setStep] = useState(total);
  const [replay, setReplay] = useState<Replay>();
  const [error, setError] = useState<unknown>();
  const definition = useDefinition(props.project.definition);
  const baseSvg = useBaseSvg(props.project.definition);
  useEffect(() => {
    const controller = new AbortController();
    // Dragging the slider asks for the last position only.
    const timer = setTimeout(() => {
      api<Replay>(`/api/projects/${props.id}/replay?to=${step}`, { signal: controller.signal }).then(
        (found) => {
          setReplay(found);
          setError(undefined);
        },
        (caught: unknown) => !controller.signal.aborted && setError(caught),
      );
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [props.id, step]);
  const event = props.events[step - 1];
  const lit = leafPaths(replay?.state ?? undefined);
  const litKey = lit.join('|');
  const svg = useMemo(() => baseSvg && highlightSvg(baseSvg, lit), [baseSvg, litKey]);
  return (
    <section class="card" aria-labelledby="replay-title">
      <h2 id="replay-title">{t('replay')}</h2>
      <label for="replay-step">{t('replayStep', { n: step, total })}</label>
      <input
        id="replay-step"
        type="range"
        min={1}
        max={total}
        step={1}
        value={step}
        aria-valuetext={`${step} / ${total}: ${event ? label(event.label, eventLabel(definition, event.type)) : ''}`}
        onInput={(input) => setStep(Number(input.currentTarget.value))}
      />
      {event && (
        <p class="replay-event">
          <strong>
            {t('event')} #{event.version}：{label(event.label, eventLabel(definition, event.type))}
          </strong>{' '}
          <span class="muted">{formatTime(event.occurredAt)}</span>
        </p>
      )}
      {error !== undefined && <ErrorNotice error={error} />}
      <div aria-live="polite">
        {replay && replay.version === step && (
          <>
            <p data-testid="replay-state">
              {t('currentState')}：<strong>{stateLabel(definition, replay.state ?? undefined)}</strong>{' '}
              <span class={`badge ${replay.matches ? 'ok' : 'danger'}`}>
                {replay.matches ? t('replayMatches') : t('replayDiffers')}
              </span>
            </p>
          </>
        )}
      </div>
      <div class="grid two">
        <div>
          <h3>{t('diagram')}</h3>
          {svg ? (
            <SvgView
              svg={svg}
              label={`${t('diagram')}: ${stateLabel(definition, replay?.state ?? undefined)}`}
            />
          ) : (
            <Loading />
          )}
        </div>
        <div data-testid="replay-context">
          <h3>{t('context')}</h3>
          {replay?.context ? <Readable value={replay.context} schema={definition?.data} /> : <Loading />}
        </div>
      </div>
    </section>
  );
}

function useBaseSvg(ref: { key: string; version: number }): string | undefined {
  const [svg, setSvg] = useState<string>();
  useEffect(() => {
    let live = true;
    request(
      `/api/definitions/${encodeURIComponent(ref.key)}/versions/${ref.version}/diagram.svg?lang=${lang()}`,
      {
        headers: { Accept: 'image/svg+xml' },
      },
    )
      .then((response) => response.text())
      .then((text) => live && setSvg(text))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [ref.key, ref.version]);
  return svg;
}

interface Checkpoint {
  createdAt: string;
  count: number;
  root: string;
  algorithm: string | null;
}

interface Broken {
  version?: number | null;
  reason?: string;
  label?: { zh: string; en: string };
}

function VerifyPanel(props: { id: string }): JSX.Element {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<VerifyResult>();
  const [checkpoint, setCheckpoint] = useState<Checkpoint | null>();
  const [error, setError] = useState<string>();

  async function verify(): Promise<void> {
    setBusy(true);
    setError(undefined);
    try {
      setResult(await api<VerifyResult>(`/api/audit/verify?project=${props.id}`));
      setCheckpoint(await latestCheckpoint());
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  }

  const broken = result?.firstBroken as Broken | null | undefined;
  return (
    <section class="card" aria-labelledby="verify-title">
      <h2 id="verify-title">{t('verify')}</h2>
      <button type="button" onClick={verify} disabled={busy}>
        {busy ? t('verifying') : t('verify')}
      </button>
      <div aria-live="polite" class="verify-result">
        {error && (
          <p class="notice error" role="alert">
            {error}
          </p>
        )}
        {result && (
          <p class={`notice ${result.ok ? 'ok' : 'error'}`} data-testid="verify-result">
            {result.ok
              ? t('chainOk', { n: result.checked })
              : t('chainBroken', {
                  at: broken ? `#${broken.version ?? '?'} ${label(broken.label, broken.reason ?? '')}` : '?',
                })}
          </p>
        )}
        {checkpoint !== undefined && (
          <div class="checkpoint">
            <h3>{t('latestCheckpoint')}</h3>
            {checkpoint === null ? (
              <p class="muted">{t('noCheckpoint')}</p>
            ) : (
              <dl class="facts">
                <div>
                  <dt>{t('at')}</dt>
                  <dd>
                    <time dateTime={checkpoint.createdAt}>{formatTime(checkpoint.createdAt)}</time>
                  </dd>
                </div>
                <div>
                  <dt>{t('totalProjects')}</dt>
                  <dd>{checkpoint.count}</dd>
                </div>
                <div>
                  <dt>Merkle root</dt>
                  <dd>
                    <code title={checkpoint.root}>{checkpoint.root.slice(0, 16)}…</code>
                  </dd>
                </div>
                <div>
                  <dt>{t('signature')}</dt>
                  <dd>{checkpoint.algorithm ?? t('none')}</dd>
                </div>
              </dl>
            )}
          </div>
        )}
      </div>
    </section>
  );
}

async function latestCheckpoint(): Promise<Checkpoint | null> {
  try {
    return await api<Checkpoint>('/api/audit/checkpoints/latest');
  } catch (caught) {
    if (caught instanceof ApiError && caught.status === 404) return null;
    throw caught;
  }
}
