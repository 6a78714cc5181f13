import type { Finding } from '../model/finding.js';
import type { Manifest } from '../model/manifest.js';
import type { Registry } from '../model/registry.js';
import { RULES_BY_ID } from '../rules/index.js';
import { waiverStateWith, type WaiverStatus } from './waiver-validity.js';

export type { WaiverProblem, WaiverState, WaiverStatus } from './waiver-validity.js';

type Waiver = Manifest<'Waiver'>;

/**
 * The state of a waiver on `asOf`: `live` (valid, approvedOn ≤ as-of ≤ expires), `pending`
 * (approvedOn after as-of), `expired`, or `invalid` (unknown or unwaivable rule, too long for
 * the target's tier, ends before it starts, unknown target). Only a live waiver waives anything.
 */
export function waiverStatus(waiver: Waiver, registry: Registry, asOf: string): WaiverStatus {
  return waiverStateWith(waiver, registry, asOf, RULES_BY_ID);
}

/** The live waiver of `ruleId` for a model, if any (the one running longest when several are). */
export function liveWaiverFor(registry: Registry, modelName: string, ruleId: string, asOf: string): Waiver | undefined {
  return chooseWaiver(liveWaivers(registry, asOf), modelName, ruleId);
}

/**
 * Turns every finding a live waiver covers into a notice that names the waiver: findings of
 * its rule (whatever their severity) about its target model. Returns new findings.
 */
export function applyWaivers(findings: readonly Finding[], registry: Registry, asOf: string): Finding[] {
  const live = liveWaivers(registry, asOf);
  if (live.length === 0) return [...findings];
  return findings.map((finding) => {
    if (finding.kind !== 'Model' || finding.name === undefined) return finding;
    const waiver = chooseWaiver(live, finding.name, finding.ruleId);
    if (!waiver) return finding;
    return {
      ...finding,
      severity: 'notice',
      waivedBy: waiver.name,
      message: `${finding.message} (waived by ${waiver.name} until ${waiver.spec.expires})`,
    };
  });
}

function liveWaivers(registry: Registry, asOf: string): Waiver[] {
  return registry.valid('Waiver').filter((waiver) => waiverStatus(waiver, registry, asOf).state === 'live');
}

function chooseWaiver(live: readonly Waiver[], modelName: string, ruleId: string): Waiver | undefined {
  let chosen: Waiver | undefined;
  for (const waiver of live) {
    if (waiver.spec.target !== modelName || waiver.spec.rule !== ruleId) continue;
    // Deterministic whatever the file order: the latest expiry, then the first name.
    if (!chosen || waiver.spec.expires > chosen.spec.expires || (waiver.spec.expires === chosen.spec.expires && waiver.name < chosen.name)) {
      chosen = waiver;
    }
  }
  return chosen;
}
