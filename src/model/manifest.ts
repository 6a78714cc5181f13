import type { Position } from './finding.js';

export const API_VERSION = 'ai-registry/v1';
export const KINDS = ['Team', 'Project', 'Model', 'Component', 'Waiver', 'Metrics', 'Policy'] as const;
export type Kind = (typeof KINDS)[number];

export const STAGES = ['idea', 'experiment', 'pilot', 'production', 'retired'] as const;
export type Stage = (typeof STAGES)[number];
/** Stages a requirement can start from (retired needs none). */
export type RequirementStage = Exclude<Stage, 'retired'>;

export const DOC_KINDS = [
  'modelCard',
  'dataSheet',
  'riskAssessment',
  'impactAssessment',
  'humanOversight',
  'incidentResponse',
  'monitoringPlan',
] as const;
export type DocKind = (typeof DOC_KINDS)[number];

export type Tier = 1 | 2 | 3;

/** A path into a YAML document: map keys and sequence indexes. */
export type YamlPath = readonly (string | number)[];

/**
 * Where a node sits in its file.
 * - `node` (default): a scalar's value; a collection's key (`monitoring:`); for an absent
 *   path, the key of the deepest mapping that exists (`spec:` for a missing `spec.monitoring`).
 * - `key`: the key of the pair at `path` (the unknown key of `additionalProperties`).
 * - `value`: the value node itself.
 */
export type LocateTarget = 'node' | 'key' | 'value';
export type Locate = (path: YamlPath, target?: LocateTarget) => Position;

export interface Metadata {
  name: string;
  title?: string;
  description?: string;
  labels?: Record<string, string | number | boolean>;
}

export interface TeamSpec {
  businessUnit: string;
  contact: string;
  members?: string[];
  coe?: boolean;
  github?: string;
  roles?: string[];
}

export interface ProjectSpec {
  owner: string;
  sponsor?: string;
  businessUnit?: string;
  value?: { annualRevenueUsd?: number; annualSavingsUsd?: number };
  started?: string;
}

export type Audience = 'internal' | 'customer-facing' | 'public';
export type Decisions = 'non-critical' | 'influences' | 'autonomous';
export type PersonalData = 'none' | 'pii' | 'sensitive';

export interface Risk {
  audience: Audience;
  decisions: Decisions;
  personalData: PersonalData;
  regulatedDomain: string;
  significantImpact: boolean;
  prohibitedPractice?: string;
}

export interface Approval {
  role: string;
  approver: string;
  date: string;
}

export interface ModelDates {
  ideated?: string;
  experimentStarted?: string;
  pilotStarted?: string;
  productionSince?: string;
  retiredOn?: string;
}

export interface ModelSpec {
  project: string;
  owner: string;
  type: 'classical-ml' | 'deep-learning' | 'llm' | 'genai-app' | 'vendor-api' | 'rules';
  lifecycle: Stage;
  tier: Tier;
  risk: Risk;
  documentation?: Partial<Record<DocKind, string>>;
  approvals?: Approval[];
  review?: { lastReviewed?: string };
  monitoring?: { metrics?: string[]; alertContact?: string; dashboard?: string };
  incidentContact?: string;
  dates?: ModelDates;
  reuses?: string[];
  costs?: { annualUsd?: number };
  incidents?: { date: string; severity: 'low' | 'medium' | 'high'; summary: string }[];
}

export interface ComponentSpec {
  owner: string;
  type: 'feature-store' | 'prompt-library' | 'model' | 'dataset' | 'platform' | 'other';
}

export interface WaiverSpec {
  rule: string;
  target: string;
  justification: string;
  approvedBy: string;
  approvedOn: string;
  expires: string;
}

export interface MetricsSpec {
  period: string;
  platformUptimePercent?: number;
  trainingCompletions?: number;
  satisfactionScore?: number;
  supportTickets?: number;
}

export interface SpecByKind {
  Team: TeamSpec;
  Project: ProjectSpec;
  Model: ModelSpec;
  Component: ComponentSpec;
  Waiver: WaiverSpec;
  Metrics: MetricsSpec;
  Policy: unknown;
}

/**
 * One parsed manifest. `valid` is true when it passed its kind's schema: only valid
 * manifests are checked by the governance rules (so one schema error is never followed by a
 * cascade of derived findings), but every manifest with a usable name still resolves references.
 */
export interface Manifest<K extends Kind = Kind> {
  file: string;
  kind: K;
  name: string;
  metadata: Metadata;
  spec: SpecByKind[K];
  valid: boolean;
  locate: Locate;
}

export type AnyManifest = { [K in Kind]: Manifest<K> }[Kind];

export function isKind<K extends Kind>(m: Manifest, kind: K): m is Manifest<K> {
  return m.kind === kind;
}
