import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { globSync } from 'glob';
import { Document, isCollection, parseDocument, visit, type ToStringOptions } from 'yaml';
import { checkRegistry } from '../../src/engine.js';
import type { LocateTarget, YamlPath } from '../../src/model/manifest.js';
import { positionsOf } from '../../src/load/parse.js';
import { quickLocate, quickLocator } from '../../src/load/quick-locate.js';
import { loadRegistry } from '../../src/load/registry.js';
import { json } from '../../src/report/json.js';
// @ts-expect-error: the benchmark's generator is plain JavaScript
import { repositoryFiles } from '../../scripts/bench/generate.mjs';
import { PROJECT_ROOT } from '../helpers/cli.js';
import { makeRepo } from '../helpers/repo.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const TARGETS: LocateTarget[] = ['node', 'key', 'value'];

/**
 * Every path a rule could ask about in `value`: each node, a missing key under each mapping, an
 * index past the end of each list (and indexes written as digit strings), a path below each scalar.
 */
function pathsOf(value: unknown, path: YamlPath = []): YamlPath[] {
  const paths: YamlPath[] = [path];
  if (Array.isArray(value)) {
    value.forEach((item, i) => paths.push(...pathsOf(item, [...path, i])));
    paths.push([...path, value.length], [...path, String(value.length)]);
    if (value.length > 0) paths.push([...path, String(value.length - 1)], [...path, '00']);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...path, key]));
    paths.push([...path, 'absentKey'], [...path, 0]);
  } else {
    paths.push([...path, 'deeper'], [...path, 0]);
  }
  return paths;
}

interface Agreement {
  queries: number;
  answered: number;
  disagreements: string[];
}

/** Asks both locators every path of `value` (by default, `text`'s) for every target. */
function compare(text: string, value: unknown = parseDocument(text, { logLevel: 'error' }).toJS(), into: Agreement = { queries: 0, answered: 0, disagreements: [] }): Agreement {
  const exact = positionsOf(text);
  const quick = quickLocator(text);
  for (const path of pathsOf(value)) {
    for (const target of TARGETS) {
      into.queries++;
      const answer = quick?.(path, target);
      if (answer === undefined) continue;
      into.answered++;
      const expected = exact(path, target);
      if (answer.line !== expected.line || answer.column !== expected.column) {
        into.disagreements.push(`${JSON.stringify(path)} ${target}: quick ${answer.line}:${answer.column}, yaml ${expected.line}:${expected.column}\n${text}`);
      }
    }
  }
  return into;
}

function valueOf(text: string): unknown {
  try {
    return parseDocument(text, { logLevel: 'error' }).toJS();
  } catch {
    return undefined;
  }
}

function generatedManifests(models: number): { path: string; content: string }[] {
  const files: { path: string; content: string }[] = [];
  for (const file of repositoryFiles({ models })) files.push(file);
  return files;
}

