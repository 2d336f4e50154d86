import type { JSX } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api';
import { Diagram } from '../components/diagram';
import { ErrorNotice, Loading } from '../components/errors';
import { LiveBadge } from '../components/live-badge';
import { eventLabel, stateLabel, useDefinition } from '../definitions';
import { formatTime, label, lang, t } from '../i18n';
import { href } from '../router';
import { useStreamEvents, type StreamEvent } from '../stream';
import type { DefinitionKey, Project, ProjectPage, Stats } from '../types';
import { useLoad } from '../use-load';

/** The bureau's overview: lifecycle heat map, acceptance funnel, overdue risk list, live events. */
export function Dashboard(): JSX.Element {
  const stats = useLoad(() => api<Stats>('/api/stats'), []);
  const overdue = useLoad(() => api<ProjectPage>('/api/projects?overdue=true&limit=10'), []);
  const definitions = useLoad(() => api<DefinitionKey[]>('/api/definitions'), []);
  const [events, setEvents] = useState<StreamEvent[]>([]);
  const [heat, setHeat] = useState(0);
  const refreshTimer = useRef<number | undefined>(undefined);

  const onEvent = useCallback(
    (event: StreamEvent) => {
      if (event.type) setEvents((previous) => [event, ...previous].slice(0, 15));
      // A burst of events refreshes the figures once.
      clearTimeout(refreshTimer.current);
      refreshTimer.current = window.setTimeout(() => {
        stats.reload();
        overdue.reload();
        setHeat((value) => value + 1);
      }, 500);
    },
    [stats.reload, overdue.reload],
  );
  useStreamEvents(onEvent);

  const shown = definitions.data?.find((entry) => entry.latestPublished !== undefined);
  const statsEntry = stats.data?.definitions.find((entry) => entry.key === shown?.key);
  const version = statsEntry?.version ?? shown?.latestPublished;

  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        {t('navDashboard')}
      </h1>
      {stats.error !== undefined && <ErrorNotice error={stats.error} onRetry={stats.reload} />}
      <div class="grid two">
        <Totals stats={stats.data} />
        <Funnel stats={stats.data} />
      </div>
      <section class="card" aria-labelledby="diagram-title">
        <h2 id="diagram-title">
          {t('lifecycleDiagram')}
          {shown && (
            <span class="muted">
              {' '}
              · {label(shown.versions[0]?.title)} v{version}
            </span>
          )}
        </h2>
        {shown && version !== undefined ? (
          <Diagram
            path={`/api/definitions/${encodeURIComponent(shown.key)}/versions/${version}/diagram.svg?lang=${lang()}&heat=1${statsEntry?.version === undefined ? '&scope=all' : ''}`}
            alt={t('lifecycleDiagram')}
            refresh={heat}
          />
        ) : definitions.error !== undefined ? (
          <ErrorNotice error={definitions.error} onRetry={definitions.reload} />
        ) : (
          <Loading />
        )}
      </section>
      <div class="grid two">
        <OverdueList page={overdue.data} error={overdue.error} onRetry={overdue.reload} />
        <LiveEvents events={events} />
      </div>
    </section>
  );
}

function Figure(props: { name: string; value: number | undefined; tone?: string }): JSX.Element {
  return (
    <div class={`figure ${props.tone ?? ''}`}>
      <dt>{props.name}</dt>
      <dd data-testid={`figure-${props.name}`}>{props.value ?? '—'}</dd>
    </div>
  );
}

function Totals(props: { stats?: Stats }): JSX.Element {
  const totals = props.stats?.totals;
  return (
    <section class="card" aria-labelledby="totals-title">
      <h2 id="totals-title">{t('totals')}</h2>
      <dl class="figures">
        <Figure name={t('totalProjects')} value={totals?.projects} />
        <Figure name={t('totalActive')} value={totals?.active} />
        <Figure name={t('totalDone')} value={totals?.done} />
        <Figure name={t('totalOverdue')} value={totals?.overdue} tone="danger" />
      </dl>
    </section>
  );
}

