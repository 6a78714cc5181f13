import type { LintResult } from '../engine.js';
import { STAGES, type Manifest, type Stage } from '../model/manifest.js';
import { isIsoDate } from '../util/dates.js';
import { code, escapeInline, escapeTableCell } from './escape.js';
import { countOf, formatNumber } from './numbers.js';
import { asRecord, businessUnitOf, compareBusinessUnits, countProblems, groupFindingsByFile, NO_BUSINESS_UNIT, sortByText, stringField } from './portfolio.js';
import { markdownTable } from './table.js';

export interface InventoryOptions {
  /** Link target of the README (the dashboard), relative to the inventory (default `README.md`). */
  readmeLink?: string;
  /**
   * Prefix of the links to manifest files, which are repo-relative: the way from the
   * inventory's folder to the repository root (`../` for `docs/INVENTORY.md`; default none).
   */
  rootLink?: string;
}

const TITLE = 'AI model inventory';

/** One inventory row: what the table shows about a model manifest, valid or not. */
interface InventoryRow {
  manifest: Manifest<'Model'>;
  businessUnit: string | undefined;
  production: boolean;
  errors: number;
  warnings: number;
  cells: string[];
}

/**
 * The full inventory: every Model manifest (schema-invalid and duplicate ones included, so they
 * are seen), one section per business unit with a table sorted by name, and a table of contents
 * first, so it stays readable with thousands of models. Every text from a manifest is escaped.
 */
