import { Document, isMap, isScalar, isSeq, type Node } from 'yaml';
import { DEFAULT_POLICY_SPEC } from '../policy/policy.js';
import { DASHBOARD_END, DASHBOARD_START } from '../render/markers.js';

/**
 * What `ai-registry init` writes, as strings: the bundle must stand alone, so no template is read
 * from disk. The example is one product team with one tier-2 model in pilot that meets every
 * requirement of its tier and stage; its documents are worked examples with guidance, written so
 * that none of the default placeholder patterns (TODO, TBD, lorem ipsum, angle-bracket prompts)
 * appears in them.
 */

export const EXAMPLE = {
  team: 'data-science',
  project: 'demand-planning',
  model: 'demand-forecast',
  /** A member of the owning team, and the CoE reviewer who approves (four-eyes: not a member). */
  member: 'amara-okafor',
  approver: 'jordan-reyes',
} as const;

export interface ExampleDates {
  ideated: string;
  experimentStarted: string;
  pilotStarted: string;
  approved: string;
  reviewed: string;
}

export function teamManifest(): string {
  return `apiVersion: ai-registry/v1
kind: Team
metadata:
  name: ${EXAMPLE.team}   # the team's id: equal to the file name
  title: Data Science
spec:
  businessUnit: Operations
  contact: data-science@example.com
  # GitHub handles (or emails). Members cannot approve their own team's models (four-eyes).
  members: [${EXAMPLE.member}, li-wei]
  # github: your-org/data-science   # the GitHub team, for review routing and CODEOWNERS

# The CoE's own team is a Team like this one, in its own file (registry/teams/ai-coe.yaml), with
#   spec:
#     coe: true
#     github: your-org/ai-coe
#     roles: [ai-coe]                 # the approval roles it holds (tier 2 needs ai-coe)
#     members: [${EXAMPLE.approver}]
# Once any team declares roles, every approval's role must be held by some team.
`;
}

export function projectManifest(): string {
  return `apiVersion: ai-registry/v1
kind: Project
metadata:
  name: ${EXAMPLE.project}
  title: Contact-centre demand planning
  description: Forecast contact volumes so the workforce team can plan shifts ahead.
spec:
  owner: ${EXAMPLE.team}
  sponsor: Head of Customer Operations   # the executive sponsor
  value:
    annualSavingsUsd: 250000              # estimated business impact, shown on the dashboard
`;
}

export function modelManifest(dates: ExampleDates, documents: { modelCard: string; incidentResponse: string }): string {
  return `apiVersion: ai-registry/v1
kind: Model
metadata:
  name: ${EXAMPLE.model}
  title: Contact-centre demand forecast
  description: >-
    Forecasts weekly inbound call volume eight weeks ahead; workforce planners use it to set shifts.
spec:
  project: ${EXAMPLE.project}
  owner: ${EXAMPLE.team}
  type: classical-ml
  lifecycle: pilot                 # idea, experiment, pilot, production, retired
  tier: 2                          # declared tier; never below the tier the risk profile derives
  risk:                            # the risk profile sets the minimum tier
    audience: internal             # internal, customer-facing, public
    decisions: influences          # people act on its output: tier 2
    personalData: none             # none, pii, sensitive
    regulatedDomain: none
    significantImpact: false
  documentation:                   # repository-relative paths; each needs its required headings
    modelCard: ${documents.modelCard}
    incidentResponse: ${documents.incidentResponse}   # due from production
  approvals:                       # tier 2 needs ai-coe from pilot, from outside the owning team
    - { role: ai-coe, approver: ${EXAMPLE.approver}, date: ${dates.approved} }
  review:
    lastReviewed: ${dates.reviewed}       # tier 2: a governance review every 365 days from pilot
  monitoring:                      # due from production: metrics and an alert contact
    metrics: [weekly-forecast-error, forecast-bias]
    alertContact: data-science-oncall@example.com
  incidentContact: data-science-oncall@example.com
  dates:
    ideated: ${dates.ideated}
    experimentStarted: ${dates.experimentStarted}
    pilotStarted: ${dates.pilotStarted}
`;
}

export const MODEL_CARD = `# Model card: contact-centre demand forecast

> A worked example. Keep the headings (the policy requires them) and replace the text under each
> with your model's. \`ai-registry lint\` reports a required heading that is missing.

## Intended Use

Forecasts weekly inbound call volume per queue, eight weeks ahead. Workforce planners use the
forecast to draft shift patterns and review every plan before it is published.

Not for: decisions about individual employees or customers, or staffing without a planner's review.

## Training Data

Three years of weekly call counts per queue from the telephony platform, with public holidays and
marketing campaign dates. Aggregated counts only: no personal data.

## Evaluation

Back-tested on the last 26 weeks: mean absolute percentage error 6.8% across queues (the previous
spreadsheet method: 11.2%). Error is reported per queue, and for holiday weeks separately.

## Limitations

Accuracy drops in weeks with events absent from the history (outages, new products). Queues with
fewer than 200 calls a week are too noisy to forecast and are planned by hand.

## Ethical Considerations

The forecast informs staffing levels, which affect employees' shifts: planners keep the final say,
and shift rules agreed with employee representatives always take precedence over the forecast.
`;

