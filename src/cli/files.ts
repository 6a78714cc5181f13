import { lstatSync, statSync } from 'node:fs';
import { readTextFile } from '../load/read.js';

/** A file people edit (a README): its text, and the byte order mark to write back in front of it. */
export type EditableRead = { ok: true; text: string; bom: string } | { ok: false; reason: string };

export const MAX_EDITABLE_BYTES = 16 * 1024 * 1024;

/**
 * Reads a file safely (see readTextFile) for writing it back changed in one place only: the byte
 * order mark readTextFile drops is returned, so that every other byte survives the round trip.
 */
export function readEditableText(path: string): EditableRead {
  const read = readTextFile(path, MAX_EDITABLE_BYTES);
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
