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

export { ROLE_TEAMS } from '../helpers/repo.js';
