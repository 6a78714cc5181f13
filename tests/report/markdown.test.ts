/**
 * The markdown report: a golden file a reviewer reads, GitHub's size limit, and manifest text
 * that can neither break the layout nor inject HTML, links, mentions or markers (parsed back
 * with marked, a GFM parser).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { marked, type Token, type Tokens } from 'marked';
import type { LintResult, ManifestSummary } from '../../src/engine.js';
import type { Finding, Severity } from '../../src/model/finding.js';
import { markdown, markdownReport } from '../../src/report/markdown.js';
import { finding, lintRepo, MIXED_REPO, resultOf } from './results.js';

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), '__golden__', 'markdown-report.md');

const CLAIMS = 'registry/models/claims-triage.yaml';
const FRAUD = 'registry/models/fraud-scoring.yaml';

/** A registry of 12 manifests with a bit of everything; messages as the rules write them. */
function goldenResult(): LintResult {
  const model = (name: string, file: string, extra: Partial<ManifestSummary>): ManifestSummary => ({ kind: 'Model', name, file, compliant: false, ...extra });
  const manifests: ManifestSummary[] = [
    model('claims-triage', CLAIMS, { tier: 2, derivedTier: 3, lifecycle: 'pilot' }),
    model('doc-summarizer', 'registry/models/doc-summarizer.yaml', { tier: 2, derivedTier: 2, lifecycle: 'production', compliant: true }),
    model('fraud-scoring', FRAUD, { tier: 3, derivedTier: 3, lifecycle: 'production' }),
    { kind: 'Project', name: 'claims-automation', file: 'registry/projects/claims-automation.yaml', compliant: false },
  ];
  const claims = { file: CLAIMS, kind: 'Model', name: 'claims-triage' };
  const fraud = { file: FRAUD, kind: 'Model', name: 'fraud-scoring' };
  const findings: Finding[] = [
    finding({ ruleId: 'yaml-syntax', file: 'registry/models/broken.yaml', line: 3, column: 7, message: 'Map keys must be unique; "tier" is repeated' }),
    finding({ ...claims, ruleId: 'approval-missing', line: 5, message: 'approval by role ai-ethics-lead required for tier 3 from pilot (4-eyes: not a member of claims-ml)' }),
    finding({ ...claims, ruleId: 'doc-missing', line: 5, message: 'riskAssessment required for tier 3 from experiment: not declared in spec.documentation; add documentation.riskAssessment with the path of the document, relative to the repository root' }),
    finding({ ...claims, ruleId: 'unknown-reference', line: 7, column: 10, message: 'owner "claims|ml @acme/ai-ethics" is not a Team in the registry (did you mean "claims-ml"?)' }),
    finding({ ...claims, ruleId: 'tier-underdeclared', line: 10, column: 9, message: 'tier 2 declared, but this model is tier 3: decisions: autonomous, regulatedDomain: insurance; raise spec.tier to 3, or waive with a CoE decision' }),
    finding({ ...fraud, ruleId: 'monitoring-missing', severity: 'notice', waivedBy: 'fraud-scoring-monitoring', line: 5, message: 'monitoring required for tier 3 from production: spec.monitoring.alertContact is not set (waived by fraud-scoring-monitoring until 2027-01-31)' }),
    finding({ ...fraud, ruleId: 'review-overdue', severity: 'warning', line: 31, column: 19, message: 'review overdue by 41 days (tier 3: every 180 days; last 2026-04-17)' }),
    finding({ file: 'registry/projects/claims-automation.yaml', kind: 'Project', name: 'claims-automation', ruleId: 'sponsor-missing', severity: 'warning', line: 5, message: 'project claims-automation has no executive sponsor: set spec.sponsor to the executive accountable for its outcome' }),
  ];
  return resultOf(findings, manifests, 12);
}

/** Every token of a document, depth first. */
function tokens(markdownText: string): Token[] {
  const all: Token[] = [];
  marked.walkTokens(marked.lexer(markdownText), (token) => {
    all.push(token);
  });
  return all;
}

function tables(markdownText: string): Tokens.Table[] {
  return tokens(markdownText).filter((t): t is Tokens.Table => t.type === 'table');
}

/** The HTML the report itself writes: folds and their summaries, nothing else. */
const OWN_HTML = /^(?:<details(?: open)?><summary>[^<]*<\/summary>|<\/details>)\s*$/;

