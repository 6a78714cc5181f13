import rule from '../../src/rules/review-overdue.js';
import { modelYaml } from '../helpers/model-yaml.js';
import { testRule } from '../helpers/rule-tester.js';

const FILE = 'registry/models/doc-summarizer.yaml';
const model = (options: Parameters<typeof modelYaml>[1]) => ({ [FILE]: modelYaml('doc-summarizer', options) });
/** `lastReviewed`'s value is on line 12, column 27. */
const reviewed = (date: string) => `  review: { lastReviewed: ${date} }\n`;

testRule(rule, {
  valid: [
    { name: 'tier 2: the day before the interval ends', files: model({ tier: 2, lifecycle: 'pilot', extra: reviewed('2025-11-25') }) },
    { name: 'tier 2: on the last day of the interval (365 days)', files: model({ tier: 2, lifecycle: 'production', extra: reviewed('2025-11-24') }) },
    { name: 'tier 3: on the last day of the interval (180 days)', files: model({ tier: 3, lifecycle: 'pilot', extra: reviewed('2026-05-28') }) },
    { name: 'reviewed on the as-of date', files: model({ tier: 3, lifecycle: 'pilot', extra: reviewed('2026-11-24') }) },
    { name: 'not yet due: reviews start at pilot', files: model({ tier: 3, lifecycle: 'experiment' }) },
    { name: 'a retired model needs no review', files: model({ tier: 3, lifecycle: 'retired' }) },
    { name: 'tier 1 has no review cadence', files: model({ tier: 1, lifecycle: 'production' }) },
  ],
  invalid: [
    {
      name: 'tier 2: the day after the interval, at the lastReviewed value, a warning',
      files: model({ tier: 2, lifecycle: 'pilot', extra: reviewed('2025-11-23') }),
      findings: [{ file: FILE, line: 12, column: 27, severity: 'warning', message: 'review overdue by 1 day (tier 2: every 365 days; last 2025-11-23)' }],
    },
    {
      name: 'the UX example: 41 days overdue',
      asOf: '2026-11-19',
      files: model({ tier: 2, lifecycle: 'production', extra: reviewed('2025-10-09') }),
      findings: [{ line: 12, column: 27, severity: 'warning', message: 'review overdue by 41 days (tier 2: every 365 days; last 2025-10-09)' }],
    },
    {
      name: 'tier 3: the day after 180 days is an error',
      files: model({ tier: 3, lifecycle: 'production', extra: reviewed('2026-05-27') }),
      findings: [{ line: 12, column: 27, severity: 'error', message: 'review overdue by 1 day (tier 3: every 180 days; last 2026-05-27)' }],
    },
    {
      name: 'no review at all: at spec:',
      files: model({ tier: 3, lifecycle: 'pilot' }),
      findings: [{ line: 5, column: 1, severity: 'error', message: 'review every 180 days required for tier 3 from pilot: spec.review.lastReviewed is not set' }],
    },
    {
      name: 'review without lastReviewed: at review:',
      files: model({ tier: 2, lifecycle: 'pilot', extra: '  review: {}\n' }),
      findings: [{ line: 12, column: 3, severity: 'warning', message: 'spec.review.lastReviewed is not set' }],
    },
    {
      name: 'a review dated after the as-of date does not count yet',
      files: model({ tier: 3, lifecycle: 'pilot', extra: reviewed('2026-11-25') }),
      findings: [{ line: 12, column: 27, severity: 'error', message: 'review dated 2026-11-25 is after the as-of date 2026-11-24' }],
    },
    {
      name: 'a shorter interval announced with effectiveFrom only warns until then',
      files: {
        ...model({ tier: 3, lifecycle: 'pilot', extra: reviewed('2026-07-01') }),
        'registry/policy.yaml': `apiVersion: ai-registry/v1
kind: Policy
metadata:
  name: policy
spec:
  tiers:
    tier3: { reviewIntervalDays: { days: 90, effectiveFrom: 2027-01-01 } }
`,
      },
      findings: [{ file: FILE, line: 12, column: 27, severity: 'warning', message: 'review overdue by 56 days (tier 3: every 90 days; an error from 2027-01-01; last 2026-07-01)' }],
    },
  ],
});
