import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DASHBOARD_END, DASHBOARD_START } from '../../src/render/markers.js';
import { runCliProcess } from '../helpers/cli.js';
import { modelYaml } from '../helpers/model-yaml.js';
import { BASE_FILES } from '../helpers/repo.js';

/**
 * No write goes through a symlink out of the repository, or under `.git/` (SPEC §9): a sandbox
 * holds the repository and a folder beside it that symlinks in the repository lead to. Each
 * refused command exits 2 with one line and leaves every file of the sandbox as it was:
 * every target is checked before any is written. The CLI runs as a process, as a user runs it.
 */

const README = `# Registry\n\n${DASHBOARD_START}\n${DASHBOARD_END}\n`;
const REPO_FILES: Record<string, string> = { ...BASE_FILES, 'registry/models/ticket-router.yaml': modelYaml('ticket-router'), 'README.md': README };

let sandboxes: string[] = [];
afterEach(() => {
  sandboxes.forEach((folder) => rmSync(folder, { recursive: true, force: true }));
  sandboxes = [];
});

/** `repo/` with the registry and a `.git` folder, `outside/` beside it, and `links` inside the repository to folders of the sandbox. */
function sandbox(links: Record<string, string>, files: Record<string, string> = REPO_FILES): { repo: string; outside: string; all: () => Record<string, string> } {
  const top = mkdtempSync(join(tmpdir(), 'ai-registry-writes-'));
  sandboxes.push(top);
  const repo = join(top, 'repo');
  const outside = join(top, 'outside');
  mkdirSync(outside, { recursive: true });
  mkdirSync(join(repo, '.git'), { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), content);
  }
  for (const [path, target] of Object.entries(links)) symlinkSync(join(top, target), join(repo, path));
  return { repo, outside, all: () => snapshot(top) };
}

/** Every file and folder below `folder` (links not followed), with the files' contents. */
function snapshot(folder: string): Record<string, string> {
  const entries = readdirSync(folder, { recursive: true, withFileTypes: true });
  return Object.fromEntries(
    entries
      .map((entry) => {
        const path = join(entry.parentPath, entry.name);
        return [path.slice(folder.length), entry.isFile() ? readFileSync(path, 'utf8') : entry.isSymbolicLink() ? '(link)' : '(folder)'] as const;
      })
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

function expectRefused(result: { status: number | null; stdout: string; stderr: string }, command: string, pattern: RegExp): void {
  expect({ status: result.status, stdout: result.stdout }).toEqual({ status: 2, stdout: '' });
  expect(result.stderr).toMatch(new RegExp(`^ai-registry ${command}: [^\\n]+\\n$`));
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

const AS_OF = ['--as-of', '2026-11-24'];

describe('render writes nothing through a symlinked folder, outside the repository or under .git/', () => {
  it.each([
    ['--codeowners through a .github linked outside', { '.github': 'outside' }, ['--codeowners', '.github/CODEOWNERS'], /\.github\/CODEOWNERS: it leads outside the repository through a symbolic link/],
    ['--inventory through an out/ linked outside', { out: 'outside' }, ['--inventory', 'out/INVENTORY.md'], /out\/INVENTORY\.md: it leads outside the repository through a symbolic link/],
    ['--inventory into a folder not there yet, below a link outside', { out: 'outside' }, ['--inventory', 'out/new/deeper/INVENTORY.md'], /leads outside the repository through a symbolic link/],
    ['--inventory through a link to a folder not there yet', { out: 'outside/not-yet' }, ['--inventory', 'out/INVENTORY.md'], /leads outside the repository through a symbolic link/],
    ['--inventory outside the repository', {}, ['--inventory', '../outside/INVENTORY.md'], /is outside the repository/],
    ['--inventory under .git/', {}, ['--inventory', '.git/INVENTORY.md'], /\.git\/INVENTORY\.md: it is inside \.git\//],
    ['--inventory under .GIT/ (a case-insensitive disk)', {}, ['--inventory', '.GIT/hooks/pre-commit'], /it is inside \.git\//],
    ['--codeowners under a link to .git/', { meta: 'repo/.git' }, ['--codeowners', 'meta/CODEOWNERS'], /it is inside \.git\//],
    ['--readme under .git/', {}, ['--readme', '.git/README.md'], /it is inside \.git\//],
  ])('%s: exit 2 and nothing written anywhere, also with --check', (_, links, args, message) => {
    const box = sandbox(links);
    const before = box.all();
    for (const check of [[], ['--check']]) {
      expectRefused(runCliProcess(['render', ...AS_OF, ...args, ...check], { cwd: box.repo }), 'render', message);
      expect(box.all()).toEqual(before);
    }
  });

  it('still writes into a folder of the repository that a symlink inside it leads to', () => {
    const box = sandbox({ out: 'repo/docs' }, { ...REPO_FILES, 'docs/.keep': '' });
    const result = runCliProcess(['render', ...AS_OF, '--inventory', 'out/INVENTORY.md'], { cwd: box.repo });
    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect(readFileSync(join(box.repo, 'docs/INVENTORY.md'), 'utf8')).toContain('ticket-router');
  });
});

describe('lint --output', () => {
  it.each([
    ['through an out/ linked outside', { out: 'outside' }, 'out/report.json', /out\/report\.json: it leads outside the repository through a symbolic link/],
    ['through an absolute path into a folder linked outside', { out: 'outside' }, 'REPO/out/report.json', /leads outside the repository through a symbolic link/],
    ['under .git/', {}, '.git/report.json', /it is inside \.git\//],
  ])('%s: exit 2, nothing written', (_, links, output, message) => {
    const box = sandbox(links);
    const before = box.all();
    const result = runCliProcess(['lint', ...AS_OF, '--format', 'json', '--output', output.replace('REPO', box.repo)], { cwd: box.repo });
    expectRefused(result, 'lint', message);
    expect(box.all()).toEqual(before);
  });

  it('writes a path outside the repository the user names (like $RUNNER_TEMP/x): their choice, as in ESLint', () => {
    const box = sandbox({});
    const result = runCliProcess(['lint', ...AS_OF, '--format', 'json', '--output', join(box.outside, 'reports/report.json')], { cwd: box.repo });
    expect(result).toMatchObject({ status: 0, stderr: '', stdout: '' });
    expect(JSON.parse(readFileSync(join(box.outside, 'reports/report.json'), 'utf8')).summary.errors).toBe(0);
  });
});

describe('init', () => {
  it('exits 2 and writes nothing when a folder it writes into is linked outside', () => {
    const box = sandbox({ '.github': 'outside' }, {});
    const before = box.all();
    expectRefused(runCliProcess(['init', ...AS_OF], { cwd: box.repo }), 'init', /\.github\/workflows\/ai-registry\.yml: it leads outside the repository through a symbolic link/);
    expect(box.all()).toEqual(before);
  });

  it('leaves a file that is already there through the link alone, and scaffolds the rest', () => {
    const box = sandbox({ '.github': 'outside' }, {});
    mkdirSync(join(box.outside, 'workflows'));
    writeFileSync(join(box.outside, 'workflows/ai-registry.yml'), 'name: mine\n');
    const result = runCliProcess(['init', ...AS_OF], { cwd: box.repo });
    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect(result.stdout).toContain('Skipped (already there, left unchanged):\n  .github/workflows/ai-registry.yml\n');
    expect(readFileSync(join(box.outside, 'workflows/ai-registry.yml'), 'utf8')).toBe('name: mine\n');
  });
});
