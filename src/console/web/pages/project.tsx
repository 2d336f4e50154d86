import type { JSX } from 'preact';
import { useCallback, useRef, useState } from 'preact/hooks';
import { api } from '../api';
import { Deadlines } from '../components/deadlines';
import { Diagram } from '../components/diagram';
import { ErrorNotice, Loading } from '../components/errors';
import { LiveBadge } from '../components/live-badge';
import { Readable } from '../components/readable';
import { eventLabel, stateLabel, useDefinition } from '../definitions';
import { formatTime, label, lang, roleName, t } from '../i18n';
import { href } from '../router';
import { can, type Session } from '../session';
import { useStreamEvents, type StreamEvent } from '../stream';
import type { AvailableEvent, Definition, Project, ProjectEvent } from '../types';
import { useLoad } from '../use-load';
import { EventForm } from './event-form';

/** One project: state, diagram, timeline, and the events the signed-in role may send now. */
export function ProjectPage(props: { id: string; session: Session }): JSX.Element {
  const { id } = props;
  const project = useLoad(() => api<Project>(`/api/projects/${id}`), [id]);
  const events = useLoad(() => api<ProjectEvent[]>(`/api/projects/${id}/events`), [id]);
  const available = useLoad(() => api<AvailableEvent[]>(`/api/projects/${id}/available-events`), [id]);
  const definition = useDefinition(project.data?.definition);
  const [sentMessage, setSentMessage] = useState<string>();
  const [diagramTick, setDiagramTick] = useState(0);

  const reloadAll = useCallback(() => {
    project.reload();
    events.reload();
    available.reload();
    setDiagramTick((value) => value + 1);
  }, [project.reload, events.reload, available.reload]);

  // Another person's event on this project (or a polling ping) brings the page up to date.
  useStreamEvents(
    useCallback(
      (event: StreamEvent) => {
        if (event.projectId === id || event.projectId === '') reloadAll();
      },
      [id, reloadAll],
    ),
  );

  if (!project.data) {
    return (
      <section aria-labelledby="page-title">
        <h1 id="page-title" tabIndex={-1}>
          {t('projects')}
        </h1>
        {project.error !== undefined ? (
          <ErrorNotice error={project.error} onRetry={project.reload} />
        ) : (
          <Loading />
        )}
        <p>
          <a href={href('/projects')}>{t('backToList')}</a>
        </p>
      </section>
    );
  }
  const data = project.data;
  return (
    <section aria-labelledby="page-title">
      <p class="breadcrumb">
        <a href={href('/projects')}>← {t('backToList')}</a>
      </p>
      <h1 id="page-title" tabIndex={-1}>
        {data.title}
      </h1>
      {project.error !== undefined && <ErrorNotice error={project.error} onRetry={reloadAll} />}
      <div class="summary card">
        <dl class="facts">
          <div>
            <dt>{t('currentState')}</dt>
            <dd data-testid="current-state">
              <strong>{stateLabel(definition, data.state)}</strong>
              {data.overdue && (
                <span class="badge danger">
                  {t('overdueBadge')} {data.daysOverdue ?? 0} {t('days')}
                </span>
              )}
            </dd>
          </div>
          <div>
            <dt>{t('enterprise')}</dt>
            <dd>{data.enterpriseId}</dd>
          </div>
          <div>
            <dt>{t('definition')}</dt>
            <dd>
              {label(definition?.title, data.definition.key)} v{data.definition.version}
            </dd>
          </div>
          <div>
            <dt>{t('updatedAt')}</dt>
            <dd>{formatTime(data.updatedAt)}</dd>
          </div>
        </dl>
        {can.audit(props.session.me.role) && (
          <a class="button secondary" href={href(`/projects/${id}/audit`)}>
            {t('audit')}
          </a>
        )}
      </div>
      <div class="grid project-grid">
        <div>
          <section class="card" aria-labelledby="diagram-title">
            <h2 id="diagram-title">{t('diagram')}</h2>
            <Diagram
              path={`/api/projects/${id}/diagram.svg?lang=${lang()}`}
              alt={t('diagramAlt')}
              refresh={diagramTick}
            />
          </section>
          <Actions
            session={props.session}
            project={data}
            available={available.data}
            error={available.error}
            sentMessage={sentMessage}
            onSent={(message) => {
              setSentMessage(message);
              reloadAll();
            }}
            onStale={reloadAll}
          />
          <section class="card" aria-labelledby="deadlines-title">
            <h2 id="deadlines-title">{t('deadlines')}</h2>
            <Deadlines deadlines={data.deadlines} />
          </section>
          <section class="card" aria-labelledby="data-title">
            <h2 id="data-title">{t('projectData')}</h2>
            <Readable value={data.context} schema={definition?.data} />
          </section>
        </div>
        <Timeline events={events.data} error={events.error} definition={definition} onRetry={events.reload} />
      </div>
    </section>
  );
}

