import { jest } from '@jest/globals';
import type { LintResult } from '../../src/engine.js';
import type { Finding } from '../../src/model/finding.js';
import { spiedFs, spy } from './fs-spy.js';

/**
 * The hostile-input corpus (cases.ts), each case a test: the whole engine runs on a repository
 * holding the case's files beside a sentinel registry, within a time bound, with every read
 * outside the repository refused (fs-spy.ts). Each case must give exactly its expected findings
 * (or configuration error), leave the sentinel's findings and summaries as they are without
 * the case, and leave Object.prototype untouched.
 */

jest.unstable_mockModule('node:fs', spiedFs);

const { execFileSync } = await import('node:child_process');
const { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } = await import('node:fs');
const { tmpdir } = await import('node:os');
const { join } = await import('node:path');
const { checkRegistry, lint } = await import('../../src/engine.js');
const { ConfigError, loadRegistry } = await import('../../src/load/registry.js');
const { readTextFile } = await import('../../src/load/read.js');
const { COMPLETE_TIER3 } = await import('../helpers/doc-fixtures.js');
const { modelYaml } = await import('../helpers/model-yaml.js');
const { BASE_FILES, makeRepo } = await import('../helpers/repo.js');
const { HOSTILE_CASES, teamYaml } = await import('./cases.js');
type Outside = import('./cases.js').Outside;

const AS_OF = '2026-11-24';
/** Per case (both parses): generous for a slow CI machine (cases take milliseconds), far below a quadratic blow-up. */
const TIME_BOUND_MS = 10_000;

/**
 * Manifests that must be checked whatever the case does: the base organisation, a compliant
 * tier-1 idea, and a project without a sponsor, whose warning proves the rules still ran.
 */
const SENTINEL: Record<string, string> = {
  ...BASE_FILES,
  'registry/models/sentinel.yaml': modelYaml('sentinel'),
  'registry/projects/unsponsored.yaml': 'apiVersion: ai-registry/v1\nkind: Project\nmetadata:\n  name: unsponsored\nspec:\n  owner: ml-platform\n',
};
const SENTINEL_FILES = new Set(Object.keys(SENTINEL));

let outside: Outside;
let baseline: { findings: Finding[]; manifests: LintResult['manifests'] };
const PROTOTYPE = Object.getOwnPropertyNames(Object.prototype).sort();

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'ai-registry-outside-'));
  outside = {
    root,
    secretManifest: join(root, 'secret.yaml'),
    secretFolder: join(root, 'folder'),
    secretDocument: join(root, 'card.md'),
    fifo: join(root, 'fifo'),
  };
  writeFileSync(outside.secretManifest, teamYaml('secret'));
  mkdirSync(outside.secretFolder);
  writeFileSync(join(outside.secretFolder, 'secret.yaml'), teamYaml('secret'));
  writeFileSync(outside.secretDocument, COMPLETE_TIER3['docs/card.md']!);
  execFileSync('mkfifo', [outside.fifo]);

  const { root: sentinelRoot, cleanup } = makeRepo(SENTINEL);
  try {
    const result = await lint({ root: sentinelRoot, asOf: AS_OF });
    baseline = { findings: result.findings, manifests: result.manifests };
  } finally {
    cleanup();
  }
});

afterAll(() => {
  rmSync(outside.root, { recursive: true, force: true });
});

it('has a sentinel that is checked: one warning, every manifest summarised', () => {
  expect(baseline.findings.map((f) => [f.ruleId, f.file, f.line, f.column])).toEqual([['sponsor-missing', 'registry/projects/unsponsored.yaml', 5, 1]]);
  expect(baseline.manifests.map((m) => m.name).sort()).toEqual(['ai-governance', 'ml-platform', 'ops-automation', 'sentinel', 'unsponsored']);
});

it('holds at least 40 cases, each named once', () => {
  expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(40);
  expect(new Set(HOSTILE_CASES.map((c) => c.name)).size).toBe(HOSTILE_CASES.length);
});

it('refuses a read outside the repository, so a case that attempts one fails (the harness works)', () => {
  Object.assign(spy, { allowed: [join(outside.root, 'elsewhere')], outside: [] });
  try {
    expect(readTextFile(outside.secretManifest)).toEqual({ ok: false, reason: 'cannot be read: permission denied', cause: 'unreadable' });
  } finally {
    spy.allowed = [];
  }
  expect(spy.outside).toEqual([outside.secretManifest]);
});