export function renderInventory(result: LintResult, options: InventoryOptions = {}): string {
  const { registry } = result;
  const findingsByFile = groupFindingsByFile(result.findings);
  // By name, then file (a duplicated name lists each of its files); NUL sorts before any character.
  const manifests = sortByText(registry.all('Model'), (m) => `${m.name}\u0000${m.file}`);
  const rows = manifests.map((manifest) => inventoryRow(result, manifest, countProblems(findingsByFile.get(manifest.file)), options.rootLink ?? ''));
  const groups = groupByBusinessUnit(rows);
  const anchors = new Anchors();
  anchors.claim(TITLE);

  const sections = groups.map(({ businessUnit, rows: members }) => {
    const anchor = anchors.claim(visibleText(businessUnit ?? NO_BUSINESS_UNIT));
    return { members, anchor, heading: businessUnit === undefined ? `*${NO_BUSINESS_UNIT}*` : escapeInline(businessUnit) };
  });

  const blocking = rows.filter((r) => r.errors > 0).length;
  const withWarnings = rows.filter((r) => r.errors === 0 && r.warnings > 0).length;
  const totals = [
    `As of ${result.asOf}`,
    `**${countOf(rows.length, 'model')}** in ${countOf(groups.length, 'business unit')}`,
    `${formatNumber(rows.filter((r) => r.production).length)} in production`,
    `${formatNumber(rows.length - blocking - withWarnings)} compliant`,
    `${formatNumber(withWarnings)} with warnings`,
    `${formatNumber(blocking)} blocking`,
  ].join(' · ');

  const contents = markdownTable(
    ['Business unit', 'Models', 'In production', 'Compliant'],
    sections.map(({ heading, anchor, members }) => [
      `[${heading}](#${anchor})`,
      formatNumber(members.length),
      formatNumber(members.filter((r) => r.production).length),
      formatNumber(members.filter((r) => r.errors === 0 && r.warnings === 0).length),
    ]),
    ['left', 'right', 'right', 'right'],
  );

  const body = sections.map(({ heading, members }) =>
    [
      `## ${heading}`,
      markdownTable(['Model', 'Title', 'Owner', 'Tier', 'Lifecycle', 'Last review', 'Compliance'], members.map((r) => r.cells)),
    ].join('\n\n'),
  );

  return `${[
    `# ${TITLE}`,
    totals,
    `[← Dashboard](${options.readmeLink ?? 'README.md'}) · generated from ${code(registry.registryDir)} by ai-registry: edit the manifests, not this file.`,
    ...(rows.length === 0 ? ['No models are registered yet.'] : [contents, ...body]),
  ].join('\n\n')}\n`;
}

function inventoryRow(result: LintResult, manifest: Manifest<'Model'>, problems: { errors: number; warnings: number }, rootLink: string): InventoryRow {
  // A schema-invalid manifest may hold anything: read each field only if it has the right type.
  const spec = asRecord(manifest.spec);
  const title = stringField(asRecord(manifest.metadata), 'title');
  const owner = stringField(spec, 'owner');
  const lifecycle = STAGES.includes(spec.lifecycle as Stage) ? (spec.lifecycle as Stage) : undefined;
  const lastReviewed = stringField(asRecord(spec.review), 'lastReviewed');
  return {
    manifest,
    businessUnit: businessUnitOf(result.registry, manifest),
    production: manifest.valid && lifecycle === 'production',
    ...problems,
    cells: [
      `[${escapeInline(manifest.name)}](${rootLink}${encodePath(manifest.file)})`,
      title === undefined ? '—' : escapeTableCell(title),
      owner === undefined ? '—' : escapeTableCell(owner),
      tierText(result, manifest),
      manifest.valid && lifecycle ? lifecycle : '—',
      lastReviewed !== undefined && isIsoDate(lastReviewed) ? lastReviewed : '—',
      complianceText(problems),
    ],
  };
}

/** The held tier, with the declared one when it is lower: `3 (declared 2)`. */
function tierText(result: LintResult, manifest: Manifest<'Model'>): string {
  if (!manifest.valid) return '—';
  const { held, declared } = result.registry.tierOf(manifest);
  return held === declared ? String(held) : `${held} (declared ${declared})`;
}

/** `✅`, `⚠️ 2`, `❌ 1`, or `❌ 1 · ⚠️ 2`: the model file's unwaived findings. */
export function complianceText({ errors, warnings }: { errors: number; warnings: number }): string {
  if (errors === 0 && warnings === 0) return '✅';
  return [errors > 0 ? `❌ ${formatNumber(errors)}` : '', warnings > 0 ? `⚠️ ${formatNumber(warnings)}` : ''].filter(Boolean).join(' · ');
}

function groupByBusinessUnit(rows: readonly InventoryRow[]): { businessUnit: string | undefined; rows: InventoryRow[] }[] {
  const groups = new Map<string | undefined, InventoryRow[]>();
  for (const row of rows) {
    const group = groups.get(row.businessUnit);
    if (group) group.push(row);
    else groups.set(row.businessUnit, [row]);
  }
  return [...groups.entries()].map(([businessUnit, members]) => ({ businessUnit, rows: members })).sort((a, b) => compareBusinessUnits(a.businessUnit, b.businessUnit));
}

/** A path segment that needs no encoding (the usual `claims-triage.yaml`). */
const SAFE_SEGMENT = /^[\w.-]+$/;

/**
 * A repo-relative path as a link target: each segment percent-encoded, parentheses and quotes
 * included, so a file name can never close the link or carry a `javascript:` scheme.
 */
export function encodePath(file: string): string {
  return file
    .split('/')
    .map((segment) => (SAFE_SEGMENT.test(segment) ? segment : encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)))
    .join('/');
}

/** The text GitHub shows for an escaped heading: one line, spaces collapsed. */
function visibleText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').replace(/ {2,}/g, ' ').trim();
}

/** GitHub's heading anchors (github-slugger): lower case, punctuation dropped, spaces to `-`, repeats numbered. */
class Anchors {
  private readonly used = new Map<string, number>();

  claim(heading: string): string {
    const base = heading.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
    let anchor = base;
    while (this.used.has(anchor)) {
      const repeats = this.used.get(base)! + 1;
      this.used.set(base, repeats);
      anchor = `${base}-${repeats}`;
    }
    this.used.set(anchor, 0);
    return anchor;
  }
}
