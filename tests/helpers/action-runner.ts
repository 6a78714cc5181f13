import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { startFakeGitHub, type FakeGitHub } from './fake-github.js';
import { readTree } from './repo.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** The built Action, copied into a folder of its own outside the repository. */
export function buildAction(): { entry: string; cleanup: () => void } {
  // dist/ is built once by tests/global-setup.mjs; a copy outside the repository proves the
  // bundle runs with no node_modules beside it.
  const folder = mkdtempSync(join(tmpdir(), 'ai-registry-action-'));
  copyFileSync(join(REPO, 'dist', 'index.js'), join(folder, 'index.js'));
  return { entry: join(folder, 'index.js'), cleanup: () => rmSync(folder, { recursive: true, force: true }) };
}


/** The inputs action.yml declares, with their defaults as the runner passes them. */
function defaultInputs(token: string): Record<string, string> {
  const action = parse(readFileSync(join(REPO, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> };
  return Object.fromEntries(
    Object.entries(action.inputs).map(([name, input]) => [name, input.default === '${{ github.token }}' ? token : String(input.default ?? '')]),
  );
}

export interface PullRequestEventOptions {
  number?: number;
  owner?: string;
  repo?: string;
  author?: string;
  changedFiles?: number;
  /** The base commit's id (`pull_request.base.sha`). */
  baseSha?: string;
}

/** A `pull_request` event payload shaped like GitHub's (the fields the Action and its readers use). */
export function pullRequestEvent(options: PullRequestEventOptions = {}): Record<string, unknown> {
  const { number = 7, owner = 'northwind', repo = 'ai-registry', author = 'asmith', changedFiles = 1, baseSha = 'a'.repeat(40) } = options;
  const repository = {
    id: 123456,
    name: repo,
    full_name: `${owner}/${repo}`,
    private: false,
    owner: { login: owner, type: 'Organization' },
    default_branch: 'main',
  };
  return {
    action: 'synchronize',
    number,
    pull_request: {
      id: 987654,
      number,
      state: 'open',
      title: 'Register a model',
      user: { login: author, type: 'User' },
      head: { ref: 'register-model', sha: 'b'.repeat(40), repo: repository },
      base: { ref: 'main', sha: baseSha, repo: repository },
      changed_files: changedFiles,
      draft: false,
    },
    repository,
    sender: { login: author, type: 'User' },
  };
}

export interface ActionRunOptions {
  /** The built entry from `buildAction()`. */
  entry: string;
  /** GITHUB_WORKSPACE: the checked-out repository. */
  workspace: string;
  /** `with:` values; the others get action.yml's defaults, as on the runner. */
  inputs?: Record<string, string>;
  /** The event; default a push (no pull request). */
  event?: { name: string; payload: Record<string, unknown> };
  api?: FakeGitHub;
  env?: Record<string, string>;
}

export interface ActionRun {
  status: number;
  stdout: string;
  stderr: string;
  /** The job summary file's content. */
  summary: string;
  /** Outputs read back from the GITHUB_OUTPUT file. */
  outputs: Record<string, string>;
  /** RUNNER_TEMP of the run (removed once the run is over). */
  runnerTemp: string;
  /** The JSON report at the `report` output, read before RUNNER_TEMP is removed. */
  report?: unknown;
  /** stdout lines that are workflow commands of a kind: `error`, `warning`, `notice`. */
  commands: (kind: string) => string[];
}

/**
 * Runs the built Action as the runner does: `node index.js` in the workspace, with INPUT_* (names
 * upper-cased, hyphens kept), the event file, GITHUB_* and RUNNER_TEMP, and summary and output
 * files; asynchronous, so a fake API in this process can answer it.
 */
export async function runAction(options: ActionRunOptions): Promise<ActionRun> {
  const runner = mkdtempSync(join(tmpdir(), 'ai-registry-runner-'));
  try {
    const summaryFile = join(runner, 'step_summary');
    const outputFile = join(runner, 'output');
    const eventFile = join(runner, 'event.json');
    const temp = join(runner, 'temp');
    mkdirSync(temp);
    writeFileSync(summaryFile, '');
    writeFileSync(outputFile, '');
    const event = options.event ?? { name: 'push', payload: { ref: 'refs/heads/main' } };
    writeFileSync(eventFile, JSON.stringify(event.payload, null, 2));
    const inputs = { ...defaultInputs('ghs_faketoken'), ...options.inputs };
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: event.name,
      GITHUB_EVENT_PATH: eventFile,
      GITHUB_REPOSITORY: 'northwind/ai-registry',
      GITHUB_REPOSITORY_OWNER: 'northwind',
      GITHUB_WORKSPACE: options.workspace,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: options.api?.url ?? 'http://127.0.0.1:9',
      GITHUB_RUN_ID: '4242',
      GITHUB_SHA: 'b'.repeat(40),
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_OUTPUT: outputFile,
      RUNNER_TEMP: temp,
      ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.replace(/ /g, '_').toUpperCase()}`, value])),
      ...options.env,
    };
    const { status, stdout, stderr } = await new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [options.entry], { cwd: options.workspace, env, encoding: 'utf8', timeout: 60_000 }, (error, out, err) => {
        resolve({ status: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout: out, stderr: err });
      });
    });
    const outputs = readOutputs(readFileSync(outputFile, 'utf8'));
    return {
      status,
      stdout,
      stderr,
      summary: readFileSync(summaryFile, 'utf8'),
      outputs,
      runnerTemp: temp,
      ...(outputs.report && existsSync(outputs.report) ? { report: JSON.parse(readFileSync(outputs.report, 'utf8')) } : {}),
      commands: (kind) => stdout.split('\n').filter((line) => line.startsWith(`::${kind} `) || line.startsWith(`::${kind}::`)),
    };
  } finally {
    rmSync(runner, { recursive: true, force: true });
  }
}

/**
 * The built Action run once on pull request `number` of `workspace` (every manifest checked),
 * against a fake API whose base commit holds what the workspace holds: the PR changes no file.
 * For suites that check what one run printed, summarised and posted; `close` ends the API and
 * removes the bundle.
 */
export async function runOnPullRequest(workspace: string, options: { asOf: string; number: number }): Promise<PullRequestRun> {
  const action = buildAction();
  const api = await startFakeGitHub();
  api.setCommit('a'.repeat(40), readTree(workspace));
  const run = await runAction({
    entry: action.entry,
    workspace,
    inputs: { 'as-of': options.asOf, 'only-changed': 'false' },
    api,
    event: { name: 'pull_request', payload: pullRequestEvent({ number: options.number }) },
  });
  return {
    run,
    api,
    close: async () => {
      await api.close();
      action.cleanup();
    },
  };
}

export interface PullRequestRun {
  run: ActionRun;
  api: FakeGitHub;
  close: () => Promise<void>;
}

/**
 * runOnPullRequest in the enclosing `describe`: run before its tests (after the file's own
 * `beforeAll`, which makes `workspace()`), closed after them. The getter returns the run.
 */
export function useActionRun(workspace: () => string, options: { asOf: string; number: number }): () => PullRequestRun {
  let pr: PullRequestRun | undefined;
  beforeAll(async () => {
    pr = await runOnPullRequest(workspace(), options);
  }, 60_000);
  afterAll(() => pr?.close());
  return () => pr!;
}

/** The GITHUB_OUTPUT file: `name<<DELIMITER`, the value's lines, `DELIMITER`. */
export function readOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (!match) continue;
    const end = lines.indexOf(match[2]!, i + 1);
    if (end === -1) throw new Error(`GITHUB_OUTPUT: no closing delimiter for ${match[1]}`);
    outputs[match[1]!] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return outputs;
}
