import { posix } from 'node:path';

/**
 * Where the policy lives (SPEC §2, §9): `policy.yaml` (or `.yml`) directly in the registry
 * folder, a path the CoE owns. A Policy manifest anywhere else is `policy-misplaced` and ignored,
 * so that no team can loosen the rules by committing a policy beside its own models.
 */

/** The two root-relative paths a policy file may have. */
export function policyFiles(registryDir: string): string[] {
  return ['policy.yaml', 'policy.yml'].map((name) => posix.join(registryDir, name));
}

export function isPolicyFile(file: string, registryDir: string): boolean {
  return policyFiles(registryDir).includes(file);
}
