import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentsOf } from '../../src/docs/store.js';
import { checkRegistry } from '../../src/engine.js';
import { loadRegistry } from '../../src/load/registry.js';
import { RULES } from '../../src/rules/index.js';
import rule from '../../src/rules/doc-outside-repo.js';
import { COMPLETE_TIER3, docModel, MODEL_CARD, RISK_ASSESSMENT } from '../helpers/doc-fixtures.js';
import { BASE_FILES, makeRepo } from '../helpers/repo.js';
import { testRule } from '../helpers/rule-tester.js';

const MODEL = 'registry/models/scorer.yaml';

/** A tier-3 experiment whose model card is declared at `path` (line 18, value at column 16). */
const cardAt = (path: string) => ({ ...COMPLETE_TIER3, [MODEL]: docModel({ documentation: { modelCard: path, riskAssessment: 'docs/risk.md' } }) });

/** The model card declared in git's folder, which exists and holds a complete card (so only the refusal can report it). */
const gitCardAt = (path: string) => ({ ...cardAt(path), '.git/config': MODEL_CARD, 'docs/sub/.git/config': MODEL_CARD });
const inGit = (declared: string) => ({
  line: 18,
  column: 16,
  severity: 'error' as const,
  message: [`modelCard path ${JSON.stringify(declared)} is in .git/`, "git's configuration and credentials, not documents"],
});

