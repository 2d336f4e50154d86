import { SENTINEL, type Statement, type TransitionStatements } from './capture-statements';

/** A pgbench custom script and the `-D name=value` definitions its variables need. */
export interface PgbenchScript {
  text: string;
  defines: string[];
}

/** The project id of the n-th seeded project: pgbench cannot hold a list of uuids, a table can. */
const PROJECT_OF_N = '(select id from bench_ids where n = :n)';

/**
 * Turns the captured statements into a pgbench script: each `?` becomes a variable (bound as a
 * parameter under -M extended/prepared, like the driver's), the project and its version come from
 * the loadHead row (\gset), the idempotency key is random per transaction, NULLs are inlined
 * because -D cannot define one.
 */
export function pgbenchScript(statements: TransitionStatements, projects: number): PgbenchScript {
  const defines: string[] = [];
  const variable = (value: unknown, special: (value: unknown) => string | undefined): string => {
    const known = special(value);
    if (known) return known;
    if (value === null || value === undefined) return 'NULL';
    defines.push(`p${defines.length}=${String(value)}`);
    return `:p${defines.length - 1}`;
  };
  const headSpecial = (value: unknown) =>
    value === SENTINEL.projectId ? PROJECT_OF_N : value === SENTINEL.key ? ':k' : undefined;
  const appendSpecial = (value: unknown) => {
    if (value === SENTINEL.projectId) return ':h_id';
    if (value === SENTINEL.expectedVersion) return ':h_version';
    if (value === SENTINEL.version) return ':nv';
    return value === SENTINEL.key ? ':k' : undefined;
  };
  const text = [
    `\\set n random(1, ${projects})`,
    '\\set k random(1, 9223372036854775806)',
    `${substitute(statements.loadHead, (v) => variable(v, headSpecial))}`,
    '\\gset h_',
    '\\set nv :h_version + 1',
    `${substitute(statements.append, (v) => variable(v, appendSpecial))};`,
    '',
  ].join('\n');
  return { text, defines };
}

function substitute(statement: Statement, name: (value: unknown) => string): string {
  const parts = statement.sql.split('?');
  if (parts.length - 1 !== statement.params.length)
    throw new Error(`${parts.length - 1} placeholders but ${statement.params.length} values`);
  return parts.reduce((sql, part, index) => sql + name(statement.params[index - 1]) + part);
}
