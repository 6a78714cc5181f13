import { resolvePolicy } from '../../src/policy/policy.js';
import { comparePolicies, governanceDelta, isEmptyDelta, type GovernanceDelta } from '../../src/review/delta.js';
import { deltaMarkdown } from '../../src/review/delta-markdown.js';
import { RISK, modelYaml, waiverYaml } from '../helpers/model-yaml.js';
import { registryOf, removeRepositories } from './registry.js';

const AS_OF = '2026-11-24';

afterAll(removeRepositories);

const model = (name: string, options: Parameters<typeof modelYaml>[1]) => ({ [`registry/models/${name}.yaml`]: modelYaml(name, options) });
const MONITORING = '  monitoring: { metrics: [precision], alertContact: ml-oncall@example.com }\n  dates: { productionSince: 2026-11-01 }\n';

const BASE = {
  ...model('steady', { tier: 2, lifecycle: 'pilot' }),
  ...model('promoted', { tier: 2, lifecycle: 'pilot' }),
  ...model('raised', { tier: 2, lifecycle: 'experiment' }),
  ...model('lowered', { tier: 3, lifecycle: 'idea', risk: RISK.tier1 }),
  ...model('retiring', { tier: 1, lifecycle: 'pilot' }),
  ...model('gone', { tier: 1, lifecycle: 'idea' }),
  'registry/waivers/extended.yaml': waiverYaml('extended', 'review-overdue', 'steady', '2026-10-01', '2026-12-01'),
  'registry/waivers/unchanged.yaml': waiverYaml('unchanged', 'review-overdue', 'steady', '2026-10-01', '2026-12-15'),
};

const HEAD = {
  ...BASE,
  ...model('added', { tier: 3, lifecycle: 'pilot', risk: '{ audience: internal, decisions: influences, personalData: none, regulatedDomain: insurance, significantImpact: false }' }),
  ...model('promoted', { tier: 2, lifecycle: 'production', extra: MONITORING }),
  ...model('raised', { tier: 2, lifecycle: 'experiment', risk: RISK.tier3 }),
  ...model('lowered', { tier: 2, lifecycle: 'idea', risk: RISK.tier1 }),
  ...model('retiring', { tier: 1, lifecycle: 'retired', extra: '  dates: { retiredOn: 2026-11-20 }\n' }),
  'registry/models/gone.yaml': '',
  'registry/waivers/extended.yaml': waiverYaml('extended', 'review-overdue', 'steady', '2026-10-01', '2027-01-15'),
  'registry/waivers/fresh.yaml': waiverYaml('fresh', 'monitoring-missing', 'promoted', '2026-11-20', '2027-02-18'),
};

describe('governanceDelta', () => {
  let delta: GovernanceDelta;
  beforeAll(async () => {
    delta = governanceDelta(await registryOf(BASE), await registryOf(HEAD), AS_OF);
  });

  it('lists a new model with its held tier, the reasons, its stage and what it still misses', () => {
    expect(delta.added).toEqual([
      {
        name: 'added',
        tier: 3,
        reasons: 'regulatedDomain: insurance',
        stage: 'pilot',
        missing: ['modelCard', 'riskAssessment', 'humanOversight', 'incidentResponse', 'incidentContact', 'approval ai-ethics-lead', 'approval risk-compliance', 'review'],
      },
    ]);
  });

  it('lists tier changes with why, and removed models', () => {
    expect(delta.tiers).toEqual([
      { name: 'lowered', from: 3, to: 2, why: 'declared tier 3 → 2', missing: [] },
      { name: 'raised', from: 2, to: 3, why: 'decisions: autonomous', missing: ['modelCard', 'riskAssessment'] },
    ]);
    expect(delta.removed).toEqual(['gone']);
  });

  it('lists what a promotion makes due, met or not; a retirement makes nothing due', () => {
    expect(delta.stages).toEqual([
      { name: 'promoted', from: 'pilot', to: 'production', due: [{ label: 'incidentResponse', met: false }, { label: 'incidentContact', met: false }, { label: 'monitoring', met: true }] },
      { name: 'retiring', from: 'pilot', to: 'retired', due: [] },
    ]);
  });

  it('lists new and extended waivers, not unchanged ones', () => {
    expect(delta.waivers).toEqual([
      { name: 'extended', rule: 'review-overdue', target: 'steady', expires: '2027-01-15', days: 106, previousExpires: '2026-12-01' },
      { name: 'fresh', rule: 'monitoring-missing', target: 'promoted', expires: '2027-02-18', days: 90 },
    ]);
  });

  it('is empty between a registry and itself', async () => {
    const registry = await registryOf(HEAD);
    expect(isEmptyDelta(governanceDelta(registry, registry, AS_OF))).toBe(true);
  });

  it('renders one line per change, riskiest first, then the notes', () => {
    expect(deltaMarkdown(delta, { notes: ['👀 review requested from `@northwind/ai-ethics`'] })).toBe(
      [
        '**What this PR changes**',
        '- ➕ `added` — new model, **tier 3** (regulatedDomain: insurance), stage pilot — ✘ missing: modelCard, riskAssessment, humanOversight, incidentResponse, incidentContact, approval ai-ethics-lead, approval risk-compliance, review',
        '- 🔻 `lowered` — tier 3 → **2** (declared tier 3 → 2)',
        '- 🔺 `raised` — tier 2 → **3** (decisions: autonomous) — ✘ missing: modelCard, riskAssessment',
        '- ⬆️ `promoted` — pilot → production: incidentResponse, incidentContact, monitoring now due — ✘ missing: incidentResponse, incidentContact',
        '- 🏁 `retiring` — retired (was pilot)',
        '- ⏳ waiver `extended` — extended: `review-overdue` for `steady` until 2027-01-15 (was 2026-12-01)',
        '- 🛡️ waiver `fresh` — new: waives `monitoring-missing` for `promoted` until 2027-02-18 (90 days)',
        '- ➖ `gone` — model removed',
        '- 👀 review requested from `@northwind/ai-ethics`',
      ].join('\n'),
    );
  });
});

