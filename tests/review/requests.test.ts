import type { Registry } from '../../src/model/registry.js';
import type { PullRequestReview } from '../../src/review/approvals.js';
import { rolesAwaitingApproval, teamsNotYetAsked, teamsToAsk } from '../../src/review/requests.js';
import { latestVerdicts } from '../../src/review/reviews.js';
import { modelYaml, waiverYaml } from '../helpers/model-yaml.js';
import { registryOf, removeRepositories, ROLE_TEAMS } from './registry.js';

const AS_OF = '2026-11-24';
const FILE = 'registry/models/m1.yaml';
const ETHICS = '{ role: ai-ethics-lead, approver: gharlow, date: 2026-10-01 }';
const RISK = '{ role: risk-compliance, approver: mokafor, date: 2026-10-01 }';

afterAll(removeRepositories);

const model = (options: Parameters<typeof modelYaml>[1], ...approvals: string[]) => ({
  [FILE]: modelYaml('m1', { ...options, extra: approvals.length > 0 ? `  approvals:\n${approvals.map((a) => `    - ${a}\n`).join('')}` : '' }),
});

function review(registry: Registry, approvedBy: string[] = [], newApprovals: number[] = [0, 1]): PullRequestReview {
  return {
    author: 'asmith',
    verdicts: latestVerdicts(approvedBy.map((login) => ({ login, state: 'APPROVED' }))),
    newApprovals: new Map([[FILE, newApprovals]]),
    roles: registry,
  };
}

describe('rolesAwaitingApproval', () => {
  it('lists the due roles with no approval, or with only new unverified ones', async () => {
    const registry = await registryOf({ ...ROLE_TEAMS, ...model({ tier: 3, lifecycle: 'pilot' }, ETHICS) });
    const m1 = registry.get('Model', 'm1')!;
    expect(rolesAwaitingApproval(m1, registry, AS_OF, review(registry))).toEqual(['ai-ethics-lead', 'risk-compliance']);
    expect(rolesAwaitingApproval(m1, registry, AS_OF, review(registry, ['gharlow']))).toEqual(['risk-compliance']);
    // On the base branch: trusted.
    expect(rolesAwaitingApproval(m1, registry, AS_OF, review(registry, [], []))).toEqual(['risk-compliance']);
  });

  it('is empty before the approvals are due, and for a tier that needs none', async () => {
    for (const options of [{ tier: 3 as const, lifecycle: 'experiment' as const }, { tier: 1 as const, lifecycle: 'production' as const }]) {
      const registry = await registryOf({ ...ROLE_TEAMS, ...model(options) });
      expect(rolesAwaitingApproval(registry.get('Model', 'm1')!, registry, AS_OF, review(registry))).toEqual([]);
    }
  });

  it('leaves out a role whose finding a live waiver covers', async () => {
    const registry = await registryOf({
      ...ROLE_TEAMS,
      ...model({ tier: 3, lifecycle: 'pilot' }, ETHICS),
      'registry/waivers/w1.yaml': waiverYaml('w1', 'approval-missing', 'm1', '2026-11-01', '2026-12-31'),
      'registry/waivers/w2.yaml': waiverYaml('w2', 'approval-unverified', 'm1', '2026-11-01', '2026-12-31'),
    });
    expect(rolesAwaitingApproval(registry.get('Model', 'm1')!, registry, AS_OF, review(registry))).toEqual([]);
  });
});

describe('teamsToAsk', () => {
  it('asks the organisation\'s teams holding the missing roles, sorted, never the owner team or another organisation\'s', async () => {
    const elsewhere = ROLE_TEAMS['registry/teams/model-risk.yaml']!.replace('northwind/model-risk', 'partner-org/model-risk');
    const ownerHoldsRole = `apiVersion: ai-registry/v1
kind: Team
metadata:
  name: ml-platform
spec:
  businessUnit: Operations
  contact: ml-platform@example.com
  github: northwind/ml-platform
  roles: [ai-ethics-lead]
  members: [asmith, bjones]
`;
    const registry = await registryOf({ ...ROLE_TEAMS, 'registry/teams/ml-platform.yaml': ownerHoldsRole, ...model({ tier: 3, lifecycle: 'pilot' }) });
    const teams = (registry: Registry) => teamsToAsk([registry.get('Model', 'm1')!], registry, AS_OF, review(registry), 'Northwind').map((t) => t.spec.github);
    expect(teams(registry)).toEqual(['northwind/ai-ethics', 'northwind/model-risk']);
    const other = await registryOf({ ...ROLE_TEAMS, 'registry/teams/model-risk.yaml': elsewhere, ...model({ tier: 3, lifecycle: 'pilot' }, RISK) });
    expect(teams(other)).toEqual(['northwind/ai-ethics']);
  });
});

describe('teamsNotYetAsked', () => {
  it('skips a team whose request is pending, and one a member of which reviewed already', async () => {
    const registry = await registryOf(ROLE_TEAMS);
    const teams = registry.valid('Team').filter((t) => t.spec.github);
    const plan = (pending: string[], reviewers: string[]) => {
      const { ask, asked } = teamsNotYetAsked(teams, new Set(pending), new Set(reviewers));
      return { ask: ask.map((t) => t.name), asked: asked.map((t) => t.name) };
    };
    expect(plan([], [])).toEqual({ ask: ['ai-ethics', 'model-risk'], asked: [] });
    expect(plan(['ai-ethics'], [])).toEqual({ ask: ['model-risk'], asked: ['ai-ethics'] });
    expect(plan([], ['hvogel'])).toEqual({ ask: ['ai-ethics'], asked: ['model-risk'] });
  });
});
