import type { Finding } from '../model/finding.js';
import type { Manifest } from '../model/manifest.js';
import type { Registry } from '../model/registry.js';

/**
 * What the dashboard and the inventory both read from a registry: a model's business unit,
 * findings by file, and the one sort order of names. Manifests may be schema-invalid here, so
 * fields are read defensively.
 */

/** How the models whose project and teams name no business unit are grouped (shown in italics). */
export const NO_BUSINESS_UNIT = 'No business unit';

/**
 * The model's business unit: its project's `businessUnit`, else the project owner team's
 * (SPEC: a project defaults to its owner's), else the model owner team's.
 */
export function businessUnitOf(registry: Registry, model: Manifest<'Model'>): string | undefined {
  const spec = asRecord(model.spec);
  const project = registry.get('Project', stringField(spec, 'project') ?? '');
  const projectSpec = asRecord(project?.spec);
  return stringField(projectSpec, 'businessUnit') ?? teamUnit(registry, stringField(projectSpec, 'owner')) ?? teamUnit(registry, stringField(spec, 'owner'));
}

function teamUnit(registry: Registry, team: string | undefined): string | undefined {
  return team === undefined ? undefined : stringField(asRecord(registry.get('Team', team)?.spec), 'businessUnit');
}

/** A manifest field that may hold anything (schema-invalid manifests), as a record. */
export function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** A non-blank string field, trimmed (so `Claims ` and `Claims` are one business unit). */
export function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The schema-valid manifests of a kind, the first of each name (the one references resolve to). */
export function firstOfEachName<K extends 'Model' | 'Project' | 'Waiver' | 'Metrics'>(registry: Registry, kind: K): Manifest<K>[] {
  const seen = new Set<string>();
  return registry.valid(kind).filter((m) => !seen.has(m.name) && (seen.add(m.name), true));
}

/** Findings grouped by file, in one pass. */
export function groupFindingsByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = byFile.get(finding.file);
    if (group) group.push(finding);
    else byFile.set(finding.file, [finding]);
  }
  return byFile;
}

/** Unwaived errors and warnings among a file's findings. */
export function countProblems(findings: readonly Finding[] | undefined): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const finding of findings ?? []) {
    if (finding.severity === 'error') errors++;
    else if (finding.severity === 'warning') warnings++;
  }
  return { errors, warnings };
}

/** Orders names as people expect (case-insensitive), ties broken by code unit so it is total. */
export function compareText(a: string, b: string): number {
  return compareFolded(a.toLowerCase(), a, b.toLowerCase(), b);
}

function compareFolded(foldedA: string, a: string, foldedB: string, b: string): number {
  if (foldedA !== foldedB) return foldedA < foldedB ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorted by a text key in `compareText` order, each key lower-cased once (thousands of models). */
export function sortByText<T>(items: readonly T[], key: (item: T) => string): T[] {
  return items
    .map((item) => {
      const text = key(item);
      return { item, text, folded: text.toLowerCase() };
    })
    .sort((a, b) => compareFolded(a.folded, a.text, b.folded, b.text))
    .map(({ item }) => item);
}

/** Business units sorted by name, the unassigned group last. */
export function compareBusinessUnits(a: string | undefined, b: string | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  return compareText(a, b);
}
