/** A 1-based position in a source file. */
export interface Position {
  line: number;
  column: number;
}

/** `notice` is a finding turned harmless by a live waiver; it is still reported. */
export type Severity = 'error' | 'warning' | 'notice';

/** One problem, always at an exact 1-based position in a repo-relative file. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Repo-relative, `/`-separated path. */
  file: string;
  line: number;
  column: number;
  /** The manifest the finding is about, when it is about one. */
  kind?: string;
  name?: string;
  /** The waiver that turned this finding into a notice. */
  waivedBy?: string;
  /** The repo-relative document the finding is about, so `--changed` on that document reports it. */
  document?: string;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/** The one ordering every report uses: by file, position, rule, then message. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}
