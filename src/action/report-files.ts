import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LintResult } from '../engine.js';
import { json } from '../report/json.js';
import { writeFileAtomic } from '../util/write.js';

/**
 * Writes the JSON report (the CLI's `--format json`) into a folder of its own under RUNNER_TEMP
 * (else the OS temp folder), so two steps of one job never overwrite each other's report.
 */
export function writeJsonReport(result: LintResult, env: NodeJS.ProcessEnv): string {
  const folder = mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), 'ai-registry-'));
  const path = join(folder, 'report.json');
  writeFileAtomic(path, json(result, { color: false }));
  return path;
}
