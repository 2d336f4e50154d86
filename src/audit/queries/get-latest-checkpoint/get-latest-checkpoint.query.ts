import { Query } from '@nestjs/cqrs';
import type { CheckpointView } from '../../audit.views';

export class GetLatestCheckpointQuery extends Query<CheckpointView> {}
