import { compareStages } from '../policy/requirements.js';
import { code, escapeInline } from '../render/escape.js';
import { plural } from '../report/format.js';
import { isEmptyDelta, type GovernanceDelta, type ModelAdded, type StageChange, type TierChange, type WaiverChange } from './delta.js';

/**
 * The governance delta as the first section of the PR comment and the job summary: one line per
 * change, the riskiest first, so that a reviewer sees what the PR means in ten seconds. Every text
 * from a manifest or the policy goes through src/render/escape.ts.
 */

export const DELTA_TITLE = '**What this PR changes**';

/** Lines shown before the rest are summed up in one line; the findings below carry the details. */
const MAX_LINES = 20;

export interface DeltaMarkdownOptions {
  /** Further list items, markdown written by the caller (e.g. the review requests made). */
  notes?: readonly string[];
}

export function deltaMarkdown(delta: GovernanceDelta, options: DeltaMarkdownOptions = {}): string {
  const notes = options.notes ?? [];
  if (isEmptyDelta(delta) && notes.length === 0) return `${DELTA_TITLE}: no governance changes.`;
  const lines = [
    ...delta.added.map(addedLine),
    ...delta.tiers.map(tierLine),
    ...delta.stages.map(stageLine),
    ...policyLines(delta.policy),
    ...delta.waivers.map(waiverLine),
    ...delta.removed.map((name) => `➖ ${code(name)} — model removed`),
  ];
  const shown = lines.length > MAX_LINES ? [...lines.slice(0, MAX_LINES - 1), `… and ${plural(lines.length - MAX_LINES + 1, 'more change')}`] : lines;
  return [DELTA_TITLE, ...[...shown, ...notes].map((line) => `- ${line}`)].join('\n');
}

/** ➕ `claims-triage` — new model, **tier 3** (regulatedDomain: insurance), stage pilot — ✘ missing: riskAssessment */
function addedLine(model: ModelAdded): string {
  if (model.tier === undefined) return `➕ ${code(model.name)} — new model; its manifest does not pass its schema (see below)`;
  const reasons = model.reasons ? ` (${escapeInline(model.reasons)})` : '';
  return `➕ ${code(model.name)} — new model, **tier ${model.tier}**${reasons}, stage ${model.stage} — ${status(model.missing)}`;
}

/** 🔺 `fraud-scoring` — tier 2 → **3** (decisions: autonomous) — ✘ missing: … */
function tierLine(change: TierChange): string {
  const raised = change.to > change.from;
  const head = `${raised ? '🔺' : '🔻'} ${code(change.name)} — tier ${change.from} → **${change.to}** (${escapeInline(change.why)})`;
  return raised ? `${head} — ${status(change.missing)}` : head;
}

/** ⬆️ `fraud-scoring` — pilot → production: monitoring, incidentContact now due — ✔ all present */
function stageLine(change: StageChange): string {
  const move = `${change.from} → ${change.to}`;
  if (change.to === 'retired') return `🏁 ${code(change.name)} — retired (was ${change.from})`;
  if (change.due.length === 0) return `${isPromotion(change) ? '⬆️' : '↩️'} ${code(change.name)} — ${move}${isPromotion(change) ? ': nothing more due' : ''}`;
  const missing = change.due.filter((d) => !d.met).map((d) => d.label);
  return `⬆️ ${code(change.name)} — ${move}: ${labels(change.due.map((d) => d.label))} now due — ${missing.length > 0 ? `✘ missing: ${labels(missing)}` : '✔ all present'}`;
}

function isPromotion(change: StageChange): boolean {
  return compareStages(change.to, change.from) > 0;
}

/** 🛡️ waiver `w` — new: waives `review-overdue` for `fraud-scoring` until 2027-01-31 (60 days) */
function waiverLine(waiver: WaiverChange): string {
  const what = `${code(waiver.rule)} for ${code(waiver.target)}`;
  if (waiver.previousExpires) return `⏳ waiver ${code(waiver.name)} — extended: ${what} until ${waiver.expires} (was ${waiver.previousExpires})`;
  return `🛡️ waiver ${code(waiver.name)} — new: waives ${what} until ${waiver.expires} (${plural(waiver.days, 'day')})`;
}

/** 📜 policy stricter: …  /  📜 policy looser: … */
function policyLines(policy: GovernanceDelta['policy']): string[] {
  return [
    ...(policy.stricter.length > 0 ? [`📜 policy **stricter**: ${escapeInline(policy.stricter.join('; '))}`] : []),
    ...(policy.looser.length > 0 ? [`📜 policy **looser**: ${escapeInline(policy.looser.join('; '))}`] : []),
  ];
}

function status(missing: readonly string[]): string {
  return missing.length > 0 ? `✘ missing: ${labels(missing)}` : '✔ nothing missing';
}

function labels(items: readonly string[]): string {
  return escapeInline(items.join(', '));
}
