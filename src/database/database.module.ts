import { Injectable, Logger, Module, OnModuleInit } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { MikroORM, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ormConfig } from './orm-config';
import { runMigrations } from './run-migrations';

/** Migrations run on start, before anything else touches the schema. */
@Injectable()
class MigrateOnStart implements OnModuleInit {
  private readonly logger = new Logger('Migrations');

  constructor(private readonly orm: MikroORM) {}

  async onModuleInit(): Promise<void> {
    const applied = await runMigrations(this.orm);
    if (applied.length > 0) this.logger.log(`Applied migrations: ${applied.join(', ')}`);
  }
}

@Module({
  imports: [
    MikroOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ormConfig(requireUrl(config)),
      driver: PostgreSqlDriver,
    }),
  ],
  providers: [MigrateOnStart],
})
export class DatabaseModule {}

function requireUrl(config: AppConfig): string {
  if (!config.databaseUrl)
    throw new Error('The database URL is resolved before the application module starts');
  return config.databaseUrl;
}
