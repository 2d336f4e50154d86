import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { PrincipalEntity } from '../auth/principal.entity';
import { DefinitionVersionEntity } from '../definitions/definition-version.entity';
import { migrations } from './migrations';

export const entities = [PrincipalEntity, DefinitionVersionEntity];

export function ormConfig(clientUrl: string, poolMax = 16): Options {
  return defineConfig({
    clientUrl,
    entities,
    extensions: [Migrator],
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    migrations: {
      migrationsList: migrations,
      transactional: true,
      allOrNothing: true,
      tableName: 'schema_migrations',
      silent: true,
    },
    pool: { min: 0, max: poolMax },
    // Errors surface as problem documents and logs of our own; the ORM stays quiet.
    debug: false,
    allowGlobalContext: false,
    forceUtcTimezone: true,
  });
}
