import type { MigrationObject } from '@mikro-orm/core';
import { Migration0001Principals } from './0001-principals.migration';
import { Migration0002Definitions } from './0002-definitions.migration';
import { Migration0003EventStore } from './0003-event-store.migration';
import { Migration0004Audit } from './0004-audit.migration';
import { Migration0005StateCounts } from './0005-state-counts.migration';
import { Migration0006DropSnapshotColumn } from './0006-drop-snapshot-column.migration';
import { Migration0007ProjectsFillfactor } from './0007-projects-fillfactor.migration';
import { Migration0008ArmedTimersIndex } from './0008-armed-timers-index.migration';

/** Listed explicitly so the same migrations run from compiled code and from tests. Append only. */
export const migrations: MigrationObject[] = [
  { name: '0001-principals', class: Migration0001Principals },
  { name: '0002-definitions', class: Migration0002Definitions },
  { name: '0003-event-store', class: Migration0003EventStore },
  { name: '0004-audit', class: Migration0004Audit },
  { name: '0005-state-counts', class: Migration0005StateCounts },
  { name: '0006-drop-snapshot-column', class: Migration0006DropSnapshotColumn },
  { name: '0007-projects-fillfactor', class: Migration0007ProjectsFillfactor },
  { name: '0008-armed-timers-index', class: Migration0008ArmedTimersIndex },
];
