import { appendFileSync } from 'node:fs';

/**
 * Appends markdown to the step's job summary (the file at GITHUB_STEP_SUMMARY). Returns false when
 * there is none (a local run), so the caller can say so instead of failing.
 */
export function appendJobSummary(markdown: string, env: NodeJS.ProcessEnv): boolean {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return false;
  appendFileSync(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`);
  return true;
}