testRule(rule, {
  valid: [
    { name: 'paths inside the repository', files: COMPLETE_TIER3 },
    { name: 'a `..` that stays inside', files: cardAt('docs/../docs/card.md') },
    { name: 'a leading ./', files: cardAt('./docs/card.md') },
    { name: 'a missing file inside the repository is doc-missing, not this', files: cardAt('docs/nope.md') },
    { name: 'names that merely start or end like .git', files: { ...cardAt('.github/docs/card.md'), '.github/docs/card.md': MODEL_CARD } },
    { name: 'a folder named like a bare repository (my.git) and a .gitkeep', files: { ...cardAt('docs/my.git/card.md'), 'docs/my.git/card.md': MODEL_CARD, 'docs/.gitkeep': '' } },
  ],
  invalid: [
    {
      name: 'a .. escape',
      files: cardAt('../secrets/card.md'),
      findings: [{ line: 18, column: 16, severity: 'error', message: ['modelCard path "../secrets/card.md" climbs out of the repository with ".."', 'required for tier 3 from experiment', 'move it into the repository'] }],
    },
    { name: 'an absolute path', files: cardAt('/etc/passwd'), findings: [{ line: 18, column: 16, severity: 'error', message: '"/etc/passwd" is an absolute path' }] },
    { name: 'a home-folder path', files: cardAt('~/card.md'), findings: [{ line: 18, column: 16, severity: 'error', message: 'starts with "~"' }] },
    { name: 'a file URL', files: cardAt('file:///etc/passwd'), findings: [{ line: 18, column: 16, severity: 'error', message: 'is a URL (file:)' }] },
    { name: 'a web URL', files: cardAt('https://wiki.example.com/card.md'), findings: [{ line: 18, column: 16, severity: 'error', message: 'is a URL (https:)' }] },
    { name: 'a Windows absolute path', files: cardAt("'C:\\docs\\card.md'"), findings: [{ line: 18, column: 16, severity: 'error', message: 'is an absolute Windows path' }] },
    { name: 'backslashes that escape', files: cardAt("'docs\\..\\..\\card.md'"), findings: [{ line: 18, column: 16, severity: 'error', message: 'climbs out of the repository' }] },
    { name: 'a control character', files: cardAt('"docs/card\\u0007.md"'), findings: [{ line: 18, column: 16, severity: 'error', message: 'contains the control character U+0007' }] },
    { name: 'a file in .git/', files: gitCardAt('.git/config'), findings: [inGit('.git/config')] },
    { name: 'a file in .GIT/ (the same folder on a case-insensitive file system)', files: gitCardAt('.GIT/config'), findings: [inGit('.GIT/config')] },
    { name: 'a file in a nested repository or submodule', files: gitCardAt('docs/sub/.git/config'), findings: [inGit('docs/sub/.git/config')] },
    { name: 'a file in .git/ by way of ..', files: gitCardAt('docs/../.git/config'), findings: [inGit('docs/../.git/config')] },
    { name: 'backslashes into .Git', files: gitCardAt("'docs\\..\\.Git\\config'"), findings: [inGit('docs\\..\\.Git\\config')] },
    { name: '.git itself', files: gitCardAt('.git'), findings: [inGit('.git')] },
    // What Windows reads as .git (git itself refuses these names, see is_ntfs_dotgit).
    { name: 'a trailing dot (Windows drops it)', files: gitCardAt('.git./config'), findings: [inGit('.git./config')] },
    { name: 'trailing dots and spaces', files: gitCardAt("'.git . /config'"), findings: [inGit('.git . /config')] },
    { name: 'the 8.3 short name GIT~1', files: gitCardAt('GIT~1/config'), findings: [inGit('GIT~1/config')] },
    { name: 'an NTFS stream name', files: gitCardAt("'.git::$INDEX_ALLOCATION/config'"), findings: [inGit('.git::$INDEX_ALLOCATION/config')] },
    // What HFS+ (macOS) reads as .git: it ignores these invisible characters in names.
    { name: 'an invisible character inside .git', files: gitCardAt('".g\\u200cit/config"'), findings: [inGit('.g\u200cit/config')] },
    {
      name: 'a document not yet due is checked too, at the tier enforcement (tier 3: error)',
      files: { [MODEL]: docModel({ lifecycle: 'idea', documentation: { humanOversight: '/srv/oversight.md' } }) },
      findings: [{ line: 18, column: 21, severity: 'error', message: 'humanOversight path "/srv/oversight.md" is an absolute path; documents must be files inside the repository' }],
    },
    {
      name: 'tier 1 and tier 2: a warning',
      files: {
        [MODEL]: docModel({ tier: 1, lifecycle: 'production', documentation: { modelCard: '../card.md' } }),
        'registry/models/ranker.yaml': docModel({ name: 'ranker', tier: 2, lifecycle: 'idea', documentation: { modelCard: '../card.md' } }),
      },
      findings: [
        { file: 'registry/models/ranker.yaml', line: 18, column: 16, severity: 'warning', message: 'climbs out' },
        { file: MODEL, line: 18, column: 16, severity: 'warning', message: ['climbs out', 'required for tier 1 from production'] },
      ],
    },
  ],
});

