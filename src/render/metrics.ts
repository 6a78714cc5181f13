import type { LintResult } from '../engine.js';
import type { Finding } from '../model/finding.js';
import { STAGES, type Manifest, type MetricsSpec, type ModelSpec, type Stage, type Tier } from '../model/manifest.js';
import type { Registry } from '../model/registry.js';
import { waiverStatus } from '../policy/waivers.js';
import { addDays, daysBetween, quarterOf, quarterStart } from '../util/dates.js';
import { businessUnitOf, compareBusinessUnits, countProblems, firstOfEachName, groupFindingsByFile, sortByText } from './portfolio.js';

/**
 * The figures of the leadership dashboard, computed from a lint result as of its as-of date.
 * Pure data: formatting lives in dashboard.ts. Every "previous" figure is the same figure as it
 * stood on the last day of the previous calendar quarter, so each QoQ change reads "since the
 * quarter began".
 */

/** How many quarters the production chart shows, the current one included. */
export const CHART_QUARTERS = 8;
/** A live waiver expiring within this many days of the as-of date needs attention. */
export const WAIVER_NOTICE_DAYS = 30;
/** Stages in which a team counts as using AI: beyond the idea, not yet retired. */
const ACTIVE_STAGES: ReadonlySet<Stage> = new Set(['experiment', 'pilot', 'production']);

const STAGE_DATE: Record<Stage, keyof NonNullable<ModelSpec['dates']>> = {
  idea: 'ideated',
  experiment: 'experimentStarted',
  pilot: 'pilotStarted',
  production: 'productionSince',
  retired: 'retiredOn',
};

/** A figure now and on the last day of the previous quarter; undefined when it cannot be computed. */
export interface Trend {
  current: number | undefined;
  previous: number | undefined;
}

/** A schema-valid model of the portfolio with what the dashboard needs about it. */
export interface PortfolioModel {
  manifest: Manifest<'Model'>;
  spec: ModelSpec;
  /** The held tier: the higher of declared and derived. */
  tier: Tier;
  businessUnit: string | undefined;
  /** No unwaived error or warning in its file. */
  compliant: boolean;
  /** Days from `dates.ideated` to `dates.productionSince` for a model that reached production (in order). */
  daysToProduction: number | undefined;
  /** When each stage up to its lifecycle began, read once (see stageOn). */
  stageStarts: readonly (string | undefined)[];
}

export interface Portfolio {
  asOf: string;
  registry: Registry;
  /** Schema-valid models, the first manifest of each name, sorted by name. */
  models: PortfolioModel[];
  /** Findings grouped by file, each group in the result's order. */
  findingsByFile: ReadonlyMap<string, readonly Finding[]>;
  /** Each model's stage on a date, by date: computed once per date, as several figures share dates. */
  stagesByDate: Map<string, readonly (Stage | undefined)[]>;
}

/** A figure from the Metrics manifests: the latest period that gives it, up to the as-of quarter. */
export interface PeriodFigure {
  period: string;
  value: number;
  /** The same figure in the quarter just before `period`, when a Metrics manifest gives it. */
  previous: number | undefined;
  /** The highest value of any period up to the as-of quarter (scales the bar). */
  best: number;
}

export interface TierCompliance {
  tier: Tier;
  models: number;
  compliant: number;
  /** Unwaived findings in those models' files. */
  errors: number;
  warnings: number;
}

export interface AdoptionRow {
  /** undefined: neither the project nor a team names a business unit. */
  businessUnit: string | undefined;
  stages: Record<Stage, number>;
}

export interface Attention {
  /** Model manifests with an unwaived error: they fail CI. */
  blockingModels: number;
  /** Other files (teams, waivers, unreadable files…) with an unwaived error. */
  otherBlockingFiles: number;
  /** Models with an unwaived `review-overdue` finding. */
  overdueReviews: number;
  /** Live waivers (valid, approvedOn ≤ as-of ≤ expires) expiring within WAIVER_NOTICE_DAYS. */
  expiringWaivers: number;
  /** Models with an unwaived `stale-experiment` finding. */
  staleExperiments: number;
}

