/**
 * SARIF: every output validates against the official SARIF 2.1.0 schema (OASIS, copied into
 * tests/fixtures), with one descriptor per rule, its help and references, and results that
 * point at repo-relative files.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import { sarif, sarifLog, type SarifLog } from '../../src/report/sarif.js';
import { RULES } from '../../src/rules/index.js';
import { finding, lintRepo, MIXED_REPO, resultOf } from './results.js';
import type { LintResult } from '../../src/engine.js';

const addFormats = addFormatsPlugin.default;

// The official schema is draft-04 (`id`, a draft-04 `$schema`), which Ajv 8 does not load. Its
// keywords mean the same in draft-07, so only those two top-level keys are dropped.
const official = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
const { $schema: _draft04, id: _id, ...schema } = official;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validateSarif = ajv.compile(schema);

function format(result: LintResult): SarifLog {
  const text = sarif(result, { color: false });
  const log = JSON.parse(text) as SarifLog;
  const valid = validateSarif(log);
  expect(valid ? [] : validateSarif.errors).toEqual([]);
  return log;
}

describe('sarif', () => {
  let mixed: LintResult;
  beforeAll(async () => {
    mixed = await lintRepo(MIXED_REPO);
  });

  it('validates against the official SARIF 2.1.0 schema for a real lint', () => {
    const log = format(mixed);
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0].results).toHaveLength(mixed.findings.length);
  });

  it('the schema check can fail: a result without a message is rejected', () => {
    const log = sarifLog(mixed.findings) as unknown as { runs: { results: Record<string, unknown>[] }[] };
    delete log.runs[0]!.results[0]!.message;
    expect(validateSarif(log)).toBe(false);
  });

  it('describes every rule, sorted by id, with help and framework references', () => {
    const { rules, name, informationUri } = format(mixed).runs[0].tool.driver;
    expect(name).toBe('ai-registry');
    expect(informationUri).toBe('https://github.com/ai-registry/ai-registry');
    const ids = rules.map((r) => r.id);
    expect(ids).toEqual(RULES.map((r) => r.meta.id).sort());
    const tier = rules.find((r) => r.id === 'tier-underdeclared')!;
    expect(tier.name).toBe('TierUnderdeclared');
    expect(tier.shortDescription.text).toBe(RULES.find((r) => r.meta.id === 'tier-underdeclared')!.meta.description);
    expect(tier.defaultConfiguration.level).toBe('error');
    expect(tier.help.text).toContain('References: EU AI Act Art. 6(2) · NIST AI RMF GOVERN 1.3');
    expect(tier.help.markdown).toContain('[EU AI Act Art. 6(2)](https://eur-lex.europa.eu/eli/reg/2024/1689/oj');
    expect(tier.properties.tags).toEqual(['EU AI Act', 'ISO/IEC 42001', 'NIST AI RMF', 'OMB M-25-21']);
  });

  it("a tier rule's default level is warning; its findings carry their own level", () => {
    const log = format(mixed);
    const docMissing = log.runs[0].tool.driver.rules.find((r) => r.id === 'doc-missing')!;
    expect(docMissing.defaultConfiguration.level).toBe('warning');
    expect(docMissing.fullDescription.text).toContain("tier enforcement");
    const result = log.runs[0].results.find((r) => r.ruleId === 'doc-missing')!;
    expect(result.level).toBe('error');
  });

  it('results point at repo-relative files from %SRCROOT%, 1-based, with the right rule index', () => {
    const run = format(mixed).runs[0];
    const result = run.results.find((r) => r.ruleId === 'tier-underdeclared' && r.level === 'error')!;
    expect(result.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'registry/models/claims-triage.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 10, startColumn: 9 },
    });
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
    expect(run.originalUriBaseIds['%SRCROOT%']).toBeDefined();
  });

  it('a file name with a space is a valid relative URI', () => {
    const result = format(mixed).runs[0].results.find((r) => r.ruleId === 'name-mismatch')!;
    expect(result.locations[0]!.physicalLocation.artifactLocation.uri).toBe('registry/models/wrong%20name.yaml');
  });

  it('a waived finding is a note with an external suppression naming the waiver', () => {
    const result = format(mixed).runs[0].results.find((r) => r.level === 'note')!;
    expect(result.ruleId).toBe('tier-underdeclared');
    expect(result.suppressions).toEqual([{ kind: 'external', justification: 'waived by doc-summarizer-tier' }]);
    const unwaived = format(mixed).runs[0].results.filter((r) => r.level !== 'note');
    for (const r of unwaived) expect(r.suppressions).toBeUndefined();
  });

  it('a finding of a rule id outside RULES (internal-error) gets its own descriptor', () => {
    const result = resultOf([
      finding({ ruleId: 'internal-error', file: 'registry', message: 'rule doc-missing failed: boom; please report this' }),
      finding({ ruleId: 'from-the-future', severity: 'warning', message: 'a newer check' }),
    ]);
    const run = format(result).runs[0];
    const internal = run.tool.driver.rules.find((r) => r.id === 'internal-error')!;
    expect(internal.name).toBe('InternalError');
    expect(internal.defaultConfiguration.level).toBe('error');
    expect(run.tool.driver.rules.find((r) => r.id === 'from-the-future')!.defaultConfiguration.level).toBe('warning');
    const ids = run.tool.driver.rules.map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
  });

  it('is deterministic and holds no absolute path or timestamp', async () => {
    const again = await lintRepo(MIXED_REPO);
    const first = sarif(mixed, { color: false });
    expect(sarif(again, { color: false })).toBe(first);
    expect(first).not.toContain(mixed.registry.root);
    expect(first).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
  });

  it('a clean registry is a valid log with no results', () => {
    const log = format(resultOf([]));
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].tool.driver.rules.length).toBe(RULES.length);
  });
});
