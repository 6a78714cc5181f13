import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** Teams on GitHub holding the tier-3 roles (`ai-ethics`: gharlow, amensah; `model-risk`: mokafor, hvogel). */
export const ROLE_TEAMS: Record<string, string> = {
  'registry/teams/ai-ethics.yaml': `apiVersion: ai-registry/v1
kind: Team
metadata:
  name: ai-ethics
spec:
  businessUnit: Risk
  contact: responsible-ai@example.com
  github: northwind/ai-ethics
  roles: [ai-ethics-lead]
  members: [gharlow, amensah]
`,
  'registry/teams/model-risk.yaml': `apiVersion: ai-registry/v1
kind: Team
metadata:
  name: model-risk
spec:
  businessUnit: Risk
  contact: model-risk@example.com
  github: northwind/model-risk
  roles: [risk-compliance]
  members: [mokafor, hvogel]
`,
};

/** Every file below `root` (not `.git/`), by `/`-separated relative path: a repository's tree as a commit would hold it. */
export function readTree(root: string, folder = ''): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
  for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
    const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
    if (entry.isDirectory() && entry.name !== '.git') Object.assign(files, readTree(root, path));
    else if (entry.isFile()) files[path] = readFileSync(join(root, path));
  }
  return files;
}
