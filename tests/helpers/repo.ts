import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A throw-away repository on disk, built from `{ 'registry/teams/a.yaml': '...' }`. */
export function makeRepo(files: Record<string, string | Buffer>): { root: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'ai-registry-test-'));
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  mkdirSync(join(root, 'registry'), { recursive: true });
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** The smallest compliant organisation: a team, a project, and a tier-1 idea. Rule tests add to it. */
export const BASE_FILES: Record<string, string> = {
  'registry/teams/ml-platform.yaml': `apiVersion: ai-registry/v1
kind: Team
metadata:
  name: ml-platform
spec:
  businessUnit: Operations
  contact: ml-platform@example.com
  members: [asmith, bjones]
`,
  'registry/teams/ai-governance.yaml': `apiVersion: ai-registry/v1
kind: Team
metadata:
  name: ai-governance
spec:
  businessUnit: Risk
  contact: ai-governance@example.com
  members: [cethics, drisk, ecoe]
  coe: true
`,
  'registry/projects/ops-automation.yaml': `apiVersion: ai-registry/v1
kind: Project
metadata:
  name: ops-automation
spec:
  owner: ml-platform
  sponsor: Jane Doe (COO)
`,
};
