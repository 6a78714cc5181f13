import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAction, pullRequestEvent, runAction, type ActionRun, type ActionRunOptions } from '../helpers/action-runner.js';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';
import { makeRepo } from '../helpers/repo.js';
import { AS_OF, BASE_FILES, baseTree, brokenModel, tier1Idea, tier3Model } from './fixtures.js';

/**
 * The built Action (dist/index.js), run as the runner runs it: INPUT_* variables, an event file,
 * summary and output files, and a fake GitHub API on 127.0.0.1.
 */

const MARKER = '<!-- ai-registry:pr-comment -->';
const PR = 7;
const COMMENTS = `/repos/northwind/ai-registry/issues/${PR}/comments`;

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
});

const BASE_SHA = 'a'.repeat(40);
afterEach(async () => {
  await api.close();
});

function repo(files: Record<string, string>): string {
  const { root, cleanup } = makeRepo({ ...BASE_FILES, ...files });
  repos.push(cleanup);
  return root;
}

/** Runs the Action; on a pull request the base commit is the workspace without the files the PR adds (see baseTree). */
function run(workspace: string, inputs: Record<string, string> = {}, options: Partial<ActionRunOptions> = {}): Promise<ActionRun> {
  if (options.event?.name === 'pull_request') api.setCommit(BASE_SHA, baseTree(workspace, api.pullFiles.get(PR) ?? []));
  return runAction({ entry: action.entry, workspace, inputs: { 'as-of': AS_OF, ...inputs }, api, ...options });
}

function onPullRequest(changedFiles: string[], extra: Parameters<typeof pullRequestEvent>[0] = {}): Partial<ActionRunOptions> {
  api.pullFiles.set(PR, changedFiles.map((filename) => ({ filename, status: 'added' })));
  return { event: { name: 'pull_request', payload: pullRequestEvent({ number: PR, changedFiles: changedFiles.length, ...extra }) } };
}

/** `count` models whose owner names no team: one unknown-reference error each. */
function brokenModels(count: number): Record<string, string> {
  return Object.assign({}, ...Array.from({ length: count }, (_, i) => brokenModel(`broken-${String(i + 1).padStart(2, '0')}`)));
}

/** A project without a sponsor: one sponsor-missing warning. */
const UNSPONSORED_PROJECT = {
  'registry/projects/side-quest.yaml': `apiVersion: ai-registry/v1
kind: Project
metadata:
  name: side-quest
spec:
  owner: ml-platform
`,
};

const README = `# Northwind AI registry

<!-- ai-registry:dashboard:start -->
<!-- ai-registry:dashboard:end -->

Written by hand.
`;

