import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compilePlaceholders, findPlaceholders, headingList, missingHeadings, normalizeHeading, scanMarkdown, withoutCodeSpans } from '../src/docs/markdown.js';
import { resolveDocPath } from '../src/docs/path.js';
import { documentsOf } from '../src/docs/store.js';
import { checkRegistry } from '../src/engine.js';
import { loadRegistry } from '../src/load/registry.js';
import { DEFAULT_POLICY_SPEC } from '../src/policy/policy.js';
import { RULES } from '../src/rules/index.js';
import { COMPLETE_TIER3, docModel, MODEL_CARD, RISK_ASSESSMENT } from './helpers/doc-fixtures.js';
import { BASE_FILES, makeRepo } from './helpers/repo.js';

const headingsOf = (text: string) => scanMarkdown(text).headings.map((h) => [h.line, h.level, h.text]);

describe('scanMarkdown: headings', () => {
  it('reads ATX headings of every level, with indentation and closing #s', () => {
    expect(headingsOf('# One\n## Two ##\n   ###### Six #####\n### Hash# inside\n#\n## ##\n')).toEqual([
      [1, 1, 'One'],
      [2, 2, 'Two'],
      [3, 6, 'Six'],
      [4, 3, 'Hash# inside'],
      [5, 1, ''],
      [6, 2, ''],
    ]);
  });

  it('needs a space after the #s, at most 3 spaces before, and at most six #s', () => {
    expect(headingsOf('#NoSpace\n    # Indented code\n####### Seven\n\t# Tab-indented\n')).toEqual([]);
  });

  it('reads setext headings, over several lines, at the line they start', () => {
    expect(headingsOf('Title\n=====\n\nTwo\nlines\n---\n\nUnderlined once\n-\n')).toEqual([
      [1, 1, 'Title'],
      [4, 2, 'Two lines'],
      [8, 2, 'Underlined once'],
    ]);
  });

  it('tells a thematic break from a setext underline', () => {
    // After a blank line, --- is a break; *** and - - - are never underlines; a list item is no paragraph.
    expect(headingsOf('Text\n\n---\nText\n***\nText\n- - -\n- item\n---\n===\n')).toEqual([]);
  });

  it('ignores headings inside fenced code blocks, matching fence character and length', () => {
    const text = ['```md', '# In backticks', '```', '~~~~', '# In tildes', '```', '~~~', '~~~~~', '# After', '````', '# Unclosed to the end'].join('\n');
    expect(headingsOf(text)).toEqual([[9, 1, 'After']]);
  });

  it('does not take a backtick line with backticks in its info string for a fence', () => {
    expect(headingsOf('``` a ` b\n# Heading\n')).toEqual([[2, 1, 'Heading']]);
  });

  it('handles CRLF and CR line endings', () => {
    expect(headingsOf('# One\r\nText\r\n---\r# Three\r')).toEqual([
      [1, 1, 'One'],
      [2, 2, 'Text'],
      [4, 1, 'Three'],
    ]);
  });
});

describe('headings comparison', () => {
  it('is case-insensitive, collapses whitespace and ignores a trailing colon', () => {
    expect(normalizeHeading('  Intended   USE : ')).toBe('intended use');
    expect(normalizeHeading('Residual\tRisk:')).toBe('residual risk');
  });

  it('lists the missing headings in the required order', () => {
    const outline = scanMarkdown('## limitations:\nEvaluation\n---\n');
    expect(missingHeadings(headingList(outline), ['Intended Use', 'Evaluation', 'Limitations', 'Ethical Considerations'])).toEqual(['Intended Use', 'Ethical Considerations']);
  });
});

