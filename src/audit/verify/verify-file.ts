import type { KeyObject } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { ExportReader } from './export-reader';
import type { VerifyResult } from './verify-result';

/**
 * Verifies an NDJSON export offline, line by line, without a database. `pinnedKey`: the key the
 * checkpoints must be signed by; without it each signature is checked against the key the file carries.
 */
export async function verifyFile(
  path: string,
  progress?: (bytesRead: number) => void,
  pinnedKey: KeyObject | null = null,
): Promise<VerifyResult> {
  const input = createReadStream(path);
  const lines = createInterface({ input, crlfDelay: Infinity });
  const reader = new ExportReader(pinnedKey);
  let number = 0;
  try {
    for await (const text of lines) {
      number++;
      if (number % 1000 === 0) progress?.(input.bytesRead);
      if (text.trim() !== '' && !reader.line(text, number)) break;
    }
  } finally {
    lines.close();
    input.destroy();
  }
  progress?.(input.bytesRead);
  return reader.finish();
}
