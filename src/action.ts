import * as core from '@actions/core';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { checkRegistry, onlyChanged, type LintResult } from './engine.js';
import { ConfigError, loadRegistry } from './load/registry.js';
import type { Manifest } from './model/manifest.js';
import type { Registry } from './model/registry.js';
import { plural } from './report/format.js';
import { markdownReport } from './report/markdown.js';
import { sarif } from './report/sarif.js';
import { code } from './render/escape.js';
import { githubTeam } from './review/approvals.js';
import { governanceDelta } from './review/delta.js';
import { deltaMarkdown } from './review/delta-markdown.js';
import { teamsNotYetAsked, teamsToAsk } from './review/requests.js';
import { RULES } from './rules/index.js';
import { todayUtc } from './util/dates.js';
import { UsageError } from './cli/io.js';
import { writeOutput } from './cli/output.js';
import { annotationLines } from './action/annotations.js';
import { changedScope, type ChangedScope } from './action/changed-files.js';
import { upsertStickyComment } from './action/comment.js';
import { apiLimits, createGitHubClient, describeApiError, httpStatus, type ApiLimits, type Octokit } from './action/github-api.js';
import { InputError, readInputs, type ActionInputs } from './action/inputs.js';
import { rootFromRepo, withRepoPaths } from './action/paths.js';
import { pullRequestOf, type PullRequestRef } from './action/pull-request.js';
import { gatherPullRequestFacts, type PullRequestFacts } from './action/pull-request-review.js';
import { renderInWorkspace, type RenderRun } from './action/render.js';
import { writeJsonReport } from './action/report-files.js';
import { pendingTeamRequests, requestTeamReviews } from './action/review-requests.js';
import { appendJobSummary } from './action/summary.js';
import { findingsFailure } from './action/verdict.js';

/** GitHub's limit for a comment or a step summary is 65,535 characters; leave room for the marker. */
const REPORT_MAX_LENGTH = 65_000;

/** The Action's entry point: inputs → lint → annotations, summary, PR comment, outputs. Never throws. */
export async function run(): Promise<void> {
  try {
    await runAction(process.env);
  } catch (error) {
    // A mistake in the workflow or the repository: one clear line, no stack.
    if (error instanceof InputError || error instanceof UsageError) return core.setFailed(error.message);
    if (error instanceof ConfigError) {
      const details = error.findings.map((f) => `  ${f.file}:${f.line}:${f.column}  ${f.message}  ${f.ruleId}`);
      return core.setFailed([`ai-registry: ${error.message}`, ...details].join('\n'));
    }
    core.setFailed(`ai-registry: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\nPlease report this.`);
  }
}

async function runAction(env: NodeJS.ProcessEnv): Promise<void> {
  const inputs = readInputs((name) => core.getInput(name));
  const workspace = resolve(env.GITHUB_WORKSPACE || process.cwd());
  const root = resolve(workspace, inputs.root);
  const fromRepo = rootFromRepo(workspace, root);
  const pr = pullRequestOf(env);
  const limits = apiLimits(env);
  const octokit = pr && inputs.githubToken ? await createGitHubClient(inputs.githubToken, limits) : undefined;

  const asOf = inputs.asOf ?? todayUtc();
  const loaded = await loadRegistry(root, inputs.registry);
  const facts = await pullRequestFacts(pr, octokit, loaded.registry, fromRepo, env, limits);
  const full = checkRegistry(loaded, asOf, RULES, facts ? { pullRequest: facts.review } : {});
  const scope = reportScope(inputs, pr, facts, fromRepo, full);
  const result = scope && !scope.all ? onlyChanged(full, scope.files) : full;
  // Annotations, SARIF and the markdown report are read against the repository, not the root.
  const shown = withRepoPaths(result, fromRepo);

  // The outputs and the verdict come from the lint result alone: what follows only reports it
  // (summary, comment, review requests), and none of it may change them or keep them from being set.
  const reportPath = writeJsonReport(result, env);
  core.setOutput('errors', result.summary.errors);
  core.setOutput('warnings', result.summary.warnings);
  core.setOutput('manifests', result.summary.manifests);
  core.setOutput('report', reportPath);
  const sarifPath = inputs.sarif ? resolve(workspace, inputs.sarif) : undefined;
  if (sarifPath) writeOutput(sarifPath, sarif(shown, { color: false }));

  const lines = annotationLines(shown.findings);
  if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);

  const rendered = inputs.mode === 'lint' ? undefined : await renderInWorkspace({ workspace, root: fromRepo, registry: inputs.registry, asOf: inputs.asOf, codeowners: inputs.codeowners, check: inputs.mode === 'check' });
  for (const line of rendered?.stdout ?? []) core.info(line);

  const requested = pr && octokit && facts && inputs.requestReviews ? await requestReviews(pr, octokit, facts, full) : [];
  const delta = governanceSection(facts, full, requested);

  const scopeNote = describeScope(scope);
  const fullReport = fullReportHint({ reportPath, ...(inputs.sarif ? { sarif: inputs.sarif } : {}), ...(pr ? { pr } : {}), env });
  const summary = [markdownReport(shown, { maxLength: REPORT_MAX_LENGTH, fullReportHint: fullReport, intro: delta }), scopeNote, renderNote(rendered)].filter(Boolean).join('\n\n');
  writeJobSummary(summary, env);

  if (inputs.comment) await comment(pr, octokit, shown, { intro: delta, footer: scopeNote, fullReport });

  const failures = [findingsFailure(result.summary, inputs.failOn), renderFailure(rendered)].filter(Boolean);
  if (failures.length > 0) core.setFailed(failures.join('\n'));
}

