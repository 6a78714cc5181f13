import type { Stage } from '../../src/model/manifest.js';

/** Risk profiles whose derived tier is 1, 2 or 3 without personal data (no data sheet, no impact assessment). */
export const RISK = {
  tier1: '{ audience: internal, decisions: non-critical, personalData: none, regulatedDomain: none, significantImpact: false }',
  tier2: '{ audience: customer-facing, decisions: non-critical, personalData: none, regulatedDomain: none, significantImpact: false }',
  tier3: '{ audience: internal, decisions: autonomous, personalData: none, regulatedDomain: none, significantImpact: false }',
} as const;

export interface ModelOptions {
  lifecycle?: Stage;
  tier?: 1 | 2 | 3;
  /** A flow mapping for `spec.risk`; defaults to the profile of the declared tier. */
  risk?: string;
  /** More `spec` lines, indented by two spaces; the first of them is line 12. */
  extra?: string;
}

/**
 * A Model of project ops-automation owned by ml-platform, at fixed lines: `spec:` line 5,
 * `tier:` line 10 (value at column 9), `risk:` line 11, `extra` from line 12.
 */
export function modelYaml(name: string, options: ModelOptions = {}): string {
  const tier = options.tier ?? 1;
  return `apiVersion: ai-registry/v1
kind: Model
metadata:
  name: ${name}
spec:
  project: ops-automation
  owner: ml-platform
  type: llm
  lifecycle: ${options.lifecycle ?? 'idea'}
  tier: ${tier}
  risk: ${options.risk ?? RISK[`tier${tier}`]}
${options.extra ?? ''}`;
}

/** A Waiver of `rule` for `target`, `spec:` on line 5, `rule:` line 6, `approvedOn:` line 10, `expires:` line 11 (values at column 15 / 12). */
export function waiverYaml(name: string, rule: string, target: string, approvedOn: string, expires: string): string {
  return `apiVersion: ai-registry/v1
kind: Waiver
metadata:
  name: ${name}
spec:
  rule: ${rule}
  target: ${target}
  justification: Agreed at the CoE forum; compensating controls in place.
  approvedBy: ecoe
  approvedOn: ${approvedOn}
  expires: ${expires}
`;
}
