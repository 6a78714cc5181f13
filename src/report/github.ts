import type { Finding, Severity } from '../model/finding.js';
import { visibleText } from '../util/visible.js';
import type { Formatter } from './format.js';

/**
 * GitHub workflow commands that annotate findings at their file and line:
 * `::error file=…,line=…,col=…,title=<ruleId>::message`; a waived finding is a `::notice`.
 * Messages quote manifests, so everything is escaped as @actions/core escapes it: a message
 * can never end its line and start a command of its own (`::set-output`, `::add-mask`, …), and
 * bidirectional and invisible characters are shown (`<U+202E>`), as GitHub would render them raw.
 */

export interface AnnotationLimits {
  error: number;
  warning: number;
  notice: number;
  total: number;
}

/** What GitHub shows: 10 error and 10 warning annotations per step, 50 per job. */
export const GITHUB_ANNOTATION_LIMITS: AnnotationLimits = { error: 10, warning: 10, notice: 10, total: 50 };

const UNLIMITED: AnnotationLimits = { error: Infinity, warning: Infinity, notice: Infinity, total: Infinity };
const ORDER: readonly Severity[] = ['error', 'warning', 'notice'];

/** Every finding, errors first: if the runner drops some, it drops the least severe. */
export const github: Formatter = (result) => {
  const { lines } = githubAnnotations(result.findings, UNLIMITED);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};

/**
 * The annotation lines for findings (in report order), errors first, then warnings, then
 * notices, within the limits; `omitted` counts the findings left out.
 */
export function githubAnnotations(
  findings: readonly Finding[],
  limits: AnnotationLimits = GITHUB_ANNOTATION_LIMITS,
): { lines: string[]; omitted: number } {
  const lines: string[] = [];
  for (const severity of ORDER) {
    const room = Math.min(limits[severity], limits.total - lines.length);
    if (room <= 0) continue;
    for (const finding of findings.filter((f) => f.severity === severity).slice(0, room)) lines.push(annotation(finding));
  }
  return { lines, omitted: findings.length - lines.length };
}

/** One workflow command for one finding. */
export function annotation(finding: Finding): string {
  const properties = [
    `file=${escapeProperty(visibleText(finding.file))}`,
    `line=${finding.line}`,
    `col=${finding.column}`,
    `title=${escapeProperty(finding.ruleId)}`,
  ].join(',');
  return `::${finding.severity} ${properties}::${escapeData(visibleText(finding.message))}`;
}

/** A command's message, as @actions/core's `escapeData`: no `%`, CR or LF survives unescaped. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A command's property value, as @actions/core's `escapeProperty`: also no `:` or `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