/** The job summary is a courtesy, like the comment: a summary file that cannot be written warns and decides nothing. */
function writeJobSummary(summary: string, env: NodeJS.ProcessEnv): void {
  try {
    if (!appendJobSummary(summary, env)) core.info('No GITHUB_STEP_SUMMARY: skipping the job summary.');
  } catch (error) {
    core.warning(`Cannot write the job summary (${describeApiError(error)}); the findings are in the annotations and the JSON report.`);
  }
}

/**
 * Where every finding is when the summary or the comment had to leave some out. Neither can send
 * people to the other (both are cut near GitHub's 65,535 characters): the reports this run wrote,
 * the run itself (where an uploaded artifact is), and code scanning when the workflow asks for SARIF.
 */
function fullReportHint(options: { reportPath: string; sarif?: string; pr?: PullRequestRef; env: NodeJS.ProcessEnv }): string {
  const { reportPath, sarif: sarifFile, pr, env } = options;
  const files = [...(sarifFile ? [`${code(sarifFile)} (SARIF)`] : []), `${code(reportPath)} (JSON: the step's \`report\` output, to keep with \`actions/upload-artifact\`)`];
  const repository = env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}` : undefined;
  const run = repository && env.GITHUB_RUN_ID ? ` of [this run](${repository}/actions/runs/${env.GITHUB_RUN_ID})` : '';
  const query = encodeURIComponent(`is:open tool:ai-registry${pr ? ` pr:${pr.number}` : ''}`);
  const scanning = sarifFile && repository
    ? ` Uploaded with \`github/codeql-action/upload-sarif\`, the SARIF file shows every finding in [code scanning](${repository}/security/code-scanning?query=${query}).`
    : '';
  return `Every finding is in the reports written on the runner${run}: ${files.join(' and ')}.${scanning}`;
}

/**
 * On a pull request with a token: its files, reviews and base registry, for verifying approvals,
 * requesting reviews and the governance delta. Without a token none of that can be done.
 */
async function pullRequestFacts(
  pr: PullRequestRef | undefined,
  octokit: Octokit | undefined,
  head: Registry,
  fromRepo: string,
  env: NodeJS.ProcessEnv,
  limits: ApiLimits,
): Promise<PullRequestFacts | undefined> {
  if (!pr) return undefined;
  if (!octokit) {
    core.warning('Verifying approvals against the pull request\'s reviews needs a github-token; approvals in manifests are not verified, and there is no governance delta.');
    return undefined;
  }
  // A fetch of the base commit crosses the network with a whole tree: more room than one API call.
  const git = { timeoutMs: Math.max(limits.timeoutMs, 30_000), fetchTimeoutMs: Math.max(limits.timeoutMs, 120_000) };
  const facts = await gatherPullRequestFacts({ octokit, pr, head, rootFromRepo: fromRepo, tempDir: env.RUNNER_TEMP || tmpdir(), git });
  for (const note of facts.notes) core.info(note);
  for (const warning of facts.warnings) core.warning(warning);
  return facts;
}

/**
 * What a pull request run reports (`only-changed`): undefined for everything (not a PR, or the
 * input is off), else the changed files or "everything" with the reason. When the files cannot be
 * listed, everything is reported: hiding a finding is worse than showing one too many.
 */
function reportScope(
  inputs: ActionInputs,
  pr: PullRequestRef | undefined,
  facts: PullRequestFacts | undefined,
  fromRepo: string,
  full: LintResult,
): ChangedScope | undefined {
  if (!inputs.onlyChanged || !pr) return undefined;
  if (!facts) {
    core.warning('only-changed needs a github-token to list the pull request\'s files; reporting every finding.');
    return undefined;
  }
  if (!facts.files) return { all: true, reason: facts.filesUnknown ?? 'the pull request\'s files are unknown' };
  const scope = changedScope(facts.files.map((file) => file.filename), fromRepo, full.registry);
  core.info(scope.all ? `Reporting every finding: ${scope.reason}.` : `Reporting findings in the ${plural(scope.files.length, 'file')} this pull request changes.`);
  return scope;
}

