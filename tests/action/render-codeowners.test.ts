import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DASHBOARD_END, DASHBOARD_START } from '../../src/render/markers.js';
import { buildAction, runAction } from '../helpers/action-runner.js';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';
import { AS_OF, BASE_FILES, tier1Idea } from './fixtures.js';

/**
 * The `codeowners` input with `root` in a sub-folder: CODEOWNERS patterns and the file's place are
 * the repository's (the workspace's), as GitHub reads them, not the root's.
 */

let action: { entry: string; cleanup: () => void };
let api: FakeGitHub;
let folders: string[] = [];
beforeAll(() => {
  action = buildAction();
});
afterAll(() => action.cleanup());
beforeEach(async () => {
  api = await startFakeGitHub();
});
afterEach(async () => {
  await api.close();
  folders.forEach((folder) => rmSync(folder, { recursive: true, force: true }));
  folders = [];
});

const ON_GITHUB = {
  'registry/teams/ml-platform.yaml': `${BASE_FILES['registry/teams/ml-platform.yaml']}  github: acme/ml-platform\n`,
  'registry/teams/ai-governance.yaml': `${BASE_FILES['registry/teams/ai-governance.yaml']}  github: acme/ai-governance\n`,
};

it('root: gov writes the workspace\'s .github/CODEOWNERS with every path from the workspace, even inside another git folder', async () => {
  // The workspace sits inside a folder that is itself a git repository: the workspace is the repository all the same.
  const outer = mkdtempSync(join(tmpdir(), 'ai-registry-outer-'));
  folders.push(outer);
  mkdirSync(join(outer, '.git'));
  const workspace = join(outer, 'workspace');
  const files = { ...BASE_FILES, ...ON_GITHUB, ...tier1Idea('ticket-router'), 'README.md': `# Gov\n\n${DASHBOARD_START}\n${DASHBOARD_END}\n` };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(workspace, 'gov', path)), { recursive: true });
    writeFileSync(join(workspace, 'gov', path), text);
  }
  const run = (mode: string) => runAction({ entry: action.entry, workspace, inputs: { 'as-of': AS_OF, root: 'gov', mode, codeowners: '.github/CODEOWNERS' }, api });

  const rendered = await run('render');
  expect(rendered.status).toBe(0);
  expect(rendered.stdout).not.toContain('warning: GitHub reads CODEOWNERS only');
  expect(existsSync(join(workspace, 'gov/.github'))).toBe(false);
  expect(existsSync(join(outer, '.github'))).toBe(false);
  const lines = readFileSync(join(workspace, '.github/CODEOWNERS'), 'utf8').split('\n').filter((line) => line !== '' && !line.startsWith('#'));
  expect(lines).toContain('/gov/registry/models/ticket-router.yaml @acme/ml-platform');
  expect(lines).toContain('/gov/registry/policy.yaml @acme/ai-governance');
  expect(lines).toContain('/.github/CODEOWNERS @acme/ai-governance');
  expect(lines.filter((line) => !line.startsWith('/gov/') && !/^\/((\.github\/|docs\/)?CODEOWNERS|\.github\/workflows\/) /.test(line))).toEqual([]);
  expect((await run('check')).status).toBe(0);
});
