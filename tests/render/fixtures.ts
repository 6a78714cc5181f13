import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { marked, type Token, type Tokens } from 'marked';
import { checkRegistry, type LintResult } from '../../src/engine.js';
import type { Finding } from '../../src/model/finding.js';
import type { Kind, Manifest, MetricsSpec, ModelSpec, ProjectSpec, SpecByKind, WaiverSpec } from '../../src/model/manifest.js';
import { Registry } from '../../src/model/registry.js';
import { resolvePolicy } from '../../src/policy/policy.js';

/**
 * In-memory registries for the render tests: manifests built from objects, checked with no
 * rules, so each test states exactly the findings it needs. No disk, so thousands are cheap.
 */

const PLURAL: Record<Kind, string> = { Team: 'teams', Project: 'projects', Model: 'models', Component: 'components', Waiver: 'waivers', Metrics: 'metrics', Policy: 'policy' };

export function manifest<K extends Kind>(kind: K, name: string, spec: SpecByKind[K], options: { title?: string; valid?: boolean; file?: string } = {}): Manifest<K> {
  return {
    file: options.file ?? `registry/${PLURAL[kind]}/${name}.yaml`,
    kind,
    name,
    metadata: { name, ...(options.title !== undefined ? { title: options.title } : {}) },
    spec,
    valid: options.valid ?? true,
    locate: () => ({ line: 1, column: 1 }),
  };
}

export const team = (name: string, businessUnit: string) => manifest('Team', name, { businessUnit, contact: `${name}@example.com` });

export const project = (name: string, owner: string, extra: Partial<ProjectSpec> = {}) => manifest('Project', name, { owner, sponsor: 'A. Sponsor', ...extra });

const TIER1_RISK = { audience: 'internal', decisions: 'non-critical', personalData: 'none', regulatedDomain: 'none', significantImpact: false } as const;

/** A model of `project` owned by `owner`; tier 1 risk unless `spec.risk` says otherwise. */
export function model(name: string, spec: Partial<ModelSpec> & { project?: string; owner?: string } = {}, options: { title?: string; valid?: boolean; file?: string } = {}) {
  return manifest('Model', name, { project: 'p', owner: 't', type: 'llm', lifecycle: 'idea', tier: 1, risk: { ...TIER1_RISK }, ...spec }, options);
}

export const metrics = (name: string, spec: MetricsSpec) => manifest('Metrics', name, spec);

export const waiver = (name: string, spec: Partial<WaiverSpec> & Pick<WaiverSpec, 'target' | 'approvedOn' | 'expires'>) =>
  manifest('Waiver', name, { rule: 'review-overdue', justification: 'Agreed at the CoE forum with compensating controls.', approvedBy: 'coe', ...spec });

/** A finding in a manifest's file. */
export function finding(about: Manifest, ruleId: string, severity: Finding['severity'] = 'error'): Finding {
  return { ruleId, severity, message: `${ruleId} finding`, file: about.file, line: 1, column: 1, kind: about.kind, name: about.name };
}

/** The lint result of these manifests with exactly these findings, as of `asOf`. */
export function resultOf(manifests: readonly Manifest[], asOf: string, findings: Finding[] = []): LintResult {
  const registry = new Registry('/repo', 'registry', manifests, resolvePolicy());
  return checkRegistry({ registry, findings, files: manifests.length }, asOf, []);
}

// -----------------------------------------------------------------------------------------------
// Checks on rendered markdown, through a real GFM parser.

/** Every token, depth first, nested inline tokens and table cells included. */
export function allTokens(markdown: string): Token[] {
  const out: Token[] = [];
  const visit = (tokens: readonly Token[]) => {
    for (const token of tokens) {
      out.push(token);
      if (token.type === 'table') {
        const table = token as Tokens.Table;
        for (const cell of [...table.header, ...table.rows.flat()]) visit(cell.tokens);
      } else if (token.type === 'list') {
        for (const item of (token as Tokens.List).items) visit(item.tokens);
      } else if ('tokens' in token && Array.isArray(token.tokens)) {
        visit(token.tokens);
      }
    }
  };
  visit(marked.lexer(markdown, { gfm: true }));
  return out;
}

/** The tables of a document, parsed. */
export function tablesOf(markdown: string): Tokens.Table[] {
  return marked.lexer(markdown, { gfm: true }).filter((t): t is Tokens.Table => t.type === 'table');
}

/**
 * The number of cells each line of a table's source splits into. The parser pads short rows
 * and drops extra cells, so a broken row only shows in the source: `|` not escaped by a
 * backslash separates cells, inside code spans too (GFM splits cells first).
 */
export function cellCountsOf(table: Tokens.Table): number[] {
  return table.raw
    .replace(/\n+$/, '')
    .split('\n')
    .map((line) => {
      let pipes = 0;
      for (let i = 0; i < line.length; i++) {
        if (line[i] === '\\') i++;
        else if (line[i] === '|') pipes++;
      }
      // A row written `| a | b |` has one pipe more than cells.
      return pipes - 1;
    });
}

// -----------------------------------------------------------------------------------------------
// Golden files

const GOLDEN_DIR = fileURLToPath(new URL('./golden/', import.meta.url));

/**
 * Compares rendered markdown with `tests/render/golden/<name>`; `UPDATE_GOLDEN=1` rewrites the
 * file instead (then review the diff). A missing golden file fails rather than passing silently.
 */
export function expectGolden(name: string, actual: string): void {
  const path = join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) throw new Error(`golden file ${path} is missing: run UPDATE_GOLDEN=1 npm test -- tests/render and review it`);
  const expected = readFileSync(path, 'utf8');
  if (actual !== expected) {
    // Jest's diff of the two texts, with how to accept a deliberate change.
    expect({ golden: name, hint: 'UPDATE_GOLDEN=1 npm test -- tests/render accepts a deliberate change', text: actual }).toEqual({
      golden: name,
      hint: 'UPDATE_GOLDEN=1 npm test -- tests/render accepts a deliberate change',
      text: expected,
    });
  }
}

// -----------------------------------------------------------------------------------------------
// What every rendered document must satisfy

/**
 * Every table keeps its shape (each source line splits into the header's cell count), no HTML
 * is injected, every link stays in the repository (no scheme), no marker comment appears, and
 * no figure reads NaN, Infinity or undefined.
 */
export function expectWellFormed(markdown: string): void {
  for (const table of tablesOf(markdown)) {
    const counts = cellCountsOf(table);
    expect(counts).toEqual(counts.map(() => table.header.length));
    expect(table.rows.length).toBe(counts.length - 2);
  }
  const tokens = allTokens(markdown);
  expect(tokens.filter((t) => t.type === 'html').map((t) => t.raw)).toEqual([]);
  const hrefs = tokens.filter((t): t is Tokens.Link => t.type === 'link').map((t) => t.href);
  expect(hrefs.filter((href) => /^[a-z][a-z0-9+.-]*:/i.test(href))).toEqual([]);
  expect(markdown).not.toContain('<!--');
  expect(markdown).not.toMatch(/NaN|Infinity|undefined/);
  const html = marked.parse(markdown, { gfm: true, async: false });
  expect(html).not.toMatch(/<script|<img|<b>|href="javascript:/i);
}
