import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { lint } from '../src/engine.js';
import { validateManifest } from '../src/schema/validate.js';

// The generator is plain Node ESM (scripts/ is not TypeScript): typed here by what the tests use.
interface GeneratedFile {
  path: string;
  content: string;
}
interface GenerateOptions {
  models?: number;
  seed?: number;
}
interface GenerateSummary {
  asOf: string;
  models: number;
  teams: number;
  projects: number;
  components: number;
  metrics: number;
  waivers: number;
  documents: number;
  manifestFiles: string[];
  modelLines: { min: number; max: number; mean: number };
  plannedFindings: Record<string, number>;
  modelsWithFindings: number;
}
interface GeneratorModule {
  AS_OF: string;
  repositoryFiles(options?: GenerateOptions): Generator<GeneratedFile, GenerateSummary, undefined>;
  writeRepository(dir: string, options?: GenerateOptions): GenerateSummary;
}

const GENERATOR = new URL('../scripts/bench/generate.mjs', import.meta.url).href;

/** Every file and the summary of one generation, without touching the disk. */
function generate(generator: GeneratorModule, options: GenerateOptions): { files: GeneratedFile[]; summary: GenerateSummary } {
  const files: GeneratedFile[] = [];
  const iterator = generator.repositoryFiles(options);
  for (;;) {
    const step = iterator.next();
    if (step.done) return { files, summary: step.value };
    files.push(step.value);
  }
}

function digest(files: readonly GeneratedFile[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file.path}\0${file.content}\0`);
  return hash.digest('hex');
}

describe('the benchmark registry generator', () => {
  let generator: GeneratorModule;
  let files: GeneratedFile[];
  let summary: GenerateSummary;

  beforeAll(async () => {
    generator = (await import(GENERATOR)) as GeneratorModule;
    ({ files, summary } = generate(generator, { models: 400 }));
  });

  it('gives byte-identical files for the same options, and other files for another seed', () => {
    expect(digest(generate(generator, { models: 400 }).files)).toBe(digest(files));
    expect(digest(generate(generator, { models: 400, seed: 7 }).files)).not.toBe(digest(files));
  });

  it('writes teams, projects and components in proportion, 8 quarters of metrics and a few waivers', () => {
    const count = (folder: string) => files.filter((f) => f.path.startsWith(`registry/${folder}/`)).length;
    expect(summary).toMatchObject({ models: 400, teams: 8, projects: 40, components: 3, metrics: 8 });
    expect([count('models'), count('teams'), count('projects'), count('components'), count('metrics')]).toEqual([400, 8, 40, 3, 8]);
    expect(count('waivers')).toBe(summary.waivers);
    expect(summary.waivers).toBeGreaterThanOrEqual(2);
    expect(files.filter((f) => f.path === 'registry/policy.yaml')).toHaveLength(1);
    expect(generate(generator, { models: 10 }).summary).toMatchObject({ teams: 6, projects: 3, components: 3 });
    expect(summary.manifestFiles).toEqual(files.map((f) => f.path).filter((p) => p.startsWith('registry/')).sort());
  });

  it('writes 40-80-line model manifests in the SPEC §2 shape, named after metadata.name, with plain dates', () => {
    const models = files.filter((f) => f.path.startsWith('registry/models/'));
    const broken = summary.plannedFindings['yaml-syntax'] ?? 0;
    let parsed = 0;
    for (const model of models) {
      const lines = model.content.split('\n').length - 1;
      expect(lines).toBeGreaterThanOrEqual(40);
      expect(lines).toBeLessThanOrEqual(80);
      expect(model.content.startsWith('# yaml-language-server: $schema=../../schemas/model.schema.json\n')).toBe(true);
      expect(model.content).not.toMatch(/['"]\d{4}-\d{2}-\d{2}['"]/);
      const doc = parseDocument(model.content, { uniqueKeys: true });
      if (doc.errors.length > 0) continue;
      parsed += 1;
      const value = doc.toJS() as { metadata: { name: string }; spec: { dates: Record<string, unknown> } };
      expect(model.path).toBe(`registry/models/${value.metadata.name}.yaml`);
      for (const date of Object.values(value.spec.dates)) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(validateManifest(value).problems).toEqual([]);
    }
    expect(parsed).toBe(models.length - broken);
    expect(broken).toBeGreaterThanOrEqual(1);
    expect(summary.modelLines.min).toBeGreaterThanOrEqual(40);
  });

  it('keeps every other manifest valid against its schema', () => {
    for (const file of files.filter((f) => f.path.startsWith('registry/') && !f.path.startsWith('registry/models/'))) {
      expect({ file: file.path, problems: validateManifest(parseDocument(file.content).toJS()).problems }).toEqual({ file: file.path, problems: [] });
    }
  });

  it('plans a finding for about one model in ten, and lint reports exactly the planned ones', async () => {
    expect(summary.modelsWithFindings / summary.models).toBeGreaterThan(0.05);
    expect(summary.modelsWithFindings / summary.models).toBeLessThan(0.15);
    const root = mkdtempSync(join(tmpdir(), 'ai-registry-bench-test-'));
    try {
      const written = generator.writeRepository(root, { models: 400 });
      expect(written.plannedFindings).toEqual(summary.plannedFindings);
      expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain('<!-- ai-registry:dashboard:start -->\n<!-- ai-registry:dashboard:end -->');
      const result = await lint({ root, asOf: generator.AS_OF });
      const byRule: Record<string, number> = {};
      for (const finding of result.findings) byRule[finding.ruleId] = (byRule[finding.ruleId] ?? 0) + 1;
      expect(byRule).toEqual(summary.plannedFindings);
      expect(result.summary.manifests).toBe(summary.manifestFiles.length);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
