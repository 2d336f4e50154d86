import type { MikroORM } from '@mikro-orm/postgresql';

const MIGRATION_LOCK = 872_301;

/**
 * Applies pending migrations. Several instances may start at once, so an advisory lock lets one
 * migrate while the others wait and then find nothing to do.
 */
export async function runMigrations(orm: MikroORM): Promise<string[]> {
  const connection = orm.em.getConnection();
  const knex = connection.getKnex();
  return knex.transaction(async (trx) => {
    await trx.raw('select pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
    const applied = await orm.getMigrator().up();
    return applied.map((migration) => migration.name);
  });
}
