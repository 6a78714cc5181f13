import { createRequire } from 'node:module';
import { resolve } from 'node:path';

/**
 * A `node:fs` for `jest.unstable_mockModule` that watches every call able to read content
 * (open, read a file, list a folder). A path outside `allowed` is refused with an error
 * before the system is asked, so a test fails on the attempt instead of reading the file or
 * hanging on a FIFO; `vanish` deletes one file at the moment it is first opened, as if it
 * disappeared between the listing and the read.
 */
export interface FsSpy {
  /** Absolute folders reads may touch (the repository under test); none: everything. */
  allowed: string[];
  /** Every path refused because it was outside `allowed`. */
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
  const wrapped: Record<string, unknown> = {};
  for (const name of READS) {
    const original = real[name] as (...args: unknown[]) => unknown;
    wrapped[name] = (path: unknown, ...rest: unknown[]) => {
      if (typeof path === 'string' || Buffer.isBuffer(path) || path instanceof URL) {
        const absolute = resolve(path instanceof URL ? path.pathname : String(path));
        spy.reads++;
        if (spy.allowed.length > 0 && !spy.allowed.some((folder) => absolute === folder || absolute.startsWith(`${folder}/`))) {
          spy.outside.push(absolute);
          throw Object.assign(new Error(`read outside the repository: ${absolute}`), { code: 'EACCES' });
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
