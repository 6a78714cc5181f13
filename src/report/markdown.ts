import type { LintResult, ManifestSummary } from '../engine.js';
import type { Finding, Severity } from '../model/finding.js';
import { code, escapeInline, escapeTableCell, escapeWithCode } from '../render/escape.js';
import { markdownTable } from '../render/table.js';
import { formatNumber } from '../render/numbers.js';
import { RULES_BY_ID } from '../rules/index.js';
import { plural, type Formatter } from './format.js';

/**
 * The report for people: PR comments, job summaries, `--format markdown`. A verdict first, then
 * the blocking findings per manifest, then warnings and waived findings folded away. Every text
 * from a manifest or a finding goes through src/render/escape.ts.
 */

export interface MarkdownReportOptions {
  /**
   * The longest report, in characters (GitHub stops a comment or a step summary at 65,535).
   * When the report is longer, whole findings are left out from the end, least severe first,
   * and a last line says how many. Only a report of no finding at all can be longer.
   */
  maxLength?: number;
  /** Markdown (trusted: written by the caller) saying where every finding is when some are left out. */
  fullReportHint?: string;
  /** Plain text before the verdict in the title; `ai-registry` by default. */
  heading?: string;
  /** Markdown (trusted: built by the caller, manifest text escaped) shown first after the totals, such as a PR's governance delta. */
  intro?: string;
}

export const DEFAULT_MAX_LENGTH = 65_000;
const DEFAULT_HINT = 'Run `ai-registry lint` to see every finding.';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'notice'];
const ICON: Record<Severity, string> = { error: '❌', warning: '⚠️', notice: 'ℹ️' };

export const markdown: Formatter = (result) => markdownReport(result);

export function markdownReport(result: LintResult, options: MarkdownReportOptions = {}): string {
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  const ordered = displayOrder(result);
  const render = (kept: number) => renderReport(result, ordered, kept, options, maxLength);
  const full = render(ordered.length);
  if (full.length <= maxLength) return full;
  // The longest prefix of `ordered` that fits: longer prefixes make longer reports.
  let fits = 0;
  let tooLong = ordered.length;
  while (tooLong - fits > 1) {
    const mid = Math.floor((fits + tooLong) / 2);
    if (render(mid).length <= maxLength) fits = mid;
    else tooLong = mid;
  }
  return render(fits);
}

/** A manifest's findings of one severity, under the manifest's name, tier and lifecycle. */
interface Group {
  file: string;
  manifest?: ManifestSummary;
  findings: Finding[];
}

/**
 * Every finding in the order the report shows them, which is also the order they are kept in
 * when the report must be cut: errors, warnings, notices; within each, models first (by name),
 * then other manifests (by kind and name), then files that hold no manifest; then by position.
 */
function displayOrder(result: LintResult): Finding[] {
  const manifests = manifestsByFile(result);
  const rank = new Map<string, string>();
  for (const finding of result.findings) {
    if (rank.has(finding.file)) continue;
    const manifest = manifests.get(finding.file);
    const kind = manifest?.kind ?? finding.kind;
    const name = manifest?.name ?? finding.name ?? '';
    const category = kind === 'Model' ? 0 : kind !== undefined ? 1 : 2;
    rank.set(finding.file, `${category}\u0000${category === 1 ? kind : ''}\u0000${name}\u0000${finding.file}`);
  }
  const position = new Map(result.findings.map((f, i) => [f, i]));
  return [...result.findings].sort(
    (a, b) =>
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
      compareText(rank.get(a.file)!, rank.get(b.file)!) ||
      position.get(a)! - position.get(b)!,
  );
}

function renderReport(result: LintResult, ordered: readonly Finding[], kept: number, options: MarkdownReportOptions, maxLength: number): string {
  const shown = ordered.slice(0, kept);
  const manifests = manifestsByFile(result);
  const of = (severity: Severity) => groups(shown.filter((f) => f.severity === severity), manifests);
  const [errors, warnings, notices] = SEVERITIES.map(of) as [Group[], Group[], Group[]];
  const blocks: string[] = [`### ${escapeInline(options.heading ?? 'ai-registry')} — ${verdict(result)}`, totals(result)];
  if (options.intro) blocks.push(options.intro);
  blocks.push(...errors.map((group) => groupBlock(group, 'error')));
  if (warnings.length > 0) {
    const count = countFindings(warnings);
    // Folded when something blocks; open when the warnings are all there is to see.
    blocks.push(details(`${ICON.warning} ${plural(count, 'warning')} — not blocking`, warnings.map((g) => groupBlock(g, 'warning')), errors.length === 0));
  }
  if (notices.length > 0) {
    blocks.push(details(`${ICON.notice} ${plural(countFindings(notices), 'waived finding')}`, notices.map((g) => groupBlock(g, 'notice')), false));
  }
  const fixes = howToFix([...errors, ...warnings]);
  if (fixes) blocks.push(fixes);
  const model = [...errors, ...warnings].find((g) => g.manifest?.kind === 'Model')?.manifest?.name;
  if (model !== undefined) blocks.push(`Run ${code(`ai-registry explain ${model}`)} for the model's full checklist.`);
  if (kept < ordered.length) blocks.push(cutLine(ordered.slice(kept), maxLength, options.fullReportHint ?? DEFAULT_HINT));
  return `${blocks.join('\n\n')}\n`;
}

