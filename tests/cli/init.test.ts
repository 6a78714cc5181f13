import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { runCli } from '../../src/cli/main.js';
import { KINDS } from '../../src/model/manifest.js';
import { DEFAULT_POLICY_SPEC } from '../../src/policy/policy.js';
import { DASHBOARD_END, DASHBOARD_START } from '../../src/render/markers.js';
import { PROJECT_ROOT, runCliProcess } from '../helpers/cli.js';
import { fakeIo } from '../helpers/fake-io.js';

const MANIFESTS = [
  'registry/policy.yaml',
  'registry/teams/data-science.yaml',
  'registry/projects/demand-planning.yaml',
  'registry/models/demand-forecast.yaml',
];
const DOCUMENTS = ['docs/models/demand-forecast/model-card.md', 'docs/models/demand-forecast/incident-response.md'];
const SCHEMA_FILES = ['common', 'team', 'project', 'model', 'component', 'waiver', 'metrics', 'policy'].map((s) => `.ai-registry/schemas/${s}.schema.json`);
const ALL_FILES = [...MANIFESTS, ...DOCUMENTS, 'README.md', '.github/workflows/ai-registry.yml', '.vscode/settings.json', ...SCHEMA_FILES];

let folders: string[] = [];
afterEach(() => {
  folders.forEach((folder) => rmSync(folder, { recursive: true, force: true }));
  folders = [];
});

/** An empty folder, with optional files already in it. */
function folder(files: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'ai-registry-init-'));
  folders.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

async function run(cwd: string, argv: string[]) {
  const io = fakeIo(cwd);
  const code = await runCli(argv, io);
  return { code, stdout: io.out(), stderr: io.err() };
}

const read = (root: string, file: string) => readFileSync(join(root, file), 'utf8');

function snapshot(root: string): Record<string, string> {
  const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return Object.fromEntries(files.map((entry) => join(entry.parentPath, entry.name)).sort().map((path) => [path, readFileSync(path, 'utf8')]));
}

