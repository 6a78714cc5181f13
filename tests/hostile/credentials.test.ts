import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { explainText } from '../../src/cli/explain.js';
import { lint, type LintResult } from '../../src/engine.js';
import type { Manifest } from '../../src/model/manifest.js';
import { FORMATS, FORMATTERS } from '../../src/report/index.js';
import { useActionRun } from '../helpers/action-runner.js';
import { COMPLETE_TIER3, docModel, MODEL_CARD } from '../helpers/doc-fixtures.js';
import { BASE_FILES, makeRepo } from '../helpers/repo.js';
import { CHECKOUT_TOKEN, EXTRAHEADER_POLICY, GIT_CONFIG } from './cases.js';

/**
 * The checkout token never reaches an output. actions/checkout leaves it in `.git/config` as
 * `extraheader = AUTHORIZATION: basic <base64>`; a model card declared there (by any path),
 * under a policy pattern `extraheader.*` that matches the rest of that line, once made
 * doc-placeholder quote the header in annotations, the job summary and the PR comment. Now the
 * path is refused unread (doc-outside-repo), and the same line pasted into a document inside the
 * repository is reported with its line number but not shown.
 */

const AS_OF = '2026-11-24';
const PR = 7;

/** Everything of the token an output could show: the base64, its decoding, the header. */
const SECRETS = [CHECKOUT_TOKEN, CHECKOUT_TOKEN.slice(0, 12), Buffer.from(CHECKOUT_TOKEN, 'base64').toString(), 'AUTHORIZATION', 'extraheader ='];

/** A model whose model card is declared at `card` (line 18, column 16). */
const model = (name: string, card: string) => docModel({ name, documentation: { modelCard: card, riskAssessment: 'docs/risk.md' } });

const FILES: Record<string, string> = {
  ...BASE_FILES,
  ...COMPLETE_TIER3,
  '.git/config': GIT_CONFIG,
  'docs/deep/.git/config': GIT_CONFIG,
  'registry/policy.yaml': EXTRAHEADER_POLICY,
  'registry/models/scorer.yaml': model('scorer', '.git/config'),
  'registry/models/upper.yaml': model('upper', '.GIT/config'),
  'registry/models/nested.yaml': model('nested', 'docs/deep/.git/config'),
  'registry/models/linked.yaml': model('linked', 'docs/link/config'),
  // Someone pasted the config into a document inside the repository.
  'registry/models/pasted.yaml': model('pasted', 'docs/pasted.md'),
  'docs/pasted.md': `${MODEL_CARD}\n${GIT_CONFIG}`,
};

let root: string;
let cleanup: () => void;
let result: LintResult;

beforeAll(async () => {
  ({ root, cleanup } = makeRepo(FILES));
  symlinkSync('../.git', join(root, 'docs', 'link'));
  result = await lint({ root, asOf: AS_OF });
});
afterAll(() => cleanup());

function expectNoSecret(output: string): void {
  for (const secret of SECRETS) expect(output).not.toContain(secret);
}

it('refuses every path into .git/ and withholds the pasted header: exactly these findings', () => {
  expect(result.findings.map((f) => [f.file, f.line, f.column, f.ruleId])).toEqual([
    ['registry/models/linked.yaml', 18, 16, 'doc-outside-repo'],
    ['registry/models/nested.yaml', 18, 16, 'doc-outside-repo'],
    ['registry/models/pasted.yaml', 18, 16, 'doc-placeholder'],
    ['registry/models/scorer.yaml', 18, 16, 'doc-outside-repo'],
    ['registry/models/upper.yaml', 18, 16, 'doc-outside-repo'],
  ]);
  expect(result.findings.find((f) => f.ruleId === 'doc-placeholder')!.message).toBe(
    'docs/pasted.md:28 still holds a placeholder, not shown because it looks like a credential (model card, required for tier 3 from experiment); replace it with the real content',
  );
  for (const f of result.findings.filter((f) => f.ruleId === 'doc-outside-repo')) expect(f.message).toContain("is in .git/, git's own folder");
});

it.each(FORMATS)('shows no part of the token in --format %s', (format) => {
  for (const color of [false, true]) expectNoSecret(FORMATTERS[format](result, { color }));
});

it('shows no part of the token in explain', () => {
  for (const name of ['scorer', 'pasted']) {
    const text = explainText(result.registry.get('Model', name) as Manifest<'Model'>, result, false);
    expectNoSecret(text);
    expect(text).toMatch(name === 'pasted' ? /docs\/pasted\.md:28 still holds a placeholder not/ : /\.git\/config: is in \.git\//);
  }
});

describe('the Action', () => {
  const pr = useActionRun(() => root, { asOf: AS_OF, number: PR });

  it('shows no part of the token in its annotations, log, job summary or PR comment', () => {
    const { run, api } = pr();
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('doc-outside-repo');
    expect(run.summary).toContain('not shown because it looks like a credential');
    expectNoSecret(run.stdout);
    expectNoSecret(run.stderr);
    expectNoSecret(run.summary);
    const comments = api.comments.get(PR) ?? [];
    expect(comments).toHaveLength(1);
    expectNoSecret(comments[0]!.body);
  });
});
