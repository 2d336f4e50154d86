import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { ProblemFilter } from './common/problem.filter';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { ConsoleModule } from './console/console.module';
import { requestIdFor } from './common/request-id';
import { Clock, SystemClock } from './common/clock';
import { ProjectsModule } from './projects/projects.module';
import { DemoModule } from './demo/demo.module';
import { TimersModule } from './timers/timers.module';
import { DatabaseModule } from './database/database.module';
import { DefinitionsModule } from './definitions/definitions.module';
import { DiagramsModule } from './diagrams/diagrams.module';
import { HealthController } from './health/health.controller';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, clock),
        LoggerModule.forRoot({
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            level: config.logLevel,
            genReqId: requestIdFor,
            customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({
                id: req.id,
                method: req.method,
                url: req.url,
              }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
          },
        }),
        CqrsModule.forRoot(),
        DatabaseModule,
        AuthModule,
        DefinitionsModule,
        ProjectsModule,
        DiagramsModule,
        AuditModule,
        DemoModule,
        TimersModule,
        ConsoleModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_FILTER, useClass: ProblemFilter }],
    };
  }
}
