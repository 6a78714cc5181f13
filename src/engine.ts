import { compareFindings, type Finding, type Severity } from './model/finding.js';
import type { Manifest, Stage, Tier } from './model/manifest.js';
import type { Registry } from './model/registry.js';
import { loadRegistry, type LoadedRegistry } from './load/registry.js';
import { applyWaivers } from './policy/waivers.js';
import { RULES, RULES_BY_ID } from './rules/index.js';
import type { ReportOptions, Rule, RuleContext } from './rules/rule.js';
import type { PullRequestReview } from './review/approvals.js';

export interface ManifestSummary {
  kind: string;
  name: string;
  file: string;
  tier?: Tier;
  derivedTier?: Tier;
  lifecycle?: Stage;
  /** No unwaived error or warning in the manifest's file. */
  compliant: boolean;
}

export interface Summary {
  manifests: number;
  errors: number;
  warnings: number;
  notices: number;
}

export interface LintResult {
  asOf: string;
  summary: Summary;
  findings: Finding[];
  manifests: ManifestSummary[];
  registry: Registry;
}

export interface LintOptions {
  root: string;
  registryDir?: string;
  asOf: string;
}

/** Loads the registry and checks it: the whole lint, as the CLI and the Action run it. */
export async function lint(options: LintOptions): Promise<LintResult> {
  const loaded = await loadRegistry(options.root, options.registryDir ?? 'registry');
  return checkRegistry(loaded, options.asOf);
}

export interface CheckOptions {
  /** On a pull request (the Action): what the rules about the PR's reviews need. */
  pullRequest?: PullRequestReview;
}

/** Runs every rule over a loaded registry. Pure apart from the documents rules read. */
export function checkRegistry(loaded: LoadedRegistry, asOf: string, rules: readonly Rule[] = RULES, options: CheckOptions = {}): LintResult {
  const { registry } = loaded;
  const findings: Finding[] = [...loaded.findings];
  for (const rule of rules) {
    if (!rule.check) continue;
    const context = createContext(registry, asOf, rule, findings, options.pullRequest);
    try {
      rule.check(context);
    } catch (error) {
      // A bug in one rule must not hide the others' findings.
      findings.push({
        ruleId: 'internal-error',
        severity: 'error',
        message: `rule ${rule.meta.id} failed: ${error instanceof Error ? error.message : String(error)}; please report this`,
        file: registry.registryDir,
        line: 1,
        column: 1,
      });
    }
  }
  // Live waivers turn the findings they cover into notices; invalid, pending or expired ones waive nothing.
  const reported = applyWaivers(findings, registry, asOf).sort(compareFindings);
  return {
    asOf,
    summary: summarize(reported, loaded.files),
    findings: reported,
    manifests: summarizeManifests(registry, reported),
    registry,
  };
}

function createContext(registry: Registry, asOf: string, rule: Rule, sink: Finding[], pullRequest: PullRequestReview | undefined): RuleContext {
  return {
    registry,
    asOf,
    rules: RULES_BY_ID,
    ...(pullRequest ? { pullRequest } : {}),
    report(manifest: Manifest, path, message, options: ReportOptions = {}) {
      const severity = options.severity ?? (rule.meta.severity === 'tier' ? undefined : rule.meta.severity);
      if (!severity) throw new Error(`rule ${rule.meta.id} reported without the tier's severity`);
      const position = options.position ?? manifest.locate(path, options.target);
      sink.push({
        ruleId: rule.meta.id,
        severity,
        message,
        file: manifest.file,
        line: position.line,
        column: position.column,
        kind: manifest.kind,
        name: manifest.name,
        ...(options.document ? { document: options.document } : {}),
      });
    },
  };
}

export function summarize(findings: readonly Finding[], manifests: number): Summary {
  const count = (severity: Severity) => findings.filter((f) => f.severity === severity).length;
  return { manifests, errors: count('error'), warnings: count('warning'), notices: count('notice') };
}

function summarizeManifests(registry: Registry, findings: readonly Finding[]): ManifestSummary[] {
  const failing = new Set(findings.filter((f) => f.severity !== 'notice').map((f) => f.file));
  return registry.manifests.map((manifest) => {
    const summary: ManifestSummary = { kind: manifest.kind, name: manifest.name, file: manifest.file, compliant: !failing.has(manifest.file) };
    if (manifest.kind === 'Model' && manifest.valid) {
      const model = manifest as Manifest<'Model'>;
      const tier = registry.tierOf(model);
      summary.tier = tier.declared;
      summary.derivedTier = tier.derived;
      summary.lifecycle = model.spec.lifecycle;
    }
    return summary;
  });
}

/**
 * `--changed`: only the findings in the named files or about a document among them; the
 * counts then cover only what is reported. The files are root-relative and normal, as findings
 * name them (the CLI's `changedPaths`, the Action's `rootRelative`): any other spelling matches nothing.
 */
export function onlyChanged(result: LintResult, changedFiles: readonly string[]): LintResult {
  const changed = new Set(changedFiles);
  const findings = result.findings.filter((f) => changed.has(f.file) || (f.document !== undefined && changed.has(f.document)));
  return { ...result, findings, summary: summarize(findings, result.summary.manifests) };
}
