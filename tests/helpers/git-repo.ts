import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * A pull request as actions/checkout leaves it: a bare `origin` holding the base commit (on
 * `main`) and the PR's head (on `feature`), and a workspace that is a shallow clone of the head
 * alone, so the base commit is not there until someone fetches it.
 */
export interface GitPullRequest {
  workspace: string;
  baseSha: string;
  headSha: string;
  cleanup: () => void;
}

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

function writeFiles(root: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

export function makeGitPullRequest(base: Record<string, string>, head: Record<string, string>): GitPullRequest {
  const folder = mkdtempSync(join(tmpdir(), 'ai-registry-git-'));
  const origin = join(folder, 'origin.git');
  const build = join(folder, 'build');
  const workspace = join(folder, 'workspace');
  git(folder, 'init', '--quiet', '--bare', '--initial-branch=main', origin);
  git(folder, 'init', '--quiet', '--initial-branch=main', build);
  writeFiles(build, base);
  git(build, 'add', '--all');
  git(build, 'commit', '--quiet', '--allow-empty', '-m', 'base');
  const baseSha = git(build, 'rev-parse', 'HEAD');
  // The head is a child of the base holding exactly `head`.
  git(build, 'rm', '-r', '--quiet', '--ignore-unmatch', '.');
  writeFiles(build, head);
  git(build, 'add', '--all');
  git(build, 'commit', '--quiet', '--allow-empty', '-m', 'head');
  const headSha = git(build, 'rev-parse', 'HEAD');
  git(build, 'push', '--quiet', origin, `${baseSha}:refs/heads/main`, `${headSha}:refs/heads/feature`);
  git(folder, 'clone', '--quiet', '--depth=1', '--branch=feature', `file://${origin}`, workspace);
  return { workspace, baseSha, headSha, cleanup: () => rmSync(folder, { recursive: true, force: true }) };
}
