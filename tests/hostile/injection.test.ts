import { marked, type Token, type Tokens } from 'marked';
import { lint, type LintResult } from '../../src/engine.js';
import { renderDashboard } from '../../src/render/dashboard.js';
import { renderInventory } from '../../src/render/inventory.js';
import { github } from '../../src/report/github.js';
import { stylish } from '../../src/report/stylish.js';
import { markdownReport } from '../../src/report/markdown.js';
import { useActionRun, type ActionRun } from '../helpers/action-runner.js';
import { RISK } from '../helpers/model-yaml.js';
import { BASE_FILES, makeRepo } from '../helpers/repo.js';
import { allTokens, cellCountsOf, tablesOf } from '../render/fixtures.js';

/**
 * Markdown, HTML, mention, marker and workflow-command injection through every text field that
 * reaches the dashboard, the inventory, the markdown report, the GitHub annotations, and the
 * Action's job summary and PR comment. Anyone who can open a pull request writes manifest text.
 */

const AS_OF = '2026-11-24';
const PR = 7;

/** One line of everything at once. */
const EVIL = '| <script>alert(1)</script> @everyone @northwind/admins [x](javascript:alert(1)) ![i](https://evil.example/t.png) <https://evil.example> www.evil.example #1 <!-- ai-registry:dashboard:end --> <!-- ai-registry:pr-comment --> ::set-output name=x::y %0A::error::pwned `code` *em* <img src=x onerror=alert(1)>';
/** And line breaks, each starting something: a command, a heading, a table row, a mention. */
const EVIL_LINES = `${EVIL}\n::error file=x,line=1::injected\r\n## Forged heading\n| a | b | c | d | e | f | g | h |\n@everyone\n- [ ] list\n\u001b[2J\u001b]0;title\u0007\n---`;
/** A double-quoted YAML scalar: JSON's escapes are YAML's. */
const q = (text: string) => JSON.stringify(text);

const EVIL_FILE = 'registry/models/evil | @everyone [x](javascript:y) %0A::error::pwned `x`.yaml';
/** A file name with a line break and a terminal escape in it. */
const EVIL_LINE_FILE = 'registry/models/evil\n::warning::pwned-by-file\u001b[2J.yaml';

const FILES: Record<string, string> = {
  ...BASE_FILES,
  'registry/teams/evil-team.yaml': `apiVersion: ai-registry/v1
kind: Team
metadata:
  name: evil-team
  title: ${q(EVIL)}
  description: ${q(EVIL_LINES)}
  labels: { note: ${q(EVIL)} }
spec:
  businessUnit: ${q(EVIL_LINES)}
  contact: evil@example.com
  members: [asmith]
`,
  'registry/projects/evil-project.yaml': `apiVersion: ai-registry/v1
kind: Project
metadata:
  name: evil-project
  title: ${q(EVIL_LINES)}
spec:
  owner: evil-team
  sponsor: ${q(EVIL_LINES)}
  businessUnit: ${q(EVIL)}
  value: { annualSavingsUsd: 250000 }
`,
  'registry/models/evil-model.yaml': `apiVersion: ai-registry/v1
kind: Model
metadata:
  name: evil-model
  title: ${q(EVIL_LINES)}
  description: ${q(EVIL_LINES)}
spec:
  project: evil-project
  owner: evil-team
  type: llm
  lifecycle: production
  tier: 1
  risk: ${RISK.tier1}
  dates: { ideated: 2026-01-05, experimentStarted: 2026-02-01, pilotStarted: 2026-04-01, productionSince: 2026-06-01 }
  review: { lastReviewed: 2026-10-01 }
  documentation:
    modelCard: ${q(`docs/${EVIL}.md`)}
  monitoring:
    metrics: [${q(EVIL)}, ${q(EVIL_LINES)}]
  incidents:
    - { date: 2026-07-01, severity: low, summary: ${q(EVIL_LINES)} }
`,
  // Schema-invalid: its name, kind and owner are any text, and still reach titles and messages.
  [EVIL_FILE]: `apiVersion: ai-registry/v1
kind: Model
metadata:
  name: ${q(EVIL_LINES)}
spec:
  project: ${q(EVIL)}
  owner: ${q(EVIL_LINES)}
`,
  [EVIL_LINE_FILE]: `apiVersion: ai-registry/v1
kind: Model
metadata:
  name: ${q(EVIL_LINES)}
spec: {}
`,
  'registry/waivers/evil-waiver.yaml': `apiVersion: ai-registry/v1
kind: Waiver
metadata:
  name: evil-waiver
  title: ${q(EVIL)}
spec:
  rule: doc-missing
  target: evil-model
  justification: ${q(EVIL_LINES)}
  approvedBy: ecoe
  approvedOn: 2026-11-01
  expires: 2026-11-20
`,
};

