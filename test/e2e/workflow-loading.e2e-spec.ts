import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandBus } from '@nestjs/cqrs';
import { LoadWorkflowsCommand } from '../../src/definitions/commands/load-workflows/load-workflows.command';
import { WORKFLOWS_DIR } from '../../src/definitions/load-workflows-on-start';
import { auth } from '../support/projects';
import { startTestApp, type TestApp } from '../support/test-app';

const shipped = JSON.parse(readFileSync(join(WORKFLOWS_DIR, 'industrial-project.json'), 'utf8')) as {
  events: Record<string, { label: { zh: string; en: string } }>;
};

function revised(): object {
  const copy = structuredClone(shipped);
  copy.events.COACHING.label = { zh: '一对一精准辅导', en: 'One-on-one targeted coaching' };
  return copy;
}

describe('loading workflows/ on start', () => {
  let t: TestApp;
  const keys = { bureau: '' };

  beforeAll(async () => {
    t = await startTestApp();
    keys.bureau = t.adminKey;
  });
  afterAll(() => t.close());

  it('a changed workflow file becomes a new published version, never an overwrite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'waypost-workflows-'));
    try {
      writeFileSync(join(dir, 'industrial-project.json'), JSON.stringify(shipped));
      const same = await t.app.get(CommandBus).execute(new LoadWorkflowsCommand(dir));
      expect(same[0]).toMatchObject({ version: 1, published: false });
      writeFileSync(join(dir, 'industrial-project.json'), JSON.stringify(revised()));
      const changed = await t.app.get(CommandBus).execute(new LoadWorkflowsCommand(dir));
      expect(changed[0]).toMatchObject({ version: 2, published: true });
      const again = await t.app.get(CommandBus).execute(new LoadWorkflowsCommand(dir));
      expect(again[0]).toMatchObject({ version: 2, published: false });
      const v1 = await t.http
        .get('/api/definitions/industrial-project/versions/1')
        .set(auth(keys.bureau))
        .expect(200);
      expect(v1.body.definition.events.COACHING.label).toEqual(shipped.events.COACHING.label);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
