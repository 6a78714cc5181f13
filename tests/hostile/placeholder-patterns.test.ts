import { MAX_FILE_BYTES } from '../../src/load/read.js';
import { runCliProcess } from '../helpers/cli.js';
import { COMPLETE_TIER3, MODEL_CARD, RISK_ASSESSMENT } from '../helpers/doc-fixtures.js';
import { BASE_FILES, makeRepo } from '../helpers/repo.js';

/**
 * Policy patterns that make a backtracking engine run for hours on one short line. They are
 * valid RE2, so they are accepted, and lint must still finish at once. The CLI runs as a
 * process with a time bound: a synchronous hang cannot be interrupted inside Jest, and a
 * killed process fails the test instead of stalling the suite.
 */

/** Far above what these lints take (well under a second each), far below "hangs". */
const TIME_BOUND_MS = 15_000;

/** 49 characters: 48 `a`s that almost match, then one that does not. */
const HOSTILE_LINE = `${'a'.repeat(48)}!`;
/** One line that makes the risk assessment exactly 1 MiB, the largest document read. */
const MEBIBYTE_LINE = `${'a'.repeat(MAX_FILE_BYTES - RISK_ASSESSMENT.length - 2)}!`;
/** A line each pattern matches, so that the rule is seen to run. */
const MATCHING_LINE = 'Owner: aaaaaaaaaab aaaaaaaaaaaa';

const policy = (pattern: string) => `apiVersion: ai-registry/v1\nkind: Policy\nmetadata:\n  name: policy\nspec:\n  placeholders: ['${pattern}']\n`;

describe('a placeholder pattern built to backtrack, on a document built to make it', () => {
  it.each([
    // The model card: MODEL_CARD's 21 lines (line 7: `## Training Data`), the hostile line (22), the matching line (23).
    ['((a+))+$', ['docs/card.md:23 still holds a placeholder: "aaaaaaaaaaaa"', 'docs/card.md:7 still holds a placeholder: "a"']],
    ['(a|a)*b', ['docs/card.md:23 still holds a placeholder: "aaaaaaaaaab"']],
    ['(.*a){12}$', [`docs/card.md:23 still holds a placeholder: "${MATCHING_LINE}"`]],
  ])('%s: lint finishes at once, with the placeholders it matches', (pattern, messages) => {
    const { root, cleanup } = makeRepo({
      ...BASE_FILES,
      ...COMPLETE_TIER3,
      'registry/policy.yaml': policy(pattern),
      'docs/card.md': `${MODEL_CARD}${HOSTILE_LINE}\n${MATCHING_LINE}\n`,
      'docs/risk.md': `${RISK_ASSESSMENT}${MEBIBYTE_LINE}\n`,
    });
    try {
      const result = runCliProcess(['lint', '--format', 'json', '--as-of', '2026-11-24'], { cwd: root, timeoutMs: TIME_BOUND_MS });
      expect(result.status).toBe(1);
      const findings = (JSON.parse(result.stdout) as { findings: { ruleId: string; file: string; line: number; column: number; message: string }[] }).findings;
      expect(findings.map(({ ruleId, file, line, column }) => ({ ruleId, file, line, column }))).toEqual(
        messages.map(() => ({ ruleId: 'doc-placeholder', file: 'registry/models/scorer.yaml', line: 18, column: 16 })),
      );
      messages.forEach((message, i) => expect(findings[i]!.message).toContain(message));
    } finally {
      cleanup();
    }
  }, 2 * TIME_BOUND_MS);
});
