import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs';

export const MAX_FILE_BYTES = 1024 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Reads a file as UTF-8 text without following a symlink, opening a FIFO or device, or reading
 * more than `maxBytes`. Every refusal is a reason a person can act on, never an exception.
 */
export function readTextFile(absolutePath: string, maxBytes = MAX_FILE_BYTES): ReadResult {
  let fd: number;
  try {
    // lstat first: opening a FIFO would block, and O_NOFOLLOW alone gives a cryptic ELOOP.
    const link = lstatSync(absolutePath);
    if (link.isSymbolicLink()) return { ok: false, reason: 'is a symbolic link; only regular files are read' };
    if (!link.isFile()) return { ok: false, reason: 'is not a regular file' };
    fd = openSync(absolutePath, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    return { ok: false, reason: describeFsError(error) };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, reason: 'is not a regular file' };
    if (stat.size > maxBytes) {
      return { ok: false, reason: `is ${formatBytes(stat.size)}, larger than the ${formatBytes(maxBytes)} limit` };
    }
    const buffer = Buffer.allocUnsafe(stat.size);
    let offset = 0;
    while (offset < stat.size) {
      const n = readSync(fd, buffer, offset, stat.size - offset, offset);
      if (n === 0) break;
      offset += n;
    }
    return decodeText(buffer.subarray(0, offset));
  } catch (error) {
    return { ok: false, reason: describeFsError(error) };
  } finally {
    closeSync(fd);
  }
}

/** UTF-8 only: a BOM is accepted and dropped; UTF-16, NUL bytes and invalid sequences are refused. */
export function decodeText(bytes: Uint8Array): ReadResult {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, reason: 'is UTF-16 encoded; save it as UTF-8' };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { ok: false, reason: `contains a NUL byte at offset ${nul}; it is binary, not text` };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, reason: 'is not valid UTF-8; save it as UTF-8' };
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
