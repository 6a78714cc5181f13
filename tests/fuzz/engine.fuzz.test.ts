import fc from 'fast-check';
import { stringify } from 'yaml';
import { checkRegistry, lint } from '../../src/engine.js';
import { loadRegistry } from '../../src/load/registry.js';
import { json } from '../../src/report/json.js';
import { BASE_FILES, makeRepo } from '../helpers/repo.js';

/**
 * The whole engine on random manifests (valid shapes and mutations of them, written by `yaml`
 * in its various styles) and on random bytes: it never throws, every finding is well-formed
 * and names a file of the repository, and two runs give the same report. `FUZZ_RUNS=N` runs
 * each property N times (100 by default, a few seconds).
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const AS_OF = '2026-11-24';

/** Text people and tools put in manifests, and text nobody should. */
const text = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('', ' ', '~', 'null', 'yes', '0x1F', '2026-13-45', '__proto__', 'constructor', 'toString', '<script>', '| a | b |', '::error::x', '%0A', 'ml-platform', 'ops-automation', 'clаims', '\u200b', '\ufeff', '../x.md', '/etc/passwd', 'file:///x', '*a', '&a', '!!binary', '- x', 'a: b', '#'),
);
const name = fc.oneof(fc.constantFrom('claims-triage', 'fraud-scoring', 'ml-platform', 'ops-automation', 'x'), fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/), text);
const scalar = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const anyValue = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
  list: fc.array(tie('value'), { maxLength: 3 }),
  map: fc.dictionary(text, tie('value'), { maxKeys: 3 }),
})).value;

const riskProfile = fc.record({
  audience: fc.constantFrom('internal', 'customer-facing', 'public'),
  decisions: fc.constantFrom('non-critical', 'influences', 'autonomous'),
  personalData: fc.constantFrom('none', 'pii', 'sensitive'),
  regulatedDomain: fc.constantFrom('none', 'insurance', 'credit', 'employment'),
  significantImpact: fc.boolean(),
});

const model = fc.record({
  apiVersion: fc.constant('ai-registry/v1'),
  kind: fc.constant('Model'),
  metadata: fc.record({ name, title: text }, { requiredKeys: ['name'] }),
  spec: fc.record(
    {
      project: fc.constantFrom('ops-automation', 'nowhere'),
      owner: fc.constantFrom('ml-platform', 'ai-governance', 'nobody'),
      type: fc.constantFrom('llm', 'classical-ml', 'genai-app'),
      lifecycle: fc.constantFrom('idea', 'experiment', 'pilot', 'production', 'retired'),
      tier: fc.constantFrom(1, 2, 3),
      risk: riskProfile,
      documentation: fc.record({ modelCard: fc.constantFrom('docs/card.md', '../card.md', '/etc/passwd', 'docs'), riskAssessment: text }, { requiredKeys: [] }),
      approvals: fc.array(fc.record({ role: fc.constantFrom('ai-coe', 'ai-ethics-lead', 'constructor'), approver: fc.constantFrom('cethics', 'drisk', 'asmith'), date: fc.constantFrom('2026-10-01', '2030-01-01', 'soon') }), { maxLength: 2 }),
      review: fc.record({ lastReviewed: fc.constantFrom('2026-10-01', '2020-01-01') }),
      dates: fc.record({ ideated: fc.constantFrom('2026-01-01', '2019-01-01'), productionSince: fc.constantFrom('2026-06-01', '2025-01-01') }, { requiredKeys: [] }),
      incidentContact: fc.constantFrom('oncall@example.com', 'nobody'),
    },
    { requiredKeys: ['project', 'owner', 'type', 'lifecycle', 'tier', 'risk'] },
  ),
});

const team = fc.record({
  apiVersion: fc.constant('ai-registry/v1'),
  kind: fc.constant('Team'),
  metadata: fc.record({ name, title: text, description: text }, { requiredKeys: ['name'] }),
  spec: fc.record({ businessUnit: text, contact: fc.constantFrom('team@example.com', 'not an email'), members: fc.array(text, { maxLength: 3 }), coe: fc.boolean() }, { requiredKeys: ['businessUnit', 'contact'] }),
});

type Manifest = Record<string, unknown>;

/** A change that makes a manifest wrong: a field dropped, retyped, renamed or added, anywhere. */
const mutation = fc.tuple(fc.constantFrom('drop', 'retype', 'add', 'kind'), fc.nat(), text, anyValue);

function mutate(manifest: Manifest, [how, at, key, value]: [string, number, string, unknown]): Manifest {
  const copy = structuredClone(manifest) as Record<string, Record<string, unknown>>;
  const holders = [copy, copy.metadata, copy.spec].filter((h): h is Record<string, unknown> => typeof h === 'object' && h !== null);
  const holder = holders[at % holders.length]!;
  const keys = Object.keys(holder);
  const target = keys[at % Math.max(keys.length, 1)];
  if (how === 'drop' && target !== undefined) delete holder[target];
  else if (how === 'retype' && target !== undefined) holder[target] = value;
  else if (how === 'add') Object.defineProperty(holder, key, { value, enumerable: true, writable: true, configurable: true });
  else if (how === 'kind') copy.kind = key as never;
  return copy;
}

