import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LifecycleDefinition } from '../../src/lifecycle/definition.types';
import { parseDefinition } from '../../src/lifecycle/validate';

/** The shipped lifecycle, read from workflows/ as the service loads it on start. */
export async function shippedDefinition(): Promise<LifecycleDefinition> {
  const json: unknown = JSON.parse(
    await readFile(join(process.cwd(), 'workflows', 'industrial-project.json'), 'utf8'),
  );
  const parsed = parseDefinition(json);
  if (!parsed.ok)
    throw new Error(
      `workflows/industrial-project.json does not validate: ${JSON.stringify(parsed.problems)}`,
    );
  return parsed.definition;
}
