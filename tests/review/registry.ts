import { loadRegistry } from '../../src/load/registry.js';
import type { Registry } from '../../src/model/registry.js';
import { BASE_FILES, makeRepo } from '../helpers/repo.js';

const cleanups: (() => void)[] = [];

/**
 * The registry of BASE_FILES plus `files` ('' removes a base file), loaded from a throw-away
 * repository that stays until `removeRepositories()` (checklists read the documents).
 */
export async function registryOf(files: Record<string, string>): Promise<Registry> {
  const merged = Object.fromEntries(Object.entries({ ...BASE_FILES, ...files }).filter(([, content]) => content !== ''));
  const { root, cleanup } = makeRepo(merged);
  cleanups.push(cleanup);
  return (await loadRegistry(root, 'registry')).registry;
}

export function removeRepositories(): void {
  for (const cleanup of cleanups.splice(0)) cleanup();
}

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
