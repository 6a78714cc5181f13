import { buildAction, pullRequestEvent, runAction, type ActionRun, type ActionRunOptions } from '../helpers/action-runner.js';
import { startFakeGitHub, type FakeGitHub, type FakePullRequestFile } from '../helpers/fake-github.js';
import { makeRepo } from '../helpers/repo.js';
import { baseTree } from './fixtures.js';
import { AS_OF, BASE_FILES, ROLE_TEAMS, tier1Idea, tier3Model } from './fixtures.js';

/**
 * Tiered review on the pull request (SPEC §8), run as the runner runs the built Action against
 * the fake GitHub API: approvals backed by reviews, review requests to the teams holding the
 * roles, and the governance delta at the top of the comment and the summary.
 */

const PR = 7;
const BASE_SHA = 'a'.repeat(40);
const AUTHOR = 'asmith';
const MODEL = 'registry/models/claims-triage.yaml';
const REQUESTED = `/repos/northwind/ai-registry/pulls/${PR}/requested_reviewers`;

/** The tier-3 model with both approvals typed in: gharlow for ethics, mokafor for risk. */
const TIER3 = tier3Model('claims-triage', { approvals: { 'ai-ethics-lead': 'gharlow', 'risk-compliance': 'mokafor' } });

let action: { entry: string; cleanup: () => void };
let api: FakeGitHub;
const repos: (() => void)[] = [];

beforeAll(() => {
  action = buildAction();
});
afterAll(() => {
  action.cleanup();
  for (const cleanup of repos) cleanup();
});
beforeEach(async () => {
  api = await startFakeGitHub();
  baseOverrides = undefined;
});
afterEach(async () => {
  await api.close();
});

function repo(files: Record<string, string>): string {
  const { root, cleanup } = makeRepo({ ...BASE_FILES, ...ROLE_TEAMS, ...files });
  repos.push(cleanup);
  return root;
}

/** What the base commit holds besides the workspace's files the PR does not add (see `run`). */
let baseOverrides: Record<string, string> | undefined;

/** A pull request by asmith changing `files`; `base` gives files their content at the base commit. */
function pullRequest(files: FakePullRequestFile[], base: Record<string, string> = {}): Partial<ActionRunOptions> {
  api.pullFiles.set(PR, files);
  baseOverrides = base;
  return { event: { name: 'pull_request', payload: pullRequestEvent({ number: PR, author: AUTHOR, changedFiles: files.length }) } };
}

/** Every file of `files` as added by the PR. */
function added(files: Record<string, string>): FakePullRequestFile[] {
  return Object.keys(files).sort().map((filename) => ({ filename, status: 'added' }));
}

/**
 * Runs the Action on `workspace`. On a pull request, the base commit (read through the git trees
 * and blobs API: the workspace is no clone) is the workspace without the files the PR adds or
 * renames, plus `pullRequest`'s base files.
 */
function run(workspace: string, options: Partial<ActionRunOptions>, inputs: Record<string, string> = {}): Promise<ActionRun> {
  if (baseOverrides) api.setCommit(BASE_SHA, baseTree(workspace, api.pullFiles.get(PR) ?? [], baseOverrides));
  return runAction({ entry: action.entry, workspace, inputs: { 'as-of': AS_OF, ...inputs }, api, ...options });
}

/** The rule ids of the run's error annotations, sorted. */
function errorRules(result: ActionRun): string[] {
  return result.commands('error').flatMap((line) => /title=([^:]+)::/.exec(line)?.[1] ?? []).sort();
}

function comment(): string {
  return api.comments.get(PR)?.[0]?.body ?? '';
}

function teamRequests(): unknown[] {
  return api.requestsTo('POST', REQUESTED).map((request) => request.body);
}