export interface DashboardMetrics {
  asOf: string;
  /** The as-of quarter, `2026-Q4`, and the one before it. */
  quarter: string;
  previousQuarter: string;
  modelsInProduction: Trend;
  /** Models not retired: the scale of the production bar. */
  liveModels: number;
  teamsUsingAi: Trend;
  /** Every team in the registry: the scale of the teams bar. */
  teams: number;
  /** Days from `dates.ideated` to `dates.productionSince` of the models that reached production. */
  ideaToProduction: { average: Trend; median: number | undefined; models: number };
  platformUptime: PeriodFigure | undefined;
  trainingCompletions: PeriodFigure | undefined;
  /** Annual revenue + savings of the projects with a model in production. */
  estimatedValue: Trend;
  /** Annual revenue + savings of every project: the scale of the value bar. */
  portfolioValue: number;
  attention: Attention;
  /** Live models by held tier, tier 3 first. */
  compliance: TierCompliance[];
  /** Model manifests that are not schema-valid, so have no tier to be assessed against. */
  unassessedModels: number;
  /** Live models by held tier. */
  modelsByTier: Record<Tier, number>;
  /** Models in production at the end of each of the last CHART_QUARTERS quarters (as of today for the current one). */
  productionByQuarter: { quarter: string; count: number }[];
  /** Every model by business unit and lifecycle stage, sorted by business unit. */
  adoption: AdoptionRow[];
  projects: { total: number; inProduction: number };
  /** Production models that reuse at least one component. */
  reuse: { productionModels: number; reusing: number };
  /** Production models that give `costs.annualUsd`, and their sum. */
  cost: { models: number; annualUsd: number };
  /** Incidents dated in the previous calendar quarter, and the models in production at its end. */
  incidents: { quarter: string; count: number; productionModels: number };
  /** Ideas and experiments per production model. */
  scienceProjects: { exploring: number; production: number };
}

// ---------------------------------------------------------------------------------------------
// Dates and quarters

/** The last day of the quarter before the one holding `date`. */
export function previousQuarterEnd(date: string): string {
  return addDays(quarterStart(date), -1);
}