describe('lint on a push', () => {
  it('annotates each finding at its file and line, writes the summary, sets the outputs and fails on errors', async () => {
    const workspace = repo({ ...brokenModel('bad-one'), ...tier1Idea('good-idea') });
    const result = await run(workspace);

    expect(result.status).toBe(1);
    const errors = result.commands('error');
    expect(errors[0]).toMatch(/^::error file=registry\/models\/bad-one\.yaml,line=7,col=\d+,title=unknown-reference::owner "nobody-team" is not a Team/);
    // The last ::error line is the step's failure, from fail-on.
    expect(errors.at(-1)).toBe('::error::ai-registry: 1 error (fail-on: error)');
    expect(errors).toHaveLength(2);

    expect(result.summary).toContain('nobody-team');
    expect(result.summary).toContain('registry/models/bad-one.yaml');
    expect(result.outputs).toEqual({ errors: '1', warnings: '0', manifests: '5', report: expect.any(String) });
    expect(result.outputs.report!.startsWith(result.runnerTemp)).toBe(true);
    expect(result.report).toMatchObject({
      version: 1,
      asOf: AS_OF,
      summary: { manifests: 5, errors: 1, warnings: 0 },
      findings: [{ ruleId: 'unknown-reference', file: 'registry/models/bad-one.yaml', line: 7 }],
    });
  });

  it('passes a clean registry: no annotation, zero counts, a summary all the same', async () => {
    const result = await run(repo(tier1Idea('good-idea')));

    expect(result.status).toBe(0);
    expect(result.commands('error')).toEqual([]);
    expect(result.commands('warning')).toEqual([]);
    expect(result.outputs).toMatchObject({ errors: '0', warnings: '0', manifests: '4' });
    expect(result.summary.trim()).not.toBe('');
  });

  it('caps annotations at 10 errors and 10 warnings, errors first, and says how many more the summary holds', async () => {
    const workspace = repo({ ...brokenModels(15), ...UNSPONSORED_PROJECT });
    const result = await run(workspace, { 'fail-on': 'never' });

    expect(result.status).toBe(0);
    const annotations = result.stdout.split('\n').filter((line) => /^::(error|warning|notice) /.test(line));
    expect(annotations.map((line) => line.slice(0, line.indexOf(' ')))).toEqual([...Array(10).fill('::error'), '::warning']);
    expect(annotations[0]).toContain('file=registry/models/broken-01.yaml,line=7');
    expect(annotations[10]).toContain('file=registry/projects/side-quest.yaml');
    expect(annotations[10]).toContain('title=sponsor-missing');
    expect(result.stdout).toContain('5 more findings not annotated');
    // The summary carries every finding, the unannotated ones too.
    for (const n of ['11', '12', '13', '14', '15']) expect(result.summary).toContain(`broken-${n}`);
    expect(result.outputs).toMatchObject({ errors: '15', warnings: '1' });
  });

  it.each([
    ['error', { errors: 0, warnings: 1 }, 0],
    ['error', { errors: 1, warnings: 0 }, 1],
    ['warning', { errors: 0, warnings: 1 }, 1],
    ['warning', { errors: 0, warnings: 0 }, 0],
    ['never', { errors: 1, warnings: 1 }, 0],
  ])('fail-on %s with %j exits %i', async (failOn, counts, status) => {
    const workspace = repo({ ...(counts.errors ? brokenModel('bad-one') : {}), ...(counts.warnings ? UNSPONSORED_PROJECT : {}) });
    const result = await run(workspace, { 'fail-on': failOn });

    expect(result.status).toBe(status);
    expect(result.outputs).toMatchObject({ errors: String(counts.errors), warnings: String(counts.warnings) });
    const failures = result.commands('error').filter((line) => line.startsWith('::error::'));
    expect(failures).toHaveLength(status);
  });

  it.each([
    ['mode', 'deploy', 'input "mode" must be one of lint, render, check, got "deploy"'],
    ['fail-on', 'warnings', 'input "fail-on" must be one of error, warning, never, got "warnings"'],
    ['only-changed', 'yes', 'input "only-changed" must be true or false, got "yes"'],
    ['comment', 'on', 'input "comment" must be true or false, got "on"'],
    ['request-reviews', 'sometimes', 'input "request-reviews" must be true or false, got "sometimes"'],
    ['as-of', '2026-02-30', 'input "as-of" must be a date written YYYY-MM-DD, got "2026-02-30"'],
    ['root', '../elsewhere', 'input "root" must stay inside the workspace'],
  ])('a bad %s value fails the step with one clear line', async (name, value, message) => {
    const result = await run(repo(tier1Idea('good-idea')), { [name]: value });

    expect(result.status).toBe(1);
    expect(result.stdout.trim().split('\n')).toEqual([expect.stringContaining(`::error::${message}`)]);
    expect(result.outputs).toEqual({});
  });

  it('fails with the loader\'s message when the registry folder is missing', async () => {
    const result = await run(repo(tier1Idea('good-idea')), { registry: 'no-such-registry' });

    expect(result.status).toBe(1);
    expect(result.commands('error')).toEqual([expect.stringMatching(/^::error::ai-registry: registry folder "no-such-registry" not found/)]);
  });

  it('writes SARIF at a workspace-relative path', async () => {
    const workspace = repo(brokenModel('bad-one'));
    const result = await run(workspace, { sarif: 'reports/ai-registry.sarif', 'fail-on': 'never' });

    expect(result.status).toBe(0);
    const log = JSON.parse(readFileSync(join(workspace, 'reports/ai-registry.sarif'), 'utf8'));
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results).toHaveLength(1);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('registry/models/bad-one.yaml');
  });

  it('keeps the summary and the comment within GitHub\'s limit and points both at the full reports with the exact number left out', async () => {
    const workspace = repo(brokenModels(400));
    const result = await run(workspace, { sarif: 'ai-registry.sarif', 'only-changed': 'false' }, onPullRequest([]));

    expect(result.outputs).toMatchObject({ errors: '400' });
    const [comment] = api.comments.get(PR)!;
    for (const report of [result.summary, comment!.body]) {
      expect(report.length).toBeGreaterThan(30_000);
      expect(report.length).toBeLessThanOrEqual(65_535);
      // Shown and left out add up to every finding.
      const shown = report.match(/^\| owner .* \| line 7 \| `unknown-reference` \|$/gm)!.length;
      const left = Number(/✂️ (\d+) more findings \((\d+) errors\) left out/.exec(report)?.[1]);
      expect(shown + left).toBe(400);
      expect(report).toContain(`Every finding is in the reports written on the runner of [this run](https://github.com/northwind/ai-registry/actions/runs/4242): \`ai-registry.sarif\` (SARIF) and \`${result.outputs.report}\` (JSON`);
      expect(report).toContain('[code scanning](https://github.com/northwind/ai-registry/security/code-scanning?query=is%3Aopen%20tool%3Aai-registry%20pr%3A7)');
    }
    // The summary is cut as well: the comment does not send anyone there for the rest.
    expect(comment!.body).not.toContain('job summary');
    expect(result.summary).toMatch(/✂️ \d+ more findings/);
  });

  it('makes no API call on a push', async () => {
    await run(repo(brokenModel('bad-one')));
    expect(api.requests).toEqual([]);
  });
});