describe('a pull request that adds a tier-3 model', () => {
  it('with approvals typed by the author and no review: approval-unverified errors naming who can approve, and review requested from the role teams, once', async () => {
    const workspace = repo({ ...tier1Idea('good-idea'), ...TIER3 });
    const event = pullRequest(added(TIER3));
    const blocked = await run(workspace, event);

    expect(blocked.status).toBe(1);
    expect(errorRules(blocked)).toEqual(['approval-unverified', 'approval-unverified']);
    expect(blocked.outputs).toMatchObject({ errors: '2', warnings: '0' });
    const report = blocked.report as { findings: { ruleId: string; message: string; line: number }[] };
    expect(report.findings.map((f) => f.message)).toEqual([
      'approval ai-ethics-lead by gharlow is not verified: no APPROVED review from gharlow on this pull request; members of @northwind/ai-ethics (gharlow, amensah) can approve',
      'approval risk-compliance by mokafor is not verified: no APPROVED review from mokafor on this pull request; members of @northwind/model-risk (mokafor, hvogel) can approve',
    ]);
    // At the approval items, lines 26 and 27 of the manifest.
    expect(report.findings.map((f) => f.line)).toEqual([26, 27]);

    expect(teamRequests()).toEqual([{ team_reviewers: ['ai-ethics', 'model-risk'] }]);
    expect(api.reviewRequests.get(PR)).toEqual({ users: [], teams: ['ai-ethics', 'model-risk'] });

    // The delta opens the comment, right under the verdict, and names what is missing and whom we asked.
    const body = comment();
    const delta = body.slice(body.indexOf('**What this PR changes**'), body.indexOf('❌'));
    expect(delta).toContain('➕ `claims-triage` — new model, **tier 3** (regulatedDomain: insurance), stage pilot — ✘ missing: approval ai-ethics-lead (unverified), approval risk-compliance (unverified)');
    expect(delta).toContain('👀 review requested from `@northwind/ai-ethics`, `@northwind/model-risk`');
    expect(body.indexOf('**What this PR changes**')).toBeLessThan(body.indexOf('❌'));
    expect(blocked.summary).toContain('**What this PR changes**');
    expect(blocked.summary).toContain('👀 review requested from');
    // No one is pinged from the comment: team names stay in code spans.
    expect(body).not.toMatch(/(^|[^`\w])@northwind\//m);

    // The next push asks nobody again: both requests are pending.
    const again = await run(workspace, event);
    expect(again.status).toBe(1);
    expect(teamRequests()).toHaveLength(1);
    expect(api.requestsTo('GET', REQUESTED)).toHaveLength(2);
  });

  it('passes once the ethics and the risk members approve; nobody is asked again', async () => {
    const workspace = repo({ ...tier1Idea('good-idea'), ...TIER3 });
    const event = pullRequest(added(TIER3));
    expect((await run(workspace, event)).status).toBe(1);
    // GitHub drops a team's pending request once a member reviews.
    api.reviewRequests.set(PR, { users: [], teams: [] });
    api.addReview(PR, 'gharlow', 'COMMENTED');
    api.addReview(PR, 'GHarlow', 'APPROVED');
    api.addReview(PR, 'mokafor', 'APPROVED');
    api.addReview(PR, 'mokafor', 'COMMENTED');

    const passed = await run(workspace, event);
    expect(passed.status).toBe(0);
    expect(passed.commands('error')).toEqual([]);
    expect(passed.outputs).toMatchObject({ errors: '0', warnings: '0' });
    expect(teamRequests()).toHaveLength(1);
    const body = comment();
    expect(body).toContain('➕ `claims-triage` — new model, **tier 3** (regulatedDomain: insurance), stage pilot — ✔ nothing missing');
    expect(body).not.toContain('not verified');
  });

  it('stays blocked when one approval is still missing, and asks only that role\'s team', async () => {
    const files = tier3Model('claims-triage', { approvals: { 'ai-ethics-lead': 'gharlow' } });
    const workspace = repo(files);
    api.addReview(PR, 'gharlow', 'APPROVED');
    const result = await run(workspace, pullRequest(added(files)));

    expect(result.status).toBe(1);
    expect(errorRules(result)).toEqual(['approval-missing']);
    expect(teamRequests()).toEqual([{ team_reviewers: ['model-risk'] }]);
  });

  it('does not count an approval by someone outside the teams holding the role, even with an APPROVED review', async () => {
    // ecoe is in ai-governance, which holds no role.
    const files = tier3Model('claims-triage', { approvals: { 'ai-ethics-lead': 'ecoe', 'risk-compliance': 'mokafor' } });
    const workspace = repo(files);
    api.addReview(PR, 'ecoe', 'APPROVED');
    api.addReview(PR, 'mokafor', 'APPROVED');
    const result = await run(workspace, pullRequest(added(files)));

    expect(result.status).toBe(1);
    expect(errorRules(result)).toEqual(['approval-unverified']);
    const [finding] = (result.report as { findings: { message: string }[] }).findings;
    expect(finding!.message).toBe(
      'approval ai-ethics-lead by ecoe is not verified: ecoe is not a member of @northwind/ai-ethics, the team holding ai-ethics-lead; members of @northwind/ai-ethics (gharlow, amensah) can approve',
    );
    expect(teamRequests()).toEqual([{ team_reviewers: ['ai-ethics'] }]);
  });

  it('does not count an approval whose approver requested changes after approving, nor a dismissed one', async () => {
    const workspace = repo(TIER3);
    api.addReview(PR, 'gharlow', 'APPROVED');
    api.addReview(PR, 'gharlow', 'CHANGES_REQUESTED');
    api.addReview(PR, 'mokafor', 'DISMISSED');
    const result = await run(workspace, pullRequest(added(TIER3)));

    expect(result.status).toBe(1);
    const messages = (result.report as { findings: { ruleId: string; message: string }[] }).findings.map((f) => `${f.ruleId}: ${f.message}`);
    expect(messages).toEqual([
      expect.stringContaining('approval-unverified: approval ai-ethics-lead by gharlow is not verified: gharlow\'s latest review on this pull request requests changes'),
      expect.stringContaining('approval-unverified: approval risk-compliance by mokafor is not verified: mokafor\'s review on this pull request was dismissed'),
    ]);
    // A member of each team has reviewed: their teams are not asked again.
    expect(teamRequests()).toEqual([]);
  });

  it('reads every page of reviews', async () => {
    const workspace = repo(TIER3);
    api.maxPerPage = 2;
    for (let i = 0; i < 3; i++) api.addReview(PR, `reviewer-${i}`, 'COMMENTED');
    api.addReview(PR, 'gharlow', 'APPROVED');
    api.addReview(PR, 'mokafor', 'APPROVED');
    const result = await run(workspace, pullRequest(added(TIER3)));

    expect(api.requestsTo('GET', `/repos/northwind/ai-registry/pulls/${PR}/reviews`).map((r) => r.query.page ?? '1')).toEqual(['1', '2', '3']);
    expect(result.status).toBe(0);
  });
});

describe('where no team declares roles', () => {
  const NO_ROLES = { 'registry/teams/ai-ethics.yaml': '', 'registry/teams/model-risk.yaml': '' };
  function repoWithoutRoles(files: Record<string, string>): string {
    const all = { ...BASE_FILES, ...files };
    const { root, cleanup } = makeRepo(Object.fromEntries(Object.entries(all).filter(([path]) => !(path in NO_ROLES))));
    repos.push(cleanup);
    return root;
  }

  it('needs an APPROVED review by the named approver, who is not the PR\'s author', async () => {
    const files = tier3Model('claims-triage', { approvals: { 'ai-ethics-lead': 'cethics', 'risk-compliance': 'drisk' } });
    const workspace = repoWithoutRoles(files);
    api.addReview(PR, 'cethics', 'APPROVED');
    const result = await run(workspace, pullRequest(added(files)));

    expect(result.status).toBe(1);
    const [finding] = (result.report as { findings: { ruleId: string; message: string }[] }).findings;
    expect(finding).toMatchObject({
      ruleId: 'approval-unverified',
      message: 'approval risk-compliance by drisk is not verified: no APPROVED review from drisk on this pull request; drisk approves this pull request on GitHub (Review changes → Approve)',
    });
    // No team holds a role: there is no team to ask.
    expect(api.requestsTo('GET', REQUESTED)).toEqual([]);
    expect(teamRequests()).toEqual([]);
  });
});

describe('approvals already on the base branch', () => {
  /** The model at the base: in pilot, with both approvals (verified when they were merged). */
  const BASE = TIER3[MODEL]!;

  it('are trusted: a PR that edits the model elsewhere needs no review of them', async () => {
    const head = BASE.replace('title: Claims triage assistant', 'title: Claims triage assistant v2');
    const workspace = repo({ ...TIER3, [MODEL]: head });
    const result = await run(workspace, pullRequest([{ filename: MODEL, status: 'modified' }], { [MODEL]: BASE }));

    expect(result.status).toBe(0);
    expect(result.commands('error')).toEqual([]);
    // The base tree down to the registry, and the one blob the PR changed: nothing else is fetched.
    expect(api.requests.filter((r) => r.path.includes('/git/')).map((r) => r.path.replace(/[0-9a-f]{40}/, (sha) => (sha === BASE_SHA ? 'BASE' : 'SHA')) + (r.query.recursive ? ' (recursive)' : ''))).toEqual([
      '/repos/northwind/ai-registry/git/trees/BASE',
      '/repos/northwind/ai-registry/git/trees/SHA (recursive)',
      '/repos/northwind/ai-registry/git/blobs/SHA',
    ]);
    expect(teamRequests()).toEqual([]);
  });

  it('a changed approval must be verified again; the unchanged one stays trusted', async () => {
    const head = BASE.replace('approver: mokafor, date: 2026-10-01', 'approver: hvogel, date: 2026-11-20');
    const workspace = repo({ ...TIER3, [MODEL]: head });
    const result = await run(workspace, pullRequest([{ filename: MODEL, status: 'modified' }], { [MODEL]: BASE }), { comment: 'false' });

    expect(result.status).toBe(1);
    const findings = (result.report as { findings: { ruleId: string; message: string }[] }).findings;
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'approval-unverified', message: expect.stringContaining('approval risk-compliance by hvogel is not verified') })]);
  });

  it('follow a renamed manifest to its previous name', async () => {
    const renamed = 'registry/models/tier3/claims-triage.yaml';
    const workspace = repo({ ...Object.fromEntries(Object.entries(TIER3).filter(([path]) => path !== MODEL)), [renamed]: BASE });
    const result = await run(workspace, pullRequest([{ filename: renamed, status: 'renamed', previous_filename: MODEL }], { [MODEL]: BASE }));

    expect(result.status).toBe(0);
    expect(result.commands('error')).toEqual([]);
  });

  it('when the base cannot be read, every approval of a changed manifest must be verified, and the run warns', async () => {
    const workspace = repo(TIER3);
    api.fail('GET', '/repos/:o/:r/git/trees/:sha', 500, 'Server Error');
    const result = await run(workspace, pullRequest([{ filename: MODEL, status: 'modified' }], { [MODEL]: TIER3[MODEL]! }), { comment: 'false' });

    expect(result.status).toBe(1);
    expect(errorRules(result)).toEqual(['approval-unverified', 'approval-unverified']);
    expect(result.commands('warning')).toEqual([expect.stringContaining('Cannot read the registry at the base commit (HTTP 500: Server Error')]);
    // A server error is worth one more try, never more.
    expect(api.requestsTo('GET', '/repos/:o/:r/git/trees/:sha')).toHaveLength(2);
    expect(result.summary).not.toContain('**What this PR changes**');
  });
});

describe('review requests', () => {
  it('are not made for a tier-1 model, which needs no approval', async () => {
    const files = tier1Idea('good-idea');
    const workspace = repo(files);
    const result = await run(workspace, pullRequest(added(files)));

    expect(result.status).toBe(0);
    expect(api.requestsTo('GET', REQUESTED)).toEqual([]);
    expect(teamRequests()).toEqual([]);
  });

  it('are not made with request-reviews false', async () => {
    const workspace = repo(TIER3);
    const result = await run(workspace, pullRequest(added(TIER3)), { 'request-reviews': 'false' });

    expect(result.status).toBe(1);
    expect(api.requestsTo('GET', REQUESTED)).toEqual([]);
    expect(teamRequests()).toEqual([]);
  });

  it.each([403, 422])('warn, and never fail the step, when the token may not request teams (HTTP %i)', async (status) => {
    const files = tier3Model('claims-triage', { approvals: { 'ai-ethics-lead': 'gharlow' } });
    const workspace = repo(files);
    api.addReview(PR, 'gharlow', 'APPROVED');
    api.fail('POST', REQUESTED, status, 'Reviews may only be requested from collaborators');
    const result = await run(workspace, pullRequest(added(files)), { 'fail-on': 'never' });

    expect(result.status).toBe(0);
    expect(errorRules(result)).toEqual(['approval-missing']);
    expect(result.commands('warning')).toEqual([
      expect.stringMatching(new RegExp(`^::warning::Cannot request review from @northwind/model-risk \\(HTTP ${status}: Reviews may only be requested from collaborators[^)]*\\)\\. Requesting a team needs a token that may read the organisation's teams`)),
    ]);
    expect(comment()).toContain('approval-missing');
    expect(comment()).not.toContain('👀');
  });
});