/** `2 blocking problems`, `no blocking problems, 3 warnings`, `all 58 manifests compliant`. */
function verdict(result: LintResult): string {
  const { errors, warnings, manifests } = result.summary;
  if (errors > 0) return plural(errors, 'blocking problem');
  if (warnings > 0) return `no blocking problems, ${plural(warnings, 'warning')}`;
  // `--changed` keeps only some findings: the rest of the registry may still have problems.
  if (problemsElsewhere(result) > 0) return 'no problems in the changed files';
  if (manifests === 0) return 'no manifests found';
  return manifests === 1 ? 'the 1 manifest is compliant' : `all ${manifests} manifests compliant`;
}

/** `2 errors, 1 warning and 1 waived finding in 3 of 58 manifests · as of 2026-11-24`. */
function totals(result: LintResult): string {
  const { errors, warnings, notices, manifests } = result.summary;
  const counts = [
    errors > 0 ? `**${plural(errors, 'error')}**` : '',
    warnings > 0 ? plural(warnings, 'warning') : '',
    notices > 0 ? plural(notices, 'waived finding') : '',
  ].filter(Boolean);
  const files = new Set(result.findings.map((f) => f.file)).size;
  const found = counts.length > 0 ? `${joinAnd(counts)} in ${files} of ${plural(manifests, 'manifest')}` : `${plural(manifests, 'manifest')} checked`;
  const elsewhere = problemsElsewhere(result);
  const rest = elsewhere > 0 ? `; ${plural(elsewhere, 'other manifest')} with problems ${elsewhere === 1 ? 'is' : 'are'} not reported here` : '';
  return `${found}${rest} · as of ${result.asOf}`;
}

/** Manifests that are not compliant although none of the reported findings is theirs. */
function problemsElsewhere(result: LintResult): number {
  const reported = new Set(result.findings.filter((f) => f.severity !== 'notice').map((f) => f.file));
  return result.manifests.filter((m) => !m.compliant && !reported.has(m.file)).length;
}

/** Consecutive findings of one file (they come sorted by file) as one group each. */
function groups(findings: readonly Finding[], manifests: ReadonlyMap<string, ManifestSummary>): Group[] {
  const result: Group[] = [];
  for (const finding of findings) {
    const last = result[result.length - 1];
    if (last?.file === finding.file) last.findings.push(finding);
    else result.push({ file: finding.file, manifest: manifests.get(finding.file), findings: [finding] });
  }
  return result;
}

/**
 * ❌ **`claims-triage`** · model · tier 3, declared 2 · pilot · `registry/models/claims-triage.yaml`
 * and a table of its findings.
 */
function groupBlock(group: Group, severity: Severity): string {
  const rows = group.findings.map((f) => [escapeTableCell(f.message), `line ${f.line}`, code(f.ruleId, { table: true })]);
  return [groupTitle(group, severity), '', markdownTable(['problem', 'where', 'rule'], rows)].join('\n');
}

function groupTitle({ file, manifest, findings }: Group, severity: Severity): string {
  const first = findings[0]!;
  const name = manifest?.name ?? first.name;
  const kind = manifest?.kind ?? first.kind;
  if (name === undefined) return `${ICON[severity]} ${code(file)}`;
  const facts = [kind?.toLowerCase(), manifest && tierText(manifest), manifest?.lifecycle].filter((fact): fact is string => Boolean(fact));
  return [`${ICON[severity]} **${code(name)}**`, ...facts.map(escapeInline), code(file)].join(' · ');
}

/** `tier 3, declared 2` when the registry derives more than the manifest declares. */
function tierText({ tier, derivedTier }: ManifestSummary): string | undefined {
  if (tier === undefined) return undefined;
  return derivedTier !== undefined && derivedTier > tier ? `tier ${derivedTier}, declared ${tier}` : `tier ${tier}`;
}

function details(summary: string, blocks: readonly string[], open: boolean): string {
  return [`<details${open ? ' open' : ''}><summary>${summary}</summary>`, ...blocks, '</details>'].join('\n\n');
}

/** Each shown rule's fix, once, folded: the messages say what to change, this says how in general. */
function howToFix(shown: readonly Group[]): string | undefined {
  const ids = [...new Set(shown.flatMap((g) => g.findings.map((f) => f.ruleId)))].sort(compareText);
  const items = ids.flatMap((id) => {
    const rule = RULES_BY_ID.get(id);
    return rule ? [`- ${code(id)} — ${escapeWithCode(rule.meta.fix)}`] : [];
  });
  return items.length > 0 ? details('How to fix', [items.join('\n')], false) : undefined;
}

/** The last line of a cut report: how many findings were left out, of which severity, and where they are. */
function cutLine(left: readonly Finding[], maxLength: number, hint: string): string {
  const bySeverity = [
    plural(left.filter((f) => f.severity === 'error').length, 'error'),
    plural(left.filter((f) => f.severity === 'warning').length, 'warning'),
    plural(left.filter((f) => f.severity === 'notice').length, 'waived finding'),
  ].filter((text) => !text.startsWith('0 '));
  return `✂️ ${plural(left.length, 'more finding')} (${bySeverity.join(', ')}) left out to keep this report under ${formatNumber(maxLength)} characters. ${hint}`;
}

function countFindings(groupsOfOneSeverity: readonly Group[]): number {
  return groupsOfOneSeverity.reduce((sum, g) => sum + g.findings.length, 0);
}

function manifestsByFile(result: LintResult): Map<string, ManifestSummary> {
  const byFile = new Map<string, ManifestSummary>();
  for (const manifest of result.manifests) if (!byFile.has(manifest.file)) byFile.set(manifest.file, manifest);
  return byFile;
}

function joinAnd(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
