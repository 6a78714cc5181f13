import type { LintResult } from '../engine.js';
import { STAGES, type Stage, type Tier } from '../model/manifest.js';
import { escapeTableCell } from './escape.js';
import { computeDashboardMetrics, ratio, WAIVER_NOTICE_DAYS, type AdoptionRow, type DashboardMetrics, type PeriodFigure, type Trend } from './metrics.js';
import { countOf, formatChange, formatDays, formatNumber, formatPercent, formatShare, formatUsd } from './numbers.js';
import { NO_BUSINESS_UNIT } from './portfolio.js';
import { markdownTable } from './table.js';

export interface DashboardOptions {
  /** Link target of the inventory, relative to the README (default `INVENTORY.md`). */
  inventoryLink?: string;
}

/** Width of the text bars, in characters. */
const BAR_WIDTH = 20;
/** A year fills the idea → production bar: the CoE's slowest acceptable path. */
const DAYS_SCALE = 365;
/** The uptime bar spans 90-100 %: below 90 % a platform is down for days a quarter. */
const UPTIME_FLOOR = 90;
/** Below this many ideas and experiments per production model, the portfolio ships. */
const HEALTHY_SCIENCE_RATIO = 2;
/** Business units the adoption table lists before it folds the smallest into one row. */
const ADOPTION_ROWS = 15;

const STAGE_HEADINGS: Record<Stage, string> = { idea: 'Ideas', experiment: 'Experiments', pilot: 'Pilots', production: 'Production', retired: 'Retired' };

/**
 * The leadership dashboard, markdown for the README between its markers (which it never
 * contains). The first table and the "needs attention" line are the one-minute read; the
 * rest is for the second minute. Every text from a manifest is escaped.
 */
export function renderDashboard(result: LintResult, options: DashboardOptions = {}): string {
  const metrics = computeDashboardMetrics(result);
  const sections = [
    `## AI portfolio — as of ${metrics.asOf}`,
    panel(metrics),
    needsAttention(metrics),
    compliance(metrics),
    ...charts(metrics),
    ...adoption(metrics),
    efficiencyAndRisk(metrics),
    `[Full inventory →](${options.inventoryLink ?? 'INVENTORY.md'})`,
  ];
  return `${sections.join('\n\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// The CoE panel

/** `████████░░░░`: `share` (0-1, clamped) of the width filled; empty when unknown. */
export function bar(share: number | undefined, width = BAR_WIDTH): string {
  const filled = share === undefined ? 0 : Math.round(Math.min(1, Math.max(0, share)) * width);
  return `\`${'█'.repeat(filled)}${'░'.repeat(width - filled)}\``;
}

type Format = (value: number) => string;

/** `**47** (+8 QoQ)`; `**—**` when the figure cannot be computed. */
function figure(trend: Trend, format: Format, formatDelta: Format = format): string {
  if (trend.current === undefined) return '**—**';
  const change = trend.previous === undefined ? '' : ` (${formatChange(trend.current - trend.previous, formatDelta)} QoQ)`;
  return `**${format(trend.current)}**${change}`;
}

function periodRow(label: string, value: PeriodFigure | undefined, share: (v: PeriodFigure) => number | undefined, format: Format, formatDelta?: Format): string[] {
  if (!value) return [label, bar(undefined), '**—** (no Metrics yet)'];
  return [`${label} (${value.period})`, bar(share(value)), figure({ current: value.value, previous: value.previous }, format, formatDelta)];
}

function panel(m: DashboardMetrics): string {
  const days = m.ideaToProduction.average;
  const rows = [
    ['Models in production', bar(ratio(m.modelsInProduction.current ?? 0, m.liveModels)), figure(m.modelsInProduction, (v) => formatNumber(v))],
    ['Teams using AI', bar(ratio(m.teamsUsingAi.current ?? 0, m.teams)), figure(m.teamsUsingAi, (v) => formatNumber(v))],
    ['Avg. time idea → production', bar(days.current === undefined ? undefined : days.current / DAYS_SCALE), figure(days, formatDays)],
    // Uptime changes in percentage points, not per cent of a per cent.
    periodRow('Platform uptime', m.platformUptime, (v) => (v.value - UPTIME_FLOOR) / (100 - UPTIME_FLOOR), (v) => formatPercent(v, 2), (v) => `${formatNumber(v, 2)} pp`),
    periodRow('Training completions', m.trainingCompletions, (v) => ratio(v.value, v.best), (v) => formatNumber(v)),
    ['Estimated annual value', bar(ratio(m.estimatedValue.current ?? 0, m.portfolioValue)), figure(m.estimatedValue, formatUsd)],
  ];
  return markdownTable(['CoE metric', 'Scale', 'Now'], rows);
}