it('refuses a read under .git/ inside the repository, by any case or through a link (the harness works)', () => {
  const { root, cleanup } = makeRepo({ '.git/config': '[core]\n', 'docs/card.md': '# Card\n' });
  try {
    const realRoot = realpathSync(root);
    symlinkSync('../.git', join(root, 'docs', 'link'));
    symlinkSync('../.git/config', join(root, 'docs', 'config.md'));
    Object.assign(spy, { allowed: [root, realRoot], outside: [] });
    try {
      expect(readTextFile(join(root, 'docs', 'card.md')).ok).toBe(true);
      // O_NOFOLLOW: the link itself is refused by the system, nothing is read.
      expect(readTextFile(join(root, 'docs', 'config.md'))).toMatchObject({ ok: false, cause: 'link' });
      for (const path of ['.git/config', '.GIT/config', 'docs/link/config']) {
        expect(readTextFile(join(root, path))).toMatchObject({ ok: false, reason: 'cannot be read: permission denied' });
      }
    } finally {
      spy.allowed = [];
    }
    expect(spy.outside).toEqual([join(root, '.git/config'), join(root, '.GIT/config'), join(root, 'docs/link/config')]);
  } finally {
    cleanup();
  }
});

describe('hostile input', () => {
  it.each(HOSTILE_CASES.map((c) => [c.name, c] as const))('%s', async (_, hostile) => {
    const { root, cleanup } = makeRepo({ ...SENTINEL, ...hostile.files });
    try {
      hostile.setup?.(root, outside);
      const realRoot = realpathSync(root);
      const registryDir = typeof hostile.registryDir === 'function' ? hostile.registryDir(outside) : hostile.registryDir;
      let result: LintResult | undefined;
      let slow: LintResult | undefined;
      let failure: unknown;
      Object.assign(spy, { allowed: [root, realRoot], outside: [], reads: 0, vanish: hostile.vanish && join(realRoot, hostile.vanish) });
      const started = performance.now();
      try {
        result = await lint({ root, asOf: AS_OF, ...(registryDir ? { registryDir } : {}) });
        // The same verdict without the fast parse path: `yaml` alone.
        if (!hostile.vanish) slow = checkRegistry(await loadRegistry(root, registryDir, { fastParse: false }), AS_OF);
      } catch (error) {
        failure = error;
      } finally {
        spy.allowed = [];
      }
      // Jest's timeout cannot interrupt synchronous work: a slow (not endless) case fails here.
      expect(performance.now() - started).toBeLessThan(TIME_BOUND_MS);

      // Nothing outside the repository was opened (and the spy saw the reads inside), nothing polluted.
      expect(spy.outside).toEqual([]);
      if (!('configError' in hostile.expected)) expect(spy.reads).toBeGreaterThan(0);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE);

      const expected = hostile.expected;
      if ('configError' in expected) {
        expect(failure).toBeInstanceOf(ConfigError);
        expect((failure as Error).message).toContain(expected.configError);
        const configFindings = (failure as InstanceType<typeof ConfigError>).findings;
        if (expected.findings) {
          expect(configFindings.map(({ ruleId, file, line, column }) => ({ ruleId, file, line, column }))).toEqual(
            expected.findings.map(({ ruleId, file, line, column }) => ({ ruleId, file, line, column })),
          );
          expected.findings.forEach((e, i) => {
            for (const part of [e.message].flat()) expect(configFindings[i]!.message).toContain(part);
          });
        }
        return;
      }
      if (failure) throw failure;
      const { findings, manifests } = result!;
      if (slow) expect(slow.findings).toEqual(findings);

      // Every finding is well-formed, whatever the input.
      for (const finding of findings) {
        expect(finding.ruleId).toMatch(/^[a-z]+(-[a-z]+)*$/);
        expect(finding.line).toBeGreaterThanOrEqual(1);
        expect(finding.column).toBeGreaterThanOrEqual(1);
        expect(finding.message).not.toMatch(/undefined|\[object Object\]|NaN|^$/);
      }
      expect(findings.map((f) => f.ruleId)).not.toContain('internal-error');

      // Findings name real paths: a case that moves the registry behind a link moves the sentinel's.
      const sentinelFile = (file: string) => (hostile.realRegistry ? file.replace(/^registry\//, `${hostile.realRegistry}/`) : file);
      const isSentinel = (file: string) => [...SENTINEL_FILES].some((f) => sentinelFile(f) === file);

      // The case's own findings, exactly.
      const own = findings.filter((f) => !isSentinel(f.file));
      expect(own.map(({ ruleId, file, line, column }) => ({ ruleId, file, line, column }))).toEqual(
        expected.map(({ ruleId, file, line, column }) => ({ ruleId, file, line, column })),
      );
      expected.forEach((e, i) => {
        for (const part of [e.message].flat()) expect(own[i]!.message).toContain(part);
      });

      // Every other manifest still checked, and unaffected.
      expect(findings.filter((f) => isSentinel(f.file))).toEqual(baseline.findings.map((f) => ({ ...f, file: sentinelFile(f.file) })));
      expect(manifests.filter((m) => isSentinel(m.file))).toEqual(baseline.manifests.map((m) => ({ ...m, file: sentinelFile(m.file) })));
      for (const name of hostile.loads ?? []) expect(manifests.map((m) => m.name)).toContain(name);
      expect(manifests.map((m) => m.name)).not.toContain('secret');
    } finally {
      cleanup();
    }
  }, TIME_BOUND_MS);
});
