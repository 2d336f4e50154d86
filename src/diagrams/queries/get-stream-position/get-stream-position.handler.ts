import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { GetStreamPositionQuery } from './get-stream-position.query';

/** The nil project id sorts before every real one, so the position precedes all events of this instant. */
const BEFORE_EVERY_PROJECT = '00000000-0000-0000-0000-000000000000.1';

@QueryHandler(GetStreamPositionQuery)
export class GetStreamPositionHandler implements IQueryHandler<GetStreamPositionQuery> {
  constructor(private readonly em: EntityManager) {}

  async execute(): Promise<string> {
    // The database's clock, the one recorded_at is stamped with.
    const [row] = await this.em
      .getConnection()
      .execute<{ micros: string }[]>(
        `select (extract(epoch from clock_timestamp()) * 1000000)::bigint::text as micros`,
      );
    return `${row.micros}.${BEFORE_EVERY_PROJECT}`;
  }
}
