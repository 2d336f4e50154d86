import { Query } from '@nestjs/cqrs';
import type { VerifyResult } from '../../verify/verify-result';

/** Verify every chain, or one project's. */
export class VerifyAuditQuery extends Query<VerifyResult> {
  constructor(readonly projectId?: string) {
    super();
  }
}