/** How `yaml` may write a manifest: block or flow, quoted or not, folded at any width. */
const style = fc.record({
  collectionStyle: fc.constantFrom('any', 'block', 'flow') as fc.Arbitrary<'any' | 'block' | 'flow'>,
  singleQuote: fc.boolean(),
  lineWidth: fc.integer({ min: 0, max: 100 }),
  indent: fc.integer({ min: 1, max: 4 }),
});

const manifestFile = fc.tuple(fc.oneof(model, team), fc.array(mutation, { maxLength: 2 }), style).map(([manifest, mutations, options]) => {
  const mutated = mutations.reduce(mutate, manifest as Manifest);
  return stringify(mutated, options);
});
/** YAML's significant characters and words, so random text reaches the parser's corners. */
const SOUP = [':', ': ', '-', '- ', '[', ']', '{', '}', ',', '"', "'", '#', '\t', ' ', '  ', '\n', '\r', '\r\n', '&a ', '*a', '!x ', '!!binary ', '|', '>', '? ', '---\n', '...\n', '%YAML 1.1\n', '%TAG ! x:\n', '\\', '\u0000', '\ufeff', 'apiVersion: ai-registry/v1\n', 'kind: Team\n', 'kind: Model\n', 'metadata:\n  name: x\n', 'spec:\n', '__proto__', 'a', '1', '~', '<<'];
const soup = fc.array(fc.constantFrom(...SOUP), { maxLength: 40 }).map((parts) => parts.join(''));
/** Random bytes, random YAML-ish text, and a real manifest with random text spliced in. */
const bytesFile = fc.oneof(
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
  soup.map((t) => Buffer.from(t)),
  fc.tuple(manifestFile, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 4 }), soup), { minLength: 1, maxLength: 3 })).map(([manifest, edits]) => {
    let mutated = manifest;
    for (const [at, remove, insert] of edits) {
      const i = at % (mutated.length + 1);
      mutated = mutated.slice(0, i) + insert + mutated.slice(i + remove);
    }
    return Buffer.from(mutated);
  }),
);
const fileName = fc.oneof(fc.constantFrom('claims-triage', 'ml-platform', 'x'), fc.stringMatching(/^[a-z0-9-]{1,12}$/));

/** Lints a repository with the base organisation and `files`, twice; returns both JSON reports. */
async function lintTwice(files: Record<string, string | Buffer>): Promise<{ first: string; second: string; findings: { ruleId: string; file: string; line: number; column: number; message: string }[] }> {
  const { root, cleanup } = makeRepo({ ...BASE_FILES, 'docs/card.md': '# Card\n\n## Intended Use\n\nTBD\n', ...files });
  try {
    const first = json(await lint({ root, asOf: AS_OF }), { color: false });
    const second = json(await lint({ root, asOf: AS_OF }), { color: false });
    const slow = json(checkRegistry(await loadRegistry(root, 'registry', { fastParse: false }), AS_OF), { color: false });
    expect(slow).toBe(first);
    return { first, second, findings: JSON.parse(first).findings };
  } finally {
    cleanup();
  }
}

function expectWellFormed(findings: { ruleId: string; file: string; line: number; column: number; message: string }[], files: readonly string[]): void {
  for (const finding of findings) {
    expect(finding.ruleId).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(finding.ruleId).not.toBe('internal-error');
    expect(files).toContain(finding.file);
    expect(Number.isInteger(finding.line) && finding.line >= 1).toBe(true);
    expect(Number.isInteger(finding.column) && finding.column >= 1).toBe(true);
    expect(finding.message.length).toBeGreaterThan(0);
  }
}

const registryFiles = (names: readonly string[], extension: string) => [...new Set(names)].map((n) => `registry/models/${n}.${extension}`);

describe('the engine on random input', () => {
  it('random and mutated manifests: no throw, well-formed findings, the same report twice', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fileName, manifestFile), { minLength: 1, maxLength: 3 }), async (entries) => {
        const files = Object.fromEntries(entries.map(([n, content]) => [`registry/models/${n}.yaml`, content]));
        const { first, second, findings } = await lintTwice(files);
        expect(second).toBe(first);
        expectWellFormed(findings, [...Object.keys(BASE_FILES), ...registryFiles(entries.map(([n]) => n), 'yaml')]);
      }),
      { numRuns: RUNS },
    );
  });

  it('random bytes and text as manifests: no throw, well-formed findings, the same report twice', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fileName, bytesFile), { minLength: 1, maxLength: 3 }), async (entries) => {
        const files = Object.fromEntries(entries.map(([n, content]) => [`registry/models/${n}.yml`, content]));
        const { first, second, findings } = await lintTwice(files);
        expect(second).toBe(first);
        expectWellFormed(findings, [...Object.keys(BASE_FILES), ...registryFiles(entries.map(([n]) => n), 'yml')]);
      }),
      { numRuns: RUNS },
    );
  });
});