export const INCIDENT_RESPONSE = `# Incident response: contact-centre demand forecast

> A worked example. Keep the headings and describe who acts, and how to fall back, when the model
> misbehaves.

## Contacts

- On call: data-science-oncall@example.com (first response within one working day)
- Business owner: the workforce planning lead in Customer Operations

## Rollback

Planners switch back to the previous spreadsheet forecast, which is kept up to date weekly, and
the data science team restores the last model version that passed its back-test.
`;

export function workflow(registryDir: string): string {
  const registryInput = registryDir === 'registry' ? '' : `\n          registry: ${registryDir}`;
  return `# Lints the AI registry on every pull request and push: findings on the changed lines, one
# comment on the pull request with what the change needs for its risk tier.
name: ai-registry

on:
  pull_request:
  push:
    branches: [main]

permissions:
  contents: read
  pull-requests: write

jobs:
  ai-registry:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
      - uses: ai-registry/ai-registry@v1
        with:
          github-token: \${{ secrets.GITHUB_TOKEN }}${registryInput}
          # mode: check   # also fail when README.md or INVENTORY.md is stale (run \`ai-registry render\`)
`;
}

/**
 * The dashboard's place in the README: the markers alone, since the rendered dashboard brings its
 * own "## AI portfolio" heading. `ai-registry render` fills it in.
 */
export const README_SECTION = `${DASHBOARD_START}
${DASHBOARD_END}
`;

export function readme(title: string): string {
  return `# ${title}

The AI inventory of this organisation, kept as code in \`registry/\`. Register a model by pull
request; \`ai-registry lint\` checks it, and \`ai-registry render\` updates the portfolio below.

${README_SECTION}`;
}

/** Explanations of each policy knob, placed above its first occurrence. */
const POLICY_COMMENTS: [path: (string | number)[], comment: string][] = [
  [['spec', 'tiers'], `Requirements by risk tier. A stage (idea, experiment, pilot, production) is the
lifecycle stage from which a requirement applies; "off" switches it off;
{ from: pilot, effectiveFrom: 2027-01-01 } announces it: its findings are warnings until that date.`],
  [['spec', 'tiers', 'tier1'], 'Tier 1, self-service: internal, non-critical, no personal data. Never blocked by paperwork.'],
  [['spec', 'tiers', 'tier1', 'enforcement'], 'error: unmet requirements fail CI; warning: reported without failing.'],
  [['spec', 'tiers', 'tier1', 'maxWaiverDays'], 'The longest a waiver may run for a model of this tier (expires minus approvedOn).'],
  [['spec', 'tiers', 'tier1', 'documents'], `Document kind: the stage from which spec.documentation must name a filled-in file.
dataSheet applies only with personal data; impactAssessment only with personal data or
significantImpact.`],
  [['spec', 'tiers', 'tier2'], 'Tier 2, light review: customer-facing, influences decisions, or personal data.'],
  [['spec', 'tiers', 'tier2', 'reviewIntervalDays'], 'Days between governance reviews (spec.review.lastReviewed), due from pilot.'],
  [['spec', 'tiers', 'tier2', 'approvals'], `Roles whose approval (spec.approvals) is needed from this stage; an approver must not be
a member of the owning team.`],
  [['spec', 'tiers', 'tier2', 'monitoring'], 'The stage from which spec.monitoring needs metrics and an alertContact.'],
  [['spec', 'tiers', 'tier3'], `Tier 3, full review: autonomous decisions, a regulated domain, or significant impact on people
(EU AI Act high-risk, OMB M-25-21 high-impact). Enforced as errors.`],
  [['spec', 'headings'], 'The headings each document must contain (any heading level, case-insensitive).'],
  [['spec', 'placeholders'], `Case-insensitive regular expressions in RE2 syntax (no lookahead or lookbehind, no
backreferences): a required document containing one is not filled in.`],
  [['spec', 'staleExperimentDays'], 'An idea or experiment with no recorded progress for this many days is flagged (warning).'],
];

/**
 * The built-in defaults written out as a policy file, with a comment on each knob. Generated from
 * DEFAULT_POLICY_SPEC so the file and the defaults can never disagree.
 */
export function policyManifest(): string {
  const doc = new Document({ apiVersion: 'ai-registry/v1', kind: 'Policy', metadata: { name: 'policy' }, spec: DEFAULT_POLICY_SPEC });
  doc.commentBefore = ` The AI governance policy: the ai-registry defaults, written out. Change a value by pull
 request; a key you delete falls back to its default.`;
  for (const [path, comment] of POLICY_COMMENTS) {
    const parent = doc.getIn(path.slice(0, -1), true);
    const pair = isMap(parent) ? parent.items.find((item) => isScalar(item.key) && item.key.value === path.at(-1)) : undefined;
    if (!pair || !isScalar(pair.key)) throw new Error(`policy template: no key at ${path.join('.')}`);
    pair.key.commentBefore = comment.split('\n').map((line) => ` ${line}`).join('\n');
  }
  const flowLists = (node: unknown): void => {
    if (isSeq(node)) (node as Node & { flow?: boolean }).flow = true;
    if (isMap(node) || isSeq(node)) for (const item of node.items) flowLists(isMap(node) ? (item as { value: unknown }).value : item);
  };
  flowLists(doc.contents);
  // Regular expressions read best, and stay literal, in single quotes.
  const placeholders = doc.getIn(['spec', 'placeholders'], true);
  if (isSeq(placeholders)) for (const item of placeholders.items) if (isScalar(item)) item.type = 'QUOTE_SINGLE';
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
