import { lstatSync, statSync } from 'node:fs';
import { readTextFile } from '../load/read.js';

/** A file people edit (a README): its text, and the byte order mark to write back in front of it. */
export type EditableRead = { ok: true; text: string; bom: string } | { ok: false; reason: string };

export const MAX_EDITABLE_BYTES = 16 * 1024 * 1024;

/**
 * A file ai-registry writes whole (the inventory) is read only to compare it and keep its line
 * endings; it grows with the registry (16.3 MiB at 100,000 models), so it gets more room.
 */
export const MAX_GENERATED_BYTES = 256 * 1024 * 1024;

/**
 * Reads a file safely (see readTextFile) for writing it back changed in one place only: the byte
 * order mark readTextFile drops is returned, so that every other byte survives the round trip.
 */
export function readEditableText(path: string, maxBytes = MAX_EDITABLE_BYTES): EditableRead {
  const read = readTextFile(path, maxBytes);
  if (!read.ok) return read;
  // UTF-8 decoding is exact, so any bytes beyond the text's are the dropped marks (3 bytes each).
  const extra = statSync(path).size - Buffer.byteLength(read.text);
  const bom = extra > 0 && extra % 3 === 0 ? '\uFEFF'.repeat(extra / 3) : '';
  return { ok: true, text: read.text, bom };
}

/**
 * Whether anything (file, folder, link) is at `path`. A path through a file (ENOTDIR) holds
 * nothing; writing there then fails with a message, never a stack trace.
 */
export function pathExists(path: string): boolean {
  try {
    return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return false;
    throw error;
  }
}
