import type { Approval } from '../../src/model/manifest.js';
import type { Registry } from '../../src/model/registry.js';
import { approvalsAddedOrChanged, newApprovals, unverifiedApprovals, type PullRequestReview } from '../../src/review/approvals.js';
import { latestVerdicts, type SubmittedReview } from '../../src/review/reviews.js';
import { modelYaml } from '../helpers/model-yaml.js';
import { registryOf, removeRepositories, ROLE_TEAMS } from './registry.js';

const AS_OF = '2026-11-24';
const FILE = 'registry/models/m1.yaml';

afterAll(removeRepositories);

const approvals = (...items: string[]) => `  approvals:\n${items.map((item) => `    - ${item}\n`).join('')}`;
const tier3 = (...items: string[]) => ({ [FILE]: modelYaml('m1', { tier: 3, lifecycle: 'pilot', extra: items.length > 0 ? approvals(...items) : '' }) });

function review(registry: Registry, options: Partial<PullRequestReview> & { reviews?: SubmittedReview[] } = {}): PullRequestReview {
  return {
    author: options.author ?? 'asmith',
    verdicts: latestVerdicts(options.reviews ?? []),
    newApprovals: options.newApprovals ?? new Map([[FILE, [0, 1, 2]]]),
    roles: 'roles' in options ? options.roles : registry,
  };
}

describe('approvalsAddedOrChanged', () => {
  const a = (role: string, approver: string, date = '2026-10-01'): Approval => ({ role, approver, date });

  it('trusts an approval the base holds as it is, whatever the case of the handle', () => {
    expect(approvalsAddedOrChanged([a('ai-coe', 'ECoe'), a('risk-compliance', 'mokafor')], [a('ai-coe', 'ecoe')])).toEqual([1]);
  });

  it('counts a changed role, approver or date as new', () => {
    const base = [a('ai-coe', 'ecoe')];
    expect(approvalsAddedOrChanged([a('risk-compliance', 'ecoe')], base)).toEqual([0]);
    expect(approvalsAddedOrChanged([a('ai-coe', 'gharlow')], base)).toEqual([0]);
    expect(approvalsAddedOrChanged([a('ai-coe', 'ecoe', '2026-11-01')], base)).toEqual([0]);
  });
});

describe('newApprovals', () => {
  const ONE = '{ role: ai-ethics-lead, approver: gharlow, date: 2026-10-01 }';
  const TWO = '{ role: risk-compliance, approver: mokafor, date: 2026-10-02 }';
  const M2 = 'registry/models/m2.yaml';

  it('lists only the approvals the base model of that name does not hold', async () => {
    const head = await registryOf({ ...tier3(ONE, TWO), [M2]: modelYaml('m2', { tier: 3, lifecycle: 'pilot', extra: approvals(ONE) }) });
    const base = await registryOf({ ...tier3(ONE), [M2]: modelYaml('m2', { tier: 3, lifecycle: 'pilot' }) });
    expect(newApprovals(head, base, new Set([FILE, M2]))).toEqual(new Map([[FILE, [1]], [M2, [0]]]));
  });

  it('follows a model to a new file by its name, whatever the list of changed files says', async () => {
    const renamed = 'registry/models/moved/m1.yaml';
    const head = await registryOf({ [renamed]: tier3(ONE, TWO)[FILE]! });
    const base = await registryOf(tier3(ONE));
    expect(newApprovals(head, base, undefined)).toEqual(new Map([[renamed, [1]]]));
  });

  it('gives a copied approval no trust: another model of the base held it', async () => {
    const head = await registryOf({ ...tier3(ONE), [M2]: modelYaml('m2', { tier: 3, lifecycle: 'pilot', extra: approvals(ONE) }) });
    const base = await registryOf(tier3(ONE));
    expect(newApprovals(head, base, new Set([M2]))).toEqual(new Map([[M2, [0]]]));
  });

  it('fails closed without the base: every approval of a changed file, and of every file when the changes are unknown', async () => {
    const head = await registryOf({ ...tier3(ONE, TWO), [M2]: modelYaml('m2', { tier: 3, lifecycle: 'pilot', extra: approvals(ONE) }) });
    expect(newApprovals(head, undefined, new Set([FILE]))).toEqual(new Map([[FILE, [0, 1]]]));
    expect(newApprovals(head, undefined, undefined)).toEqual(new Map([[FILE, [0, 1]], [M2, [0]]]));
  });

  it('reads the approvals of a base version that does not pass its schema', async () => {
    const head = await registryOf(tier3(ONE));
    const base = await registryOf({ [FILE]: `${tier3(ONE)[FILE]}  unknownField: 1\n` });
    expect(base.get('Model', 'm1')!.valid).toBe(false);
    expect(newApprovals(head, base, new Set([FILE]))).toEqual(new Map());
  });
});