// ---------------------------------------------------------------------------------------------
// Attention and compliance

function needsAttention(m: DashboardMetrics): string {
  const a = m.attention;
  const items = [
    countOf(a.blockingModels, 'blocking model'),
    countOf(a.overdueReviews, 'review overdue', 'reviews overdue'),
    `${countOf(a.expiringWaivers, 'waiver expires', 'waivers expire')} within ${WAIVER_NOTICE_DAYS} days`,
    countOf(a.staleExperiments, 'stale experiment'),
  ];
  if (a.otherBlockingFiles > 0) items.splice(1, 0, `${countOf(a.otherBlockingFiles, 'other file')} with errors`);
  const quiet = Object.values(a).every((count) => count === 0);
  return `**Needs attention** — ${quiet ? 'nothing: every manifest passes, no review overdue, no waiver about to expire, no stale experiment' : items.join(' · ')}`;
}

function compliance(m: DashboardMetrics): string {
  const parts = m.compliance.map(({ tier, models, compliant, warnings }) => {
    if (models === 0) return `tier ${tier}: no models`;
    const count = `${formatNumber(compliant)} of ${formatNumber(models)} compliant`;
    return tier === 1 ? `tier 1 (self-service): ${count}, ${countOf(warnings, 'warning')}` : `tier ${tier}: ${count}`;
  });
  if (m.unassessedModels > 0) parts.push(`${countOf(m.unassessedModels, 'invalid model manifest')} not assessed`);
  return `**Compliance** (models not retired) — ${parts.join(' · ')}`;
}

// ---------------------------------------------------------------------------------------------
// Charts (Mermaid, rendered by GitHub)

function charts(m: DashboardMetrics): string[] {
  const blocks: string[] = [];
  const tiers = ([1, 2, 3] as const satisfies readonly Tier[]).filter((tier) => m.modelsByTier[tier] > 0);
  if (tiers.length > 0) {
    blocks.push(fence(['pie title Models by risk tier (not retired)', ...tiers.map((tier) => `  "Tier ${tier}" : ${m.modelsByTier[tier]}`)]));
  }
  const counts = m.productionByQuarter.map((q) => q.count);
  if (counts.some((count) => count > 0)) {
    blocks.push(
      fence([
        'xychart-beta',
        '  title "Models in production (end of quarter)"',
        `  x-axis [${m.productionByQuarter.map((q) => `"${q.quarter}"`).join(', ')}]`,
        `  y-axis "Models" 0 --> ${Math.max(...counts)}`,
        `  bar [${counts.join(', ')}]`,
      ]),
    );
  }
  return blocks;
}

