import { mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE_FILES, makeRepo } from '../helpers/repo.js';
import { runCliProcess } from '../helpers/cli.js';

const model = (name: string, extra = '') => `apiVersion: ai-registry/v1
kind: Model
metadata:
  name: ${name}
spec:
  project: ops-automation
  owner: ml-platform
  type: classical-ml
  lifecycle: idea
  tier: 1
  risk:
    audience: internal
    decisions: non-critical
    personalData: none
    regulatedDomain: none
    significantImpact: false
${extra}`;

const clean = { ...BASE_FILES, 'registry/models/ticket-router.yaml': model('ticket-router') };
const broken = {
  ...clean,
  'registry/models/bad-owner.yaml': model('bad-owner').replace('owner: ml-platform', 'owner: nobody'),
  'registry/projects/no-sponsor.yaml': 'apiVersion: ai-registry/v1\nkind: Project\nmetadata:\n  name: no-sponsor\nspec:\n  owner: ml-platform\n',
};

let repos: { root: string; cleanup: () => void }[] = [];
function repo(files: Record<string, string>): string {
  const r = makeRepo(files);
  repos.push(r);
  return r.root;
}

afterAll(() => {
  repos.forEach((r) => r.cleanup());
  repos = [];
});

describe('ai-registry lint (as a process)', () => {
  it('exits 0 on a clean registry and says so', () => {
    const result = runCliProcess(['lint', '--as-of', '2026-11-24'], { cwd: repo(clean) });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('✔ 4 manifests checked, no problems');
    expect(result.stderr).toBe('');
  });

  it('exits 1 on errors, grouped by file with line:column, and no colour when not a TTY', () => {
    const result = runCliProcess(['lint', '--as-of', '2026-11-24'], { cwd: repo(broken) });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('registry/models/bad-owner.yaml\n  7:10  error');
    expect(result.stdout).toContain('unknown-reference');
    expect(result.stdout).toMatch(/✖ \d+ problems? \(1 error, \d+ warnings?\) in \d of 6 manifests/);
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('writes the stable JSON shape', () => {
    const root = repo(broken);
    const result = runCliProcess(['lint', '--format', 'json', '--as-of', '2026-11-24'], { cwd: root });
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual(['version', 'asOf', 'summary', 'findings', 'manifests']);
    expect(report.version).toBe(1);
    expect(report.asOf).toBe('2026-11-24');
    expect(report.summary.manifests).toBe(6);
    const finding = report.findings.find((f: { ruleId: string }) => f.ruleId === 'unknown-reference');
    expect(finding).toEqual({
      ruleId: 'unknown-reference',
      severity: 'error',
      message: expect.stringContaining('"nobody"'),
      file: 'registry/models/bad-owner.yaml',
      line: 7,
      column: 10,
      kind: 'Model',
      name: 'bad-owner',
    });
    const entry = report.manifests.find((m: { name: string }) => m.name === 'ticket-router');
    expect(entry).toEqual({ kind: 'Model', name: 'ticket-router', file: 'registry/models/ticket-router.yaml', tier: 1, derivedTier: 1, lifecycle: 'idea', compliant: true });
    expect(report.manifests.find((m: { name: string }) => m.name === 'bad-owner').compliant).toBe(false);
  });

  it('--output writes the report to a file', () => {
    const root = repo(clean);
    const result = runCliProcess(['lint', '--format', 'json', '--output', 'out/report.json', '--as-of', '2026-11-24'], { cwd: root });
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(readFileSync(join(root, 'out/report.json'), 'utf8')).summary.errors).toBe(0);
    const unwritable = runCliProcess(['lint', '--output', 'registry/teams/ml-platform.yaml/x.json', '--as-of', '2026-11-24'], { cwd: root });
    expect(unwritable.status).toBe(2);
    expect(unwritable.stderr).toMatch(/^ai-registry lint: cannot write .*x\.json: E[A-Z]+\n$/);
  });

  it('--changed reports only the named files, and counts only those', () => {
    const root = repo(broken);
    const onlyClean = runCliProcess(['lint', '--format', 'json', '--changed', 'registry/models/ticket-router.yaml', '--as-of', '2026-11-24'], { cwd: root });
    expect(onlyClean.status).toBe(0);
    expect(JSON.parse(onlyClean.stdout).findings).toEqual([]);
    const both = runCliProcess(['lint', '--format', 'json', '--changed', 'registry/models/ticket-router.yaml', './registry/models/bad-owner.yaml', '--as-of', '2026-11-24'], { cwd: root });
    expect(both.status).toBe(1);
    const report = JSON.parse(both.stdout);
    expect(report.summary.errors).toBe(1);
    expect(report.findings.every((f: { file: string }) => f.file === 'registry/models/bad-owner.yaml')).toBe(true);
  });

  describe('--changed names the broken manifest however it is spelled', () => {
    const BAD = 'registry/models/bad-owner.yaml';
    let root: string;
    let link: string;
    let links: string;
    beforeAll(() => {
      root = repo(broken);
      // The root named through a symlink, as macOS names /tmp through /private/tmp.
      links = mkdtempSync(join(tmpdir(), 'ai-registry-link-'));
      link = join(links, 'repo');
      symlinkSync(root, link);
    });
    afterAll(() => rmSync(links, { recursive: true, force: true }));

    const lintChanged = (changed: string, options: { rootArg?: string; cwd?: string } = {}) =>
      runCliProcess(['lint', '--format', 'json', '--as-of', '2026-11-24', ...(options.rootArg ? ['--root', options.rootArg] : []), '--changed', changed], { cwd: options.cwd ?? root });

    // [spelling, the path, whether the root is named through the symlink (--root LINK) rather than as the current folder]
    it.each([
      ['absolute', () => join(root, BAD), false],
      ['with a doubled slash', () => 'registry//models/bad-owner.yaml', false],
      ['through ..', () => 'registry/models/../models/bad-owner.yaml', false],
      ['through ./ in the middle', () => 'registry/./models/bad-owner.yaml', false],
      ['absolute through a symlink to the root, the root named by its real path', () => join(link, BAD), false],
      ['absolute by its real path, the root named through a symlink', () => join(realpathSync(root), BAD), true],
      ['absolute through the symlink the root is named by', () => join(link, BAD), true],
    ])('%s: reports its error and exits 1', (_, changed, rootViaLink) => {
      const result = lintChanged(changed(), rootViaLink ? { rootArg: link, cwd: '/' } : {});
      expect(result.stderr).toBe('');
      expect(result.status).toBe(1);
      const report = JSON.parse(result.stdout);
      expect(report.summary.errors).toBe(1);
      expect(report.findings.map((f: { file: string; ruleId: string }) => `${f.file} ${f.ruleId}`)).toContain(`${BAD} unknown-reference`);
    });

    it.each([
      ['a relative path climbing out', '../elsewhere/x.yaml'],
      ['an absolute path elsewhere', '/etc/hosts'],
    ])('%s: exit 2 with one line naming it', (_, changed) => {
      const result = lintChanged(changed);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^ai-registry lint: .+\n$/);
      expect(result.stderr).toContain(`--changed "${changed}" is outside the root`);
    });

    it('says so on stderr when no path names a manifest or a declared document, and keeps the exit code', () => {
      const result = runCliProcess(['lint', '--as-of', '2026-11-24', '--changed', 'registry/models/bad-ownr.yaml', 'README.md'], { cwd: root });
      expect(result.status).toBe(0);
      expect(result.stderr).toBe('ai-registry lint: no --changed path (registry/models/bad-ownr.yaml, README.md) is a manifest of the registry or a document a model declares: nothing to report\n');
      const named = runCliProcess(['lint', '--as-of', '2026-11-24', '--changed', 'registry/models/ticket-router.yaml', 'README.md'], { cwd: root });
      expect(named).toMatchObject({ status: 0, stderr: '' });
    });
  });

  it('--max-warnings turns too many warnings into exit 1', () => {
    const root = repo({ ...clean, 'registry/projects/no-sponsor.yaml': broken['registry/projects/no-sponsor.yaml'] });
    const report = JSON.parse(runCliProcess(['lint', '--format', 'json', '--as-of', '2026-11-24'], { cwd: root }).stdout);
    const warnings: number = report.summary.warnings;
    expect(runCliProcess(['lint', '--max-warnings', String(warnings), '--as-of', '2026-11-24'], { cwd: root }).status).toBe(0);
    if (warnings > 0) {
      const over = runCliProcess(['lint', '--max-warnings', String(warnings - 1), '--as-of', '2026-11-24'], { cwd: root });
      expect(over.status).toBe(1);
      expect(over.stderr).toContain('more than --max-warnings');
    }
  });

  it('--root and --registry point elsewhere', () => {
    const root = repo(Object.fromEntries(Object.entries(clean).map(([k, v]) => [k.replace(/^registry\//, 'governance/ai/'), v])));
    const result = runCliProcess(['lint', '--root', root, '--registry', 'governance/ai', '--as-of', '2026-11-24'], { cwd: '/' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('4 manifests checked');
  });

  it.each([
    [['lint', '--bogus'], "unknown option '--bogus'"],
    [['lint', '--format', 'xml'], 'unknown --format "xml"'],
    [['lint', '--as-of', '2026-13-01'], '--as-of "2026-13-01" is not a date'],
    [['lint', '--max-warnings', 'many'], '--max-warnings "many" is not a whole number'],
    [['lint', '--registry', 'nowhere'], 'registry folder "nowhere" not found'],
    [['lint', 'stray.yaml'], 'unexpected argument "stray.yaml"'],
    [['frobnicate'], 'unknown command "frobnicate"'],
  ])('usage mistake %j → one clear line, exit 2, no stack trace', (args, message) => {
    const result = runCliProcess(args, { cwd: repo(clean) });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('an invalid policy file is a configuration error: exit 2 with file, line and reason', () => {
    const root = repo({ ...clean, 'registry/policy.yaml': 'apiVersion: ai-registry/v1\nkind: Policy\nmetadata:\n  name: policy\nspec:\n  tiers:\n    tier3:\n      enforcement: strict\n' });
    const result = runCliProcess(['lint', '--as-of', '2026-11-24'], { cwd: root });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('registry/policy.yaml:8:20');
    expect(result.stderr).toContain('"strict"');
  });

  it('a placeholder pattern RE2 cannot compile is a configuration error: exit 2 at the pattern, saying why', () => {
    const root = repo({ ...clean, 'registry/policy.yaml': "apiVersion: ai-registry/v1\nkind: Policy\nmetadata:\n  name: policy\nspec:\n  placeholders: ['\\bTODO\\b', '(?=x)']\n" });
    const result = runCliProcess(['lint', '--as-of', '2026-11-24'], { cwd: root });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      'registry/policy.yaml:6:30  spec.placeholders[1]: RE2 cannot compile "(?=x)": invalid or unsupported Perl syntax: `(?=`; placeholder patterns use RE2 syntax: no lookahead or lookbehind, no backreferences  schema',
    );
  });

  it('--help for every command', () => {
    const root = repo(clean);
    expect(runCliProcess(['--help'], { cwd: root }).stdout).toContain('Commands:');
    const lintHelp = runCliProcess(['lint', '--help'], { cwd: root });
    expect(lintHelp.status).toBe(0);
    expect(lintHelp.stdout).toContain('--max-warnings');
  });
});
