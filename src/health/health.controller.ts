import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { EntityManager } from '@mikro-orm/postgresql';
import { Public } from '../auth/roles.decorator';
import { ApiProblems } from '../common/api-problems.decorator';
import { ProblemException } from '../common/problem';

class HealthView {
  @ApiProperty({ example: 'ok' }) status!: 'ok';
  @ApiProperty({ example: 'up' }) database!: 'up';
  @ApiProperty({ example: 3.2, description: 'Database round trip in milliseconds' }) databaseMs!: number;
  @ApiProperty({ example: 12.5 }) uptimeSeconds!: number;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly em: EntityManager) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness and database readiness' })
  @ApiOkResponse({ type: HealthView })
  @ApiProblems(503)
  async check(): Promise<HealthView> {
    const started = performance.now();
    try {
      await this.em.getConnection().execute('select 1');
    } catch (error) {
      throw new ProblemException(
        503,
        'database-unavailable',
        `The database is not reachable: ${String(error)}`,
      );
    }
    return {
      status: 'ok',
      database: 'up',
      databaseMs: Math.round((performance.now() - started) * 100) / 100,
      uptimeSeconds: Math.round(process.uptime() * 10) / 10,
    };
  }
}
