import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { OPERATOR_KEY_LABEL, hashApiKey } from './api-key';
import { PrincipalCache } from './principal-cache';

export const BOOTSTRAP_ADMIN_ID = '00000000-0000-4000-8000-000000000001';

/** WAYPOST_ADMIN_KEY is the operator's authority: at start it (re)binds the bootstrap bureau principal. */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('AdminBootstrap');

  constructor(
    private readonly em: EntityManager,
    private readonly cache: PrincipalCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const key = this.config.adminKey;
    if (!key) return;
    await this.em.getConnection().execute(
      `insert into principals (id, name, role, key_hash, key_prefix)
       values (?, 'Administrator (WAYPOST_ADMIN_KEY)', 'bureau', ?, ?)
       on conflict (id) do update set key_hash = excluded.key_hash, key_prefix = excluded.key_prefix, revoked_at = null`,
      [BOOTSTRAP_ADMIN_ID, hashApiKey(key), OPERATOR_KEY_LABEL],
    );
    await this.cache.invalidateEverywhere();
    this.logger.log('Bureau principal bound to WAYPOST_ADMIN_KEY');
  }
}