function Funnel(props: { stats?: Stats }): JSX.Element {
  const funnel = props.stats?.funnel;
  const steps: [string, number | undefined][] = [
    [t('funnelApplied'), funnel?.appliedForAcceptance],
    [t('funnelMock'), funnel?.mockDefenseHeld],
    [t('funnelPassed'), funnel?.passed],
    [t('funnelFailed'), funnel?.failed],
  ];
  const top = Math.max(1, funnel?.appliedForAcceptance ?? 0);
  return (
    <section class="card" aria-labelledby="funnel-title">
      <h2 id="funnel-title">{t('funnel')}</h2>
      <ol class="funnel">
        {steps.map(([name, value], index) => (
          <li key={name} class={index === 3 ? 'failed' : ''}>
            <span class="funnel-name">{name}</span>
            <span class="funnel-bar" aria-hidden="true">
              <span style={{ width: `${Math.round(((value ?? 0) / top) * 100)}%` }} />
            </span>
            <span class="funnel-value">{value ?? '—'}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function OverdueList(props: { page?: ProjectPage; error?: unknown; onRetry: () => void }): JSX.Element {
  return (
    <section class="card" aria-labelledby="overdue-title">
      <h2 id="overdue-title">{t('overdueList')}</h2>
      {props.error !== undefined && <ErrorNotice error={props.error} onRetry={props.onRetry} />}
      {props.page && props.page.items.length === 0 && <p class="muted">{t('noOverdue')}</p>}
      {props.page && props.page.items.length > 0 && (
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t('title')}</th>
              <th scope="col">{t('enterprise')}</th>
              <th scope="col" class="num">
                {t('daysOverdue')}
              </th>
            </tr>
          </thead>
          <tbody>
            {[...props.page.items]
              .sort((a, b) => (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0))
              .map((project) => (
                <tr key={project.id}>
                  <td>
                    <a href={href(`/projects/${project.id}`)}>{project.title}</a>
                  </td>
                  <td>{project.enterpriseId}</td>
                  <td class="num danger">
                    {project.daysOverdue ?? 0} {t('days')}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function LiveEvents(props: { events: StreamEvent[] }): JSX.Element {
  return (
    <section class="card" aria-labelledby="live-title">
      <h2 id="live-title">
        {t('recentEvents')} <LiveBadge />
      </h2>
      <ul class="live-events" aria-live="polite" aria-relevant="additions">
        {props.events.length === 0 && <li class="muted">{t('noRecentEvents')}</li>}
        {props.events.map((event) => (
          <LiveEventItem key={`${event.projectId}-${event.version ?? ''}-${event.type}`} event={event} />
        ))}
      </ul>
    </section>
  );
}

function LiveEventItem(props: { event: StreamEvent }): JSX.Element {
  const { event } = props;
  const definition = useDefinition(event.definition);
  const title = useProjectTitle(event.projectId);
  return (
    <li>
      <time>{formatTime(event.occurredAt)}</time>{' '}
      <a href={href(`/projects/${event.projectId}`)}>
        {event.projectTitle ?? title ?? event.projectId.slice(0, 8)}
      </a>{' '}
      <strong>{label(event.label, eventLabel(definition, event.type))}</strong>
      {event.stateAfter !== undefined && event.stateAfter !== null && (
        <span class="muted"> → {stateLabel(definition, event.stateAfter)}</span>
      )}
    </li>
  );
}

const titles = new Map<string, Promise<string>>();

/** Stream events carry the project id only; titles are fetched once each. */
function useProjectTitle(id: string): string | undefined {
  const [title, setTitle] = useState<string>();
  useEffect(() => {
    let live = true;
    let pending = titles.get(id);
    if (!pending) {
      pending = api<Project>(`/api/projects/${id}`).then((project) => project.title);
      pending.catch(() => titles.delete(id));
      titles.set(id, pending);
    }
    pending.then((found) => live && setTitle(found)).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [id]);
  return title;
}
