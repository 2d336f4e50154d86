import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module';
import { AuditController } from './audit.controller';
import { AUDIT_SETTINGS, loadAuditSettings } from './audit-settings';
import { CheckpointScheduler } from './checkpoint/checkpoint-scheduler';
import { CreateCheckpointHandler } from './commands/create-checkpoint/create-checkpoint.handler';
import { RecordSecurityEntryWhenRequestRefused } from './events/record-security-entry-when-request-refused.handler';
import { ProjectAuditController } from './project-audit.controller';
import { ExportAuditHandler } from './queries/export-audit/export-audit.handler';
import { GetLatestCheckpointHandler } from './queries/get-latest-checkpoint/get-latest-checkpoint.handler';
import { ListSecurityEntriesHandler } from './queries/list-security-entries/list-security-entries.handler';
import { ProjectHistoryHandler } from './queries/project-history/project-history.handler';
import { ReplayProjectHandler } from './queries/replay-project/replay-project.handler';
import { VerifyAuditHandler } from './queries/verify-audit/verify-audit.handler';

/** Hash-chain verification, checkpoints, replay, exports and security entries. */
@Module({
  imports: [ProjectsModule],
  controllers: [AuditController, ProjectAuditController],
  providers: [
    { provide: AUDIT_SETTINGS, useFactory: () => loadAuditSettings(process.env) },
    CheckpointScheduler,
    CreateCheckpointHandler,
    RecordSecurityEntryWhenRequestRefused,
    VerifyAuditHandler,
    GetLatestCheckpointHandler,
    ListSecurityEntriesHandler,
    ReplayProjectHandler,
    ProjectHistoryHandler,
    ExportAuditHandler,
  ],
})
export class AuditModule {}