interface ActionsProps {
  session: Session;
  project: Project;
  available?: AvailableEvent[];
  error?: unknown;
  sentMessage?: string;
  onSent: (message: string) => void;
  onStale: () => void;
}

function Actions(props: ActionsProps): JSX.Element {
  const [open, setOpen] = useState<string>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  return (
    <section class="card" aria-labelledby="actions-title">
      <h2 id="actions-title" ref={headingRef} tabIndex={-1}>
        {t('actions')}
      </h2>
      <p class="sent" role="status" aria-live="polite">
        {props.sentMessage}
      </p>
      {props.error !== undefined && <ErrorNotice error={props.error} />}
      {props.available && props.available.length === 0 && <p class="muted">{t('noActions')}</p>}
      {props.available?.map((event) => (
        <details
          key={event.type}
          class="action"
          open={open === event.type}
          onToggle={(toggle) => {
            const element = toggle.currentTarget as HTMLDetailsElement;
            if (element.open) setOpen(event.type);
            else if (open === event.type) setOpen(undefined);
          }}
        >
          <summary>{label(event.label, event.type)}</summary>
          <EventForm
            projectId={props.project.id}
            version={props.project.version}
            event={event}
            onSent={(message) => {
              setOpen(undefined);
              props.onSent(message);
              headingRef.current?.focus();
            }}
            onStale={props.onStale}
          />
        </details>
      ))}
    </section>
  );
}

function Timeline(props: {
  events?: ProjectEvent[];
  error?: unknown;
  definition?: Definition;
  onRetry: () => void;
}): JSX.Element {
  const items = [...(props.events ?? [])].reverse();
  return (
    <section class="card timeline-card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">
        {t('timeline')} <LiveBadge />
      </h2>
      {props.error !== undefined && <ErrorNotice error={props.error} onRetry={props.onRetry} />}
      {!props.events && props.error === undefined && <Loading />}
      {props.events?.length === 0 && <p class="muted">{t('noEvents')}</p>}
      <ol class="timeline" aria-live="polite" aria-relevant="additions">
        {items.map((event) => (
          <li key={event.version} data-version={event.version}>
            <div class="timeline-head">
              <strong>{label(event.label, eventLabel(props.definition, event.type))}</strong>
              <span class="muted">#{event.version}</span>
            </div>
            <p class="timeline-meta">
              <span>
                {t('by')}：{event.actor.name ?? roleName(event.actor.role)}
                {event.actor.name ? '' : ` · ${event.actor.id.slice(0, 8)}`}
              </span>
              <time dateTime={event.occurredAt}>{formatTime(event.occurredAt)}</time>
            </p>
            {event.stateBefore !== undefined &&
              stateLabel(props.definition, event.stateBefore) !==
                stateLabel(props.definition, event.stateAfter) && (
                <p class="transition">
                  {stateLabel(props.definition, event.stateBefore)} →{' '}
                  {stateLabel(props.definition, event.stateAfter)}
                </p>
              )}
            {Object.keys(event.payload).length > 0 && (
              <Readable value={event.payload} schema={props.definition?.events[event.type]?.payload} />
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
