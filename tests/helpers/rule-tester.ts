import { checkRegistry } from '../../src/engine.js';
import { loadRegistry } from '../../src/load/registry.js';
import type { Finding, Severity } from '../../src/model/finding.js';
import { RULES } from '../../src/rules/index.js';
import type { Rule } from '../../src/rules/rule.js';
import { BASE_FILES, makeRepo } from './repo.js';

export interface RuleCase {
  name: string;
  /** Files of the repository, added to BASE_FILES (a value of '' removes a base file). */
  files: Record<string, string | Buffer>;
  asOf?: string;
}

export interface ExpectedFinding {
  file?: string;
  line: number;
  column: number;
  severity: Severity;
  /** Substrings the message must contain. */
  message?: string | string[];
}

export interface InvalidCase extends RuleCase {
  findings: ExpectedFinding[];
}

/** Lints a repository with every rule (waivers included) and returns the findings. */
export async function lintFiles(files: Record<string, string | Buffer>, asOf = '2026-11-24'): Promise<Finding[]> {
  const { root, cleanup } = makeRepo(files);
  try {
    return checkRegistry(await loadRegistry(root, 'registry'), asOf, RULES).findings;
  } finally {
    cleanup();
  }
}

function withBase(files: Record<string, string | Buffer>): Record<string, string | Buffer> {
  const merged = { ...BASE_FILES, ...files };
  return Object.fromEntries(Object.entries(merged).filter(([, content]) => content !== ''));
}

/**
 * ESLint's RuleTester, for registries: `valid` cases yield no finding of the rule; `invalid`
 * cases yield exactly the expected findings of the rule, in order, at the given positions.
 */
export function testRule(rule: Rule, cases: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
  const id = rule.meta.id;
  describe(id, () => {
    it('has metadata', () => {
      expect(rule.meta.description.length).toBeGreaterThan(10);
      expect(rule.meta.fix.length).toBeGreaterThan(10);
    });
    describe('valid', () => {
      for (const c of cases.valid) {
        it(c.name, async () => {
          const findings = (await lintFiles(withBase(c.files), c.asOf)).filter((f) => f.ruleId === id);
          expect(findings).toEqual([]);
        });
      }
    });
    describe('invalid', () => {
      for (const c of cases.invalid) {
        it(c.name, async () => {
          const findings = (await lintFiles(withBase(c.files), c.asOf)).filter((f) => f.ruleId === id);
          expect(findings.map((f) => ({ file: f.file, line: f.line, column: f.column, severity: f.severity }))).toEqual(
            c.findings.map((e) => ({ file: e.file ?? findings[0]?.file, line: e.line, column: e.column, severity: e.severity })),
          );
          c.findings.forEach((expected, i) => {
            const message = findings[i]!.message;
            expect(message).not.toMatch(/undefined|\[object Object\]|NaN/);
            for (const part of [expected.message ?? []].flat()) expect(message).toContain(part);
          });
        });
      }
    });
  });
}
