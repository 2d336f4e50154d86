import { Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../auth/roles.decorator';
import { ApiProblems } from '../common/api-problems.decorator';
import { ListSecurityEntriesDto, ProjectFilterDto } from './audit.dtos';
import {
  CheckpointViewDto,
  SecurityEntryPageDto,
  VerifyResultDto,
  type CheckpointView,
  type SecurityEntryView,
} from './audit.views';
import { CreateCheckpointCommand } from './commands/create-checkpoint/create-checkpoint.command';
import { streamTo } from './export/stream-to';
import { ExportAuditQuery } from './queries/export-audit/export-audit.query';
import { GetLatestCheckpointQuery } from './queries/get-latest-checkpoint/get-latest-checkpoint.query';
import { ListSecurityEntriesQuery } from './queries/list-security-entries/list-security-entries.query';
import { VerifyAuditQuery } from './queries/verify-audit/verify-audit.query';
import type { VerifyResult } from './verify/verify-result';

/** Auditors read and verify; only the bureau takes checkpoints. Nothing here changes history. */
@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('verify')
  @Roles('auditor', 'bureau')
  @ApiOperation({
    summary:
      'Verify the hash chains (all, or ?project=) against events, heads and every checkpoint; signatures against the pinned key',
  })
  @ApiOkResponse({ type: VerifyResultDto })
  @ApiProblems(404, 422)
  verify(@Query() dto: ProjectFilterDto): Promise<VerifyResult> {
    return this.queries.execute(new VerifyAuditQuery(dto.project?.toLowerCase()));
  }

  @Post('checkpoints')
  @HttpCode(201)
  @Roles('bureau')
  @ApiOperation({
    summary: 'Take a checkpoint now: a Merkle root over every chain head, signed when a key is set',
  })
  @ApiCreatedResponse({ type: CheckpointViewDto })
  async checkpoint(): Promise<CheckpointView | null> {
    return this.commands.execute(new CreateCheckpointCommand());
  }

  @Get('checkpoints/latest')
  @Roles('auditor', 'bureau')
  @ApiOperation({ summary: 'The latest checkpoint, with the public key that signed it' })
  @ApiOkResponse({ type: CheckpointViewDto })
  @ApiProblems(404)
  latest(): Promise<CheckpointView> {
    return this.queries.execute(new GetLatestCheckpointQuery());
  }

  @Get('security-entries')
  @Roles('auditor', 'bureau')
  @ApiOperation({ summary: 'Refused attempts (403, 409, 412, 422) of signed-in callers, newest first' })
  @ApiOkResponse({ type: SecurityEntryPageDto })
  @ApiProblems(422)
  securityEntries(
    @Query() dto: ListSecurityEntriesDto,
  ): Promise<{ items: SecurityEntryView[]; nextCursor?: string }> {
    return this.queries.execute(
      new ListSecurityEntriesQuery(dto.project?.toLowerCase(), dto.limit ?? 50, dto.cursor),
    );
  }

  @Get('export.ndjson')
  @Roles('auditor', 'bureau')
  @ApiOperation({
    summary:
      'The whole audit log as NDJSON (events, audit entries, every checkpoint), streamed; verify it offline',
  })
  @ApiProduces('application/x-ndjson')
  @ApiOkResponse({ description: 'header, project, entry, checkpoint and end lines' })
  async export(@Res() res: Response): Promise<void> {
    const lines = await this.queries.execute(new ExportAuditQuery());
    res.status(200).type('application/x-ndjson');
    res.setHeader('Content-Disposition', 'attachment; filename="waypost-audit.ndjson"');
    await streamTo(res, lines);
  }
}