describe('placeholders', () => {
  const patterns = compilePlaceholders(DEFAULT_POLICY_SPEC.placeholders);
  const hits = (text: string) => findPlaceholders(scanMarkdown(text), patterns).map((h) => [h.line, h.text]);

  it('finds the default placeholders, case-insensitively, with their lines', () => {
    expect(hits('# Card\nOwner: <Fill In>\n\ntodo later\nLOREM IPSUM\nA TBD and a TODO\n')).toEqual([
      [2, '<Fill In>'],
      [4, 'todo'],
      [5, 'LOREM IPSUM'],
      [6, 'TODO'],
      [6, 'TBD'],
    ]);
  });

  it('skips fenced code, inline code spans and words that only contain one', () => {
    expect(hits('`TODO` and ``a ` TBD``\n```\nTODO\n```\n~~~\nTBD\nTODOS, mastodon, TBDs\n~~~\nTODOS\n')).toEqual([]);
  });

  it('reports a placeholder next to an unmatched backtick', () => {
    expect(hits('a ` TODO\n')).toEqual([[1, 'TODO']]);
  });

  it('counts the same text matched by two patterns once, and never an empty match', () => {
    const twice = compilePlaceholders(['\\bTODO\\b', 'todo', 'x*']);
    expect(findPlaceholders(scanMarkdown('TODO\n'), twice)).toEqual([{ line: 1, text: 'TODO', pattern: '\\bTODO\\b' }]);
  });

  it('blanks code spans without moving the rest of the line', () => {
    const line = 'a `b` c ``d`e`` f ```g';
    expect(withoutCodeSpans(line)).toBe(`a ${' '.repeat(3)} c ${' '.repeat(7)} f \`\`\`g`);
    expect(withoutCodeSpans(line)).toHaveLength(line.length);
  });
});

describe('resolveDocPath', () => {
  let root: string;
  let outside: string;
  beforeAll(() => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'ai-registry-docs-')));
    outside = realpathSync(mkdtempSync(join(tmpdir(), 'ai-registry-elsewhere-')));
    mkdirSync(join(root, 'docs'));
    writeFileSync(join(root, 'docs', 'card.md'), '# Card\n');
    writeFileSync(join(outside, 'secret.md'), 'secret\n');
    symlinkSync('card.md', join(root, 'docs', 'alias.md'));
    symlinkSync(join(outside, 'secret.md'), join(root, 'docs', 'out.md'));
    symlinkSync(outside, join(root, 'docs', 'elsewhere'));
    symlinkSync(join(outside, 'missing.md'), join(root, 'docs', 'dangling.md'));
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it.each([
    ['/etc/passwd', 'is an absolute path'],
    ['\\\\server\\share\\card.md', 'is an absolute path'],
    ['C:\\docs\\card.md', 'is an absolute Windows path'],
    ['c:docs/card.md', 'is an absolute Windows path'],
    ['../card.md', 'climbs out of the repository with ".."'],
    ['docs/../../card.md', 'climbs out of the repository with ".."'],
    ['docs\\..\\..\\card.md', 'climbs out of the repository with ".."'],
    ['..', 'climbs out of the repository with ".."'],
    ['~/card.md', 'starts with "~", a home folder, which is not in the repository'],
    ['~root/card.md', 'starts with "~", a home folder, which is not in the repository'],
    ['file:///etc/passwd', 'is a URL (file:), not a file in the repository'],
    ['HTTPS://example.com/card.md', 'is a URL (https:), not a file in the repository'],
    ['docs/card.md\u0000.txt', 'contains the control character U+0000'],
    ['docs/\ncard.md', 'contains the control character U+000A'],
    ['   ', 'is blank'],
  ])('refuses %j', (declared, reason) => {
    expect(resolveDocPath(root, declared)).toEqual({ ok: false, reason });
  });

  it.each([
    ['docs/card.md', 'docs/card.md', 'docs/card.md'],
    ['./docs//card.md', 'docs/card.md', 'docs/card.md'],
    ['docs/../docs/card.md', 'docs/card.md', 'docs/card.md'],
    ['docs\\card.md', 'docs/card.md', 'docs/card.md'],
    ['docs/alias.md', 'docs/alias.md', 'docs/card.md'],
    ['docs/not-yet.md', 'docs/not-yet.md', 'docs/not-yet.md'],
    ['docs/no-folder/x.md', 'docs/no-folder/x.md', 'docs/no-folder/x.md'],
  ])('accepts %j', (declared, relative, real) => {
    expect(resolveDocPath(root, declared)).toEqual({ ok: true, relative, absolute: join(root, ...real.split('/')) });
  });

  it.each(['docs/out.md', 'docs/elsewhere/secret.md', 'docs/elsewhere/not-there.md', 'docs/dangling.md'])('refuses %j, a link out of the repository', (declared) => {
    expect(resolveDocPath(root, declared)).toEqual({ ok: false, reason: 'leads outside the repository through a symbolic link', relative: declared });
  });
});

