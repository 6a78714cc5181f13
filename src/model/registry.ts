import { deriveTier, heldTier, type TierAssessment } from '../policy/tier.js';
import type { Policy } from '../policy/policy.js';
import type { Kind, Manifest, Tier } from './manifest.js';

export interface ModelTier extends TierAssessment {
  declared: Tier;
  /** The higher of declared and derived: the tier whose requirements apply. */
  held: Tier;
}

/**
 * Every manifest of a run, indexed by kind and name. The first manifest of a name (by file
 * order) is the one references resolve to; later ones are `duplicate-name` findings.
 */
export class Registry {
  readonly manifests: readonly Manifest[];
  private readonly byKind = new Map<Kind, Map<string, Manifest>>();
  private readonly tiers = new WeakMap<Manifest<'Model'>, ModelTier>();

  constructor(
    /** Absolute, symlink-resolved repository root. */
    readonly root: string,
    /** Repo-relative registry folder. */
    readonly registryDir: string,
    manifests: readonly Manifest[],
    readonly policy: Policy,
  ) {
    this.manifests = manifests;
    for (const manifest of manifests) {
      let names = this.byKind.get(manifest.kind);
      if (!names) this.byKind.set(manifest.kind, (names = new Map()));
      if (!names.has(manifest.name)) names.set(manifest.name, manifest);
    }
  }

  get<K extends Kind>(kind: K, name: string): Manifest<K> | undefined {
    return this.byKind.get(kind)?.get(name) as Manifest<K> | undefined;
  }

  has(kind: Kind, name: string): boolean {
    return this.byKind.get(kind)?.has(name) ?? false;
  }

  names(kind: Kind): string[] {
    return [...(this.byKind.get(kind)?.keys() ?? [])];
  }

  /** Every manifest of a kind, in file order, duplicates included. */
  all<K extends Kind>(kind: K): Manifest<K>[] {
    return this.manifests.filter((m): m is Manifest<K> => m.kind === kind);
  }

  /** Every schema-valid manifest of a kind: the ones governance rules check. */
  valid<K extends Kind>(kind: K): Manifest<K>[] {
    return this.all(kind).filter((m) => m.valid);
  }

  /** The declared, derived and held tier of a schema-valid model, computed once. */
  tierOf(model: Manifest<'Model'>): ModelTier {
    let tier = this.tiers.get(model);
    if (!tier) {
      const assessment = deriveTier(model.spec.risk);
      tier = { ...assessment, declared: model.spec.tier, held: heldTier(model.spec.tier, assessment) };
      this.tiers.set(model, tier);
    }
    return tier;
  }
}
