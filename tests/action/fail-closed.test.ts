import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildAction, pullRequestEvent, runAction, type ActionRun, type ActionRunOptions } from '../helpers/action-runner.js';
import { startFakeGitHub, type FakeGitHub, type FakePullRequestFile } from '../helpers/fake-github.js';
import { makeGitPullRequest } from '../helpers/git-repo.js';
import { makeRepo } from '../helpers/repo.js';
import { AS_OF, BASE_FILES, brokenModel, ROLE_TEAMS, tier1Idea, tier3Model } from './fixtures.js';

/**
 * Issue 11 (items 1, 5, 6, 7): the Action's verdict holds when a pull request attacks it and
 * when GitHub fails. Who may approve comes from the base branch only, however large the PR and
 * whatever the API answers; the comment it updates is its own; no call can hang it; and what
 * only reports the result (summary, comment) never changes it.
 */

const PR = 7;
const BASE_SHA = 'a'.repeat(40);
const ETHICS = 'registry/teams/ai-ethics.yaml';

let action: { entry: string; cleanup: () => void };
let api: FakeGitHub;
const cleanups: (() => void)[] = [];

beforeAll(() => {
  action = buildAction();
});
afterAll(() => {
  action.cleanup();
  for (const cleanup of cleanups) cleanup();
});
beforeEach(async () => {
  api = await startFakeGitHub();
});
afterEach(async () => {
  await api.close();
});

/** `count` tier-1 ideas, as many manifests for a PR to touch besides the one that matters. */
function fillers(count: number, title = 'Filler'): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const name = `filler-${String(i).padStart(4, '0')}`;
    const [path, text] = Object.entries(tier1Idea(name))[0]!;
    files[path] = text.replace(`  name: ${name}\n`, `  name: ${name}\n  title: ${title} ${i}\n`);
  }
  return files;
}

/**
 * The attack of item 1: mallory (in no team at the base) adds herself to the ethics team and a
 * tier-3 model whose ethics approval she signs, approves the PR herself, and touches `others`
 * other manifests so that the base is too big to read the old way.
 */
function selfApproval(others: number): { base: Record<string, string>; head: Record<string, string> } {
  const base = { ...BASE_FILES, ...ROLE_TEAMS, ...fillers(others) };
  const head = {
    ...base,
    [ETHICS]: ROLE_TEAMS[ETHICS]!.replace('members: [gharlow, amensah]', 'members: [gharlow, amensah, mallory]'),
    ...tier3Model('claims-triage', { approvals: { 'ai-ethics-lead': 'mallory', 'risk-compliance': 'mokafor' } }),
    ...fillers(others, 'Renamed filler'),
  };
  return { base, head };
}

/** The files a PR changes from `base` to `head`, as GitHub lists them. */
function changes(base: Record<string, string>, head: Record<string, string>): FakePullRequestFile[] {
  return Object.keys(head)
    .filter((path) => base[path] !== head[path])
    .sort()
    .map((filename) => ({ filename, status: filename in base ? 'modified' : 'added' }));
}

function workspaceOf(files: Record<string, string>): string {
  const { root, cleanup } = makeRepo(files);
  cleanups.push(cleanup);
  return root;
}

/** A PR by `author` on a workspace that is no clone: the base is read through the API (setCommit). */
function pullRequest(files: FakePullRequestFile[], author = 'mallory', extra: { changedFiles?: number; baseSha?: string } = {}): Partial<ActionRunOptions> {
  api.pullFiles.set(PR, files);
  return { event: { name: 'pull_request', payload: pullRequestEvent({ number: PR, author, changedFiles: extra.changedFiles ?? files.length, ...(extra.baseSha ? { baseSha: extra.baseSha } : {}) }) } };
}

function run(workspace: string, options: Partial<ActionRunOptions>, inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({ entry: action.entry, workspace, inputs: { 'as-of': AS_OF, comment: 'false', 'request-reviews': 'false', ...inputs }, api, ...options });
}

