import rule from '../../src/rules/waiver-expired.js';
import { modelYaml, waiverYaml } from '../helpers/model-yaml.js';
import { testRule } from '../helpers/rule-tester.js';

const WAIVER = 'registry/waivers/defer-review.yaml';
/** A tier-2 pilot whose review is overdue, waived from 2026-11-01 to 2027-04-30 (180 days, tier 2's maximum). */
const files = {
  'registry/models/doc-summarizer.yaml': modelYaml('doc-summarizer', { tier: 2, lifecycle: 'pilot', extra: '  review: { lastReviewed: 2025-09-01 }\n' }),
  [WAIVER]: waiverYaml('defer-review', 'review-overdue', 'doc-summarizer', '2026-11-01', '2027-04-30'),
};

testRule(rule, {
  valid: [
    { name: 'the day before approvedOn (pending)', asOf: '2026-10-31', files },
    { name: 'the day of approvedOn', asOf: '2026-11-01', files },
    { name: 'the day of expires: still live', asOf: '2027-04-30', files },
  ],
  invalid: [
    {
      name: 'the day after expires: at the expires value',
      asOf: '2027-05-01',
      files,
      findings: [{ file: WAIVER, line: 11, column: 12, severity: 'error', message: ["waiver expired on 2027-04-30 (1 day ago), so doc-summarizer's review-overdue findings count again", 'renew it'] }],
    },
    {
      name: 'long expired, whatever else is wrong with it',
      asOf: '2027-06-29',
      files: { ...files, [WAIVER]: waiverYaml('defer-review', 'revew-overdue', 'doc-summarizer', '2026-11-01', '2027-04-30') },
      findings: [{ file: WAIVER, line: 11, column: 12, severity: 'error', message: 'waiver expired on 2027-04-30 (60 days ago)' }],
    },
  ],
});
