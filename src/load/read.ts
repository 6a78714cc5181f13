import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export const MAX_FILE_BYTES = 1024 * 1024;

/** Why a file was not read, for callers that react differently (a missing document is not an unreadable one). */
export type ReadFailure = 'missing' | 'directory' | 'link' | 'unreadable';

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string; cause: ReadFailure };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Reads a file as UTF-8 text without following a symlink, opening a FIFO or device, or reading
 * more than `maxBytes`. Every refusal is a reason a person can act on, never an exception.
 */
export function readTextFile(absolutePath: string, maxBytes = MAX_FILE_BYTES): ReadResult {
  const opened = openRegularFile(absolutePath);
  if (!opened.ok) return opened;
  const { fd, size } = opened;
  try {
    if (size > maxBytes) return unreadable(`is ${formatBytes(size)}, larger than the ${formatBytes(maxBytes)} limit`);
    const buffer = Buffer.allocUnsafe(size);
    let offset = 0;
    while (offset < size) {
      const n = readSync(fd, buffer, offset, size - offset, offset);
      if (n === 0) break;
      offset += n;
    }
    return decodeText(buffer.subarray(0, offset));
  } catch (error) {
    return failure(error);
  } finally {
    closeSync(fd);
  }
}

/**
 * Opens a regular file for reading, or says why not. Two system calls where lstat + open +
 * fstat took three (on 30,000 files, system calls are most of the cost of reading):
 * O_NOFOLLOW refuses a symlink as the last component (ELOOP), O_NONBLOCK lets a FIFO open
 * without waiting for a writer, and fstat on the open descriptor tells a FIFO, device or
 * directory from a file, with no window for the path to change between the check and the read.
 */
function openRegularFile(absolutePath: string): { ok: true; fd: number; size: number } | (ReadResult & { ok: false }) {
  let fd: number;
  try {
    fd = openSync(absolutePath, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    return failure(error);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isFile()) return { ok: true, fd, size: stat.size };
    closeSync(fd);
    return stat.isDirectory() ? { ok: false, reason: 'is a directory', cause: 'directory' } : unreadable('is not a regular file');
  } catch (error) {
    closeSync(fd);
    return failure(error);
  }
}

function unreadable(reason: string): ReadResult & { ok: false } {
  return { ok: false, reason, cause: 'unreadable' };
}

function failure(error: unknown): ReadResult & { ok: false } {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const cause: ReadFailure = code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : code === 'ELOOP' ? 'link' : code === 'EISDIR' ? 'directory' : 'unreadable';
  return { ok: false, reason: describeFsError(error), cause };
}

/** UTF-8 only: a BOM is accepted and dropped; UTF-16, NUL bytes and invalid sequences are refused. */
export function decodeText(bytes: Uint8Array): ReadResult {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return unreadable('is UTF-16 encoded; save it as UTF-8');
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) return unreadable(`contains a NUL byte at offset ${nul}; it is binary, not text`);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return unreadable('is not valid UTF-8; save it as UTF-8');
  }
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'does not exist (or disappeared while being read)';
    case 'ELOOP':
      return 'is a symbolic link; only regular files are read';
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read: permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENAMETOOLONG':
      return 'has a path too long to open';
    default:
      return `cannot be read (${code ?? String(error)})`;
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(n % 1024 === 0 ? 0 : 1)} KiB`;
  return `${n} bytes`;
}
