import type { Manifest } from '../model/manifest.js';
import type { Registry } from '../model/registry.js';

/**
 * Who holds an approval role (SPEC §8): the teams that list it in `spec.roles`. Until some team
 * declares roles, role checks do not apply, so a registry written before roles existed keeps working.
 */

/** True once any schema-valid team declares a non-empty `spec.roles`. */
export function rolesDeclared(registry: Registry): boolean {
  return registry.valid('Team').some((team) => (team.spec.roles?.length ?? 0) > 0);
}

/**
 * Every role some team holds, sorted. Read even from schema-invalid teams, so a typo elsewhere in
 * a team is its one finding, not also a finding on every approval that names its roles.
 */
export function heldRoles(registry: Registry): string[] {
  const roles = new Set<string>();
  for (const team of registry.all('Team')) {
    const declared: unknown = team.spec?.roles;
    if (!Array.isArray(declared)) continue;
    for (const role of declared) if (typeof role === 'string') roles.add(role);
  }
  return [...roles].sort();
}

/** The schema-valid teams holding `role`, by name. */
export function teamsHolding(registry: Registry, role: string): Manifest<'Team'>[] {
  return registry
    .valid('Team')
    .filter((team) => team.spec.roles?.includes(role))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
