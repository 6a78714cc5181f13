import {
  average,
  buildPortfolio,
  computeDashboardMetrics,
  median,
  periodStart,
  previousPeriod,
  previousQuarterEnd,
  ratio,
  recentQuarters,
  stageOn,
} from '../../src/render/metrics.js';
import { businessUnitOf, compareBusinessUnits } from '../../src/render/portfolio.js';
import { finding, metrics, model, project, resultOf, team, waiver } from './fixtures.js';

const AS_OF = '2026-11-24';
const BASE = [team('t', 'Claims'), project('p', 't')];

describe('quarters', () => {
  it('finds the last day of the previous quarter, on and around quarter boundaries', () => {
    expect(previousQuarterEnd('2026-11-24')).toBe('2026-09-30');
    expect(previousQuarterEnd('2026-10-01')).toBe('2026-09-30');
    expect(previousQuarterEnd('2026-09-30')).toBe('2026-06-30');
    expect(previousQuarterEnd('2026-01-01')).toBe('2025-12-31');
    expect(previousQuarterEnd('2026-03-31')).toBe('2025-12-31');
  });

  it('reads periods and steps back across a year', () => {
    expect(periodStart('2026-Q1')).toBe('2026-01-01');
    expect(periodStart('2026-Q4')).toBe('2026-10-01');
    expect(previousPeriod('2026-Q1')).toBe('2025-Q4');
    expect(previousPeriod('2026-Q3')).toBe('2026-Q2');
  });

  it('lists the last quarters oldest first, each measured at its end or today', () => {
    const quarters = recentQuarters(AS_OF, 8);
    expect(quarters).toHaveLength(8);
    expect(quarters[0]).toEqual({ quarter: '2025-Q1', date: '2025-03-31' });
    expect(quarters[6]).toEqual({ quarter: '2026-Q3', date: '2026-09-30' });
    expect(quarters[7]).toEqual({ quarter: '2026-Q4', date: AS_OF });
  });
});

describe('stageOn', () => {
  const spec = model('m', {
    lifecycle: 'retired',
    dates: { ideated: '2024-01-10', pilotStarted: '2024-05-01', productionSince: '2024-09-02', retiredOn: '2026-02-01' },
  }).spec;

  it('is the lifecycle from the as-of date on', () => {
    expect(stageOn(spec, AS_OF, AS_OF)).toBe('retired');
  });

  it('is the furthest stage whose date has passed, a stage starting on its date', () => {
    expect(stageOn(spec, '2024-01-09', AS_OF)).toBeUndefined();
    expect(stageOn(spec, '2024-01-10', AS_OF)).toBe('idea');
    expect(stageOn(spec, '2024-05-01', AS_OF)).toBe('pilot');
    expect(stageOn(spec, '2024-09-02', AS_OF)).toBe('production');
    expect(stageOn(spec, '2026-01-31', AS_OF)).toBe('production');
    expect(stageOn(spec, '2026-02-01', AS_OF)).toBe('retired');
  });

  it('never goes beyond the current lifecycle, whatever dates say', () => {
    const pilot = model('m', { lifecycle: 'pilot', dates: { pilotStarted: '2025-01-01', productionSince: '2025-06-01' } }).spec;
    expect(stageOn(pilot, '2025-12-31', AS_OF)).toBe('pilot');
  });
});