describe('quickLocate agrees with the yaml locator', () => {
  it('on every path of every manifest of the example registry and of a generated one, answering nearly all', () => {
    const texts = [
      ...globSync('registry/**/*.yaml', { cwd: PROJECT_ROOT, absolute: true }).map((f) => readFileSync(f, 'utf8')),
      ...generatedManifests(300).filter((f) => f.path.startsWith('registry/')).map((f) => f.content),
    ];
    expect(texts.length).toBeGreaterThan(300);
    const result = { queries: 0, answered: 0, disagreements: [] as string[] };
    for (const text of texts) compare(text, undefined, result);
    expect(result.disagreements.slice(0, 5)).toEqual([]);
    // Worth having only if yaml is rarely needed.
    expect(result.answered / result.queries).toBeGreaterThanOrEqual(0.95);
  });

  const MANIFEST = [
    '# header comment',
    '---',
    'apiVersion: ai-registry/v1   # trailing comment',
    'metadata:',
    '  # a comment before the first key',
    '  name: "quoted-name"',
    "  title: 'it''s single-quoted'",
    '  description: a plain scalar',
    '    that goes on over two lines',
    '',
    '    and a blank one',
    '  labels: {}',
    'spec:',
    '  empty:',
    '  emptyWithComment: # nothing here',
    '  folded: >-',
    '    text',
    '',
    '      more indented',
    '    # not a comment: part of the scalar',
    '  literal: |+',
    '    x',
    '  list:',
    '  - first # same column as its key',
    '  -',
    '  - - nested',
    '    - list',
    '  - key: compact mapping',
    '    other: [a, "b, c", {d: e}]',
    '    nested:',
    '      - deeper',
    '  approvals:',
    '    - { role: ai-coe, approver: x, date: 2026-01-01 }',
    '  url: https://example.org/a#b',
    '  negative: -1',
    '  below:',
    '    "on the line after its key"',
  ].join('\n');

  it.each([
    [['metadata', 'name'], 'node', 6, 9],
    [['metadata', 'title'], 'key', 7, 3],
    [['metadata', 'description'], 'value', 8, 16],
    [['metadata'], 'node', 4, 1],
    [['metadata'], 'value', 6, 3],
    [['metadata', 'labels', 'x'], 'node', 12, 3],
    [['spec', 'empty'], 'value', 14, 9],
    [['spec', 'emptyWithComment'], 'node', 15, 21],
    [['spec', 'folded'], 'node', 16, 11],
    [['spec', 'list'], 'value', 24, 3],
    [['spec', 'list', 1], 'value', 25, 4],
    [['spec', 'list', '2', 1], 'node', 27, 7],
    [['spec', 'list', 3, 'other', 1], 'node', 29, 16],
    [['spec', 'list', 3, 'other', 2, 'd'], 'node', 29, 28],
    [['spec', 'list', 3, 'nested', 0], 'node', 31, 9],
    [['spec', 'list', 9], 'node', 23, 3],
    [['spec', 'approvals', 0, 'date'], 'key', 33, 36],
    [['spec', 'approvals', 0], 'node', 33, 7],
    [['spec', 'missing', 'deeper'], 'node', 13, 1],
    [['spec', 'url', 'x'], 'value', 34, 3],
    [['spec', 'below'], 'value', 37, 5],
    [['spec', 'below'], 'key', 36, 3],
  ] as const)('finds %j (%s) at %i:%i, as yaml does', (path, target, line, column) => {
    expect(quickLocate(MANIFEST, path, target)).toEqual({ line, column });
    expect(positionsOf(MANIFEST)(path, target)).toEqual({ line, column });
  });

  it('answers every path of a manifest that uses all of the subset', () => {
    const result = compare(MANIFEST);
    expect(result.disagreements).toEqual([]);
    expect(result.answered).toBe(result.queries);
  });

  it.each([
    ['an anchor and alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a quoted key', '"a": 1\n'],
    ['an explicit key', '? a\n: 1\n'],
    ['a tab', 'a:\t1\n'],
    ['CR line endings', 'a: 1\r\nb: 2\r\n'],
    ['a multi-line quoted scalar', 'a: "one\n  two"\n'],
    ['a multi-line flow collection', 'a: [1,\n  2]\n'],
    ['a second document', 'a: 1\n---\nb: 2\n'],
    ['a key that is not a string', 'a: 1\ntrue: 2\n'],
    ['an indentation indicator', 'a: |2\n   x\n'],
    ['a flow collection over two lines after its key', 'a:\n  [1,\n  2]\n'],
    ['a nested mapping on the key line', 'a: b: c\n'],
    ['a key with a space', 'a key: 1\n'],
    ['odd indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['a scalar document', 'just text\n'],
    ['an empty file', '# only a comment\n'],
  ])('declines %s', (_, text) => {
    expect(quickLocator(text)).toBeUndefined();
  });

  it('declines a path through a duplicated key (an error to yaml), answering the others', () => {
    for (const text of ['a: 1\nb: 2\na: 3\n', 'x: {a: 1, b: 2, a: 3}\n']) {
      const path = text.startsWith('x') ? ['x'] : [];
      expect(quickLocate(text, [...path, 'a'], 'node')).toBeUndefined();
      expect(quickLocate(text, [...path, 'a', 'deeper'], 'key')).toBeUndefined();
      expect(quickLocate(text, [...path, 'b'], 'node')).toEqual(positionsOf(text)([...path, 'b'], 'node'));
      expect(compare(text).disagreements).toEqual([]);
    }
  });

  it('reads one-line flow collections, and declines the whole text for one it cannot read', () => {
    expect(quickLocate('a: [1, {b: c}]\nf: 1\n', ['a', 1, 'b'], 'node')).toEqual({ line: 1, column: 12 });
    expect(quickLocate('a: [1, {b: c}]\nd: {e: x:y}\nf: 1\n', ['f'], 'node')).toBeUndefined();
  });

  it('on random manifest-like values in the block styles yaml writes, with comments anywhere', () => {
    const word = fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom('alpha', 'beta', 'x', 'claims-ml', 'review', '2026-11-24', '42', '-1', '3.5', 'https://example.org/a#b', 'é', '😀') },
      { weight: 1, arbitrary: fc.constantFrom('true', 'null', '~', 'a: b', 'c #d', "it's", 'say "hi"', '- item', '[x]', '{y}', '*star', '&amp', '!bang', '@at', '%pct', '?q', ':colon', '') },
    );
    const text = fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));
    const multiline = fc.array(text, { minLength: 2, maxLength: 3 }).map((lines) => lines.join('\n'));
    const scalar = fc.oneof({ weight: 4, arbitrary: text }, multiline, fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null));
    const key = fc.oneof(
      { weight: 80, arbitrary: fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_.\/-]{0,12}$/) },
      { weight: 1, arbitrary: fc.constantFrom('true', 'null', '1', 'a b', 'a:b', '-x', 'key #', '"q"', '') },
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('list'), tie('map')),
      list: fc.array(tie('node'), { maxLength: 3 }),
      map: fc.dictionary(key, tie('node'), { maxKeys: 4 }),
    }));
    const options = fc.record({
      indent: fc.integer({ min: 1, max: 4 }),
      indentSeq: fc.boolean(),
      lineWidth: fc.constantFrom(0, 20, 60, 80, 120),
      minContentWidth: fc.constantFrom(0, 10, 20),
      defaultStringType: fc.constantFrom('PLAIN', 'PLAIN', 'PLAIN', 'PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_FOLDED', 'BLOCK_LITERAL'),
      defaultKeyType: fc.constant('PLAIN'),
      flowCollectionPadding: fc.boolean(),
    }) as fc.Arbitrary<ToStringOptions>;
    const flows = fc.array(fc.constantFrom(false, false, false, false, false, false, false, true), { minLength: 1, maxLength: 8 });
    // Lines to insert: [where, indentation, kind]: a comment line, a blank line, a trailing comment.
    const inserts = fc.array(fc.tuple(fc.nat(), fc.nat({ max: 8 }), fc.constantFrom('comment', 'blank', 'trailing')), { maxLength: 4 });
    const totals = { queries: 0, answered: 0 };
    fc.assert(
      fc.property(fc.dictionary(key, value.node, { minKeys: 1, maxKeys: 6 }), options, flows, inserts, fc.boolean(), (data, style, flowFlags, edits, marker) => {
        const doc = new Document(data);
        let n = 0;
        visit(doc, { Collection: (_, node) => void (node !== doc.contents && isCollection(node) && flowFlags[n++ % flowFlags.length] && (node.flow = true)) });
        const lines = `${marker ? '---\n' : ''}${doc.toString(style)}`.split('\n');
        for (const [where, indent, kind] of edits) {
          const at = where % lines.length;
          if (kind === 'trailing') lines[at] += ' # trailing';
          else lines.splice(at, 0, kind === 'blank' ? ' '.repeat(indent) : `${' '.repeat(indent)}# comment`);
        }
        // The paths of the data written: the text may not even parse back (yaml writes `*x` at a line start).
        const result = compare(lines.join('\n'), data);
        totals.queries += result.queries;
        totals.answered += result.answered;
        if (result.disagreements.length > 0) throw new Error(result.disagreements[0]);
      }),
      { numRuns: RUNS },
    );
    // Not vacuous: a good share is answered (the rest uses quoted keys, multi-line quotes and flows).
    expect(totals.answered / totals.queries).toBeGreaterThan(0.25);
  });

  it('on manifests mutated at random (declining or agreeing, whatever yaml makes of them)', () => {
    const manifests = generatedManifests(30).filter((f) => f.path.startsWith('registry/models/')).map((f) => f.content);
    const noise = fc.constantFrom(':', ': ', '-', '- ', '[', ']', '{', '}', '"', "'", '#', ' #', '\t', ' ', '  ', '\n', '\n  ', '&a', '*a', '!x', '|', '>', '? ', '---\n', ',', '%', '@', '`', 'key: ', '\\');
    let answered = 0;
    fc.assert(
      fc.property(fc.constantFrom(...manifests), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), noise), { minLength: 1, maxLength: 3 }), (text, edits) => {
        let mutated = text;
        for (const [at, remove, insert] of edits) {
          const i = at % (mutated.length + 1);
          mutated = mutated.slice(0, i) + insert + mutated.slice(i + remove);
        }
        // The paths of the manifest, and of what yaml makes of the mutated text when it makes a value.
        const result = compare(mutated, parseDocument(text, { logLevel: 'error' }).toJS());
        const mutatedValue = valueOf(mutated);
        if (mutatedValue !== undefined) compare(mutated, mutatedValue, result);
        if (result.answered > 0) answered++;
        if (result.disagreements.length > 0) throw new Error(result.disagreements[0]);
      }),
      { numRuns: RUNS },
    );
    expect(answered).toBeGreaterThan(RUNS / 10);
  });
});

describe('the engine gives identical reports with and without the quick locator', () => {
  it('on a generated registry with findings', async () => {
    const files = Object.fromEntries(generatedManifests(120).map((f) => [f.path, f.content]));
    const { root, cleanup } = makeRepo(files);
    try {
      const report = async (quickLocate: boolean) =>
        json(checkRegistry(await loadRegistry(root, 'registry', { quickLocate }), '2026-11-24'), { color: false });
      const [quick, slow] = [await report(true), await report(false)];
      expect(JSON.parse(quick).findings.length).toBeGreaterThan(5);
      expect(quick).toBe(slow);
    } finally {
      cleanup();
    }
  });
});
