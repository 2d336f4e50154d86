import { CommandBus } from '@nestjs/cqrs';
import { RebuildReadModelsCommand } from '../projects/commands/rebuild-read-models/rebuild-read-models.command';
import { progressBar, runWithAppContext } from './cli-context';

/** `npm run rebuild`: recompute every project's read model from its events. Exit 1 if a stream fails. */
void runWithAppContext(async (app) => {
  const bar = progressBar('rebuild');
  let started = false;
  const report = await app.get(CommandBus).execute(
    new RebuildReadModelsCommand((done, total) => {
      if (!started) bar.start(total, 0);
      started = true;
      bar.update(done);
    }),
  );
  bar.stop();
  process.stdout.write(
    `rebuilt ${report.rebuilt} of ${report.projects} projects; ${report.differed.length} differed from the stored read model; ${report.failed.length} failed\n`,
  );
  for (const failure of report.failed)
    process.stdout.write(`  failed ${failure.projectId} at version ${failure.version}: ${failure.reason}\n`);
  return report.failed.length === 0 ? 0 : 1;
});