describe('unverifiedApprovals', () => {
  const ETHICS = '{ role: ai-ethics-lead, approver: gharlow, date: 2026-10-01 }';
  const RISK = '{ role: risk-compliance, approver: mokafor, date: 2026-10-01 }';

  it('once teams declare roles: an APPROVED review by a member of a team holding the role verifies; the message says who can approve', async () => {
    const registry = await registryOf({ ...ROLE_TEAMS, ...tier3(ETHICS, RISK) });
    const model = registry.get('Model', 'm1')!;
    const pr = review(registry, { reviews: [{ login: 'GHARLOW', state: 'APPROVED', submittedAt: '2026-11-20T09:00:00Z' }] });
    expect(unverifiedApprovals(model, registry, AS_OF, pr)).toEqual([
      {
        index: 1,
        approval: { role: 'risk-compliance', approver: 'mokafor', date: '2026-10-01' },
        problems: ['no APPROVED review from mokafor on this pull request'],
        whoCanApprove: 'members of @northwind/model-risk (mokafor, hvogel) can approve',
      },
    ]);
  });

  it('an approver outside the role\'s teams is not verified, even with an APPROVED review', async () => {
    const registry = await registryOf({ ...ROLE_TEAMS, ...tier3('{ role: ai-ethics-lead, approver: ecoe, date: 2026-10-01 }') });
    const pr = review(registry, { reviews: [{ login: 'ecoe', state: 'APPROVED' }] });
    const found = unverifiedApprovals(registry.get('Model', 'm1')!, registry, AS_OF, pr);
    expect(found.map((u) => [u.problems, u.whoCanApprove])).toEqual([
      [['ecoe is not a member of @northwind/ai-ethics, the team holding ai-ethics-lead'], 'members of @northwind/ai-ethics (gharlow, amensah) can approve'],
    ]);
  });

  it('a role held at the head but not at the base is not verified; one held nowhere is left to unknown-reference', async () => {
    const coe = ROLE_TEAMS['registry/teams/ai-ethics.yaml']!.replace('roles: [ai-ethics-lead]', 'roles: [ai-ethics-lead, ai-coe]');
    const approvals = tier3('{ role: ai-coe, approver: gharlow, date: 2026-10-01 }');
    const head = await registryOf({ ...ROLE_TEAMS, 'registry/teams/ai-ethics.yaml': coe, ...approvals });
    const base = await registryOf(ROLE_TEAMS);
    const pr = review(head, { reviews: [{ login: 'gharlow', state: 'APPROVED' }], roles: base });
    expect(unverifiedApprovals(head.get('Model', 'm1')!, head, AS_OF, pr).map((u) => [u.problems, u.whoCanApprove])).toEqual([
      [['no team on the base branch holds the role ai-coe'], 'merge the change that gives a team the role ai-coe first (a pull request cannot grant its own approvers a role)'],
    ]);
    const nowhere = await registryOf({ ...ROLE_TEAMS, ...approvals });
    expect(unverifiedApprovals(nowhere.get('Model', 'm1')!, nowhere, AS_OF, review(nowhere, { roles: base }))).toEqual([]);
  });

  it('the teams that count are those of `roles` (the base), not the head\'s', async () => {
    const promoted = ROLE_TEAMS['registry/teams/ai-ethics.yaml']!.replace('members: [gharlow, amensah]', 'members: [gharlow, amensah, ecoe]');
    const head = await registryOf({ ...ROLE_TEAMS, 'registry/teams/ai-ethics.yaml': promoted, ...tier3('{ role: ai-ethics-lead, approver: ecoe, date: 2026-10-01 }') });
    const base = await registryOf(ROLE_TEAMS);
    const reviews = [{ login: 'ecoe', state: 'APPROVED' }];
    expect(unverifiedApprovals(head.get('Model', 'm1')!, head, AS_OF, review(head, { reviews }))).toEqual([]);
    expect(unverifiedApprovals(head.get('Model', 'm1')!, head, AS_OF, review(head, { reviews, roles: base }))).toHaveLength(1);
  });

  it('fails closed when the base could not be read: no approval the PR adds is verified, an APPROVED review by a role holder notwithstanding', async () => {
    const registry = await registryOf({ ...ROLE_TEAMS, ...tier3(ETHICS) });
    const reviews = [{ login: 'gharlow', state: 'APPROVED' }];
    expect(unverifiedApprovals(registry.get('Model', 'm1')!, registry, AS_OF, review(registry, { reviews }))).toEqual([]);
    const [unverified] = unverifiedApprovals(registry.get('Model', 'm1')!, registry, AS_OF, review(registry, { reviews, roles: undefined }));
    expect(unverified!.problems).toEqual(['the registry at the base commit could not be read, so whether gharlow may approve as ai-ethics-lead cannot be checked']);
    expect(unverified!.whoCanApprove).toBe('run the job again once the base branch can be read (see the warning in the log)');
  });

  it('leaves owner-team members and the author out of who can approve', async () => {
    const ethics = ROLE_TEAMS['registry/teams/ai-ethics.yaml']!.replace('members: [gharlow, amensah]', 'members: [gharlow, bjones, asmith]');
    const registry = await registryOf({ ...ROLE_TEAMS, 'registry/teams/ai-ethics.yaml': ethics, ...tier3(ETHICS) });
    const [unverified] = unverifiedApprovals(registry.get('Model', 'm1')!, registry, AS_OF, review(registry));
    expect(unverified!.whoCanApprove).toBe('members of @northwind/ai-ethics (gharlow) can approve');
  });

  it('where no team declares roles: the named approver\'s APPROVED review verifies, unless they opened the PR', async () => {
    const registry = await registryOf(tier3('{ role: ai-ethics-lead, approver: cethics, date: 2026-10-01 }', '{ role: risk-compliance, approver: drisk, date: 2026-10-01 }'));
    const model = registry.get('Model', 'm1')!;
    const reviews = [{ login: 'cethics', state: 'APPROVED' }, { login: 'drisk', state: 'APPROVED' }];
    expect(unverifiedApprovals(model, registry, AS_OF, review(registry, { reviews }))).toEqual([]);
    const byAuthor = unverifiedApprovals(model, registry, AS_OF, review(registry, { reviews, author: 'DRisk' }));
    expect(byAuthor.map((u) => [u.approval.approver, u.problems, u.whoCanApprove])).toEqual([
      ['drisk', ['drisk opened this pull request, and an approval needs someone else\'s review'], 'name an approver other than DRisk, who approves this pull request on GitHub'],
    ]);
  });

  it('skips approvals that do not count anyway (approval-missing reports them) and approvals not new on the PR', async () => {
    const registry = await registryOf({
      ...ROLE_TEAMS,
      ...tier3('{ role: ai-ethics-lead, approver: bjones, date: 2026-10-01 }', '{ role: risk-compliance, approver: mokafor, date: 2026-12-01 }', ETHICS),
    });
    const model = registry.get('Model', 'm1')!;
    expect(unverifiedApprovals(model, registry, AS_OF, review(registry)).map((u) => u.index)).toEqual([2]);
    expect(unverifiedApprovals(model, registry, AS_OF, review(registry, { newApprovals: new Map() }))).toEqual([]);
  });
});
