import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { textArrayLiteral } from '../../../database/pg-array';
import { scopeOf } from '../../../auth/principal';
import { Clock } from '../../../common/clock';
import {
  PROJECT_SUMMARY_COLUMNS,
  projectSummaryOf,
  type ProjectPageView,
  type ProjectSummaryRow,
} from '../../project.views';
import { ListProjectsQuery, type ProjectFilters } from './list-projects.query';
import { decodeCursor, encodeCursor, type ProjectCursor } from './project-cursor';

interface Where {
  clauses: string[];
  params: unknown[];
}

/** Filters map onto indexed columns; the overdue list is sorted by days overdue, longest first. */
function whereOf(filters: ProjectFilters, enterpriseScope: string | undefined): Where {
  const where: Where = { clauses: [], params: [] };
  const add = (clause: string, ...params: unknown[]) => {
    where.clauses.push(clause);
    where.params.push(...params);
  };
  if (enterpriseScope !== undefined) add('enterprise_id = ?', enterpriseScope);
  if (filters.enterpriseId !== undefined) add('enterprise_id = ?', filters.enterpriseId);
  if (filters.state !== undefined) add('state_paths @> ?::text[]', textArrayLiteral([filters.state]));
  if (filters.definition !== undefined) {
    const [key, version] = filters.definition.split('@');
    add('definition_key = ?', key);
    if (version !== undefined) add('definition_version = ?', Number(version));
  }
  if (filters.overdue !== undefined) add(filters.overdue ? 'overdue' : 'not overdue');
  if (filters.q !== undefined)
    add(`title ilike ? escape '\\'`, `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return where;
}

@QueryHandler(ListProjectsQuery)
export class ListProjectsHandler implements IQueryHandler<ListProjectsQuery> {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  async execute(query: ListProjectsQuery): Promise<ProjectPageView> {
    const sort: ProjectCursor['sort'] = query.filters.overdue === true ? 'overdue' : 'created';
    const where = whereOf(query.filters, scopeOf(query.principal).enterpriseId);
    if (query.cursor !== undefined) {
      const cursor = decodeCursor(query.cursor, sort);
      where.clauses.push(
        sort === 'overdue'
          ? '(overdue_since, id) > (?::timestamptz, ?::uuid)'
          : '(created_at, id) < (?::timestamptz, ?::uuid)',
      );
      where.params.push(cursor.at, cursor.id);
    }
    const order = sort === 'overdue' ? 'overdue_since asc, id asc' : 'created_at desc, id desc';
    const rows = await this.em.getConnection().execute<ProjectSummaryRow[]>(
      `select ${PROJECT_SUMMARY_COLUMNS} from projects ${where.clauses.length ? `where ${where.clauses.join(' and ')}` : ''}
       order by ${order} limit ?`,
      [...where.params, query.limit + 1],
    );
    const now = this.clock.now();
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    const more = rows.length > query.limit && last !== undefined;
    const at = last && (sort === 'overdue' ? last.overdue_since : last.created_at);
    return {
      items: page.map((row) => projectSummaryOf(row, now)),
      nextCursor:
        more && at ? encodeCursor({ sort, at: new Date(at).toISOString(), id: last.id }) : undefined,
    };
  }
}
