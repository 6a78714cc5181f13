import { jest } from '@jest/globals';
import { createRequire } from 'node:module';

/**
 * Atomic writes (src/util/write.ts) and `ai-registry render` when a write fails: the target is
 * either the old file or the new one, never part of either, and no temporary file is left.
 * Failures are injected into `node:fs`: a write that stops halfway (a full disk, a killed
 * process), a rename that fails.
 */

/** The faults to inject: a write to any file in `halfWrite` stops after half its bytes; a rename onto a matching path fails. */
const faults: { halfWrite?: string; rename?: RegExp } = {};

jest.unstable_mockModule('node:fs', () => {
  const real = createRequire(import.meta.url)('node:fs') as typeof import('node:fs');
  const faultyFds = new Set<number>();
  const module = {
    ...real,
    openSync: ((path: string, ...rest: Parameters<typeof real.openSync> extends [unknown, ...infer R] ? R : never) => {
      const fd = real.openSync(path, ...rest);
      if (faults.halfWrite !== undefined && String(path).startsWith(`${faults.halfWrite}/`)) faultyFds.add(fd);
      return fd;
    }) as typeof real.openSync,
    writeSync: ((fd: number, data: string | NodeJS.ArrayBufferView, ...rest: unknown[]) => {
      if (!faultyFds.has(fd)) return (real.writeSync as (...args: unknown[]) => number)(fd, data, ...rest);
      faultyFds.delete(fd);
      const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      real.writeSync(fd, bytes.subarray(0, Math.floor(bytes.length / 2)));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    }) as typeof real.writeSync,
    renameSync: ((from: string, to: string) => {
      if (faults.rename?.test(String(to))) throw Object.assign(new Error(`EIO: i/o error, rename '${from}' -> '${to}'`), { code: 'EIO' });
      real.renameSync(from, to);
    }) as typeof real.renameSync,
  };
  return { ...module, default: module };
});

const { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } = await import('node:fs');
const { join } = await import('node:path');
const { writeFileAtomic } = await import('../../src/util/write.js');
const { runCli } = await import('../../src/cli/main.js');
const { DASHBOARD_END, DASHBOARD_START } = await import('../../src/render/markers.js');
const { fakeIo } = await import('../helpers/fake-io.js');
const { modelYaml } = await import('../helpers/model-yaml.js');
const { BASE_FILES, makeRepo } = await import('../helpers/repo.js');

const OLD = 'the old content, which must survive whole\n'.repeat(100);
const NEW = 'the new content\n'.repeat(1000);

let cleanups: (() => void)[] = [];
afterEach(() => {
  delete faults.halfWrite;
  delete faults.rename;
  cleanups.forEach((cleanup) => cleanup());
  cleanups = [];
});

function folder(files: Record<string, string> = {}): string {
  const made = makeRepo(files);
  cleanups.push(made.cleanup);
  return made.root;
}

/** Files named like writeFileAtomic's temporary files, anywhere below `root`. */
const temporaryFiles = (root: string) => readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.tmp'));

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temporary file', () => {
    const root = folder({ 'out.md': OLD });
    writeFileAtomic(join(root, 'out.md'), NEW);
    expect(readFileSync(join(root, 'out.md'), 'utf8')).toBe(NEW);
    expect(temporaryFiles(root)).toEqual([]);
  });

  it('leaves the file as it was, and no temporary file, when the write stops halfway', () => {
    const root = folder({ 'out.md': OLD });
    faults.halfWrite = root;
    expect(() => writeFileAtomic(join(root, 'out.md'), NEW)).toThrow(/ENOSPC/);
    expect(readFileSync(join(root, 'out.md'), 'utf8')).toBe(OLD);
    expect(temporaryFiles(root)).toEqual([]);
  });

  it('leaves the file as it was, and no temporary file, when the rename fails', () => {
    const root = folder({ 'out.md': OLD });
    faults.rename = /out\.md$/;
    expect(() => writeFileAtomic(join(root, 'out.md'), NEW)).toThrow(/EIO/);
    expect(readFileSync(join(root, 'out.md'), 'utf8')).toBe(OLD);
    expect(temporaryFiles(root)).toEqual([]);
  });

  it('leaves a folder in the way as it was, and no temporary file (a real failure)', () => {
    const root = folder({ 'out.md/inside.txt': OLD });
    expect(() => writeFileAtomic(join(root, 'out.md'), NEW)).toThrow(/EISDIR|ENOTEMPTY|EEXIST/);
    expect(readFileSync(join(root, 'out.md', 'inside.txt'), 'utf8')).toBe(OLD);
    expect(temporaryFiles(root)).toEqual([]);
  });
});

describe('ai-registry render when a write fails', () => {
  const README = `# Northwind\n\n${DASHBOARD_START}\nan old dashboard\n${DASHBOARD_END}\n\nWritten by hand.\n`;
  const repo = (files: Record<string, string> = {}) =>
    folder({ ...BASE_FILES, 'registry/models/ticket-router.yaml': modelYaml('ticket-router'), 'README.md': README, ...files });

  async function render(root: string, args: string[] = []) {
    const io = fakeIo(root);
    const code = await runCli(['render', '--as-of', '2026-11-24', ...args], io);
    return { code, stderr: io.err() };
  }

  it('exits 2 and leaves the README byte-identical when its write stops halfway', async () => {
    const root = repo();
    const before = readFileSync(join(root, 'README.md'));
    faults.halfWrite = root;
    const result = await render(root);
    expect(result).toEqual({ code: 2, stderr: expect.stringMatching(/^ai-registry render: cannot write .*README\.md: ENOSPC\n$/) });
    expect(readFileSync(join(root, 'README.md')).equals(before)).toBe(true);
    expect(temporaryFiles(root)).toEqual([]);
  });

  it('exits 2 and leaves the README byte-identical when the rename over it fails', async () => {
    const root = repo();
    const before = readFileSync(join(root, 'README.md'));
    faults.rename = /README\.md$/;
    expect((await render(root)).code).toBe(2);
    expect(readFileSync(join(root, 'README.md')).equals(before)).toBe(true);
    expect(temporaryFiles(root)).toEqual([]);
  });

  it('exits 2 before writing anything when the inventory path is a dangling symlink', async () => {
    const root = repo();
    const before = readFileSync(join(root, 'README.md'));
    mkdirSync(join(root, 'docs'));
    symlinkSync('../nowhere/INVENTORY.md', join(root, 'docs', 'INVENTORY.md'));
    const result = await render(root, ['--inventory', 'docs/INVENTORY.md']);
    expect(result).toEqual({ code: 2, stderr: 'ai-registry render: cannot read docs/INVENTORY.md: it is a symbolic link; only regular files are read\n' });
    expect(readFileSync(join(root, 'README.md')).equals(before)).toBe(true);
    expect(temporaryFiles(root)).toEqual([]);
  });

  it('renders once the fault is gone', async () => {
    const root = repo();
    writeFileSync(join(root, 'INVENTORY.md'), 'stale\n');
    expect((await render(root)).code).toBe(0);
    expect(readFileSync(join(root, 'README.md'), 'utf8')).not.toContain('an old dashboard');
    expect(temporaryFiles(root)).toEqual([]);
  });
});