describe('the document store', () => {
  it('reads a document shared by several models and rules once', async () => {
    const { root, cleanup } = makeRepo({
      ...BASE_FILES,
      'registry/models/scorer.yaml': docModel({ documentation: { modelCard: 'docs/card.md', riskAssessment: 'docs/risk.md' } }),
      'registry/models/ranker.yaml': docModel({ name: 'ranker', documentation: { modelCard: 'docs/card.md', riskAssessment: './docs/risk.md' } }),
      'registry/models/router.yaml': docModel({ name: 'router', documentation: { modelCard: 'docs/alias.md', riskAssessment: 'docs/risk.md' } }),
      'docs/card.md': `${MODEL_CARD}TODO\n`,
      'docs/risk.md': RISK_ASSESSMENT,
    });
    try {
      symlinkSync('card.md', join(root, 'docs', 'alias.md'));
      const result = checkRegistry(await loadRegistry(root), '2026-11-24', RULES);
      expect(result.findings.filter((f) => f.ruleId === 'doc-placeholder').map((f) => `${f.name} ${f.document}`)).toEqual([
        'ranker docs/card.md',
        'router docs/alias.md',
        'scorer docs/card.md',
      ]);
      const store = documentsOf(result.registry);
      expect(store).toBe(documentsOf(result.registry));
      expect(store.reads).toBe(2);
      // `explain` asks again: still no new read.
      expect(store.check('docs/card.md', 'modelCard', result.registry.policy)).toEqual({
        state: 'present',
        relative: 'docs/card.md',
        missingHeadings: [],
        placeholders: [{ line: 22, text: 'TODO', pattern: '\\bTODO\\b' }],
      });
      expect(store.check('docs/risk.md', 'modelCard', result.registry.policy)).toMatchObject({ state: 'present', missingHeadings: ['Intended Use', 'Training Data', 'Evaluation', 'Limitations', 'Ethical Considerations'] });
      expect(store.reads).toBe(2);
    } finally {
      cleanup();
    }
  });

  it('gives statuses explain can print', async () => {
    const { root, cleanup } = makeRepo({ ...COMPLETE_TIER3, 'docs/empty.md': '\n' });
    try {
      const { registry } = await loadRegistry(root);
      const store = documentsOf(registry);
      // The documents the models declare were read while loading; these are new paths.
      const readWhileLoading = store.reads;
      expect(store.check('docs/nope.md', 'modelCard', registry.policy)).toEqual({ state: 'missing', relative: 'docs/nope.md', problem: 'not-found', reason: 'does not exist' });
      expect(store.check('docs', 'modelCard', registry.policy)).toEqual({ state: 'missing', relative: 'docs', problem: 'directory', reason: 'is a directory' });
      expect(store.check('docs/empty.md', 'modelCard', registry.policy)).toEqual({ state: 'missing', relative: 'docs/empty.md', problem: 'empty', reason: 'is empty' });
      expect(store.check('../x.md', 'modelCard', registry.policy)).toEqual({ state: 'outside', declared: '../x.md', reason: 'climbs out of the repository with ".."' });
      expect(store.outside('docs/card.md')).toBeUndefined();
      // Only docs/empty.md was read: a missing file or a folder is not.
      expect(store.reads - readWhileLoading).toBe(1);
    } finally {
      cleanup();
    }
  });
});