type ReportedFinding = { ruleId: string; severity: string; message: string; file: string };
function findings(result: ActionRun): ReportedFinding[] {
  return (result.report as { findings: ReportedFinding[] }).findings;
}

function blobRequests(): number {
  return api.requests.filter((r) => r.path.includes('/git/blobs/')).length;
}

describe('item 1: who may approve comes from the base branch, however large the pull request', () => {
  it.each([201, 3_500])('a self-made ethics lead stays unverified when the PR touches %i other manifests (base through the trees API)', async (others) => {
    const { base, head } = selfApproval(others);
    api.setCommit(BASE_SHA, base);
    api.addReview(PR, 'mallory', 'APPROVED');
    api.addReview(PR, 'mokafor', 'APPROVED');
    const files = changes(base, head);
    // GitHub lists at most 3,000 files: beyond, the PR's files are unknown.
    const result = await run(workspaceOf(head), pullRequest(files.slice(0, 3000), 'mallory', { changedFiles: files.length }));

    expect(result.status).toBe(1);
    expect(findings(result).filter((f) => f.severity !== 'notice').map((f) => `${f.ruleId}: ${f.message}`)).toEqual([
      'approval-unverified: approval ai-ethics-lead by mallory is not verified: mallory is not a member of @northwind/ai-ethics, the team holding ai-ethics-lead; members of @northwind/ai-ethics (gharlow, amensah) can approve',
    ]);
    // One blob per file the PR changed at the base (the team and the fillers); the rest is the workspace's own.
    expect(blobRequests()).toBe(others + 1);
    expect(result.commands('warning')).toEqual([]);
  });

  it('a PR of 3,500 changed manifests on a shallow clone: the base is fetched with git, the role holders approve, and it passes without a tree or blob API call', async () => {
    const base = { ...BASE_FILES, ...ROLE_TEAMS, ...fillers(3_500) };
    const head = { ...base, ...tier3Model('claims-triage', { approvals: { 'ai-ethics-lead': 'gharlow', 'risk-compliance': 'mokafor' } }), ...fillers(3_500, 'Renamed filler') };
    const repo = makeGitPullRequest(base, head);
    cleanups.push(repo.cleanup);
    api.addReview(PR, 'gharlow', 'APPROVED');
    api.addReview(PR, 'mokafor', 'APPROVED');
    const files = changes(base, head);
    const result = await run(repo.workspace, pullRequest(files.slice(0, 3000), 'asmith', { changedFiles: files.length, baseSha: repo.baseSha }));

    expect(result.status).toBe(0);
    expect(findings(result).filter((f) => f.severity !== 'notice')).toEqual([]);
    expect(api.requests.filter((r) => r.path.includes('/git/'))).toEqual([]);
    expect(result.stdout).toContain(`Read the registry at the base commit ${repo.baseSha.slice(0, 12)} through git: 3505 manifests; this pull request adds or changes 3501.`);
  });

  it('the same attack on a shallow clone, read with git: unverified', async () => {
    const { base, head } = selfApproval(300);
    const repo = makeGitPullRequest(base, head);
    cleanups.push(repo.cleanup);
    api.addReview(PR, 'mallory', 'APPROVED');
    api.addReview(PR, 'mokafor', 'APPROVED');
    const result = await run(repo.workspace, pullRequest(changes(base, head), 'mallory', { baseSha: repo.baseSha }));

    expect(result.status).toBe(1);
    expect(findings(result).map((f) => f.ruleId)).toEqual(['approval-unverified']);
    expect(findings(result)[0]!.message).toContain('mallory is not a member of @northwind/ai-ethics');
  });

  it('a clone whose origin cannot give the base falls back to the API', async () => {
    const { base, head } = selfApproval(5);
    const repo = makeGitPullRequest(base, head);
    cleanups.push(repo.cleanup);
    api.setCommit(BASE_SHA, base);
    api.addReview(PR, 'mallory', 'APPROVED');
    api.addReview(PR, 'mokafor', 'APPROVED');
    // The event names a commit origin does not have: git fails, the trees API has it.
    const result = await run(repo.workspace, pullRequest(changes(base, head), 'mallory'));

    expect(result.status).toBe(1);
    expect(findings(result)[0]!.message).toContain('mallory is not a member of @northwind/ai-ethics');
    expect(result.stdout).toMatch(/Cannot read the base commit with git \(git fetch: .*\); reading it through the GitHub API\./);
    expect(result.stdout).toContain('through the GitHub API');
  });

  it.each([
    ['a server error', () => api.fail('GET', '/repos/:o/:r/git/trees/:sha', 500, 'Server Error'), 'HTTP 500: Server Error'],
    ['an exhausted rate limit', () => api.fail('GET', '/repos/:o/:r/git/blobs/:sha', 403, 'API rate limit exceeded', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600) }), 'the rate limit is used up until'],
  ])('when the base cannot be read (%s), no added approval is trusted, a real role holder\'s included', async (_, failure, why) => {
    const { base, head } = selfApproval(3);
    api.setCommit(BASE_SHA, base);
    const legit = { ...head, ...tier3Model('claims-triage', { approvals: { 'ai-ethics-lead': 'gharlow', 'risk-compliance': 'mokafor' } }) };
    api.addReview(PR, 'gharlow', 'APPROVED');
    api.addReview(PR, 'mokafor', 'APPROVED');
    failure();
    const result = await run(workspaceOf(legit), pullRequest(changes(base, legit), 'asmith'));

    expect(result.status).toBe(1);
    expect(findings(result).map((f) => f.message)).toEqual([
      'approval ai-ethics-lead by gharlow is not verified: the registry at the base commit could not be read, so whether gharlow may approve as ai-ethics-lead cannot be checked; run the job again once the base branch can be read (see the warning in the log)',
      'approval risk-compliance by mokafor is not verified: the registry at the base commit could not be read, so whether mokafor may approve as risk-compliance cannot be checked; run the job again once the base branch can be read (see the warning in the log)',
    ]);
    expect(result.commands('warning')).toEqual([expect.stringMatching(new RegExp(`^::warning::Cannot read the registry at the base commit \\(.*${why}`))]);
  });
});