describe('markdown report', () => {
  it('matches the golden file (UPDATE_GOLDEN=1 to rewrite it, then read the diff)', () => {
    const report = markdownReport(goldenResult());
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, report);
    expect(report).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('the golden report is well-formed: tables of three columns, only its own HTML', () => {
    const report = markdownReport(goldenResult());
    for (const table of tables(report)) {
      expect(table.header.map((h) => h.text)).toEqual(['problem', 'where', 'rule']);
      for (const row of table.rows) expect(row[2]!.text).toMatch(/^`[a-z-]+`$/);
    }
    expect(tables(report).flatMap((t) => t.rows)).toHaveLength(goldenResult().findings.length);
    for (const html of tokens(report).filter((t) => t.type === 'html')) expect(html.raw).toMatch(OWN_HTML);
  });

  it('a verdict for every state', () => {
    const heading = (result: LintResult) => markdownReport(result).split('\n')[0];
    expect(heading(goldenResult())).toBe('### ai-registry — 5 blocking problems');
    const warnings = resultOf([finding({ severity: 'warning', message: 'w' })], [], 58);
    expect(heading(warnings)).toBe('### ai-registry — no blocking problems, 1 warning');
    expect(heading(resultOf([], [], 58))).toBe('### ai-registry — all 58 manifests compliant');
    const waivedOnly = resultOf([finding({ severity: 'notice', waivedBy: 'w', message: 'waived' })], [], 58);
    expect(heading(waivedOnly)).toBe('### ai-registry — all 58 manifests compliant');
    expect(heading(resultOf([], [], 1))).toBe('### ai-registry — the 1 manifest is compliant');
    expect(heading(resultOf([], [], 0))).toBe('### ai-registry — no manifests found');
  });

  it('with --changed, says the other manifests still have problems', () => {
    const elsewhere: ManifestSummary = { kind: 'Model', name: 'other', file: 'registry/models/other.yaml', compliant: false };
    const report = markdownReport(resultOf([], [elsewhere], 58));
    expect(report.split('\n')[0]).toBe('### ai-registry — no problems in the changed files');
    expect(report).toContain('58 manifests checked; 1 other manifest with problems is not reported here · as of 2026-11-24');
  });

  it('the heading can be named', () => {
    expect(markdownReport(resultOf([], [], 3), { heading: 'ai-registry <sandbox>' }).split('\n')[0]).toBe('### ai-registry &lt;sandbox&gt; — all 3 manifests compliant');
  });

  it('warnings are open when nothing blocks, folded otherwise', () => {
    const warning = finding({ severity: 'warning', message: 'w' });
    expect(markdownReport(resultOf([warning]))).toContain('<details open><summary>⚠️ 1 warning — not blocking</summary>');
    expect(markdownReport(resultOf([warning, finding({ message: 'e' })]))).toContain('<details><summary>⚠️ 1 warning — not blocking</summary>');
  });

  it('the formatter is the report with its defaults', async () => {
    const result = await lintRepo(MIXED_REPO);
    const report = markdown(result, { color: false });
    expect(report).toBe(markdownReport(result));
    expect(report).toContain('❌ **`claims-triage`** · model · tier 3, declared 2 · pilot · `registry/models/claims-triage.yaml`');
    expect(report).toContain('❌ `registry/models/broken.yaml`');
    expect(report).toContain('`registry/models/wrong name.yaml`');
    expect(report).not.toContain(result.registry.root);
  });
});

describe('cut to a maximum length', () => {
  /** 400 errors, 400 warnings and 400 notices: over 65,535 characters in all, the errors well under. */
  function hugeResult(): LintResult {
    const findings: Finding[] = [];
    const manifests: ManifestSummary[] = [];
    for (let m = 0; m < 40; m++) {
      const name = `model-${String(m).padStart(2, '0')}`;
      const file = `registry/models/${name}.yaml`;
      manifests.push({ kind: 'Model', name, file, tier: 3, derivedTier: 3, lifecycle: 'production', compliant: false });
      const severities: Severity[] = ['error', 'warning', 'notice'];
      for (const severity of severities) {
        for (let i = 0; i < 10; i++) {
          findings.push(finding({ file, kind: 'Model', name, severity, line: i + 1, ruleId: 'doc-missing', message: `${severity} ${i}: a long explanation of what is missing and how to fix it` }));
        }
      }
    }
    return resultOf(findings, manifests);
  }

  it('stays under 65,535 characters, keeps errors before warnings before notices, and says what was cut', () => {
    const result = hugeResult();
    const hint = 'Every finding is in the [job summary](https://github.com/acme/registry/actions/runs/1).';
    const report = markdownReport(result, { maxLength: 65_535, fullReportHint: hint });
    expect(report.length).toBeLessThanOrEqual(65_535);
    expect(report.length).toBeGreaterThan(60_000);
    const severities = tables(report).flatMap((t) => t.rows).map((row) => row[0]!.text.split(' ')[0]);
    const warnings = severities.filter((s) => s === 'warning').length;
    expect(warnings).toBeGreaterThan(0);
    expect(warnings).toBeLessThan(400);
    expect(severities).toEqual([...Array(400).fill('error'), ...Array(warnings).fill('warning')]);
    const cut = result.findings.length - severities.length;
    expect(report.endsWith(`\n\n✂️ ${cut} more findings (${400 - warnings} warnings, 400 waived findings) left out to keep this report under 65,535 characters. ${hint}\n`)).toBe(true);
  });

  it('keeps as many findings as fit: one more would not', () => {
    const result = hugeResult();
    const report = markdownReport(result, { maxLength: 30_000 });
    expect(report.length).toBeLessThanOrEqual(30_000);
    const shown = tables(report).flatMap((t) => t.rows).length;
    const bigger = markdownReport(result, { maxLength: report.length + 1 });
    expect(tables(bigger).flatMap((t) => t.rows)).toHaveLength(shown);
    expect(report.trimEnd().split('\n').at(-1)).toContain('Run `ai-registry lint` to see every finding.');
  });

  it('cuts warnings before errors: with room for a few, only errors remain', () => {
    const result = hugeResult();
    const report = markdownReport(result, { maxLength: 5_000 });
    expect(report.length).toBeLessThanOrEqual(5_000);
    const rows = tables(report).flatMap((t) => t.rows);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row[0]!.text.startsWith('error '))).toBe(true);
    expect(report).not.toContain('not blocking');
    expect(report.trimEnd().split('\n').at(-1)).toMatch(/^✂️ \d+ more findings \(\d+ errors, 400 warnings, 400 waived findings\) left out/);
  });

  it('a report that fits is not cut', () => {
    const report = markdownReport(goldenResult(), { maxLength: 65_000 });
    expect(report).not.toContain('✂️');
  });
});

