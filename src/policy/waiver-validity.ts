import type { Manifest, YamlPath } from '../model/manifest.js';
import type { Registry } from '../model/registry.js';
import { plural } from '../report/format.js';
import type { Rule } from '../rules/rule.js';
import { addDays, daysBetween } from '../util/dates.js';
import { closest } from '../util/suggest.js';

/**
 * Whether a waiver is live, given the rule catalogue. The catalogue is a parameter so that the
 * waiver rules, themselves in the catalogue, never import it (an import cycle through
 * src/rules/index.ts breaks whichever module loads first). Everything else uses
 * `waiverStatus` from ./waivers.ts, which supplies the full catalogue.
 */

type Waiver = Manifest<'Waiver'>;
export type RuleCatalogue = ReadonlyMap<string, Rule>;

export type WaiverState = 'live' | 'pending' | 'expired' | 'invalid';

export interface WaiverStatus {
  /** `live`: valid and approvedOn ≤ as-of ≤ expires; only a live waiver waives anything. */
  state: WaiverState;
  /** Why it is not live, for people. */
  reason?: string;
}

/** A problem that makes a waiver `waiver-invalid`, at the field at fault. */
export interface WaiverProblem {
  path: YamlPath;
  message: string;
}

/**
 * What is wrong with a waiver itself: a rule that does not exist or cannot be waived, an end
 * before its start, or a term longer than the target's held tier allows. An unknown target is
 * `unknown-reference`'s business, not a problem here.
 */
export function waiverProblems(waiver: Waiver, registry: Registry, rules: RuleCatalogue): WaiverProblem[] {
  const { rule: ruleId, target, approvedOn, expires } = waiver.spec;
  const problems: WaiverProblem[] = [];
  const rule = rules.get(ruleId);
  if (!rule) {
    const hint = closest(ruleId, rules.keys());
    problems.push({
      path: ['spec', 'rule'],
      message: `rule "${ruleId}" does not exist${hint ? ` (did you mean "${hint}"?)` : ''}, so the waiver waives nothing: name the rule id of the findings to waive`,
    });
  } else if (!rule.meta.waivable) {
    problems.push({ path: ['spec', 'rule'], message: `rule ${ruleId} cannot be waived, so the waiver waives nothing: fix its findings instead` });
  }
  const days = daysBetween(approvedOn, expires);
  if (days < 0) {
    problems.push({ path: ['spec', 'expires'], message: `expires ${expires} is before approvedOn ${approvedOn}, so the waiver waives nothing` });
  } else {
    const model = registry.get('Model', target);
    if (model?.valid) {
      const tier = registry.tierOf(model).held;
      const maxDays = registry.policy.tiers[tier].maxWaiverDays;
      if (days > maxDays) {
        problems.push({
          path: ['spec', 'expires'],
          message: `waiver runs ${days} days (${approvedOn} to ${expires}), longer than the ${plural(maxDays, 'day')} tier ${tier} allows for ${target}, so it waives nothing: set expires to ${addDays(approvedOn, maxDays)} at the latest`,
        });
      }
    }
  }
  return problems;
}

/** The state of a waiver on `asOf`. Expiry comes first: an expired waiver is dead whatever else is wrong. */
export function waiverStateWith(waiver: Waiver, registry: Registry, asOf: string, rules: RuleCatalogue): WaiverStatus {
  if (!waiver.valid) return { state: 'invalid', reason: 'the waiver does not pass its schema' };
  const { target, approvedOn, expires } = waiver.spec;
  if (asOf > expires) return { state: 'expired', reason: `expired on ${expires}` };
  const problems = waiverProblems(waiver, registry, rules);
  if (problems.length > 0) return { state: 'invalid', reason: problems.map((p) => p.message).join('; ') };
  if (!registry.has('Model', target)) return { state: 'invalid', reason: `target "${target}" is not a Model in the registry` };
  if (approvedOn > asOf) return { state: 'pending', reason: `live from ${approvedOn}` };
  return { state: 'live' };
}