describe('ai-registry init', () => {
  it('scaffolds a registry that lints clean and renders', async () => {
    const root = folder();
    const init = await run(root, ['init']);
    expect(init).toMatchObject({ code: 0, stderr: '' });
    expect(init.stdout).toBe(
      `Created in ${root}:\n${ALL_FILES.map((file) => `  ${file}\n`).join('')}` +
        'Next: ai-registry lint, then ai-registry render to fill in the dashboard in README.md.\n',
    );
    for (const file of ALL_FILES) expect(existsSync(join(root, file))).toBe(true);

    const lint = await run(root, ['lint', '--format', 'json']);
    expect(lint.code).toBe(0);
    const report = JSON.parse(lint.stdout);
    expect(report.findings).toEqual([]);
    expect(report.manifests).toContainEqual(expect.objectContaining({ name: 'demand-forecast', tier: 2, derivedTier: 2, lifecycle: 'pilot', compliant: true }));

    expect((await run(root, ['render'])).code).toBe(0);
    expect(read(root, 'README.md')).toContain('## AI portfolio — as of 2026-11-24');
    expect(read(root, 'INVENTORY.md')).toContain('demand-forecast');
    expect((await run(root, ['render', '--check'])).code).toBe(0);
  });

  it('writes the model at pilot with its approval and review dated by --as-of', async () => {
    const root = folder();
    expect((await run(root, ['init', '--as-of', '2027-02-01'])).code).toBe(0);
    const model = parse(read(root, 'registry/models/demand-forecast.yaml'));
    expect(model.spec).toMatchObject({ lifecycle: 'pilot', tier: 2, review: { lastReviewed: '2027-02-01' } });
    expect(model.spec.approvals).toEqual([{ role: 'ai-coe', approver: 'jordan-reyes', date: '2027-01-18' }]);
    const team = parse(read(root, 'registry/teams/data-science.yaml'));
    expect(team.spec.members).not.toContain('jordan-reyes');
    expect((await run(root, ['lint', '--as-of', '2027-02-01'])).code).toBe(0);
  });

  it('scaffolds into a DIR it creates, relative to the current folder', async () => {
    const cwd = folder();
    const result = await run(cwd, ['init', 'governance/repo']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Created in ${join(cwd, 'governance/repo')}:\n`);
    expect(existsSync(join(cwd, 'governance/repo/registry/models/demand-forecast.yaml'))).toBe(true);
    expect((await run(cwd, ['lint', '--root', 'governance/repo'])).code).toBe(0);
  });

  it('writes the policy defaults out, each knob explained', async () => {
    const root = folder();
    await run(root, ['init']);
    const text = read(root, 'registry/policy.yaml');
    expect(parse(text)).toEqual({ apiVersion: 'ai-registry/v1', kind: 'Policy', metadata: { name: 'policy' }, spec: DEFAULT_POLICY_SPEC });
    for (const knob of ['tiers', 'enforcement', 'maxWaiverDays', 'reviewIntervalDays', 'documents', 'approvals', 'monitoring', 'headings', 'placeholders', 'staleExperimentDays']) {
      expect(text).toMatch(new RegExp(`#[^\\n]*\\n\\s*${knob}:`));
    }
  });

  it('writes documents holding the required headings and no placeholder', async () => {
    const root = folder();
    await run(root, ['init']);
    const documents = { modelCard: DOCUMENTS[0]!, incidentResponse: DOCUMENTS[1]! };
    for (const [kind, file] of Object.entries(documents) as [keyof typeof documents, string][]) {
      const text = read(root, file);
      for (const heading of DEFAULT_POLICY_SPEC.headings[kind]) expect(text).toMatch(new RegExp(`^#+ ${heading}$`, 'm'));
      for (const pattern of DEFAULT_POLICY_SPEC.placeholders) expect(text).not.toMatch(new RegExp(pattern, 'i'));
    }
  });

  it('points every manifest and the editor settings at the schemas it writes, which are the bundled ones', async () => {
    const root = folder();
    await run(root, ['init']);
    for (const file of MANIFESTS) {
      const first = read(root, file).split('\n')[0]!;
      const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
      expect(match).not.toBeNull();
      expect(existsSync(join(root, dirname(file), match![1]!))).toBe(true);
    }
    const settings = JSON.parse(read(root, '.vscode/settings.json'))['yaml.schemas'] as Record<string, string[]>;
    expect(settings['./.ai-registry/schemas/model.schema.json']).toContain('registry/models/*.yaml');
    expect(settings['./.ai-registry/schemas/policy.schema.json']).toContain('registry/policy.yaml');
    expect(Object.keys(settings)).toHaveLength(KINDS.length);
    for (const schema of Object.keys(settings)) expect(existsSync(join(root, schema))).toBe(true);
    for (const file of SCHEMA_FILES) {
      const name = file.slice(file.lastIndexOf('/') + 1);
      expect(JSON.parse(read(root, file))).toEqual(JSON.parse(readFileSync(join(PROJECT_ROOT, 'schemas', name), 'utf8')));
    }
  });

  it('writes a workflow that runs the Action with the token and the least permissions', async () => {
    const root = folder();
    await run(root, ['init']);
    const workflow = parse(read(root, '.github/workflows/ai-registry.yml'));
    expect(workflow.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    const steps = workflow.jobs['ai-registry'].steps as { uses?: string; with?: Record<string, string> }[];
    expect(steps.find((step) => step.uses === 'ai-registry/ai-registry@v1')?.with).toEqual({ 'github-token': '${{ secrets.GITHUB_TOKEN }}' });
  });

  it('follows --registry in every path it writes', async () => {
    const root = folder();
    expect((await run(root, ['init', '--registry', 'governance/ai'])).code).toBe(0);
    expect(read(root, 'governance/ai/models/demand-forecast.yaml').split('\n')[0]).toBe('# yaml-language-server: $schema=../../../.ai-registry/schemas/model.schema.json');
    expect(parse(read(root, '.github/workflows/ai-registry.yml')).jobs['ai-registry'].steps[1].with.registry).toBe('governance/ai');
    expect(read(root, '.vscode/settings.json')).toContain('"governance/ai/models/*.yaml"');
    expect((await run(root, ['lint', '--registry', 'governance/ai'])).code).toBe(0);
  });

  it('appends the markers to an existing README, keeping its text and line endings', async () => {
    const root = folder({ 'README.md': '# Acme\r\n\r\nOur project.' });
    const result = await run(root, ['init']);
    expect(result.stdout).toContain('  README.md (added the dashboard markers at the end)\n');
    expect(read(root, 'README.md')).toBe(`# Acme\r\n\r\nOur project.\r\n\r\n${DASHBOARD_START}\r\n${DASHBOARD_END}\r\n`);
    expect((await run(root, ['render'])).code).toBe(0);
    expect(read(root, 'README.md').startsWith('# Acme\r\n\r\nOur project.\r\n\r\n')).toBe(true);
  });

  it('leaves a README that already has markers alone', async () => {
    const readme = `# Acme\n\n${DASHBOARD_START}\nold\n${DASHBOARD_END}\n`;
    const root = folder({ 'README.md': readme });
    const result = await run(root, ['init']);
    expect(result.stdout).toContain('Skipped (already there, left unchanged):\n  README.md\n');
    expect(read(root, 'README.md')).toBe(readme);
  });

  it('never overwrites: a second run skips everything and changes nothing', async () => {
    const root = folder();
    await run(root, ['init']);
    writeFileSync(join(root, 'registry/teams/data-science.yaml'), `${read(root, 'registry/teams/data-science.yaml')}# edited by a person\n`);
    const before = snapshot(root);
    const second = await run(root, ['init', '--as-of', '2027-05-05']);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(
      `Nothing to create in ${root}.\nSkipped (already there, left unchanged):\n${ALL_FILES.map((file) => `  ${file}\n`).join('')}` +
        'Next: ai-registry lint, then ai-registry render to fill in the dashboard in README.md.\n',
    );
    expect(snapshot(root)).toEqual(before);
  });

  it('creates what is missing next to files that exist, leaving those as they were', async () => {
    const policy = 'apiVersion: ai-registry/v1\nkind: Policy\nmetadata: { name: policy }\nspec: { staleExperimentDays: 90 }\n';
    const root = folder({ 'registry/policy.yaml': policy });
    const result = await run(root, ['init']);
    expect(result.stdout).toContain('Skipped (already there, left unchanged):\n  registry/policy.yaml\n');
    expect(result.stdout).toContain('  registry/models/demand-forecast.yaml\n');
    expect(read(root, 'registry/policy.yaml')).toBe(policy);
  });

  it('refuses two folders, a folder given both ways, and a registry outside the folder', async () => {
    const root = folder();
    expect(await run(root, ['init', 'a', 'b'])).toMatchObject({ code: 2, stderr: 'ai-registry init: expected at most one folder, got 2: a b\n' });
    expect((await run(root, ['init', 'a', '--root', 'b'])).code).toBe(2);
    expect(await run(root, ['init', '--registry', '../elsewhere'])).toMatchObject({ code: 2, stderr: `ai-registry init: --registry "../elsewhere" must be a folder inside ${root}\n` });
    expect(readdirSync(root)).toEqual([]);
  });
});

it('exits 2 with one message when a file cannot be written', async () => {
  const root = folder({ registry: 'a file where the registry folder goes\n' });
  const result = await run(root, ['init']);
  expect(result).toMatchObject({ code: 2, stderr: 'ai-registry init: cannot write registry/policy.yaml: a file is in the way of its folder\n' });
});

describe('ai-registry init (as a process)', () => {
  
  it('scaffolds with the bundled CLI (templates and schemas included), then lint and render pass', () => {
    const root = folder();
    expect(runCliProcess(['init'], { cwd: root })).toMatchObject({ status: 0, stderr: '' });
    expect(runCliProcess(['lint'], { cwd: root })).toMatchObject({ status: 0, stderr: '' });
    expect(runCliProcess(['render'], { cwd: root })).toMatchObject({ status: 0, stderr: '' });
    expect(read(root, 'README.md')).toContain('<!-- ai-registry:as-of ');
  });
});
