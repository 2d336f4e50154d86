import { Query } from '@nestjs/cqrs';

/** The whole audit log as NDJSON lines, streamed. */
export class ExportAuditQuery extends Query<AsyncIterable<string>> {}
