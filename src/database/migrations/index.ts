import type { MigrationObject } from '@mikro-orm/core';
import { Migration0001Principals } from './0001-principals.migration';

/** Listed explicitly so the same migrations run from compiled code and from tests. Append only. */
export const migrations: MigrationObject[] = [{ name: '0001-principals', class: Migration0001Principals }];
