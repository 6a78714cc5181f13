import { explainText } from '../../src/cli/explain.js';
import { lint, type LintResult } from '../../src/engine.js';
import type { Manifest } from '../../src/model/manifest.js';
import { renderDashboard } from '../../src/render/dashboard.js';
import { renderInventory } from '../../src/render/inventory.js';
import { FORMATTERS } from '../../src/report/index.js';
import { useActionRun } from '../helpers/action-runner.js';
import { COMPLETE_TIER3, docModel, MODEL_CARD } from '../helpers/doc-fixtures.js';
import { BASE_FILES, makeRepo } from '../helpers/repo.js';

/**
 * Trojan Source: bidirectional controls and invisible format characters written in manifests
 * (values, a file name) and documents never reach a person raw. Every output that is read shows
 * each one as `<U+202E>` (markdown: `&lt;U+202E&gt;`, which renders so); JSON keeps the exact
 * value, written with `\u202e` escapes.
 */

const AS_OF = '2026-11-24';
const PR = 7;

/** Every character of the set, each after a letter. */
const CHARACTERS = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c', '\u200b', '\u2060', '\u2061', '\u2062', '\u2063', '\u2064', '\ufeff', '\u180e', '\u{e0000}', '\u{e0041}', '\u{e007f}'];
const TEXT = `Claims ${CHARACTERS.map((c) => `x${c}`).join('')} end`;
const RAW = new RegExp(`[${CHARACTERS.join('')}]`, 'u');
const q = (text: string) => JSON.stringify(text);

/** A file name with a right-to-left override: `trojan<RLO>lmay.yaml` shows as `trojanyaml.yaml`-ish. */
const TROJAN_FILE = 'registry/teams/trojan\u202elmay.yaml';

const FILES: Record<string, string> = {
  ...BASE_FILES,
  ...COMPLETE_TIER3,
  'registry/teams/trojan-team.yaml': `apiVersion: ai-registry/v1\nkind: Team\nmetadata:\n  name: trojan-team\n  title: ${q(TEXT)}\n  labels: { note: ${q(TEXT)} }\nspec:\n  businessUnit: ${q(TEXT)}\n  contact: t@example.com\n  members: [${q(`ad\u202emin`)}]\n`,
  [TROJAN_FILE]: `apiVersion: ai-registry/v1\nkind: Team\nmetadata:\n  name: trojan\nspec:\n  businessUnit: Claims\n  contact: t@example.com\n`,
  'registry/models/scorer.yaml': docModel({ documentation: { modelCard: 'docs/card.md', riskAssessment: 'docs/risk.md' } }).replace('  name: scorer\n', `  name: scorer\n  title: ${q(TEXT)}\n`),
  // A document's placeholder, quoted in doc-placeholder's message.
  'docs/card.md': `${MODEL_CARD}\nOwner: <fill in \u202ethe owner\u2069\u{e0041}>\n`,
};

let root: string;
let cleanup: () => void;
let result: LintResult;

beforeAll(async () => {
  ({ root, cleanup } = makeRepo(FILES));
  result = await lint({ root, asOf: AS_OF });
});
afterAll(() => cleanup());

/** No raw character of the set, and the text did get there, shown. */
function expectShown(output: string, shown = '<U+202E>'): void {
  expect(output).not.toMatch(RAW);
  expect(output).toContain(shown);
}

it('lints findings that hold the characters raw (the data is exact)', () => {
  expect(result.findings.filter((f) => RAW.test(f.message)).map((f) => f.ruleId)).toEqual(expect.arrayContaining(['doc-placeholder', 'name-mismatch', 'schema']));
  expect(result.findings.some((f) => f.file === TROJAN_FILE)).toBe(true);
  expect(result.findings.filter((f) => f.ruleId === 'invisible-character').map((f) => f.message.split(' holds')[0])).toEqual([
    'metadata.title',
    'metadata.title',
    'metadata.labels.note',
    'spec.businessUnit',
    'spec.members[0]',
  ]);
});

it('stylish shows each character as <U+XXXX>, in messages and file names', () => {
  for (const color of [false, true]) {
    const report = FORMATTERS.stylish(result, { color });
    expectShown(report);
    expect(report).toContain('registry/teams/trojan<U+202E>lmay.yaml');
    expect(report).toContain('<U+E0041>');
  }
});

it('github annotations show them in the message and in the file property', () => {
  const lines = FORMATTERS.github(result, { color: false }).trimEnd().split('\n');
  for (const line of lines) expect(line).not.toMatch(RAW);
  expect(lines.some((line) => line.includes('file=registry/teams/trojan<U+202E>lmay.yaml,'))).toBe(true);
  expect(lines.some((line) => line.includes('"<fill in <U+202E>the owner<U+2069><U+E0041>>"'))).toBe(true);
});

it('SARIF shows them in message text and has no raw character anywhere', () => {
  const output = FORMATTERS.sarif(result, { color: false });
  expect(output).not.toMatch(RAW);
  const log = JSON.parse(output) as { runs: [{ results: { message: { text: string } }[] }] };
  expect(log.runs[0].results.some((r) => r.message.text.includes('<U+202E>'))).toBe(true);
});

it('JSON keeps every value exact, written with \\u escapes', () => {
  const output = FORMATTERS.json(result, { color: false });
  expect(output).not.toMatch(RAW);
  expect(output).toContain('\\u202e');
  expect(output).toContain('\\udb40\\udc41');
  const parsed = JSON.parse(output) as { findings: { message: string; file: string }[] };
  expect(parsed.findings.map((f) => [f.file, f.message])).toEqual(result.findings.map((f) => [f.file, f.message]));
});

it('markdown (report, dashboard, inventory) shows them as &lt;U+XXXX&gt;', () => {
  expectShown(FORMATTERS.markdown(result, { color: false }), '&lt;U+202E&gt;');
  expectShown(renderInventory(result), '&lt;U+202E&gt;');
  expect(renderDashboard(result)).not.toMatch(RAW);
});

it('explain shows them in the title and the checklist', () => {
  const text = explainText(result.registry.get('Model', 'scorer') as Manifest<'Model'>, result, false);
  expectShown(text);
  expect(text).toContain(`scorer — Claims x<U+202A>x<U+202B>`);
});

describe('the Action', () => {
  const pr = useActionRun(() => root, { asOf: AS_OF, number: PR });

  it('shows them in its annotations, log, job summary and PR comment', () => {
    const { run, api } = pr();
    expect(run.status).toBe(1);
    expectShown(run.stdout);
    expect(run.stderr).not.toMatch(RAW);
    expectShown(run.summary, '&lt;U+202E&gt;');
    const comments = api.comments.get(PR) ?? [];
    expect(comments).toHaveLength(1);
    expectShown(comments[0]!.body, '&lt;U+202E&gt;');
  });
});
