import { citationText } from '../model/citation.js';
import type { Finding, Severity } from '../model/finding.js';
import { RULES } from '../rules/index.js';
import type { RuleMeta } from '../rules/rule.js';
import { escapeInvisibleInJson, visibleText } from '../util/visible.js';
import { VERSION } from '../version.js';
import type { Formatter } from './format.js';

/**
 * SARIF 2.1.0 for code scanning: one run, one reporting descriptor per rule with its help and
 * framework references, one result per finding. Deterministic: no timestamps, no absolute
 * paths; locations are relative to `%SRCROOT%`, the repository root.
 */

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SARIF_VERSION = '2.1.0';
const INFORMATION_URI = 'https://github.com/ai-registry/ai-registry';
const SRCROOT = '%SRCROOT%';

export type SarifLevel = 'error' | 'warning' | 'note';

export interface SarifText {
  text: string;
}

export interface SarifReportingDescriptor {
  id: string;
  name: string;
  shortDescription: SarifText;
  fullDescription: SarifText;
  help: { text: string; markdown: string };
  defaultConfiguration: { level: SarifLevel };
  properties: { tags: string[] };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: SarifText;
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId: string };
      region: { startLine: number; startColumn: number };
    };
  }[];
  suppressions?: { kind: 'external'; justification: string }[];
}

export interface SarifLog {
  $schema: string;
  version: typeof SARIF_VERSION;
  runs: [
    {
      tool: { driver: { name: string; informationUri: string; version: string; rules: SarifReportingDescriptor[] } };
      originalUriBaseIds: Record<string, { description: SarifText }>;
      columnKind: 'utf16CodeUnits';
      results: SarifResult[];
    },
  ];
}

/** Findings that no Rule reports, described here so that each still has its descriptor. */
const ENGINE_RULES: Record<string, Omit<RuleMeta, 'id'>> = {
  'internal-error': {
    description: 'A rule failed while checking the registry: a bug in ai-registry, not a problem in the registry.',
    fix: "Report it to ai-registry's maintainers with the message; every other rule's findings are still complete.",
    severity: 'error',
    waivable: false,
    references: [],
  },
};

const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', notice: 'note' };

// Message text is shown by code scanning: invisible characters visible there; none raw in the file.
export const sarif: Formatter = (result) => `${escapeInvisibleInJson(JSON.stringify(sarifLog(result.findings), null, 2))}\n`;

/** The SARIF log for a list of findings (already in report order). */
export function sarifLog(findings: readonly Finding[]): SarifLog {
  const rules = ruleDescriptors(findings);
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  return {
    $schema: SARIF_SCHEMA,
    version: SARIF_VERSION,
    runs: [
      {
        tool: { driver: { name: 'ai-registry', informationUri: INFORMATION_URI, version: VERSION, rules } },
        originalUriBaseIds: { [SRCROOT]: { description: { text: 'The root of the repository that holds the registry.' } } },
        // YAML positions count UTF-16 code units, as JavaScript strings do.
        columnKind: 'utf16CodeUnits',
        results: findings.map((finding) => toResult(finding, index.get(finding.ruleId)!)),
      },
    ],
  };
}

/** Every rule of RULES, and a descriptor for each other rule id among the findings; sorted by id. */
function ruleDescriptors(findings: readonly Finding[]): SarifReportingDescriptor[] {
  const metas = new Map<string, RuleMeta>(RULES.map((rule) => [rule.meta.id, rule.meta]));
  for (const finding of findings) {
    if (metas.has(finding.ruleId)) continue;
    metas.set(finding.ruleId, { id: finding.ruleId, ...(ENGINE_RULES[finding.ruleId] ?? unknownRule(finding.ruleId, findings)) });
  }
  return [...metas.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(descriptor);
}

/** A rule id nobody describes (reported by a newer part of the tool): still a valid descriptor. */
function unknownRule(id: string, findings: readonly Finding[]): Omit<RuleMeta, 'id'> {
  return {
    description: `Findings reported as ${id}.`,
    fix: 'Follow the message of each finding.',
    severity: findings.some((f) => f.ruleId === id && f.severity === 'error') ? 'error' : 'warning',
    waivable: false,
    references: [],
  };
}

function descriptor(meta: RuleMeta): SarifReportingDescriptor {
  const severity =
    meta.severity === 'tier'
      ? "Its severity is the model's tier enforcement (a warning before a requirement's effectiveFrom date)."
      : `Always ${meta.severity === 'error' ? 'an error' : 'a warning'}.`;
  const waivable = meta.waivable ? 'A live Waiver turns its findings into notices.' : 'It cannot be waived.';
  const references = meta.references;
  return {
    id: meta.id,
    name: pascalCase(meta.id),
    shortDescription: { text: meta.description },
    fullDescription: { text: `${meta.description} ${severity} ${waivable}` },
    help: {
      text: references.length > 0 ? `${meta.fix}\n\nReferences: ${references.map((c) => citationText(c)).join(' · ')}` : meta.fix,
      markdown: references.length > 0 ? `${meta.fix}\n\n**References:** ${references.map((c) => citationText(c, true)).join(' · ')}` : meta.fix,
    },
    // `tier` rules are errors only where the tier enforces them: warning is their floor.
    defaultConfiguration: { level: meta.severity === 'error' ? 'error' : 'warning' },
    properties: { tags: [...new Set(references.map((c) => c.framework))].sort() },
  };
}

function toResult(finding: Finding, ruleIndex: number): SarifResult {
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: visibleText(finding.message) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: relativeUri(finding.file), uriBaseId: SRCROOT },
          region: { startLine: Math.max(1, finding.line), startColumn: Math.max(1, finding.column) },
        },
      },
    ],
    ...(finding.waivedBy !== undefined ? { suppressions: [{ kind: 'external' as const, justification: `waived by ${finding.waivedBy}` }] } : {}),
  };
}

/** `tier-underdeclared` → `TierUnderdeclared`. */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/** A repo-relative path as a relative URI reference: each segment percent-encoded (spaces, `#`, `?`). */
function relativeUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}
