import { execute } from '../db/admin';
import type { Deadline } from '../../src/event-store/event-store.types';
import type { LifecycleDefinition } from '../../src/lifecycle/definition.types';
import type { SnapshotJson } from '../../src/lifecycle/engine.types';
import type { SampleHead } from './capture-statements';
import { snapshotSql } from '../../src/event-store/snapshot-sql';

interface Row {
  snapshot: SnapshotJson;
  deadlines: Deadline[];
  chain_head: string;
  definition_key: string;
  definition_version: number;
  body: LifecycleDefinition;
}

/** One seeded project's head and its definition, as the service would load them. */
export async function loadSample(url: string): Promise<SampleHead> {
  const [row] = await execute<Row>(
    url,
    `select ${snapshotSql('p')} as snapshot, p.deadlines, p.chain_head, p.definition_key, p.definition_version, d.body
     from projects p join definition_versions d on d.key = p.definition_key and d.version = p.definition_version
     order by p.id limit 1`,
  );
  if (!row) throw new Error('no seeded project to sample');
  return {
    definition: row.body,
    definitionKey: row.definition_key,
    definitionVersion: row.definition_version,
    snapshot: row.snapshot,
    deadlines: row.deadlines,
    chainHead: row.chain_head,
  };
}