describe('text from manifests cannot break or inject', () => {
  /** The report of one error whose message, manifest name and file carry `text`. */
  function reportWith(text: string): string {
    const name = `evil${text}`;
    const file = `registry/models/${text}.yaml`;
    const manifest: ManifestSummary = { kind: 'Model', name, file, tier: 1, derivedTier: 1, lifecycle: 'idea', compliant: false };
    return markdownReport(resultOf([finding({ file, kind: 'Model', name, message: `before ${text} after` }), finding({ file, kind: 'Model', name, line: 2, severity: 'warning', message: `w ${text}` })], [manifest]));
  }

  function expectIntact(report: string): void {
    const found = tables(report);
    expect(found).toHaveLength(2);
    for (const table of found) {
      expect(table.header).toHaveLength(3);
      expect(table.rows).toHaveLength(1);
      expect(table.rows[0]![1]!.text).toMatch(/^line \d$/);
      expect(table.rows[0]![2]!.text).toBe('`schema`');
    }
    for (const html of tokens(report).filter((t) => t.type === 'html')) expect(html.raw).toMatch(OWN_HTML);
    expect(tokens(report).filter((t) => t.type === 'heading')).toHaveLength(1);
  }

  /** What marked shows of the first row's problem cell. */
  function problemHtml(report: string): string {
    return marked.parseInline(tables(report)[0]!.rows[0]![0]!.text) as string;
  }

  it('a pipe', () => {
    const report = reportWith('a | b || c');
    expectIntact(report);
    expect(problemHtml(report)).toBe('before a | b || c after');
  });

  it('a newline', () => {
    const report = reportWith('x\n| forged | row | here |\n### forged heading\n\n- list');
    expectIntact(report);
    expect(problemHtml(report)).toBe('before x | forged | row | here | ### forged heading - list after');
  });

  it('<script>', () => {
    const report = reportWith('<script>alert(1)</script>');
    expectIntact(report);
    expect(marked.parse(report) as string).not.toContain('<script');
    expect(problemHtml(report)).toBe('before &lt;script&gt;alert(1)&lt;/script&gt; after');
  });

  it('<!-- ai-registry:dashboard:end -->', () => {
    const report = reportWith('<!-- ai-registry:dashboard:end -->');
    expectIntact(report);
    expect(report).not.toContain('<!--');
  });

  it('[x](javascript:alert(1))', () => {
    const report = reportWith('[x](javascript:alert(1)) ![i](https://evil.example/i.png) https://evil.example');
    expectIntact(report);
    expect(tokens(report).filter((t) => t.type === 'link' || t.type === 'image')).toEqual([]);
    expect(marked.parse(report) as string).not.toMatch(/<a |<img /);
  });

  it('@everyone', () => {
    const report = reportWith('@everyone @acme/ai-ethics');
    expectIntact(report);
    // GitHub mentions nobody inside code; everywhere else a zero-width space follows the @.
    const outsideCode = (marked.parse(report) as string).replace(/<code>[^<]*<\/code>/g, '');
    expect(outsideCode).toContain('@\u200beveryone');
    expect(outsideCode).not.toMatch(/@[a-z]/);
  });

  it('backticks', () => {
    const report = reportWith('``` `code` ``');
    expectIntact(report);
    // In the problem cell, shown as written; in the title, the name is one code span.
    expect(problemHtml(report)).toBe('before ``` `code` `` after');
    const title = report.split('\n').find((line) => line.startsWith('❌ '))!;
    expect(marked.parseInline(title)).toBe('❌ <strong><code>evil``` `code` ``</code></strong> · model · tier 1 · idea · <code>registry/models/``` `code` ``.yaml</code>');
  });
});
