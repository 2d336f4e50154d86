import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';

/**
 * Writes chunks as they come, with backpressure. Once the first byte is out the status cannot change:
 * a failure mid-stream cuts the response (the export's end line is then missing, which verify reports).
 */
export async function streamTo(res: Response, chunks: AsyncIterable<string>): Promise<void> {
  try {
    await pipeline(Readable.from(chunks), res);
  } catch (error) {
    if (!res.headersSent) throw error;
    res.destroy();
  }
}