function fence(lines: string[]): string {
  return ['```mermaid', ...lines, '```'].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Adoption

function adoption(m: DashboardMetrics): string[] {
  if (m.adoption.length === 0) return [];
  const shown = foldSmallest(m.adoption);
  const total = (row: AdoptionRow) => STAGES.reduce((sum, stage) => sum + row.stages[stage], 0);
  const counts = (row: AdoptionRow) => [...STAGES.map((stage) => formatNumber(row.stages[stage])), formatNumber(total(row))];
  const all: AdoptionRow = { businessUnit: 'All', stages: { idea: 0, experiment: 0, pilot: 0, production: 0, retired: 0 } };
  for (const row of m.adoption) for (const stage of STAGES) all.stages[stage] += row.stages[stage];
  const rows = shown.map(({ row, label }) => [label, ...counts(row)]);
  rows.push(['**All**', ...counts(all).map((c) => `**${c}**`)]);
  const adoptionTable = markdownTable(['Business unit', ...STAGES.map((s) => STAGE_HEADINGS[s]), 'Total'], rows, ['left', ...STAGES.map(() => 'right' as const), 'right']);
  const projects = `Projects in production: ${formatNumber(m.projects.inProduction)} of ${countOf(m.projects.total, 'project')} ${m.projects.total === 1 ? 'has' : 'have'} a model in production.`;
  return [adoptionTable, projects];
}

/**
 * The business units in name order; beyond ADOPTION_ROWS, the largest keep their row and the
 * rest fold into one ("12 other business units"), so the dashboard stays short.
 */
function foldSmallest(rows: readonly AdoptionRow[]): { row: AdoptionRow; label: string }[] {
  const label = (row: AdoptionRow) => (row.businessUnit === undefined ? `*${NO_BUSINESS_UNIT}*` : escapeTableCell(row.businessUnit));
  if (rows.length <= ADOPTION_ROWS) return rows.map((row) => ({ row, label: label(row) }));
  const size = (row: AdoptionRow) => STAGES.reduce((sum, stage) => sum + row.stages[stage], 0);
  const bySize = rows.map((row, order) => ({ row, order })).sort((a, b) => size(b.row) - size(a.row) || a.order - b.order);
  const kept = bySize.slice(0, ADOPTION_ROWS - 1).sort((a, b) => a.order - b.order);
  const folded = bySize.slice(ADOPTION_ROWS - 1);
  const other: AdoptionRow = { businessUnit: undefined, stages: { idea: 0, experiment: 0, pilot: 0, production: 0, retired: 0 } };
  for (const { row } of folded) for (const stage of STAGES) other.stages[stage] += row.stages[stage];
  return [...kept.map(({ row }) => ({ row, label: label(row) })), { row: other, label: `${countOf(folded.length, 'other business unit')} (see the inventory)` }];
}

// ---------------------------------------------------------------------------------------------
// Efficiency, quality and risk

function efficiencyAndRisk(m: DashboardMetrics): string {
  const { ideaToProduction, reuse, cost, incidents, scienceProjects } = m;
  const speed =
    ideaToProduction.median === undefined
      ? 'no model in production gives both `dates.ideated` and `dates.productionSince`'
      : `median ${formatDays(ideaToProduction.median)}, average ${formatDays(ideaToProduction.average.current!)} (${countOf(ideaToProduction.models, 'model')} with both dates)`;
  const reuseShare = ratio(reuse.reusing, reuse.productionModels);
  const reuseText = reuseShare === undefined ? '— (no model in production)' : `${formatShare(reuseShare)} of production models build on a shared component (${formatNumber(reuse.reusing)} of ${formatNumber(reuse.productionModels)})`;
  const perModel = ratio(cost.annualUsd, cost.models);
  const costText = perModel === undefined ? '— (no production model gives `costs.annualUsd`)' : `${formatUsd(perModel)} a year per production model (${formatNumber(cost.models)} of ${formatNumber(reuse.productionModels)} give costs)`;
  const incidentRate = ratio(incidents.count, incidents.productionModels);
  const incidentText =
    incidentRate === undefined
      ? `— (no model in production at the end of ${incidents.quarter}; ${countOf(incidents.count, 'incident')})`
      : `${formatNumber(incidentRate, 2)} per production model in ${incidents.quarter} (${countOf(incidents.count, 'incident')}, ${countOf(incidents.productionModels, 'model')} in production at quarter end)`;
  const science = ratio(scienceProjects.exploring, scienceProjects.production);
  const scienceText =
    science === undefined
      ? `— (${countOf(scienceProjects.exploring, 'idea or experiment', 'ideas and experiments')}, no model in production)`
      : `${formatNumber(science, 1)} ideas and experiments per production model ${science < HEALTHY_SCIENCE_RATIO ? '✅' : '⚠️'} (healthy below ${HEALTHY_SCIENCE_RATIO})`;
  return [
    `- **Idea → production:** ${speed}`,
    `- **Reuse:** ${reuseText}`,
    `- **Run cost:** ${costText}`,
    `- **Incidents:** ${incidentText}`,
    `- **Science-project ratio:** ${scienceText}`,
  ].join('\n');
}