/** Our own HTML: the folded sections of the report, the comment's marker, the as-of stamp. */
const OUR_HTML = [/^<details( open)?><summary>[^<]*<\/summary>\s*$/, /^<\/details>\s*$/, /^<!-- ai-registry:pr-comment -->\s*$/, /^<!-- ai-registry:as-of \d{4}-\d{2}-\d{2} -->\s*$/];
/** Our own links: manifests and files by relative path, the run on GitHub. */
const OUR_ABSOLUTE_LINKS = /^https:\/\/github\.com\/northwind\/ai-registry\//;

/** Everything the manifest text must not achieve in a markdown document. */
function expectSafeMarkdown(markdown: string, options: { markers?: string[] } = {}): void {
  // Every table row has the header's cell count, and no row was swallowed or split.
  for (const table of tablesOf(markdown)) {
    const counts = cellCountsOf(table);
    expect(counts).toEqual(counts.map(() => table.header.length));
    expect(table.rows.length).toBe(counts.length - 2);
  }
  const tokens = allTokens(markdown);
  // No HTML but ours.
  for (const html of tokens.filter((t) => t.type === 'html')) {
    expect(OUR_HTML.some((pattern) => pattern.test(html.raw))).toBe(true);
  }
  // No link with a scheme but to the repository on GitHub: no javascript:, no image, no autolink.
  for (const link of tokens.filter((t): t is Tokens.Link => t.type === 'link')) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(link.href)) expect(link.href).toMatch(OUR_ABSOLUTE_LINKS);
  }
  expect(tokens.filter((t) => t.type === 'image')).toEqual([]);
  // No heading but ours, none forged by a line break.
  expect(tokens.filter((t) => t.type === 'heading').map((t) => (t as Tokens.Heading).text)).not.toContainEqual(expect.stringContaining('Forged'));
  // Markers: only the ones the caller puts there.
  const markers = markdown.match(/<!-- ai-registry:[^>]*-->/g) ?? [];
  expect(markers).toEqual(options.markers ?? []);
  // Nobody pinged: no @mention outside code, where GitHub does not link mentions.
  expect(proseOf(tokens)).not.toMatch(/@everyone|@northwind\/admins/);
  // Shown as text.
  const html = marked.parse(markdown, { gfm: true, async: false });
  expect(html).not.toMatch(/<script|<img|href="javascript:|<h\d[^>]*>Forged/i);
}

/** The text of every token that is not code, as GitHub would scan it for mentions. */
function proseOf(tokens: readonly Token[]): string {
  return tokens
    .filter((t) => t.type === 'text' || t.type === 'escape' || t.type === 'paragraph' || t.type === 'heading')
    .map((t) => ('tokens' in t && t.tokens ? '' : t.raw))
    .join('\n');
}

/** Manifest text did reach the document (else the checks above prove nothing). */
function expectHostileTextShown(markdown: string): void {
  const html = marked.parse(markdown, { gfm: true, async: false });
  expect(html).toContain('&lt;script&gt;');
  expect(html).toMatch(/set-output/);
}

/** The workflow commands the runner would read: a command only at the very start of a line. */
const COMMAND_LINE = /^::(error|warning|notice) file=[^:,\r\n]*,line=\d+,col=\d+,title=[a-z]+(-[a-z]+)*::[^\r\n]*$/;

let root: string;
let cleanup: () => void;
let result: LintResult;

