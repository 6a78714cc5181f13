import { checkRegistry } from '../../src/engine.js';
import { loadRegistry } from '../../src/load/registry.js';
import type { Finding } from '../../src/model/finding.js';
import type { Manifest } from '../../src/model/manifest.js';
import { liveWaiverFor, waiverStatus } from '../../src/policy/waivers.js';
import { modelYaml, waiverYaml } from '../helpers/model-yaml.js';
import { BASE_FILES, makeRepo } from '../helpers/repo.js';

/** A tier-2 pilot whose review is overdue (a warning), and a waiver of it from 2026-11-01 to 2027-04-30 (180 days). */
const MODEL = 'registry/models/doc-summarizer.yaml';
const WAIVER = 'registry/waivers/defer-review.yaml';
const FILES = {
  ...BASE_FILES,
  [MODEL]: modelYaml('doc-summarizer', { tier: 2, lifecycle: 'pilot', extra: '  review: { lastReviewed: 2025-09-01 }\n  approvals: [{ role: ai-coe, approver: ecoe, date: 2025-09-01 }]\n' }),
  [WAIVER]: waiverYaml('defer-review', 'review-overdue', 'doc-summarizer', '2026-11-01', '2027-04-30'),
};

async function run(files: Record<string, string>, asOf: string) {
  const { root, cleanup } = makeRepo(files);
  try {
    const result = checkRegistry(await loadRegistry(root, 'registry'), asOf);
    const waiver = result.registry.get('Waiver', 'defer-review') as Manifest<'Waiver'> | undefined;
    return { result, status: waiver && waiverStatus(waiver, result.registry, asOf), live: liveWaiverFor(result.registry, 'doc-summarizer', 'review-overdue', asOf)?.name };
  } finally {
    cleanup();
  }
}

const of = (findings: Finding[], ruleId: string) => findings.filter((f) => f.ruleId === ruleId);

describe('waivers around the as-of date', () => {
  it('the day before approvedOn: pending, waives nothing, no waiver finding', async () => {
    const { result, status, live } = await run(FILES, '2026-10-31');
    expect(status).toEqual({ state: 'pending', reason: 'live from 2026-11-01' });
    expect(live).toBeUndefined();
    expect(of(result.findings, 'review-overdue')).toMatchObject([{ severity: 'warning', file: MODEL, line: 12, column: 27 }]);
    expect(of(result.findings, 'review-overdue')[0]!.waivedBy).toBeUndefined();
    expect(result.findings.filter((f) => f.file === WAIVER)).toEqual([]);
  });

  it('the day of approvedOn: live, the finding becomes a notice naming the waiver', async () => {
    const { result, status, live } = await run(FILES, '2026-11-01');
    expect(status).toEqual({ state: 'live' });
    expect(live).toBe('defer-review');
    const [finding] = of(result.findings, 'review-overdue');
    expect(finding).toMatchObject({ severity: 'notice', waivedBy: 'defer-review', line: 12, column: 27 });
    expect(finding!.message).toMatch(/^review overdue by \d+ days .* \(waived by defer-review until 2027-04-30\)$/);
    // The model card a tier-2 pilot needs is the only other finding: the waiver does not touch it.
    expect(result.findings.filter((f) => f.file === MODEL).map((f) => [f.ruleId, f.severity])).toEqual([
      ['doc-missing', 'warning'],
      ['review-overdue', 'notice'],
    ]);
    expect(result.summary).toMatchObject({ errors: 0, warnings: 1, notices: 1 });
  });

  it('the day of expires: still live', async () => {
    const { result, status } = await run(FILES, '2027-04-30');
    expect(status!.state).toBe('live');
    expect(of(result.findings, 'review-overdue').map((f) => f.severity)).toEqual(['notice']);
    expect(of(result.findings, 'waiver-expired')).toEqual([]);
  });

  it('the day after expires: waiver-expired, and the finding is a warning again', async () => {
    const { result, status, live } = await run(FILES, '2027-05-01');
    expect(status).toEqual({ state: 'expired', reason: 'expired on 2027-04-30' });
    expect(live).toBeUndefined();
    expect(of(result.findings, 'waiver-expired')).toMatchObject([{ severity: 'error', file: WAIVER, line: 11, column: 12 }]);
    expect(of(result.findings, 'review-overdue')).toMatchObject([{ severity: 'warning' }]);
    expect(of(result.findings, 'review-overdue')[0]!.message).not.toContain('waived');
  });
});

describe('what a live waiver covers', () => {
  it('only its rule on its target: other rules and other models keep their severity', async () => {
    const other = modelYaml('other-model', { tier: 2, lifecycle: 'pilot', extra: '  review: { lastReviewed: 2025-09-01 }\n' });
    const { result } = await run({ ...FILES, 'registry/models/other-model.yaml': other }, '2026-11-24');
    const severities = result.findings
      .filter((f) => f.ruleId === 'review-overdue' || f.ruleId === 'approval-missing')
      .map((f) => [f.name, f.ruleId, f.severity]);
    expect(severities).toEqual([
      ['doc-summarizer', 'review-overdue', 'notice'],
      ['other-model', 'approval-missing', 'warning'],
      ['other-model', 'review-overdue', 'warning'],
    ]);
  });

  it('an error of a tier-3 model too', async () => {
    const model = modelYaml('doc-summarizer', { tier: 3, lifecycle: 'pilot', extra: '  review: { lastReviewed: 2025-09-01 }\n' });
    const waiver = waiverYaml('defer-review', 'review-overdue', 'doc-summarizer', '2026-11-01', '2027-01-30');
    const { result } = await run({ ...FILES, [MODEL]: model, [WAIVER]: waiver }, '2026-11-24');
    expect(of(result.findings, 'review-overdue').map((f) => f.severity)).toEqual(['notice']);
  });

  it('an invalid waiver (too long for the tier) waives nothing', async () => {
    const waiver = waiverYaml('defer-review', 'review-overdue', 'doc-summarizer', '2026-11-01', '2027-05-01');
    const { result, status } = await run({ ...FILES, [WAIVER]: waiver }, '2026-11-24');
    expect(status!.state).toBe('invalid');
    expect(status!.reason).toContain('waiver runs 181 days');
    expect(of(result.findings, 'waiver-invalid')).toHaveLength(1);
    expect(of(result.findings, 'review-overdue').map((f) => f.severity)).toEqual(['warning']);
  });

  it('a waiver of an unknown target is invalid and waives nothing', async () => {
    const waiver = waiverYaml('defer-review', 'review-overdue', 'doc-sumarizer', '2026-11-01', '2027-04-30');
    const { result, status } = await run({ ...FILES, [WAIVER]: waiver }, '2026-11-24');
    expect(status).toEqual({ state: 'invalid', reason: 'target "doc-sumarizer" is not a Model in the registry' });
    expect(of(result.findings, 'unknown-reference')).toMatchObject([{ file: WAIVER, line: 7 }]);
    expect(of(result.findings, 'review-overdue').map((f) => f.severity)).toEqual(['warning']);
  });

  it('of two live waivers of one finding, the one running longest is named, whatever the file order', async () => {
    const early = waiverYaml('a-early', 'review-overdue', 'doc-summarizer', '2026-11-01', '2026-12-31');
    const { result } = await run({ ...FILES, 'registry/waivers/a-early.yaml': early }, '2026-11-24');
    expect(of(result.findings, 'review-overdue').map((f) => f.waivedBy)).toEqual(['defer-review']);
  });
});