describe('item 5: the sticky comment updated is only the Action\'s own', () => {
  const MARKER = '<!-- ai-registry:pr-comment -->';

  it('leaves a human\'s comment that carries the marker alone, and keeps its own', async () => {
    const workspace = workspaceOf({ ...BASE_FILES, ...brokenModel('bad-one') });
    api.setCommit(BASE_SHA, BASE_FILES);
    const planted = api.addComment(PR, `${MARKER}\n### ai-registry — all 3 manifests compliant`, 'mallory');
    const copied = api.addComment(PR, `  ${MARKER}\nquoted from an earlier run`, 'asmith');
    const event = pullRequest([{ filename: 'registry/models/bad-one.yaml', status: 'added' }], 'asmith');

    const first = await run(workspace, event, { comment: 'true' });
    expect(first.status).toBe(1);
    const comments = api.comments.get(PR)!;
    expect(comments.map((c) => [c.user.login, c.id === planted.id || c.id === copied.id ? 'theirs' : 'ours'])).toEqual([
      ['mallory', 'theirs'],
      ['asmith', 'theirs'],
      ['github-actions[bot]', 'ours'],
    ]);
    expect(planted.body).toBe(`${MARKER}\n### ai-registry — all 3 manifests compliant`);
    expect(api.requestsTo('PATCH', '/repos/:o/:r/issues/comments/:id')).toEqual([]);

    // The next run updates the Action's comment, and only it.
    await run(workspace, event, { comment: 'true' });
    expect(api.requestsTo('PATCH', '/repos/:o/:r/issues/comments/:id').map((r) => r.path)).toEqual([`/repos/northwind/ai-registry/issues/comments/${comments[2]!.id}`]);
    expect(api.comments.get(PR)).toHaveLength(3);
  });

  it('knows an App token\'s own comments by the App\'s login', async () => {
    api.viewer = 'northwind-governance[bot]';
    const workspace = workspaceOf({ ...BASE_FILES, ...brokenModel('bad-one') });
    api.setCommit(BASE_SHA, BASE_FILES);
    // The older marker comment is another bot's: the default token's, from before the App was used.
    api.addComment(PR, `${MARKER}\nnot ours`, 'github-actions[bot]');
    const mine = api.addComment(PR, `${MARKER}\nold report`, 'northwind-governance[bot]');
    await run(workspace, pullRequest([{ filename: 'registry/models/bad-one.yaml', status: 'added' }], 'asmith'), { comment: 'true' });

    expect(api.requestsTo('PATCH', '/repos/:o/:r/issues/comments/:id').map((r) => r.path)).toEqual([`/repos/northwind/ai-registry/issues/comments/${mine.id}`]);
    expect(mine.body).toContain('bad-one');
  });

  it('comments nowhere when it cannot tell whose token it holds', async () => {
    const workspace = workspaceOf({ ...BASE_FILES, ...brokenModel('bad-one') });
    api.setCommit(BASE_SHA, BASE_FILES);
    api.addComment(PR, `${MARKER}\nold report`, 'github-actions[bot]');
    api.fail('POST', '/graphql', 401, 'Bad credentials');
    const result = await run(workspace, pullRequest([{ filename: 'registry/models/bad-one.yaml', status: 'added' }], 'asmith'), { comment: 'true' });

    expect(result.status).toBe(1);
    expect(api.requestsTo('PATCH', '/repos/:o/:r/issues/comments/:id')).toEqual([]);
    expect(api.requestsTo('POST', '/repos/:o/:r/issues/:n/comments')).toEqual([]);
    expect(result.commands('warning')).toEqual([expect.stringMatching(/^::warning::Cannot comment on pull request #7 \(HTTP 401: Bad credentials/)]);
  });
});

describe('item 6: no API call can hang the Action', () => {
  const FAST = { AI_REGISTRY_API_TIMEOUT_MS: '300' };

  it('every endpoint hanging: each read is tried twice, then the run decides fail-closed and says why', async () => {
    const { base, head } = selfApproval(2);
    const legit = { ...head, ...tier3Model('claims-triage', { approvals: { 'ai-ethics-lead': 'gharlow', 'risk-compliance': 'mokafor' } }) };
    for (const [method, pattern] of [
      ['GET', '/repos/:o/:r/pulls/:n/files'],
      ['GET', '/repos/:o/:r/git/trees/:sha'],
      ['GET', '/repos/:o/:r/pulls/:n/reviews'],
      ['GET', '/repos/:o/:r/pulls/:n/requested_reviewers'],
      ['POST', '/repos/:o/:r/pulls/:n/requested_reviewers'],
      ['POST', '/graphql'],
      ['GET', '/repos/:o/:r/issues/:n/comments'],
      ['POST', '/repos/:o/:r/issues/:n/comments'],
    ] as const) api.hang(method, pattern);
    const started = Date.now();
    const result = await run(workspaceOf(legit), { ...pullRequest(changes(base, legit), 'asmith'), env: FAST }, { comment: 'true', 'request-reviews': 'true' });
    const elapsed = Date.now() - started;

    expect(result.status).toBe(1);
    expect(result.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
    expect(findings(result).map((f) => f.ruleId)).toEqual(['approval-unverified', 'approval-unverified']);
    expect(result.outputs).toMatchObject({ errors: '2', warnings: '0' });
    const warnings = result.commands('warning').join('\n');
    expect(warnings).toContain('Cannot list the pull request\'s changed files (GET /repos/northwind/ai-registry/pulls/7/files: no answer within 300 ms)');
    expect(warnings).toContain('Cannot read the registry at the base commit (GET /repos/northwind/ai-registry/git/trees/');
    expect(warnings).toContain('Cannot list the pull request\'s reviews (GET /repos/northwind/ai-registry/pulls/7/reviews: no answer within 300 ms)');
    expect(warnings).toContain('Cannot comment on pull request #7 (POST /graphql: no answer within 300 ms)');
    // A read is tried again once; nothing else is.
    expect(api.requestsTo('GET', '/repos/:o/:r/pulls/:n/reviews')).toHaveLength(2);
    // Well inside a job's patience: 4 reads, each 2 × 300 ms and a 1 s pause, with room for a slow machine.
    expect(elapsed).toBeLessThan(25_000);
  });

  it('honours retry-after: a read that GitHub asks to repeat later is repeated, once', async () => {
    const workspace = workspaceOf({ ...BASE_FILES, ...tier1Idea('good-idea') });
    api.setCommit(BASE_SHA, BASE_FILES);
    let calls = 0;
    api.route('GET', '/repos/:owner/:repo/pulls/:number/reviews', () => (++calls === 1 ? { status: 429, body: { message: 'slow down' }, headers: { 'retry-after': '1' } } : { body: [] }));
    const result = await run(workspace, { ...pullRequest([{ filename: 'registry/models/good-idea.yaml', status: 'added' }], 'asmith'), env: FAST });

    expect(calls).toBe(2);
    expect(result.status).toBe(0);
    expect(result.commands('warning')).toEqual([]);
  });
});

describe('item 7: what only reports the result never changes it', () => {
  it('an unwritable job summary is a warning: the outputs are set and the exit status is the lint result\'s', async () => {
    const workspace = workspaceOf({ ...BASE_FILES, ...tier1Idea('good-idea') });
    const folder = join(workspace, 'not-a-file');
    mkdirSync(folder);
    const result = await runAction({ entry: action.entry, workspace, inputs: { 'as-of': AS_OF }, api, env: { GITHUB_STEP_SUMMARY: folder } });

    expect(result.status).toBe(0);
    expect(result.outputs).toMatchObject({ errors: '0', warnings: '0', manifests: '4' });
    expect(result.commands('warning')).toEqual([expect.stringMatching(/^::warning::Cannot write the job summary \(EISDIR/)]);
    expect(result.stderr).toBe('');
  });

  it('a comment list cut short (HTTP 200, broken JSON) is a warning, not an internal error', async () => {
    const workspace = workspaceOf({ ...BASE_FILES, ...brokenModel('bad-one') });
    api.setCommit(BASE_SHA, BASE_FILES);
    api.route('GET', '/repos/:owner/:repo/issues/:number/comments', () => ({ raw: '[{"id": 1001, "body": "<!-- ai-registry:pr-comment -->\\n### ai-reg' }));
    const result = await run(workspace, pullRequest([{ filename: 'registry/models/bad-one.yaml', status: 'added' }], 'asmith'), { comment: 'true' });

    expect(result.status).toBe(1);
    expect(result.outputs).toMatchObject({ errors: '1', manifests: '4' });
    expect(result.commands('error').map((line) => /title=([^:]+)::/.exec(line)?.[1])).toEqual(['unknown-reference']);
    expect(result.stdout).not.toContain('internal error');
    expect(result.commands('warning')).toEqual([expect.stringContaining('Cannot comment on pull request #7 (GET /repos/northwind/ai-registry/issues/7/comments: HTTP 200 with a body that is not valid JSON (cut short?))')]);
    expect(api.requestsTo('GET', '/repos/:o/:r/issues/:n/comments')).toHaveLength(2);
  });
});

