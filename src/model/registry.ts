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
  /**
   * One assessment per distinct set of answers, shared by every model giving them: a few dozen
   * objects where one per model was 50 MB at 100,000 models. Shared, so never to be changed.
   */
  private readonly tiers = new Map<string, Readonly<ModelTier>>();
  private readonly tierOfModel = new WeakMap<Manifest<'Model'>, Readonly<ModelTier>>();

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
  tierOf(model: Manifest<'Model'>): Readonly<ModelTier> {
    let tier = this.tierOfModel.get(model);
    if (!tier) this.tierOfModel.set(model, (tier = this.assess(model)));
    return tier;
  }

  private assess(model: Manifest<'Model'>): Readonly<ModelTier> {
    const { spec } = model;
    const { risk } = spec;
    // Every input of deriveTier and heldTier (JSON: no free-text answer can pass for another).
    const key = JSON.stringify([spec.tier, risk.decisions, risk.regulatedDomain, risk.significantImpact, risk.audience, risk.personalData]);
    let tier = this.tiers.get(key);
    if (!tier) {
      const assessment = deriveTier(risk);
      tier = Object.freeze({ ...assessment, declared: spec.tier, held: heldTier(spec.tier, assessment) });
      this.tiers.set(key, tier);
    }
    return tier;
  }
}