beforeAll(async () => {
  ({ root, cleanup } = makeRepo(FILES));
  result = await lint({ root, asOf: AS_OF });
});
afterAll(() => cleanup());

it('lints the hostile registry into findings that quote the hostile text', () => {
  expect(result.findings.length).toBeGreaterThan(3);
  expect(result.findings.some((f) => f.message.includes('::set-output'))).toBe(true);
  expect(result.findings.some((f) => f.file === EVIL_FILE)).toBe(true);
  expect(result.manifests.map((m) => m.name)).toEqual(expect.arrayContaining(['evil-team', 'evil-project', 'evil-model', EVIL_LINES]));
});

describe('the rendered markdown', () => {
  it('dashboard: tables keep their shape; no HTML, link, marker or mention gets through', () => {
    const dashboard = renderDashboard(result);
    expectSafeMarkdown(dashboard);
    expectHostileTextShown(dashboard);
  });

  it('inventory: the same, with the model linked only to its percent-encoded manifest', () => {
    const inventory = renderInventory(result);
    expectSafeMarkdown(inventory);
    expectHostileTextShown(inventory);
    const hrefs = allTokens(inventory).filter((t): t is Tokens.Link => t.type === 'link').map((t) => t.href);
    expect(hrefs).toContain('registry/models/evil-model.yaml');
  });

  it('markdown report: the same, for every finding and group title', () => {
    const report = markdownReport(result);
    expectSafeMarkdown(report);
    expectHostileTextShown(report);
  });
});

describe('the GitHub annotations', () => {
  it('are one well-formed command per finding: no text ends a line or starts a command', () => {
    const lines = github(result, { color: false }).replace(/\n$/, '').split('\n');
    expect(lines).toHaveLength(result.findings.length);
    for (const line of lines) expect(line).toMatch(COMMAND_LINE);
    // The `%0A` written in a manifest stays text: its `%` is escaped, so the runner shows `%0A`.
    expect(lines.join('\n')).toContain('%250A::error::pwned');
    expect(lines.some((line) => line.includes(`file=${'registry/models/evil | @everyone [x](javascript%3Ay) %250A%3A%3Aerror%3A%3Apwned `x`.yaml'}`))).toBe(true);
  });
});

describe('the terminal report (stylish, the CLI\'s default, also run in CI logs)', () => {
  it('keeps manifest text on its line: no workflow command, no control character', () => {
    for (const color of [false, true]) {
      const report = stylish(result, { color });
      expect(report).toContain('pwned-by-file');
      for (const line of report.split('\n')) expect(line).not.toMatch(/^\s*::/);
      const controls = report.replace(/\u001b\[\d+m/g, '').replace(/\n/g, '');
      expect(controls).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    }
  });
});

describe('the Action', () => {
  const pr = useActionRun(() => root, { asOf: AS_OF, number: PR });
  let run: ActionRun;
  beforeAll(() => {
    run = pr().run;
  });

  it('prints no workflow command but its annotations', () => {
    expect(run.status).toBe(1);
    const commands = run.stdout.split(/\r?\n/).filter((line) => line.startsWith('::'));
    expect(commands.length).toBeGreaterThan(1);
    // Annotations, and the step's own failure message.
    for (const line of commands) expect(COMMAND_LINE.test(line) || /^::error::ai-registry: \d+ errors? \(fail-on: error\)$/.test(line)).toBe(true);
    expect(run.stdout).not.toMatch(/^::(set-output|add-mask|stop-commands|error::pwned|error file=x,line=1::injected)/m);
    expect(run.outputs).not.toHaveProperty('x');
  });

  it('writes a job summary that keeps its shape and shows the text as text', () => {
    expectSafeMarkdown(run.summary);
    expectHostileTextShown(run.summary);
  });

  it('posts one comment that keeps its shape, with only its own marker', () => {
    const comments = pr().api.comments.get(PR) ?? [];
    expect(comments).toHaveLength(1);
    expectSafeMarkdown(comments[0]!.body, { markers: ['<!-- ai-registry:pr-comment -->'] });
    expectHostileTextShown(comments[0]!.body);
  });
});
