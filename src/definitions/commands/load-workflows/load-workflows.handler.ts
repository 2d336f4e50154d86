import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { canonicalHash } from '../../../common/canonical-json';
import { validateDefinition } from '../../../lifecycle/validate';
import { LoadWorkflowsCommand, type LoadedWorkflow } from './load-workflows.command';

const LOAD_LOCK = 872_303;
const SYSTEM = 'system';

/**
 * A changed file becomes a new published version, never an overwrite; an unchanged one changes
 * nothing. Only versions that came from files are compared, so a version an administrator published
 * through the API is not undone by a restart.
 */
@CommandHandler(LoadWorkflowsCommand)
export class LoadWorkflowsHandler implements ICommandHandler<LoadWorkflowsCommand> {
  constructor(private readonly em: EntityManager) {}

  async execute({ directory }: LoadWorkflowsCommand): Promise<LoadedWorkflow[]> {
    const files = (await readdir(directory)).filter((name) => name.endsWith('.json')).sort();
    const bodies = await Promise.all(
      files.map(async (file) => ({ file, body: await readDefinition(join(directory, file)) })),
    );
    return this.em.transactional(async (em) => {
      // Raw statements join the transaction only when given its context explicitly.
      const tx = em.getTransactionContext();
      const connection = em.getConnection();
      await connection.execute('select pg_advisory_xact_lock(?)', [LOAD_LOCK], 'all', tx);
      const loaded: LoadedWorkflow[] = [];
      for (const { file, body } of bodies) {
        const key = String(body.key);
        const hash = canonicalHash(body);
        const [last] = await connection.execute<{ version: number; body_hash: string }[]>(
          `select version, body_hash from definition_versions where key = ? and source = 'workflows'
           order by version desc limit 1`,
          [key],
          'all',
          tx,
        );
        if (last?.body_hash === hash) {
          loaded.push({ file, key, version: last.version, published: false });
          continue;
        }
        const [row] = await connection.execute<{ version: number }[]>(
          `insert into definition_versions (key, version, status, body, body_hash, source, created_by, published_by, published_at)
           select ?, coalesce(max(version), 0) + 1, 'published', ?, ?, 'workflows', ?, ?, now()
           from definition_versions where key = ? returning version`,
          [key, JSON.stringify(body), hash, SYSTEM, SYSTEM, key],
          'all',
          tx,
        );
        loaded.push({ file, key, version: row.version, published: true });
      }
      return loaded;
    });
  }
}

async function readDefinition(path: string): Promise<Record<string, unknown>> {
  const body: unknown = JSON.parse(await readFile(path, 'utf8'));
  const { valid, problems } = validateDefinition(body);
  if (!valid) {
    const first = problems
      .slice(0, 3)
      .map((p) => `${p.path || '/'}: ${p.message}`)
      .join('; ');
    throw new Error(`${path} is not a valid lifecycle definition (${problems.length} problem(s): ${first})`);
  }
  return body as Record<string, unknown>;
}