describe('the governance delta', () => {
  const PILOT = TIER3[MODEL]!;
  const PRODUCTION = PILOT.replace('lifecycle: pilot', 'lifecycle: production').replace('    pilotStarted: 2026-09-01\n', '    pilotStarted: 2026-09-01\n    productionSince: 2026-11-01\n');

  it('says what a promotion makes due and what a policy change makes stricter', async () => {
    const policy = 'apiVersion: ai-registry/v1\nkind: Policy\nmetadata:\n  name: policy\nspec:\n  tiers:\n    tier2: { enforcement: error }\n';
    const workspace = repo({ ...TIER3, [MODEL]: PRODUCTION, 'registry/policy.yaml': policy });
    const result = await run(
      workspace,
      pullRequest([{ filename: MODEL, status: 'modified' }, { filename: 'registry/policy.yaml', status: 'added' }], { [MODEL]: PILOT }),
    );

    expect(result.status).toBe(1);
    const body = comment();
    expect(body).toContain('⬆️ `claims-triage` — pilot → production: monitoring now due — ✘ missing: monitoring');
    expect(body).toContain('📜 policy **stricter**: tier 2 enforcement warning → error');
    expect(errorRules(result)).toEqual(['monitoring-missing']);
  });

  it('says there are no governance changes when the PR changes no manifest', async () => {
    const workspace = repo({ ...TIER3, 'docs/notes.md': '# Notes\n' });
    const result = await run(workspace, pullRequest([{ filename: 'docs/notes.md', status: 'added' }]));

    expect(result.status).toBe(0);
    expect(result.summary).toContain('**What this PR changes**: no governance changes.');
    expect(api.requestsTo('GET', '/repos/:o/:r/contents/:path')).toEqual([]);
  });
});