describe('modes', () => {
  it('render writes the dashboard between the README markers and the inventory, leaving the rest alone', async () => {
    const workspace = repo({ ...tier3Model('claims-triage'), 'README.md': README });
    const result = await run(workspace, { mode: 'render' });

    expect(result.status).toBe(0);
    const readme = readFileSync(join(workspace, 'README.md'), 'utf8');
    expect(readme.startsWith('# Northwind AI registry\n\n<!-- ai-registry:dashboard:start -->\n')).toBe(true);
    expect(readme.endsWith('<!-- ai-registry:dashboard:end -->\n\nWritten by hand.\n')).toBe(true);
    expect(readme.length).toBeGreaterThan(README.length + 100);
    expect(readFileSync(join(workspace, 'INVENTORY.md'), 'utf8')).toContain('claims-triage');
    expect(result.outputs).toMatchObject({ errors: '0', manifests: '4' });
  });

  it('check fails on a stale README and passes once it is rendered', async () => {
    const workspace = repo({ ...tier3Model('claims-triage'), 'README.md': README });

    const stale = await run(workspace, { mode: 'check' });
    expect(stale.status).toBe(1);
    expect(stale.commands('error').join('\n')).toMatch(/README\.md is stale/);
    expect(readFileSync(join(workspace, 'README.md'), 'utf8')).toBe(README);
    expect(existsSync(join(workspace, 'INVENTORY.md'))).toBe(false);

    expect((await run(workspace, { mode: 'render' })).status).toBe(0);
    const fresh = await run(workspace, { mode: 'check' });
    expect(fresh.status).toBe(0);
    expect(fresh.commands('error')).toEqual([]);
    expect(fresh.outputs).toMatchObject({ errors: '0', warnings: '0' });
  });

  it('check also fails on lint errors when the README is fresh', async () => {
    const workspace = repo({ ...brokenModel('bad-one'), 'README.md': README });
    expect((await run(workspace, { mode: 'render', 'fail-on': 'never' })).status).toBe(0);

    const result = await run(workspace, { mode: 'check' });
    expect(result.status).toBe(1);
    expect(result.commands('error').at(-1)).toBe('::error::ai-registry: 1 error (fail-on: error)');
  });

  it('render fails when the README has no markers, and says which lines to add', async () => {
    const workspace = repo({ ...tier1Idea('good-idea'), 'README.md': '# No markers here\n' });
    const result = await run(workspace, { mode: 'render' });

    expect(result.status).toBe(1);
    expect(result.commands('error').join('\n')).toContain('ai-registry:dashboard:start');
  });

  it('with the codeowners input, render also writes the CODEOWNERS block and check verifies it', async () => {
    const workspace = repo({ ...tier3Model('claims-triage'), 'README.md': README });
    const stale = await run(workspace, { mode: 'check', codeowners: '.github/CODEOWNERS' });
    expect(stale.status).toBe(1);
    expect(stale.commands('error').join('\n')).toContain('.github/CODEOWNERS is stale: it does not exist yet');

    expect((await run(workspace, { mode: 'render', codeowners: '.github/CODEOWNERS' })).status).toBe(0);
    expect(readFileSync(join(workspace, '.github/CODEOWNERS'), 'utf8')).toContain('# ai-registry:codeowners:start\n# Generated by `ai-registry render`');
    expect((await run(workspace, { mode: 'check', codeowners: '.github/CODEOWNERS' })).status).toBe(0);
  });
});