describe('doc-outside-repo with real symbolic links', () => {
  let outside: string;
  let repo: { root: string; cleanup: () => void };

  beforeEach(() => {
    outside = mkdtempSync(join(tmpdir(), 'ai-registry-outside-'));
    // Opening a FIFO for reading blocks until a writer comes: any read of it would hang the test.
    execFileSync('mkfifo', [join(outside, 'card.md')]);
    // A regular file that, if read, would give section and placeholder findings.
    writeFileSync(join(outside, 'risk.md'), '# TODO\n');
    mkdirSync(join(outside, 'folder'));
    writeFileSync(join(outside, 'folder', 'data.md'), '# TODO\n');
    repo = makeRepo({
      ...BASE_FILES,
      [MODEL]: docModel({
        personalData: 'pii',
        documentation: {
          modelCard: 'docs/card.md',
          riskAssessment: 'docs/risk.md',
          dataSheet: 'docs/linked/data.md',
          humanOversight: 'docs/gone.md',
          monitoringPlan: 'docs/inside.md',
        },
      }),
      'docs/real-plan.md': '# Plan\n',
    });
    const docs = join(repo.root, 'docs');
    symlinkSync(join(outside, 'card.md'), join(docs, 'card.md'));
    symlinkSync(join(outside, 'risk.md'), join(docs, 'risk.md'));
    symlinkSync(join(outside, 'folder'), join(docs, 'linked'));
    symlinkSync(join(outside, 'nothing-here.md'), join(docs, 'gone.md'));
    symlinkSync('real-plan.md', join(docs, 'inside.md'));
  });

  afterEach(() => {
    repo.cleanup();
    rmSync(outside, { recursive: true, force: true });
  });

  it('reports every link out of the repository and never opens its target', async () => {
    const result = checkRegistry(await loadRegistry(repo.root), '2026-11-24', RULES);
    const docFindings = result.findings.filter((f) => f.ruleId.startsWith('doc-'));
    expect(docFindings.map((f) => ({ ruleId: f.ruleId, line: f.line, column: f.column, severity: f.severity, document: f.document }))).toEqual([
      { ruleId: 'doc-outside-repo', line: 18, column: 16, severity: 'error', document: 'docs/card.md' },
      { ruleId: 'doc-outside-repo', line: 19, column: 21, severity: 'error', document: 'docs/risk.md' },
      { ruleId: 'doc-outside-repo', line: 20, column: 16, severity: 'error', document: 'docs/linked/data.md' },
      // Not due at experiment, and its link dangles: still out of the repository.
      { ruleId: 'doc-outside-repo', line: 21, column: 21, severity: 'error', document: 'docs/gone.md' },
    ]);
    expect(docFindings[0]!.message).toContain('modelCard path "docs/card.md" leads outside the repository through a symbolic link');
    // The message does not reveal where the link points.
    for (const finding of docFindings) expect(finding.message).not.toContain(outside);
    // One read: docs/inside.md, the link to docs/real-plan.md that stays inside.
    expect(documentsOf(result.registry).reads).toBe(1);
  });

  it('reports a link into .git/, of the folder or of the file, and never opens .git/config', async () => {
    mkdirSync(join(repo.root, '.git'));
    writeFileSync(join(repo.root, '.git', 'config'), MODEL_CARD);
    writeFileSync(join(repo.root, 'docs', 'real-risk.md'), RISK_ASSESSMENT);
    writeFileSync(join(repo.root, MODEL), docModel({ documentation: { modelCard: 'docs/git/config', riskAssessment: 'docs/real-risk.md', dataSheet: 'docs/config.md' } }));
    symlinkSync('../.git', join(repo.root, 'docs', 'git'));
    symlinkSync('../.git/config', join(repo.root, 'docs', 'config.md'));
    const result = checkRegistry(await loadRegistry(repo.root), '2026-11-24', RULES);
    const docFindings = result.findings.filter((f) => f.ruleId.startsWith('doc-'));
    expect(docFindings.map((f) => [f.ruleId, f.line, f.column, f.document])).toEqual([
      ['doc-outside-repo', 18, 16, 'docs/git/config'],
      ['doc-outside-repo', 20, 16, 'docs/config.md'],
    ]);
    for (const finding of docFindings) expect(finding.message).toContain("is in .git/, git's own folder");
    // One read: docs/real-risk.md.
    expect(documentsOf(result.registry).reads).toBe(1);
  });

  it('follows a link that stays inside the repository', async () => {
    writeFileSync(join(repo.root, 'docs', 'real-card.md'), MODEL_CARD);
    writeFileSync(join(repo.root, 'docs', 'real-risk.md'), RISK_ASSESSMENT);
    writeFileSync(
      join(repo.root, MODEL),
      docModel({ documentation: { modelCard: 'docs/alias-card.md', riskAssessment: 'docs/real-risk.md' } }),
    );
    symlinkSync('real-card.md', join(repo.root, 'docs', 'alias-card.md'));
    const result = checkRegistry(await loadRegistry(repo.root), '2026-11-24', RULES);
    expect(result.findings.filter((f) => f.ruleId.startsWith('doc-'))).toEqual([]);
    expect(documentsOf(result.registry).reads).toBe(2);
  });
});
