import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** What a command prints: one text, or pieces of it (a large JSON result) written as they come. */
export type CommandOutput = string | Iterable<string>;

/** Batches of pieces are written in about this many characters: one write per piece would cost a syscall each. */
const BATCH = 1 << 16;

/**
 * Writes a command's output and a final line break, waiting for the stream to drain when its
 * buffer is full, so a large output never piles up in memory.
 */
export async function writeOutput(stream: Writable, output: CommandOutput): Promise<void> {
  const pieces = typeof output === 'string' ? [output] : output;
  let batch = '';
  for (const piece of pieces) {
    batch += piece;
    if (batch.length >= BATCH) {
      if (!stream.write(batch)) await once(stream, 'drain');
      batch = '';
    }
  }
  if (!stream.write(`${batch}\n`)) await once(stream, 'drain');
}