describe('a tier lowered by the risk profile', () => {
  it('names the reasons that no longer hold', async () => {
    const base = await registryOf(model('m1', { tier: 3, lifecycle: 'idea', risk: RISK.tier3 }));
    const head = await registryOf(model('m1', { tier: 2, lifecycle: 'idea', risk: RISK.tier2 }));
    expect(governanceDelta(base, head, AS_OF).tiers).toEqual([{ name: 'm1', from: 3, to: 2, why: 'no longer decisions: autonomous', missing: [] }]);
  });
});

describe('comparePolicies', () => {
  it('sorts each change into stricter or looser', () => {
    const base = resolvePolicy();
    const head = resolvePolicy({
      tiers: {
        tier1: { documents: { modelCard: 'pilot' } },
        tier2: { enforcement: 'error', reviewIntervalDays: 400, monitoring: 'off', approvals: { from: 'pilot', roles: ['ai-coe', 'risk-compliance'] } },
        tier3: { maxWaiverDays: 60, documents: { riskAssessment: { from: 'experiment', effectiveFrom: '2027-01-01' } }, approvals: { from: 'production', roles: ['ai-ethics-lead'] } },
      },
      headings: { riskAssessment: ['Risks', 'Mitigations', 'Residual Risk', 'Owner'] },
      placeholders: ['\\bTODO\\b', '\\bTBD\\b', '<[^>]*fill[^>]*>'],
      staleExperimentDays: 90,
    });
    expect(comparePolicies(base, head)).toEqual({
      stricter: [
        'tier 1 modelCard from production → pilot',
        'tier 2 enforcement warning → error',
        'tier 2 needs approval risk-compliance from pilot',
        'tier 3 waivers at most 90 → 60 days',
        'riskAssessment needs the heading "Owner"',
        'experiments stale after 180 → 90 days',
      ],
      looser: [
        'tier 2 monitoring no longer required',
        'tier 2 review every 365 → 400 days',
        'tier 3 riskAssessment enforced at once → from 2027-01-01',
        'tier 3 no longer needs approval risk-compliance',
        'tier 3 approvals from pilot → production',
        'placeholder pattern "lorem ipsum" dropped',
      ],
    });
  });

  it('finds nothing between the defaults and themselves', () => {
    expect(comparePolicies(resolvePolicy(), resolvePolicy())).toEqual({ stricter: [], looser: [] });
  });
});

describe('deltaMarkdown', () => {
  const empty: GovernanceDelta = { added: [], removed: [], tiers: [], stages: [], waivers: [], policy: { stricter: [], looser: [] } };

  it('says so in one line when nothing changed', () => {
    expect(deltaMarkdown(empty)).toBe('**What this PR changes**: no governance changes.');
  });

  it('escapes text from manifests and the policy: no markup, link or mention gets through', () => {
    const text = deltaMarkdown({
      ...empty,
      added: [{ name: 'x`y', tier: 2, reasons: 'audience: customer-facing', stage: 'pilot', missing: ['approval @org/team <b>'] }],
      policy: { stricter: ['tier 2 needs approval [x](https://evil.example) from pilot'], looser: [] },
    });
    expect(text).toContain('``x`y``');
    expect(text).toContain('approval @&#8203;org/team &lt;b&gt;');
    expect(text).toContain('\\[x\\](https:&#8203;//evil.example)');
    expect(text.split('\n')).toHaveLength(3);
  });

  it('sums up what does not fit in twenty lines', () => {
    const many = { ...empty, removed: Array.from({ length: 25 }, (_, i) => `model-${String(i).padStart(2, '0')}`) };
    const lines = deltaMarkdown(many).split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[19]).toBe('- ➖ `model-18` — model removed');
    expect(lines[20]).toBe('- … and 6 more changes');
  });
});