/** Why a pull request run shows every finding; when it shows only the changed files' findings, the report says so itself. */
function describeScope(scope: ChangedScope | undefined): string {
  return scope?.all ? `_Every finding is shown: ${scope.reason}._` : '';
}

/**
 * Asks the teams holding the roles the changed models still need for review, once each (input
 * `request-reviews`). Returns the teams asked, now or before, for the governance delta. A token
 * that may not request teams (GITHUB_TOKEN cannot read an organisation's teams) warns, never fails.
 */
async function requestReviews(pr: PullRequestRef, octokit: Octokit, facts: PullRequestFacts, full: LintResult): Promise<string[]> {
  const { changed } = facts;
  if (!changed) return [];
  const models = full.registry.valid('Model').filter((model) => changed.has(model.file));
  const teams = teamsToAsk(models, full.registry, full.asOf, facts.review, pr.owner);
  if (teams.length === 0) return [];
  const label = (team: Manifest<'Team'>) => `@${team.spec.github}`;
  try {
    const pending = await pendingTeamRequests(octokit, pr);
    const { ask, asked } = teamsNotYetAsked(teams, pending, facts.reviewers);
    const stillPending = asked.filter((team) => pending.has(githubTeam(team)!.slug.toLowerCase()));
    if (ask.length === 0) {
      core.info(`Review already requested from ${teams.map(label).join(', ')}.`);
      return stillPending.map(label);
    }
    await requestTeamReviews(octokit, pr, ask.map((team) => githubTeam(team)!.slug));
    core.info(`Requested review from ${ask.map(label).join(', ')}.`);
    return [...ask, ...stillPending].map(label).sort();
  } catch (error) {
    const status = httpStatus(error);
    const why = status === 403 || status === 422
      ? ' Requesting a team needs a token that may read the organisation\'s teams (GITHUB_TOKEN usually may not): pass a GitHub App or fine-grained token as github-token, or set request-reviews: false.'
      : '';
    // A courtesy, like the comment: the findings decide the step.
    core.warning(`Cannot request review from ${teams.map(label).join(', ')} (${describeApiError(error)}).${why}`);
    return [];
  }
}

/** The governance delta for the comment and the summary: '' when the base registry is unknown. */
function governanceSection(facts: PullRequestFacts | undefined, full: LintResult, requested: readonly string[]): string {
  if (!facts?.base) return '';
  const delta = governanceDelta(facts.base.registry, full.registry, full.asOf, facts.review);
  const notes = requested.length > 0 ? [`👀 review requested from ${requested.map((team) => code(team)).join(', ')}`] : [];
  return deltaMarkdown(delta, { notes });
}

/** The sticky comment, on a pull request: its failures warn, they never decide the step. */
async function comment(
  pr: PullRequestRef | undefined,
  octokit: Octokit | undefined,
  shown: LintResult,
  parts: { intro: string; footer: string; fullReport: string },
): Promise<void> {
  if (!pr) return core.debug('Not a pull request: no comment.');
  if (!octokit) return core.warning('comment needs a github-token; the findings are in the job summary.');
  const report = [markdownReport(shown, { maxLength: REPORT_MAX_LENGTH - parts.footer.length - 100, fullReportHint: parts.fullReport, intro: parts.intro }), parts.footer].filter(Boolean).join('\n\n');
  try {
    const outcome = await upsertStickyComment(octokit, pr, report, { clean: shown.summary.errors + shown.summary.warnings === 0 });
    if (outcome.action === 'none') core.info('No problems and no earlier comment: not commenting.');
    else core.info(`${outcome.action === 'created' ? 'Created' : 'Updated'} the pull request comment (id ${outcome.id}).`);
  } catch (error) {
    const status = httpStatus(error);
    const why = status === 403 || status === 404 ? ' The token cannot comment here (a pull request from a fork gets a read-only token).' : '';
    // The comment is a courtesy: the lint result, not the API, decides the step.
    core.warning(`Cannot comment on pull request #${pr.number} (${describeApiError(error)}).${why} The findings are in the annotations and the job summary.`);
  }
}

function renderNote(rendered: RenderRun | undefined): string {
  if (!rendered) return '';
  return [...rendered.stdout, ...rendered.stderr].map((line) => `> ${line}`).join('\n');
}

function renderFailure(rendered: RenderRun | undefined): string | undefined {
  if (!rendered || rendered.code === 0) return undefined;
  return rendered.stderr.join('\n') || `ai-registry render exited ${rendered.code}`;
}
