import { loadRegistry } from '../../src/load/registry.js';
import type { Manifest } from '../../src/model/manifest.js';
import type { Registry } from '../../src/model/registry.js';
import { approvalStatus, dueOf, lifecycleDateProblems, monitoringStatus, requiredFor, reviewStatus, staleExperiment } from '../../src/policy/compliance.js';
import { modelYaml } from '../helpers/model-yaml.js';
import { BASE_FILES, makeRepo } from '../helpers/repo.js';

/** The helpers `explain` prints from: their results, not only the findings built on them. */
async function withModel(extra: string, options: Parameters<typeof modelYaml>[1], test: (model: Manifest<'Model'>, registry: Registry) => void) {
  const { root, cleanup } = makeRepo({ ...BASE_FILES, 'registry/models/m1.yaml': modelYaml('m1', { ...options, extra }) });
  try {
    const { registry } = await loadRegistry(root, 'registry');
    test(registry.get('Model', 'm1')!, registry);
  } finally {
    cleanup();
  }
}

describe('compliance status helpers', () => {
  it('approvalStatus: met, missing, invalid with every reason', () =>
    withModel(
      '  approvals:\n    - { role: ai-coe, approver: asmith, date: 2026-12-01 }\n    - { role: ai-coe, approver: ecoe, date: 2026-10-01 }\n    - { role: risk-compliance, approver: bjones, date: 2026-10-01 }\n',
      { tier: 3, lifecycle: 'pilot' },
      (model, registry) => {
        expect(approvalStatus(model, 'ai-coe', registry, '2026-11-24')).toEqual({ state: 'met', index: 1, approval: { role: 'ai-coe', approver: 'ecoe', date: '2026-10-01' } });
        expect(approvalStatus(model, 'ai-ethics-lead', registry, '2026-11-24')).toEqual({ state: 'missing' });
        expect(approvalStatus(model, 'risk-compliance', registry, '2026-09-30')).toMatchObject({
          state: 'invalid',
          index: 2,
          problems: ['dated 2026-10-01, after the as-of date 2026-09-30', 'approver bjones is a member of the owning team ml-platform (4-eyes)'],
        });
      },
    ));

  it('reviewStatus: the next due date, and overdue from the day after', () =>
    withModel('  review: { lastReviewed: 2026-01-01 }\n', { tier: 3, lifecycle: 'pilot' }, (model) => {
      expect(reviewStatus(model, 180, '2026-06-30')).toEqual({ state: 'met', lastReviewed: '2026-01-01', nextDue: '2026-06-30' });
      expect(reviewStatus(model, 180, '2026-07-02')).toEqual({ state: 'overdue', lastReviewed: '2026-01-01', nextDue: '2026-06-30', overdueDays: 2 });
      expect(reviewStatus(model, 180, '2025-12-31')).toEqual({ state: 'future', lastReviewed: '2026-01-01' });
    }));

  it('monitoringStatus names what is absent', () =>
    withModel('  monitoring: { metrics: [] }\n', { tier: 3, lifecycle: 'production' }, (model) => {
      expect(monitoringStatus(model)).toEqual({ state: 'missing', absent: ['metrics', 'alertContact'], declared: true });
    }));

  it('dueOf and requiredFor: the held tier, severity and wording', () =>
    withModel('', { tier: 3, lifecycle: 'pilot' }, (model, registry) => {
      const [review] = dueOf(model, registry, '2026-11-24', 'review');
      expect(review).toEqual({ requirement: { type: 'review', from: 'pilot', intervalDays: 180 }, tier: 3, severity: 'error' });
      expect(requiredFor(review!, registry, '2026-11-24')).toBe('required for tier 3 from pilot');
      expect(dueOf(model, registry, '2026-11-24', 'monitoring')).toEqual([]);
    }));

  it('lifecycleDateProblems and staleExperiment', () =>
    withModel('  dates: { ideated: 2026-03-01, experimentStarted: 2026-02-01 }\n', { lifecycle: 'experiment' }, (model) => {
      expect(lifecycleDateProblems(model, '2026-11-24').map((p) => p.path)).toEqual([['spec', 'dates', 'experimentStarted']]);
      expect(staleExperiment(model, 180, '2026-11-24')).toEqual({ field: 'ideated', date: '2026-03-01', ageDays: 268 });
      expect(staleExperiment(model, 180, '2026-08-28')).toBeUndefined();
    }));
});
