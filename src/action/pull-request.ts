import { readFileSync } from 'node:fs';

/** The pull request a run is about, from the runner's event payload and GITHUB_REPOSITORY. */
export interface PullRequestRef {
  owner: string;
  repo: string;
  number: number;
  /** `pull_request.changed_files` from the payload, when given: the API lists at most 3,000. */
  changedFiles?: number;
  /** The login of the PR's author (`pull_request.user.login`). */
  author?: string;
  /** The commit the PR is compared with (`pull_request.base.sha`): where the base versions of its files are read. */
  baseSha?: string;
}

interface PullRequestPayload {
  pull_request?: { number?: unknown; changed_files?: unknown; user?: { login?: unknown }; base?: { sha?: unknown } };
}

/**
 * The run's pull request, or undefined when the event is not about one (a push, a schedule) or
 * the runner's variables are missing (a local run).
 */
export function pullRequestOf(env: NodeJS.ProcessEnv): PullRequestRef | undefined {
  const [owner, repo, ...rest] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo || rest.length > 0) return undefined;
  const pullRequest = readPayload(env.GITHUB_EVENT_PATH)?.pull_request;
  const number = pullRequest?.number;
  if (typeof number !== 'number' || !Number.isInteger(number) || number <= 0) return undefined;
  const changedFiles = pullRequest?.changed_files;
  const author = pullRequest?.user?.login;
  const baseSha = pullRequest?.base?.sha;
  return {
    owner,
    repo,
    number,
    ...(typeof changedFiles === 'number' ? { changedFiles } : {}),
    ...(typeof author === 'string' && author !== '' ? { author } : {}),
    ...(typeof baseSha === 'string' && /^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(baseSha) ? { baseSha } : {}),
  };
}

function readPayload(path: string | undefined): PullRequestPayload | undefined {
  if (!path) return undefined;
  try {
    const payload: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return typeof payload === 'object' && payload !== null ? (payload as PullRequestPayload) : undefined;
  } catch {
    return undefined;
  }
}
