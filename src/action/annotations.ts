import type { Finding } from '../model/finding.js';
import { githubAnnotations } from '../report/github.js';
import { plural } from '../report/format.js';

/**
 * The workflow commands that annotate findings at their file and line (errors first, within
 * GitHub's 10 errors and 10 warnings per step, 50 per job), then a note of how many more the
 * job summary holds.
 */
export function annotationLines(findings: readonly Finding[]): string[] {
  const { lines, omitted } = githubAnnotations(findings);
  if (omitted === 0) return lines;
  return [...lines, `ai-registry: ${plural(omitted, 'more finding')} not annotated (GitHub shows at most 10 errors and 10 warnings per step); the job summary lists every finding.`];
}