describe('the sticky pull request comment', () => {
  it('is created once, then updated in place, found among every page of comments', async () => {
    const workspace = repo(brokenModel('bad-one'));
    for (let i = 0; i < 105; i++) api.addComment(PR, `Looks good ${i}`, 'reviewer');
    const event = onPullRequest(['registry/models/bad-one.yaml']);

    const first = await run(workspace, {}, event);
    expect(first.status).toBe(1);
    expect(api.requestsTo('POST', COMMENTS)).toHaveLength(1);
    const posted = api.comments.get(PR)!.at(-1)!;
    expect(posted.body.startsWith(`${MARKER}\n`)).toBe(true);
    expect(posted.body).toContain('nobody-team');
    expect(api.requestsTo('POST', COMMENTS)[0]!.headers.authorization).toBe('token ghs_faketoken');

    const second = await run(workspace, {}, event);
    expect(second.status).toBe(1);
    // The marker comment sits on the second page of comments: both pages were read.
    expect(api.requestsTo('GET', COMMENTS).map((r) => r.query.page ?? '1')).toEqual(['1', '2', '1', '2']);
    expect(api.requestsTo('POST', COMMENTS)).toHaveLength(1);
    const patches = api.requestsTo('PATCH', '/repos/northwind/ai-registry/issues/comments/:id');
    expect(patches.map((r) => r.path)).toEqual([`/repos/northwind/ai-registry/issues/comments/${posted.id}`]);
    expect(api.comments.get(PR)!.filter((c) => c.body.includes(MARKER))).toHaveLength(1);
  });

  it('is never created on a clean pull request that never had one', async () => {
    const workspace = repo(tier1Idea('good-idea'));
    const result = await run(workspace, {}, onPullRequest(['registry/models/good-idea.yaml']));

    expect(result.status).toBe(0);
    expect(api.requestsTo('POST', COMMENTS)).toEqual([]);
    expect(api.requestsTo('PATCH', '/repos/:o/:r/issues/comments/:id')).toEqual([]);
  });

  it('says the pull request is clean once its findings are fixed', async () => {
    const workspace = repo(brokenModel('bad-one'));
    const event = onPullRequest(['registry/models/bad-one.yaml']);
    expect((await run(workspace, {}, event)).status).toBe(1);

    const file = join(workspace, 'registry/models/bad-one.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('owner: nobody-team', 'owner: ml-platform'));
    const fixed = await run(workspace, {}, event);

    expect(fixed.status).toBe(0);
    expect(api.requestsTo('POST', COMMENTS)).toHaveLength(1);
    expect(api.requestsTo('PATCH', '/repos/:o/:r/issues/comments/:id')).toHaveLength(1);
    const [comment] = api.comments.get(PR)!;
    expect(comment!.body.startsWith(MARKER)).toBe(true);
    expect(comment!.body).not.toContain('nobody-team');
    expect(comment!.body).toContain('all 4 manifests compliant');
  });

  it('warns and keeps the lint result when the token cannot comment (a fork)', async () => {
    const workspace = repo(brokenModel('bad-one'));
    api.fail('POST', COMMENTS, 403);
    const result = await run(workspace, {}, onPullRequest(['registry/models/bad-one.yaml']));

    expect(result.status).toBe(1);
    const warnings = result.commands('warning');
    expect(warnings).toEqual([expect.stringMatching(/^::warning::Cannot comment on pull request #7 \(HTTP 403: Resource not accessible by integration/)]);
    expect(result.commands('error')[0]).toContain('title=unknown-reference');
    expect(result.commands('error').at(-1)).toBe('::error::ai-registry: 1 error (fail-on: error)');
    expect(result.outputs).toMatchObject({ errors: '1' });
  });

  it('passes when the token cannot comment and nothing is wrong', async () => {
    api.fail('POST', COMMENTS, 403);
    api.fail('GET', COMMENTS, 404, 'Not Found');
    const result = await run(repo(tier1Idea('good-idea')), {}, onPullRequest(['registry/models/good-idea.yaml']));

    expect(result.status).toBe(0);
    expect(result.commands('warning')).toEqual([expect.stringContaining('HTTP 404')]);
  });

  it('is not written when comment is false', async () => {
    await run(repo(brokenModel('bad-one')), { comment: 'false' }, onPullRequest(['registry/models/bad-one.yaml']));
    expect(api.requestsTo('GET', COMMENTS)).toEqual([]);
    expect(api.requestsTo('POST', COMMENTS)).toEqual([]);
  });
});

describe('only-changed', () => {
  /** 150 changed files, the model on the second page of the API's list. */
  function manyChangedFiles(model: string, prefix = ''): string[] {
    const files = Array.from({ length: 149 }, (_, i) => `${prefix}docs/notes/note-${String(i).padStart(3, '0')}.md`);
    files.splice(120, 0, `${prefix}${model}`);
    return files;
  }

  it('reports only the findings in the files the PR changes, through every page of its files', async () => {
    const workspace = repo({ ...brokenModel('old-debt'), ...brokenModel('new-model') });
    const result = await run(workspace, { comment: 'false' }, onPullRequest(manyChangedFiles('registry/models/new-model.yaml')));

    expect(api.requestsTo('GET', '/repos/northwind/ai-registry/pulls/7/files').map((r) => r.query.page ?? '1')).toEqual(['1', '2']);
    expect(result.status).toBe(1);
    const errors = result.commands('error').filter((line) => line.startsWith('::error '));
    expect(errors).toEqual([expect.stringContaining('file=registry/models/new-model.yaml')]);
    expect(result.outputs).toMatchObject({ errors: '1' });
    expect(result.summary).not.toContain('old-debt');
    expect(result.summary).toContain('1 other manifest with problems is not reported here');
  });

  it('passes a PR that touches nothing broken, even when the registry has old errors', async () => {
    const workspace = repo({ ...brokenModel('old-debt'), ...tier1Idea('good-idea') });
    const result = await run(workspace, {}, onPullRequest(['registry/models/good-idea.yaml']));

    expect(result.status).toBe(0);
    expect(result.outputs).toMatchObject({ errors: '0' });
    expect(api.requestsTo('POST', COMMENTS)).toEqual([]);
  });

  it('reports everything when the PR changes the policy', async () => {
    const workspace = repo({
      ...brokenModel('old-debt'),
      'registry/policy.yaml': 'apiVersion: ai-registry/v1\nkind: Policy\nmetadata:\n  name: policy\nspec:\n  staleExperimentDays: 120\n',
    });
    const result = await run(workspace, { comment: 'false' }, onPullRequest(['registry/policy.yaml']));

    expect(result.status).toBe(1);
    expect(result.outputs).toMatchObject({ errors: '1' });
    expect(result.stdout).toContain('Reporting every finding: the pull request changes the policy (registry/policy.yaml)');
  });

  it('reports everything when the PR has more files than GitHub lists', async () => {
    const workspace = repo(brokenModel('old-debt'));
    const result = await run(workspace, { comment: 'false' }, onPullRequest(['README.md'], { changedFiles: 3001 }));

    expect(api.requestsTo('GET', '/repos/:o/:r/pulls/:n/files')).toEqual([]);
    expect(result.outputs).toMatchObject({ errors: '1' });
  });

  it('reports everything when the list stops at 3,000 files', async () => {
    const workspace = repo(brokenModel('old-debt'));
    const files = Array.from({ length: 3000 }, (_, i) => `docs/bulk/file-${i}.md`);
    const result = await run(workspace, { comment: 'false' }, onPullRequest(files, { changedFiles: 3000 }));

    expect(api.requestsTo('GET', '/repos/:o/:r/pulls/:n/files')).toHaveLength(30);
    expect(result.outputs).toMatchObject({ errors: '1' });
  });

  it('maps the PR\'s repo-relative paths onto a root below the repository', async () => {
    const nested: Record<string, string> = {};
    for (const [path, content] of Object.entries({ ...BASE_FILES, ...brokenModel('old-debt'), ...brokenModel('new-model') })) nested[`governance/${path}`] = content;
    const { root, cleanup } = makeRepo(nested);
    repos.push(cleanup);
    const result = await run(root, { root: 'governance', comment: 'false' }, onPullRequest(manyChangedFiles('registry/models/new-model.yaml', 'governance/')));

    const errors = result.commands('error').filter((line) => line.startsWith('::error '));
    expect(errors).toEqual([expect.stringContaining('file=governance/registry/models/new-model.yaml,line=7')]);
    expect(result.outputs).toMatchObject({ errors: '1' });
  });

  it('warns and reports everything, without calling the API, when there is no token', async () => {
    const workspace = repo({ ...brokenModel('old-debt'), ...brokenModel('new-model') });
    const result = await run(workspace, { 'github-token': '' }, onPullRequest(['registry/models/new-model.yaml']));

    expect(api.requests).toEqual([]);
    expect(result.status).toBe(1);
    expect(result.outputs).toMatchObject({ errors: '2' });
    expect(result.commands('warning')).toEqual([
      expect.stringContaining('Verifying approvals against the pull request\'s reviews needs a github-token'),
      expect.stringContaining('only-changed needs a github-token'),
      expect.stringContaining('comment needs a github-token'),
    ]);
  });

  it('reports everything with only-changed false', async () => {
    const workspace = repo({ ...brokenModel('old-debt'), ...brokenModel('new-model') });
    const result = await run(workspace, { 'only-changed': 'false', comment: 'false' }, onPullRequest(['registry/models/new-model.yaml']));

    // The files are still listed, to tell new approvals from those on the base branch.
    expect(result.outputs).toMatchObject({ errors: '2' });
    expect(result.summary).toContain('old-debt');
  });
});

describe('done when: a pull request that registers a tier-3 model', () => {
  const NON_COMPLIANT = tier3Model('claims-triage', {
    withoutDocs: ['riskAssessment'],
    approvals: { 'ai-ethics-lead': 'asmith', 'risk-compliance': 'drisk' },
  });
  const changed = (files: Record<string, string>) => Object.keys(files).sort();

  it('is blocked while non-compliant, with one sticky comment naming exactly what is missing, and passes once fixed', async () => {
    const workspace = repo({ ...tier1Idea('good-idea'), ...NON_COMPLIANT });
    // The approvals the PR adds count once their approvers approve the PR on GitHub.
    api.addReview(PR, 'drisk', 'APPROVED');
    const blocked = await run(workspace, {}, onPullRequest(changed(NON_COMPLIANT)));

    expect(blocked.status).toBe(1);
    expect(blocked.outputs).toMatchObject({ errors: '2', warnings: '0' });
    const titles = blocked.commands('error').filter((line) => line.startsWith('::error ')).map((line) => /title=([^:]+)::/.exec(line)?.[1]);
    expect(titles.sort()).toEqual(['approval-missing', 'doc-missing']);
    expect(api.requestsTo('POST', COMMENTS)).toHaveLength(1);
    const body = api.comments.get(PR)![0]!.body;
    expect(body.startsWith(MARKER)).toBe(true);
    expect(body).toContain('claims-triage');
    expect(body).toContain('riskAssessment');
    expect(body).toContain('ai-ethics-lead');
    expect(body).toContain('asmith');
    // Nothing that is in place is named as missing.
    for (const present of ['modelCard', 'dataSheet', 'impactAssessment', 'humanOversight', 'incidentResponse', 'risk-compliance']) {
      expect(body).not.toContain(present);
    }

    // The author adds the risk assessment and gets the ethics approval from outside the team.
    const COMPLIANT = tier3Model('claims-triage');
    for (const [path, content] of Object.entries(COMPLIANT)) writeFileSync(join(workspace, path), content);
    api.addReview(PR, 'cethics', 'APPROVED');
    const passed = await run(workspace, {}, onPullRequest(changed(COMPLIANT)));

    expect(passed.status).toBe(0);
    expect(passed.outputs).toMatchObject({ errors: '0', warnings: '0' });
    expect(api.requestsTo('POST', COMMENTS)).toHaveLength(1);
    expect(api.requestsTo('PATCH', '/repos/:o/:r/issues/comments/:id')).toHaveLength(1);
    expect(api.comments.get(PR)).toHaveLength(1);
    expect(api.comments.get(PR)![0]!.body).not.toContain('riskAssessment');
  });

  it('passes a compliant tier-3 model at once, without a comment', async () => {
    const COMPLIANT = tier3Model('claims-triage');
    const workspace = repo({ ...tier1Idea('good-idea'), ...COMPLIANT });
    api.addReview(PR, 'cethics', 'APPROVED');
    api.addReview(PR, 'drisk', 'APPROVED');
    const result = await run(workspace, {}, onPullRequest(changed(COMPLIANT)));

    expect(result.status).toBe(0);
    expect(result.commands('error')).toEqual([]);
    expect(api.requestsTo('POST', COMMENTS)).toEqual([]);
  });
});
