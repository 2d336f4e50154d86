import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { ProblemException } from '../../../common/problem';
import type { CheckpointView } from '../../audit.views';
import { sqlOfEntityManager } from '../../sql';
import { latestCheckpoint } from '../../verify/database-source';
import { GetLatestCheckpointQuery } from './get-latest-checkpoint.query';

@QueryHandler(GetLatestCheckpointQuery)
export class GetLatestCheckpointHandler implements IQueryHandler<GetLatestCheckpointQuery> {
  constructor(private readonly em: EntityManager) {}

  async execute(): Promise<CheckpointView> {
    const checkpoint = await latestCheckpoint(sqlOfEntityManager(this.em));
    if (!checkpoint) throw ProblemException.notFound('No checkpoint has been taken yet.');
    return checkpoint;
  }
}