describe('models in production', () => {
  it('counts production models now and on the last day of the previous quarter', () => {
    const m = computeDashboardMetrics(
      resultOf(
        [
          ...BASE,
          model('old', { lifecycle: 'production', dates: { productionSince: '2025-01-15' } }),
          model('last-day', { lifecycle: 'production', dates: { productionSince: '2026-09-30' } }),
          model('first-day', { lifecycle: 'production', dates: { productionSince: '2026-10-01' } }),
          model('undated', { lifecycle: 'production' }),
          model('retired-at-start', { lifecycle: 'retired', dates: { productionSince: '2025-01-01', retiredOn: '2026-10-01' } }),
          model('retired-before', { lifecycle: 'retired', dates: { productionSince: '2025-01-01', retiredOn: '2026-09-30' } }),
          model('pilot', { lifecycle: 'pilot', dates: { pilotStarted: '2026-01-01' } }),
        ],
        AS_OF,
      ),
    );
    // Now: old, last-day, first-day, undated. Then: old, last-day, retired-at-start.
    expect(m.modelsInProduction).toEqual({ current: 4, previous: 3 });
    expect(m.liveModels).toBe(5);
  });

  it('charts the last 8 quarters from the dates, the current one as of today', () => {
    const m = computeDashboardMetrics(
      resultOf(
        [
          ...BASE,
          model('a', { lifecycle: 'production', dates: { productionSince: '2025-02-01' } }),
          model('b', { lifecycle: 'retired', dates: { productionSince: '2025-05-01', retiredOn: '2026-04-01' } }),
          model('c', { lifecycle: 'production', dates: { productionSince: '2026-11-01' } }),
        ],
        AS_OF,
      ),
    );
    expect(m.productionByQuarter.map((q) => q.quarter)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(m.productionByQuarter.map((q) => q.count)).toEqual([1, 2, 2, 2, 2, 1, 1, 2]);
  });

  it('shows no QoQ change when no date reaches back before this quarter', () => {
    const m = computeDashboardMetrics(resultOf([...BASE, model('a', { lifecycle: 'production', dates: { ideated: '2026-10-02', productionSince: '2026-11-01' } })], AS_OF));
    expect(m.modelsInProduction).toEqual({ current: 1, previous: undefined });
    expect(m.teamsUsingAi.previous).toBeUndefined();
    expect(m.estimatedValue.previous).toBeUndefined();
  });

  it('counts a duplicated name once: the first manifest of the name', () => {
    const first = model('dup', { lifecycle: 'production' }, { file: 'registry/models/a/dup.yaml' });
    const second = model('dup', { lifecycle: 'idea' }, { file: 'registry/models/b/dup.yaml' });
    const m = computeDashboardMetrics(resultOf([...BASE, first, second], AS_OF));
    expect(m.modelsInProduction.current).toBe(1);
    expect(m.liveModels).toBe(1);
  });
});

describe('teams using AI', () => {
  it('counts registered teams owning a model beyond the idea and not retired', () => {
    const m = computeDashboardMetrics(
      resultOf(
        [
          team('a', 'X'),
          team('b', 'X'),
          team('c', 'X'),
          team('d', 'X'),
          project('p', 'a'),
          model('exp', { owner: 'a', lifecycle: 'experiment', dates: { experimentStarted: '2026-01-01' } }),
          model('exp2', { owner: 'a', lifecycle: 'pilot', dates: { pilotStarted: '2026-10-05' } }),
          model('idea', { owner: 'b', lifecycle: 'idea', dates: { ideated: '2025-01-01' } }),
          model('gone', { owner: 'c', lifecycle: 'retired', dates: { productionSince: '2025-01-01', retiredOn: '2026-11-01' } }),
          model('new', { owner: 'd', lifecycle: 'pilot', dates: { ideated: '2026-05-01', pilotStarted: '2026-10-10' } }),
          model('orphan', { owner: 'not-a-team', lifecycle: 'production', dates: { productionSince: '2025-01-01' } }),
        ],
        AS_OF,
      ),
    );
    // Now: a and d. At the end of Q3: a (experiment) and c (still in production).
    expect(m.teamsUsingAi).toEqual({ current: 2, previous: 2 });
    expect(m.teams).toBe(4);
  });
});

describe('idea → production', () => {
  it('averages and takes the median over models with both dates, now and at the end of last quarter', () => {
    const m = computeDashboardMetrics(
      resultOf(
        [
          ...BASE,
          model('a', { lifecycle: 'production', dates: { ideated: '2026-01-01', productionSince: '2026-01-31' } }), // 30
          model('b', { lifecycle: 'retired', dates: { ideated: '2025-01-01', productionSince: '2025-04-11', retiredOn: '2026-01-01' } }), // 100
          model('c', { lifecycle: 'production', dates: { ideated: '2026-08-01', productionSince: '2026-10-20' } }), // 80, this quarter
          model('no-idea', { lifecycle: 'production', dates: { productionSince: '2026-01-01' } }),
          model('backwards', { lifecycle: 'production', dates: { ideated: '2026-05-01', productionSince: '2026-01-01' } }),
          model('pilot', { lifecycle: 'pilot', dates: { ideated: '2026-01-01', productionSince: '2026-02-01' } }),
        ],
        AS_OF,
      ),
    );
    expect(m.ideaToProduction.average).toEqual({ current: 70, previous: 65 });
    expect(m.ideaToProduction.median).toBe(80);
    expect(m.ideaToProduction.models).toBe(3);
  });
});

describe('Metrics figures', () => {
  it('takes the latest period up to the as-of quarter, its predecessor for QoQ, and the best for scale', () => {
    const m = computeDashboardMetrics(
      resultOf(
        [
          ...BASE,
          metrics('q2', { period: '2026-Q2', platformUptimePercent: 99.1, trainingCompletions: 400 }),
          metrics('q3', { period: '2026-Q3', platformUptimePercent: 99.5, trainingCompletions: 120 }),
          metrics('q4', { period: '2026-Q4', trainingCompletions: 150 }),
          metrics('next-year', { period: '2027-Q1', platformUptimePercent: 10, trainingCompletions: 9999 }),
        ],
        AS_OF,
      ),
    );
    expect(m.trainingCompletions).toEqual({ period: '2026-Q4', value: 150, previous: 120, best: 400 });
    // Q4 gives no uptime: Q3's stands, compared with Q2's.
    expect(m.platformUptime).toEqual({ period: '2026-Q3', value: 99.5, previous: 99.1, best: 99.5 });
  });

  it('gives no QoQ change when the quarter before is missing, and nothing without Metrics', () => {
    const gap = computeDashboardMetrics(resultOf([...BASE, metrics('q2', { period: '2026-Q2', trainingCompletions: 5 }), metrics('q4', { period: '2026-Q4', trainingCompletions: 7 })], AS_OF));
    expect(gap.trainingCompletions?.previous).toBeUndefined();
    const none = computeDashboardMetrics(resultOf(BASE, AS_OF));
    expect(none.platformUptime).toBeUndefined();
    expect(none.trainingCompletions).toBeUndefined();
  });
});

describe('estimated value', () => {
  it('sums revenue and savings of projects with a model in production, once per project', () => {
    const m = computeDashboardMetrics(
      resultOf(
        [
          team('t', 'X'),
          project('live', 't', { value: { annualRevenueUsd: 1_000_000, annualSavingsUsd: 250_000 } }),
          project('new', 't', { value: { annualSavingsUsd: 500_000 } }),
          project('idle', 't', { value: { annualRevenueUsd: 7_000_000 } }),
          model('a', { project: 'live', lifecycle: 'production', dates: { productionSince: '2025-01-01' } }),
          model('b', { project: 'live', lifecycle: 'production', dates: { productionSince: '2025-03-01' } }),
          model('c', { project: 'new', lifecycle: 'production', dates: { productionSince: '2026-11-01' } }),
          model('d', { project: 'idle', lifecycle: 'pilot', dates: { pilotStarted: '2025-01-01' } }),
        ],
        AS_OF,
      ),
    );
    expect(m.estimatedValue).toEqual({ current: 1_750_000, previous: 1_250_000 });
    expect(m.portfolioValue).toBe(8_750_000);
    expect(m.projects).toEqual({ total: 3, inProduction: 2 });
  });
});

describe('needs attention', () => {
  it('counts blocking models, other blocking files, unwaived overdue reviews and stale experiments', () => {
    const a = model('a');
    const b = model('b');
    const c = model('c');
    const t = team('t', 'X');
    const result = resultOf([t, project('p', 't'), a, b, c], AS_OF, [
      finding(a, 'doc-missing'),
      finding(a, 'review-overdue'),
      finding(b, 'review-overdue', 'notice'),
      finding(b, 'stale-experiment', 'warning'),
      finding(c, 'review-overdue', 'warning'),
      finding(t, 'schema'),
      { ruleId: 'yaml-syntax', severity: 'error', message: 'bad', file: 'registry/models/unreadable.yaml', line: 1, column: 1 },
    ]);
    expect(computeDashboardMetrics(result).attention).toEqual({ blockingModels: 1, otherBlockingFiles: 2, overdueReviews: 2, expiringWaivers: 0, staleExperiments: 1 });
  });

  it('counts live waivers expiring within 30 days, not expired, pending or later ones', () => {
    const target = model('m', { lifecycle: 'pilot' });
    const result = resultOf(
      [
        ...BASE,
        target,
        waiver('soon', { target: 'm', approvedOn: '2026-10-01', expires: '2026-12-24' }),
        waiver('today', { target: 'm', approvedOn: '2026-10-01', expires: AS_OF }),
        waiver('later', { target: 'm', approvedOn: '2026-10-01', expires: '2026-12-25' }),
        waiver('expired', { target: 'm', approvedOn: '2026-10-01', expires: '2026-11-23' }),
        waiver('pending', { target: 'm', approvedOn: '2026-11-25', expires: '2026-12-01' }),
      ],
      AS_OF,
    );
    expect(computeDashboardMetrics(result).attention.expiringWaivers).toBe(2);
  });
});

describe('compliance by tier', () => {
  it('groups live models by held tier, counting compliant ones and their findings', () => {
    const underdeclared = model('under', { tier: 1, risk: { audience: 'internal', decisions: 'autonomous', personalData: 'none', regulatedDomain: 'none', significantImpact: false } });
    const warned = model('warned', { tier: 2 });
    const clean = model('clean', { tier: 2 });
    const retired = model('old', { tier: 2, lifecycle: 'retired' });
    const selfService = model('self', { tier: 1 });
    const invalid = model('broken', {}, { valid: false });
    const m = computeDashboardMetrics(
      resultOf([...BASE, underdeclared, warned, clean, retired, selfService, invalid], AS_OF, [
        finding(underdeclared, 'tier-underdeclared'),
        finding(warned, 'doc-missing', 'warning'),
        finding(warned, 'approval-missing', 'warning'),
        finding(retired, 'lifecycle-dates', 'warning'),
        finding(selfService, 'doc-missing', 'warning'),
        finding(invalid, 'schema'),
      ]),
    );
    expect(m.compliance).toEqual([
      { tier: 3, models: 1, compliant: 0, errors: 1, warnings: 0 },
      { tier: 2, models: 2, compliant: 1, errors: 0, warnings: 2 },
      { tier: 1, models: 1, compliant: 0, errors: 0, warnings: 1 },
    ]);
    expect(m.modelsByTier).toEqual({ 1: 1, 2: 2, 3: 1 });
    expect(m.unassessedModels).toBe(1);
  });
});

describe('adoption by business unit', () => {
  it("takes the project's business unit, else the project owner's, else the model owner's", () => {
    const manifests = [
      team('claims', 'Claims'),
      team('ops', 'Operations'),
      project('with-unit', 'claims', { businessUnit: 'Retail' }),
      project('without-unit', 'ops'),
      model('a', { project: 'with-unit', owner: 'claims' }),
      model('b', { project: 'without-unit', owner: 'claims' }),
      model('c', { project: 'unknown', owner: 'claims' }),
      model('d', { project: 'unknown', owner: 'unknown' }),
    ];
    const result = resultOf(manifests, AS_OF);
    const units = buildPortfolio(result).models.map((m) => [m.manifest.name, m.businessUnit]);
    expect(units).toEqual([
      ['a', 'Retail'],
      ['b', 'Operations'],
      ['c', 'Claims'],
      ['d', undefined],
    ]);
  });

  it('reads invalid manifests defensively', () => {
    const broken = model('x', { project: 42 as unknown as string, owner: 't' }, { valid: false });
    expect(businessUnitOf(resultOf([...BASE, broken], AS_OF).registry, broken)).toBe('Claims');
  });

  it('counts every stage per business unit, sorted by name, the unassigned last', () => {
    const m = computeDashboardMetrics(
      resultOf(
        [
          team('z', 'zeta'),
          team('a', 'Alpha'),
          project('pz', 'z'),
          project('pa', 'a'),
          model('m1', { project: 'pz', lifecycle: 'production' }),
          model('m2', { project: 'pz', lifecycle: 'idea' }),
          model('m3', { project: 'pa', lifecycle: 'retired' }),
          model('m4', { project: 'none', owner: 'none' }),
        ],
        AS_OF,
      ),
    );
    expect(m.adoption).toEqual([
      { businessUnit: 'Alpha', stages: { idea: 0, experiment: 0, pilot: 0, production: 0, retired: 1 } },
      { businessUnit: 'zeta', stages: { idea: 1, experiment: 0, pilot: 0, production: 1, retired: 0 } },
      { businessUnit: undefined, stages: { idea: 1, experiment: 0, pilot: 0, production: 0, retired: 0 } },
    ]);
    expect(['b', undefined, 'A', 'a'].sort(compareBusinessUnits)).toEqual(['A', 'a', 'b', undefined]);
  });
});

describe('efficiency, quality and risk', () => {
  it('computes reuse, cost per production model, incidents last quarter and the science-project ratio', () => {
    const m = computeDashboardMetrics(
      resultOf(
        [
          ...BASE,
          model('a', {
            lifecycle: 'production',
            reuses: ['store'],
            costs: { annualUsd: 100_000 },
            dates: { productionSince: '2025-01-01' },
            incidents: [
              { date: '2026-06-30', severity: 'low', summary: 'before the quarter' },
              { date: '2026-07-01', severity: 'low', summary: 'first day' },
              { date: '2026-09-30', severity: 'high', summary: 'last day' },
              { date: '2026-10-01', severity: 'low', summary: 'this quarter' },
            ],
          }),
          model('b', { lifecycle: 'production', reuses: [], costs: { annualUsd: 0 }, dates: { productionSince: '2025-01-01' } }),
          model('c', { lifecycle: 'production', dates: { productionSince: '2026-10-01' }, incidents: [{ date: '2026-08-01', severity: 'low', summary: 'in pilot' }] }),
          model('d', { lifecycle: 'idea' }),
          model('e', { lifecycle: 'experiment' }),
          model('f', { lifecycle: 'experiment' }),
        ],
        AS_OF,
      ),
    );
    expect(m.reuse).toEqual({ productionModels: 3, reusing: 1 });
    expect(m.cost).toEqual({ models: 2, annualUsd: 100_000 });
    expect(m.incidents).toEqual({ quarter: '2026-Q3', count: 3, productionModels: 2 });
    expect(m.scienceProjects).toEqual({ exploring: 3, production: 3 });
  });
});

describe('an empty registry', () => {
  it('gives undefined or zero, never NaN or Infinity', () => {
    const m = computeDashboardMetrics(resultOf([], AS_OF));
    expect(m.modelsInProduction).toEqual({ current: 0, previous: undefined });
    expect(m.ideaToProduction).toEqual({ average: { current: undefined, previous: undefined }, median: undefined, models: 0 });
    expect(m.productionByQuarter.every((q) => q.count === 0)).toBe(true);
    const numbers = JSON.stringify(m, (_key, value) => (typeof value === 'number' && !Number.isFinite(value) ? 'NOT FINITE' : value));
    expect(numbers).not.toContain('NOT FINITE');
  });

  it('has helpers that refuse to divide by nothing', () => {
    expect(ratio(3, 0)).toBeUndefined();
    expect(ratio(0, 0)).toBeUndefined();
    expect(average([])).toBeUndefined();
    expect(median([])).toBeUndefined();
    expect(median([1, 5])).toBe(3);
    expect(median([1, 2, 9])).toBe(2);
  });
});
