import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { globSync } from 'glob';
import { parseAllDocuments, stringify } from 'yaml';
import { checkRegistry } from '../../src/engine.js';
import { fastParse } from '../../src/load/fast-parse.js';
import { loadRegistry } from '../../src/load/registry.js';
import { json } from '../../src/report/json.js';
// @ts-expect-error: the benchmark's generator is plain JavaScript
import { repositoryFiles } from '../../scripts/bench/generate.mjs';
import { PROJECT_ROOT } from '../helpers/cli.js';
import { makeRepo } from '../helpers/repo.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

/** What `yaml` makes of a text: its value, or 'rejected' when it reports any error or warning. */
function authority(text: string): unknown {
  const docs = parseAllDocuments(text, { uniqueKeys: true });
  if (!Array.isArray(docs) || docs.length !== 1) return 'rejected';
  const [doc] = docs;
  if (doc!.errors.length > 0 || doc!.warnings.length > 0) return 'rejected';
  try {
    return doc!.toJS({ maxAliasCount: 100 });
  } catch {
    return 'rejected';
  }
}

/** The property: the fast path either declines, or yields exactly what `yaml` yields. */
function agrees(text: string): boolean {
  const fast = fastParse(text);
  if (fast === undefined) return true;
  return isDeepStrictEqual(fast, authority(text));
}

function generatedManifests(models: number): { path: string; content: string }[] {
  const files: { path: string; content: string }[] = [];
  for (const file of repositoryFiles({ models })) files.push(file);
  return files;
}

describe('the fast parse path agrees with yaml', () => {
  it('on every manifest of the example registry and of a generated one', () => {
    const texts = [
      ...globSync('registry/**/*.yaml', { cwd: PROJECT_ROOT, absolute: true }).map((f) => readFileSync(f, 'utf8')),
      ...generatedManifests(400).filter((f) => f.path.startsWith('registry/')).map((f) => f.content),
    ];
    let accepted = 0;
    for (const text of texts) {
      expect(agrees(text)).toBe(true);
      if (fastParse(text)) accepted++;
    }
    // The fast path must actually be taken, or the engine pays the slow parse everywhere.
    expect(accepted / texts.length).toBeGreaterThan(0.95);
  });

  it.each([
    ['YAML 1.2 core scalars', 'a: 0o17\nb: 0x1F\nc: +12\nd: -0\ne: .5\nf: 1.\ng: 1e3\nh: .inf\ni: -.Inf\nj: .nan\nk: ~\nl:\nm: Null\nn: TRUE\no: yes\np: 2026-01-01\nq: 0123\nr: 1.50\ns: 1_000\n'],
    ['quoting and block scalars', 'a: "x\\ty"\nb: |\n  line\n  two\nc: >-\n  folded\n  text\n\n  para\nd: \'it\'\'s\'\n'],
    ['keys that are JavaScript internals', '__proto__: {polluted: true}\nconstructor: 2\ntoString: x\n'],
    ['flow collections', 'a: [1, {b: c}, "d"]\ne: {}\n'],
    ['number and boolean keys', '1: one\ntrue: t\n1.50: x\n0x1F: y\n'],
    ['flow maps in a list', 'approvals:\n  - { role: ai-coe, approver: x, date: 2026-01-01 }\n'],
    ['CRLF line endings', 'a: 1\r\nb:\r\n  - x\r\n'],
    ['a comment after a value', 'a: b # not part of it\n'],
  ])('on %s', (_, text) => {
    expect(fastParse(text)).not.toBeUndefined();
    expect(agrees(text)).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['duplicate keys', 'a: 1\na: 2\n'],
    ['an anchor and alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!binary aGk=\n'],
    ['a second document', 'a: 1\n---\nb: 2\n'],
    ['a syntax error', 'a: [1, 2\n'],
    ['a list, not a mapping', '- a\n- b\n'],
    ['an explicit key', '? a\n: b\n'],
    ['an explicit key in a list item (found by fuzzing)', 'a:\n  - ? { role: x }\n'],
    ['an explicit key in a flow map', 'a: {? b: c}\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['a null key', 'a: 1\n~: n\n'],
    ['a null key in a flow map', 'labels: {x: 1, null: n}\n'],
    ['a collection as a key', '[a, b]: c\n'],
    ['a flow map as a key', 'x:\n  {a: 1}: c\n'],
  ])('declines %s, leaving it to yaml', (_, text) => {
    expect(fastParse(text)).toBeUndefined();
  });

  it('on random values written in every style yaml writes', () => {
    const scalar = fc.oneof(
      fc.string(),
      fc.constantFrom('0o17', '0x1f', '1_000', 'True', 'FALSE', '~', 'null', '.5', '1e3', '-.inf', '.NaN', '2026-11-24', 'yes', 'no', 'on', '0123', '+1', '-0', ''),
      fc.integer(),
      fc.double({ noNaN: true }),
      fc.boolean(),
      fc.constant(null),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('list'), tie('map')),
      list: fc.array(tie('node'), { maxLength: 4 }),
      map: fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), tie('node'), { maxKeys: 5 }),
    }));
    const style = fc.record({ flow: fc.boolean(), quote: fc.boolean(), width: fc.integer({ min: 20, max: 120 }) });
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), value.node, { minKeys: 1, maxKeys: 6 }), style, (data, { flow, quote, width }) => {
        const text = stringify(data, { collectionStyle: flow ? 'flow' : 'any', singleQuote: quote, lineWidth: width });
        return agrees(text);
      }),
      { numRuns: RUNS },
    );
  });

  it('on manifests mutated at random (never accepting what yaml rejects)', () => {
    const manifests = generatedManifests(30).filter((f) => f.path.startsWith('registry/models/')).map((f) => f.content);
    const noise = fc.constantFrom(':', '-', '[', ']', '{', '}', '"', "'", '#', '\t', ' ', '\n', '&a', '*a', '!x', '|', '>', '? ', '---\n', ',', '%', '@', '`');
    fc.assert(
      fc.property(fc.constantFrom(...manifests), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), noise), { minLength: 1, maxLength: 4 }), (text, edits) => {
        let mutated = text;
        for (const [at, remove, insert] of edits) {
          const i = at % (mutated.length + 1);
          mutated = mutated.slice(0, i) + insert + mutated.slice(i + remove);
        }
        return agrees(mutated);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('the engine gives identical reports with and without the fast path', () => {
  it('on a generated registry with findings', async () => {
    const files = Object.fromEntries(generatedManifests(120).map((f) => [f.path, f.content]));
    const { root, cleanup } = makeRepo(files);
    try {
      const report = async (fastParse: boolean) =>
        json(checkRegistry(await loadRegistry(root, 'registry', { fastParse }), '2026-11-24'), { color: false });
      const [fast, slow] = [await report(true), await report(false)];
      expect(JSON.parse(fast).findings.length).toBeGreaterThan(5);
      expect(fast).toBe(slow);
    } finally {
      cleanup();
    }
  });
});
