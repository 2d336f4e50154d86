import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { CreatePrincipalCommand } from '../auth/commands/create-principal/create-principal.command';
import type { AuthPrincipal } from '../auth/principal';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { CreateProjectCommand } from '../projects/commands/create-project/create-project.command';
import { SendEventCommand } from '../projects/commands/send-event/send-event.command';
import { DEMO_PRINCIPALS, DEMO_PROJECTS, type DemoProject } from './demo-scenarios';

export interface DemoKey {
  role: string;
  name: string;
  key: string;
}

/**
 * Fills an empty database with the demo: principals for every role and projects in every stage,
 * their histories made by sending real events through the command bus, exactly as the API would.
 * The demo keys are kept in DATA_DIR (a local, development-only convenience) so each start can print them.
 */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger('Demo');

  constructor(
    private readonly commands: CommandBus,
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get keysFile(): string {
    return join(this.config.dataDir, 'demo-keys.json');
  }

  /** Seeds when there is no project yet; answers the demo keys (new or from an earlier start). */
  async seedIfEmpty(): Promise<DemoKey[]> {
    const [{ n }] = await this.em
      .getConnection()
      .execute<{ n: number }[]>('select count(*)::int as n from projects');
    if (n > 0)
      return existsSync(this.keysFile)
        ? (JSON.parse(await readFile(this.keysFile, 'utf8')) as DemoKey[])
        : [];
    const principals = await this.createPrincipals();
    for (const project of DEMO_PROJECTS) await this.createProject(project, principals);
    const keys = [...principals.values()].map(({ principal, key }) => ({
      role: principal.role,
      name: principal.name,
      key,
    }));
    // With DATABASE_URL nothing else creates DATA_DIR.
    await mkdir(dirname(this.keysFile), { recursive: true });
    await writeFile(this.keysFile, JSON.stringify(keys, null, 2) + '\n', { mode: 0o600 });
    this.logger.log(`Seeded ${DEMO_PROJECTS.length} demo projects`);
    return keys;
  }

  private async createPrincipals(): Promise<Map<string, { principal: AuthPrincipal; key: string }>> {
    const created = new Map<string, { principal: AuthPrincipal; key: string }>();
    for (const demo of DEMO_PRINCIPALS) {
      const view = await this.commands.execute(
        new CreatePrincipalCommand(demo.name, demo.role, demo.enterpriseId, undefined),
      );
      created.set(demo.handle, {
        principal: { id: view.id, name: view.name, role: view.role, enterpriseId: view.enterpriseId },
        key: view.apiKey,
      });
    }
    return created;
  }

  private async createProject(
    project: DemoProject,
    principals: Map<string, { principal: AuthPrincipal }>,
  ): Promise<void> {
    const owner = this.principal(principals, project.owner);
    const created = await this.commands.execute(
      new CreateProjectCommand(
        owner,
        'industrial-project',
        undefined,
        project.title,
        project.data,
        owner.enterpriseId ?? '',
        undefined,
        null,
      ),
    );
    const id = (JSON.parse(created.body) as { id: string }).id;
    for (const [handle, type, payload] of project.steps) {
      const sender = handle === '' ? owner : this.principal(principals, handle);
      await this.commands.execute(
        new SendEventCommand(sender, id, type, payload, undefined, undefined, null),
      );
    }
  }

  private principal(principals: Map<string, { principal: AuthPrincipal }>, handle: string): AuthPrincipal {
    const found = principals.get(handle);
    if (!found) throw new Error(`demo scenario names an unknown principal "${handle}"`);
    return found.principal;
  }
}
