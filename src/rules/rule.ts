import type { Citation } from '../model/citation.js';
import type { Position, Severity } from '../model/finding.js';
import type { LocateTarget, Manifest, YamlPath } from '../model/manifest.js';
import type { Registry } from '../model/registry.js';
import type { PullRequestReview } from '../review/approvals.js';

/** `tier`: the severity of the model's tier enforcement (a warning before `effectiveFrom`). */
export type RuleSeverity = 'error' | 'warning' | 'tier';

export interface RuleMeta {
  /** Stable id; never changes meaning. */
  id: string;
  /** One line: what the rule checks. */
  description: string;
  /** How to fix a finding of this rule. */
  fix: string;
  severity: RuleSeverity;
  /** Whether a Waiver may turn its findings into notices. */
  waivable: boolean;
  /** The framework clauses the rule implements. */
  references: readonly Citation[];
}

export interface ReportOptions {
  /** Which part of the node at `path` the finding points at (default: `node`). */
  target?: LocateTarget;
  /** Required for `tier` rules: the model's enforcement, from `ctx.enforcement()`. */
  severity?: Exclude<Severity, 'notice'>;
  /** The document the finding is about, so `--changed` on it reports the finding. */
  document?: string;
  /** An explicit position, for findings not about a YAML node. */
  position?: Position;
}

export interface RuleContext {
  readonly registry: Registry;
  /** The as-of date, `YYYY-MM-DD`, for every date-dependent check. */
  readonly asOf: string;
  /** Every rule by id, whether it runs or not: for the rules about waivers, which name rules. */
  readonly rules: ReadonlyMap<string, Rule>;
  /** On a pull request (the Action): its author, reviews and new approvals; absent in CLI runs. */
  readonly pullRequest?: PullRequestReview;
  report(manifest: Manifest, path: YamlPath, message: string, options?: ReportOptions): void;
}

/**
 * A rule: metadata, and a check that reports findings through the context. Rules never print
 * and never throw for bad input. Load-phase rules (`yaml-syntax`, `file-invalid`, `schema`)
 * have no check: the loader reports them.
 */
export interface Rule {
  meta: RuleMeta;
  check?(context: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
