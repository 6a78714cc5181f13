import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';

/**
 * A `node:fs` for `jest.unstable_mockModule` that watches every call able to read content
 * (open, read a file, list a folder). A path outside `allowed`, or in git's own folder (a
 * `.git` segment, any case) inside it, is refused with an error before the system is asked,
 * so a test fails on the attempt instead of reading the file or hanging on a FIFO. Where the
 * call really lands counts, symbolic links resolved: `docs/link/config` with `docs/link ->
 * ../.git` is a read of `.git/config`; an open with O_NOFOLLOW resolves only the folder, as
 * the system does. `vanish` deletes one file at the moment it is first opened, as if it
 * disappeared between the listing and the read.
 */
export interface FsSpy {
  /** Absolute folders reads may touch (the repository under test); none: everything. */
  allowed: string[];
  /** Every path refused because it was outside `allowed` or under a `.git` folder. */
  outside: string[];
  /** How many reads were made, inside or not. */
  reads: number;
  /** An absolute path to delete when it is first opened. */
  vanish?: string;
}

export const spy: FsSpy = { allowed: [], outside: [], reads: 0 };

const READS = ['openSync', 'readFileSync', 'readdirSync', 'opendirSync', 'createReadStream', 'open', 'readFile', 'readdir', 'opendir'] as const;

/** The factory for `jest.unstable_mockModule('node:fs', spiedFs)`. */
export function spiedFs(): Record<string, unknown> {
  // The real module, from Node itself: importing 'node:fs' here would return this mock.
  const real = createRequire(import.meta.url)('node:fs') as Record<string, unknown>;
  const realpath = (real.realpathSync as { native: (p: string) => string }).native;
  const O_NOFOLLOW = (real.constants as Record<string, number>).O_NOFOLLOW!;
  /** Where a call on `absolute` lands: links resolved (the last only when followed). */
  const landing = (name: string, absolute: string, flags: unknown): string => {
    const follows = !(name === 'openSync' || name === 'open') || typeof flags !== 'number' || (flags & O_NOFOLLOW) === 0;
    try {
      return follows ? realpath(absolute) : join(realpath(dirname(absolute)), basename(absolute));
    } catch {
      return absolute; // not there: nothing to read
    }
  };
  const refused = (path: string): boolean => {
    const folder = spy.allowed.find((allowed) => path === allowed || path.startsWith(`${allowed}/`));
    return folder === undefined || relative(folder, path).split('/').some((segment) => segment.toLowerCase() === '.git');
  };
  const wrapped: Record<string, unknown> = {};
  for (const name of READS) {
    const original = real[name] as (...args: unknown[]) => unknown;
    wrapped[name] = (path: unknown, ...rest: unknown[]) => {
      if (typeof path === 'string' || Buffer.isBuffer(path) || path instanceof URL) {
        const absolute = resolve(path instanceof URL ? path.pathname : String(path));
        spy.reads++;
        if (spy.allowed.length > 0 && (refused(absolute) || refused(landing(name, absolute, rest[0])))) {
          spy.outside.push(absolute);
          throw Object.assign(new Error(`read outside the repository or under .git/: ${absolute}`), { code: 'EACCES' });
        }
        if (spy.vanish === absolute) {
          spy.vanish = undefined;
          (real.rmSync as (p: string, o: object) => void)(absolute, { force: true });
        }
      }
      return original(path, ...rest);
    };
  }
  const module = { ...real, ...wrapped };
  return { ...module, default: module };
}
