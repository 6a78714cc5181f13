import { existsSync, readFileSync } from 'node:fs';
import { RULES } from '../src/rules/index.js';
import { PROJECT_ROOT } from './helpers/cli.js';

/** SPEC §4: the core rule ids; they never change meaning. */
const CORE_RULE_IDS = [
  'yaml-syntax', 'file-invalid', 'schema', 'name-mismatch', 'duplicate-name', 'unknown-reference',
  'tier-underdeclared', 'prohibited-practice', 'doc-missing', 'doc-outside-repo', 'doc-section-missing',
  'doc-placeholder', 'approval-missing', 'review-overdue', 'monitoring-missing', 'lifecycle-dates',
  'waiver-expired', 'waiver-invalid', 'incident-contact-missing', 'sponsor-missing', 'stale-experiment',
];

/** SPEC §2 (and §9 for where the policy may live): findings of these can never be waived. */
const UNWAIVABLE = ['yaml-syntax', 'file-invalid', 'schema', 'name-mismatch', 'duplicate-name', 'unknown-reference', 'prohibited-practice', 'waiver-expired', 'waiver-invalid', 'policy-misplaced'];

/** SPEC §4: always errors, or always warnings, whatever the tier. */
// invisible-character is about any manifest's text, not a model's tier.
const ALWAYS_ERROR = [...UNWAIVABLE, 'tier-underdeclared', 'invisible-character'];
const ALWAYS_WARNING = ['sponsor-missing', 'stale-experiment'];

describe('the rule catalogue', () => {
  const ids = RULES.map((r) => r.meta.id);

  it('is sorted by id, without duplicates', () => {
    expect(ids).toEqual([...new Set(ids)].sort());
  });

  it.each(CORE_RULE_IDS)('has the core rule %s', (id) => {
    expect(ids).toContain(id);
  });

  it.each(RULES.map((r) => [r.meta.id, r] as const))('%s has a test file, a description, a fix and the right severity', (id, rule) => {
    expect(existsSync(`${PROJECT_ROOT}/tests/rules/${id}.test.ts`)).toBe(true);
    expect(rule.meta.description).toMatch(/^[A-Z`].*\.$/);
    expect(rule.meta.fix).toMatch(/^[A-Z`].*\.$/);
    if (ALWAYS_ERROR.includes(id)) expect(rule.meta.severity).toBe('error');
    else if (ALWAYS_WARNING.includes(id)) expect(rule.meta.severity).toBe('warning');
    else expect(rule.meta.severity).toBe('tier');
    expect(rule.meta.waivable).toBe(!UNWAIVABLE.includes(id));
  });

  it('every governance rule cites a framework clause', () => {
    const governance = RULES.filter((r) => !['yaml-syntax', 'file-invalid', 'schema', 'name-mismatch', 'duplicate-name'].includes(r.meta.id));
    for (const rule of governance) expect(rule.meta.references.length).toBeGreaterThan(0);
  });

  it("the README's rule table lists every rule", () => {
    const readme = readFileSync(`${PROJECT_ROOT}/README.md`, 'utf8');
    for (const id of ids) expect(readme).toContain(`| \`${id}\` |`);
  });
});