/** `2026-Q3` → `2026-07-01`. */
export function periodStart(period: string): string {
  const quarter = Number(period.slice(6));
  return `${period.slice(0, 4)}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
}

/** `2026-Q1` → `2025-Q4`. */
export function previousPeriod(period: string): string {
  return quarterOf(previousQuarterEnd(periodStart(period)));
}

/**
 * The `count` quarters up to the one holding `asOf`, oldest first, each with the day its
 * figure is taken on: the quarter's last day, or `asOf` itself for the current quarter.
 */
export function recentQuarters(asOf: string, count: number): { quarter: string; date: string }[] {
  const quarters: { quarter: string; date: string }[] = [];
  for (let date = asOf; quarters.length < count; date = previousQuarterEnd(date)) {
    quarters.push({ quarter: quarterOf(date), date });
  }
  return quarters.reverse();
}

/**
 * The model's lifecycle stage on `date`. From the as-of date on it is `lifecycle`; before it,
 * the furthest stage up to `lifecycle` whose date (`ideated`, `experimentStarted`,
 * `pilotStarted`, `productionSince`, `retiredOn`) is on or before `date`; undefined when no
 * date says the model existed yet. So a production model without `productionSince` counts as
 * in production from the as-of date only.
 */
export function stageOn(spec: ModelSpec, date: string, asOf: string): Stage | undefined {
  return stageAt(stageStarts(spec), spec.lifecycle, date, asOf);
}

/** The date each stage up to the model's lifecycle began (undefined: not recorded), in STAGES order. */
function stageStarts(spec: ModelSpec): readonly (string | undefined)[] {
  return STAGES.slice(0, STAGES.indexOf(spec.lifecycle) + 1).map((stage) => spec.dates?.[STAGE_DATE[stage]]);
}

/** stageOn from the model's stage starts: the dashboard asks it for every model on a dozen dates. */
function stageAt(starts: readonly (string | undefined)[], lifecycle: Stage, date: string, asOf: string): Stage | undefined {
  if (date >= asOf) return lifecycle;
  for (let i = starts.length - 1; i >= 0; i--) {
    const started = starts[i];
    if (started !== undefined && started <= date) return STAGES[i];
  }
  return undefined;
}

/** True when any model date lies on or before `date`: the registry has history that far back. */
function hasHistory(models: readonly PortfolioModel[], date: string): boolean {
  return models.some((m) => Object.values(m.spec.dates ?? {}).some((d) => typeof d === 'string' && d <= date));
}

// ---------------------------------------------------------------------------------------------
// The portfolio

export function buildPortfolio(result: LintResult): Portfolio {
  const { registry } = result;
  const compliantByFile = new Map(result.manifests.map((m) => [m.file, m.compliant]));
  const models = sortByText(firstOfEachName(registry, 'Model'), (m) => m.name).map((manifest) => ({
    manifest,
    spec: manifest.spec,
    tier: registry.tierOf(manifest).held,
    businessUnit: businessUnitOf(registry, manifest),
    compliant: compliantByFile.get(manifest.file) ?? false,
    daysToProduction: daysToProduction(manifest.spec),
    stageStarts: stageStarts(manifest.spec),
  }));
  return { asOf: result.asOf, registry, models, findingsByFile: groupFindingsByFile(result.findings), stagesByDate: new Map() };
}

// ---------------------------------------------------------------------------------------------
// The figures

/** Every portfolio model's stage on `date` (index-aligned with `portfolio.models`). */
export function stagesOn(portfolio: Portfolio, date: string): readonly (Stage | undefined)[] {
  let stages = portfolio.stagesByDate.get(date);
  if (!stages) {
    stages = portfolio.models.map((m) => stageAt(m.stageStarts, m.spec.lifecycle, date, portfolio.asOf));
    portfolio.stagesByDate.set(date, stages);
  }
  return stages;
}

export function modelsInProductionOn(portfolio: Portfolio, date: string): number {
  return stagesOn(portfolio, date).filter((stage) => stage === 'production').length;
}

/** Teams in the registry that own a model in experiment, pilot or production on `date`. */
export function teamsUsingAiOn(portfolio: Portfolio, date: string): number {
  const teams = new Set<string>();
  const stages = stagesOn(portfolio, date);
  portfolio.models.forEach((model, i) => {
    const stage = stages[i];
    if (stage && ACTIVE_STAGES.has(stage) && portfolio.registry.has('Team', model.spec.owner)) teams.add(model.spec.owner);
  });
  return teams.size;
}

/** Days from idea to production of a model in production or retired, with `ideated` ≤ `productionSince`. */
function daysToProduction(spec: ModelSpec): number | undefined {
  const ideated = spec.dates?.ideated;
  const live = spec.dates?.productionSince;
  if (spec.lifecycle !== 'production' && spec.lifecycle !== 'retired') return undefined;
  if (ideated === undefined || live === undefined || ideated > live) return undefined;
  return daysBetween(ideated, live);
}

/**
 * Days from idea to production of each model that reached production by `date` (lifecycle
 * production or retired, `ideated` ≤ `productionSince` ≤ `date`), sorted ascending.
 */
export function ideaToProductionDays(portfolio: Portfolio, date: string): number[] {
  const days: number[] = [];
  for (const { spec, daysToProduction: d } of portfolio.models) {
    if (d !== undefined && spec.dates!.productionSince! <= date) days.push(d);
  }
  return days.sort((a, b) => a - b);
}

export function average(values: readonly number[]): number | undefined {
  return values.length === 0 ? undefined : values.reduce((sum, v) => sum + v, 0) / values.length;
}

export function median(sorted: readonly number[]): number | undefined {
  if (sorted.length === 0) return undefined;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** `part / whole`, undefined when there is no whole (never NaN or Infinity). */
export function ratio(part: number, whole: number): number | undefined {
  return whole > 0 ? part / whole : undefined;
}

function projectValue(project: Manifest<'Project'>): number {
  return (project.spec.value?.annualRevenueUsd ?? 0) + (project.spec.value?.annualSavingsUsd ?? 0);
}

/** The schema-valid projects with at least one model in production on `date`, sorted by name. */
export function projectsInProductionOn(portfolio: Portfolio, date: string): Manifest<'Project'>[] {
  const names = new Set<string>();
  const stages = stagesOn(portfolio, date);
  portfolio.models.forEach((model, i) => {
    if (stages[i] === 'production') names.add(model.spec.project);
  });
  const projects = [...names].map((name) => portfolio.registry.get('Project', name)).filter((p): p is Manifest<'Project'> => p !== undefined && p.valid);
  return sortByText(projects, (p) => p.name);
}

/** Annual revenue + savings of the projects with a model in production on `date`. */
export function estimatedValueOn(portfolio: Portfolio, date: string): number {
  return projectsInProductionOn(portfolio, date).reduce((sum, p) => sum + projectValue(p), 0);
}

/**
 * The latest period (up to the as-of quarter) whose Metrics give `field`, with the same field
 * of the period just before it. Two manifests for one period: the first by name counts.
 */
export function periodFigure(portfolio: Portfolio, field: 'platformUptimePercent' | 'trainingCompletions'): PeriodFigure | undefined {
  const current = quarterOf(portfolio.asOf);
  const byPeriod = new Map<string, MetricsSpec>();
  const metrics = sortByText(firstOfEachName(portfolio.registry, 'Metrics'), (m) => m.name);
  for (const { spec } of metrics) {
    if (spec.period <= current && !byPeriod.has(spec.period)) byPeriod.set(spec.period, spec);
  }
  const given = [...byPeriod.values()].filter((spec) => typeof spec[field] === 'number').sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  const latest = given[given.length - 1];
  if (!latest) return undefined;
  return {
    period: latest.period,
    value: latest[field]!,
    previous: byPeriod.get(previousPeriod(latest.period))?.[field],
    best: Math.max(...given.map((spec) => spec[field]!)),
  };
}

export function attentionItems(portfolio: Portfolio, result: LintResult): Attention {
  const modelFiles = new Set(portfolio.registry.all('Model').map((m) => m.file));
  const filesWith = (test: (f: Finding) => boolean) => {
    const files = new Set<string>();
    for (const finding of result.findings) if (test(finding)) files.add(finding.file);
    return files;
  };
  const blocking = filesWith((f) => f.severity === 'error');
  const blockingModels = [...blocking].filter((file) => modelFiles.has(file)).length;
  const soon = addDays(portfolio.asOf, WAIVER_NOTICE_DAYS);
  const expiringWaivers = firstOfEachName(portfolio.registry, 'Waiver').filter(
    (waiver) => waiver.spec.expires <= soon && waiverStatus(waiver, portfolio.registry, portfolio.asOf).state === 'live',
  ).length;
  return {
    blockingModels,
    otherBlockingFiles: blocking.size - blockingModels,
    overdueReviews: filesWith((f) => f.ruleId === 'review-overdue' && f.severity !== 'notice').size,
    expiringWaivers,
    staleExperiments: filesWith((f) => f.ruleId === 'stale-experiment' && f.severity !== 'notice').size,
  };
}

export function complianceByTier(portfolio: Portfolio): TierCompliance[] {
  const tiers: TierCompliance[] = ([3, 2, 1] as const).map((tier) => ({ tier, models: 0, compliant: 0, errors: 0, warnings: 0 }));
  for (const model of liveModels(portfolio)) {
    const row = tiers[3 - model.tier]!;
    const problems = countProblems(portfolio.findingsByFile.get(model.manifest.file));
    row.models++;
    if (model.compliant) row.compliant++;
    row.errors += problems.errors;
    row.warnings += problems.warnings;
  }
  return tiers;
}

function liveModels(portfolio: Portfolio): PortfolioModel[] {
  return portfolio.models.filter((m) => m.spec.lifecycle !== 'retired');
}

export function adoptionByBusinessUnit(portfolio: Portfolio): AdoptionRow[] {
  const rows = new Map<string | undefined, AdoptionRow>();
  for (const model of portfolio.models) {
    let row = rows.get(model.businessUnit);
    if (!row) {
      row = { businessUnit: model.businessUnit, stages: { idea: 0, experiment: 0, pilot: 0, production: 0, retired: 0 } };
      rows.set(model.businessUnit, row);
    }
    row.stages[model.spec.lifecycle]++;
  }
  return [...rows.values()].sort((a, b) => compareBusinessUnits(a.businessUnit, b.businessUnit));
}

/** Every dashboard figure, as of `result.asOf`. */
export function computeDashboardMetrics(result: LintResult): DashboardMetrics {
  const portfolio = buildPortfolio(result);
  const { asOf, registry, models } = portfolio;
  const before = previousQuarterEnd(asOf);
  const history = hasHistory(models, before);
  const trend = (figure: (date: string) => number | undefined): Trend => ({ current: figure(asOf), previous: history ? figure(before) : undefined });
  const inStage = (stage: Stage) => models.filter((m) => m.spec.lifecycle === stage);
  const production = inStage('production');
  const days = ideaToProductionDays(portfolio, asOf);
  const live = liveModels(portfolio);
  const modelsByTier: Record<Tier, number> = { 1: 0, 2: 0, 3: 0 };
  for (const model of live) modelsByTier[model.tier]++;
  const incidentsFrom = quarterStart(before);
  const withCost = production.filter((m) => typeof m.spec.costs?.annualUsd === 'number');
  const teams = new Set(registry.all('Team').map((t) => t.name));

  return {
    asOf,
    quarter: quarterOf(asOf),
    previousQuarter: quarterOf(before),
    modelsInProduction: trend((date) => modelsInProductionOn(portfolio, date)),
    liveModels: live.length,
    teamsUsingAi: trend((date) => teamsUsingAiOn(portfolio, date)),
    teams: teams.size,
    ideaToProduction: { average: trend((date) => average(ideaToProductionDays(portfolio, date))), median: median(days), models: days.length },
    platformUptime: periodFigure(portfolio, 'platformUptimePercent'),
    trainingCompletions: periodFigure(portfolio, 'trainingCompletions'),
    estimatedValue: trend((date) => estimatedValueOn(portfolio, date)),
    portfolioValue: firstOfEachName(registry, 'Project').reduce((sum, p) => sum + projectValue(p), 0),
    attention: attentionItems(portfolio, result),
    compliance: complianceByTier(portfolio),
    unassessedModels: new Set(registry.all('Model').filter((m) => !m.valid).map((m) => m.file)).size,
    modelsByTier,
    productionByQuarter: recentQuarters(asOf, CHART_QUARTERS).map(({ quarter, date }) => ({ quarter, count: modelsInProductionOn(portfolio, date) })),
    adoption: adoptionByBusinessUnit(portfolio),
    projects: { total: firstOfEachName(registry, 'Project').length, inProduction: projectsInProductionOn(portfolio, asOf).length },
    reuse: { productionModels: production.length, reusing: production.filter((m) => (m.spec.reuses?.length ?? 0) > 0).length },
    cost: { models: withCost.length, annualUsd: withCost.reduce((sum, m) => sum + m.spec.costs!.annualUsd!, 0) },
    incidents: {
      quarter: quarterOf(before),
      count: models.reduce((sum, m) => sum + (m.spec.incidents ?? []).filter((i) => i.date >= incidentsFrom && i.date <= before).length, 0),
      productionModels: modelsInProductionOn(portfolio, before),
    },
    scienceProjects: { exploring: inStage('idea').length + inStage('experiment').length, production: production.length },
  };
}
