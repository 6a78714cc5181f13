import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../util/write.js';
import { UsageError } from './io.js';

/** Writes a report or generated file (creating its folder, like ESLint's -o); a failure is exit 2, not a crash. */
export function writeOutput(path: string, content: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileAtomic(path, content);
  } catch (error) {
    throw new UsageError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
