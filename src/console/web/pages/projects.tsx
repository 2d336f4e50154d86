import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, query } from '../api';
import { ErrorNotice, Loading } from '../components/errors';
import { allStatePaths, stateLabel, statePathLabel, useDefinition } from '../definitions';
import { formatTime, label, t } from '../i18n';
import { href, navigate, type Route } from '../router';
import { can, type Session } from '../session';
import type { DefinitionKey, ProjectPage } from '../types';
import { useLoad } from '../use-load';

const FILTERS = ['q', 'state', 'enterprise', 'definition', 'overdue'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

function filtersOf(params: URLSearchParams): Filters {
  return Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? ''])) as Filters;
}

/** The project list with the API's filters; the filters and the cursor live in the URL. */
export function Projects(props: { route: Route; session: Session }): JSX.Element {
  const applied = filtersOf(props.route.params);
  const cursor = props.route.params.get('cursor') ?? '';
  const [draft, setDraft] = useState<Filters>(applied);
  // Reset the form only when the URL's filters change (back, forward, paging): on the first render the
  // effect would run after the page shows and wipe what someone had already typed.
  const paramsKey = props.route.params.toString();
  const shownFor = useRef(paramsKey);
  useEffect(() => {
    if (shownFor.current === paramsKey) return;
    shownFor.current = paramsKey;
    setDraft(applied);
  }, [paramsKey]);
  const definitions = useLoad(() => api<DefinitionKey[]>('/api/definitions'), []);
  const page = useLoad(
    () =>
      api<ProjectPage>(
        `/api/projects${query({
          q: applied.q,
          state: applied.state,
          enterprise: applied.enterprise,
          definition: applied.definition,
          overdue: applied.overdue === 'true' ? 'true' : undefined,
          limit: 20,
          cursor,
        })}`,
      ),
    [props.route.params.toString()],
  );
  const published =
    definitions.data?.find((entry) => entry.key === (applied.definition || undefined)) ??
    definitions.data?.find((entry) => entry.latestPublished !== undefined);
  const definition = useDefinition(
    published?.latestPublished ? { key: published.key, version: published.latestPublished } : undefined,
  );

  function apply(event: Event): void {
    event.preventDefault();
    navigate('/projects', { ...draft });
  }

  const set = (name: keyof Filters) => (event: Event) =>
    setDraft({ ...draft, [name]: (event.currentTarget as HTMLInputElement).value });

  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        {t('projects')}
      </h1>
      <form class="filters card" onSubmit={apply} aria-label={t('filters')}>
        <div class="field">
          <label for="f-q">{t('search')}</label>
          <input id="f-q" type="search" value={draft.q} onInput={set('q')} />
        </div>
        <div class="field">
          <label for="f-state">{t('state')}</label>
          <select id="f-state" value={draft.state} onChange={set('state')}>
            <option value="">{t('anyState')}</option>
            {allStatePaths(definition).map((path) => (
              <option key={path} value={path}>
                {statePathLabel(definition, path)}
              </option>
            ))}
          </select>
        </div>
        {can.filterByEnterprise(props.session.me.role) && (
          <div class="field">
            <label for="f-enterprise">{t('enterprise')}</label>
            <input id="f-enterprise" value={draft.enterprise} onInput={set('enterprise')} />
          </div>
        )}
        <div class="field">
          <label for="f-definition">{t('definition')}</label>
          <select id="f-definition" value={draft.definition} onChange={set('definition')}>
            <option value="">{t('anyDefinition')}</option>
            {(definitions.data ?? []).map((entry) => (
              <option key={entry.key} value={entry.key}>
                {label(entry.versions[0]?.title, entry.key)}
              </option>
            ))}
          </select>
        </div>
        <label class="check" for="f-overdue">
          <input
            id="f-overdue"
            type="checkbox"
            checked={draft.overdue === 'true'}
            onChange={(event) => setDraft({ ...draft, overdue: event.currentTarget.checked ? 'true' : '' })}
          />{' '}
          {t('onlyOverdue')}
        </label>
        <div class="buttons">
          <button type="submit">{t('apply')}</button>
          <a class="button secondary" href={href('/projects')}>
            {t('reset')}
          </a>
        </div>
      </form>
      {page.error !== undefined && <ErrorNotice error={page.error} onRetry={page.reload} />}
      {page.loading && !page.data && <Loading />}
      {page.data && (
        <div class="card">
          {page.data.items.length === 0 ? (
            <p class="muted">{t('noProjects')}</p>
          ) : (
            <table class="table" aria-busy={page.loading}>
              <thead>
                <tr>
                  <th scope="col">{t('title')}</th>
                  <th scope="col">{t('enterprise')}</th>
                  <th scope="col">{t('state')}</th>
                  <th scope="col">{t('updatedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {page.data.items.map((project) => (
                  <tr key={project.id}>
                    <td>
                      <a href={href(`/projects/${project.id}`)}>{project.title}</a>
                      {project.overdue && (
                        <span class="badge danger">
                          {t('overdueBadge')} {project.daysOverdue ?? 0} {t('days')}
                        </span>
                      )}
                    </td>
                    <td>{project.enterpriseId}</td>
                    <td>{stateLabel(definition, project.state)}</td>
                    <td>{formatTime(project.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <nav class="pager" aria-label={t('nextPage')}>
            {cursor && (
              <a class="button secondary" href={href('/projects', { ...applied })}>
                {t('firstPage')}
              </a>
            )}
            {page.data.nextCursor && (
              <a
                class="button secondary"
                href={href('/projects', { ...applied, cursor: page.data.nextCursor })}
              >
                {t('nextPage')}
              </a>
            )}
          </nav>
        </div>
      )}
    </section>
  );
}
