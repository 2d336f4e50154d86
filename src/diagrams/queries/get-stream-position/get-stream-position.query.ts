import { Query } from '@nestjs/cqrs';

/**
 * The stream position of this moment, as an SSE `id`: before every event recorded from now on. A client
 * that gets it on connecting can resume from it even if its connection drops before any event comes.
 */
export class GetStreamPositionQuery extends Query<string> {}
