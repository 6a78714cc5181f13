import { existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main.js';
import { CODEOWNERS_HEADER } from '../../src/render/codeowners.js';
import { CODEOWNERS_MARKERS, DASHBOARD_END, DASHBOARD_START } from '../../src/render/markers.js';
import { runCliProcess } from '../helpers/cli.js';
import { fakeIo } from '../helpers/fake-io.js';
import { modelYaml } from '../helpers/model-yaml.js';
import { BASE_FILES, makeRepo } from '../helpers/repo.js';

const BEFORE = '# Northwind\n\nSome text a person wrote.  \n\n';
const AFTER = '\n## Contributing\n\nNo trailing newline here';
const README = `${BEFORE}${DASHBOARD_START}\n${DASHBOARD_END}${AFTER}`;
const REGISTRY = { ...BASE_FILES, 'registry/models/ticket-router.yaml': modelYaml('ticket-router') };

let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((cleanup) => cleanup());
  cleanups = [];
});

function repo(files: Record<string, string | Buffer> = {}): string {
  const made = makeRepo({ ...REGISTRY, 'README.md': README, ...files });
  cleanups.push(made.cleanup);
  return made.root;
}

async function render(root: string, args: string[] = [], now?: string) {
  const io = fakeIo(root, now);
  const code = await runCli(['render', ...args], io);
  return { code, stdout: io.out(), stderr: io.err() };
}

const read = (root: string, file: string) => readFileSync(join(root, file), 'utf8');

/** The README text between the markers. */
function block(readme: string): string {
  const start = readme.indexOf(DASHBOARD_START) + DASHBOARD_START.length;
  return readme.slice(start, readme.indexOf(DASHBOARD_END));
}

function allFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' });
}

describe('ai-registry render', () => {
  it('writes the dashboard between the markers, leaving every other byte of the README as it was', async () => {
    const root = repo();
    const result = await render(root, ['--as-of', '2026-11-24']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe('wrote the dashboard to README.md (as of 2026-11-24)\nwrote the inventory to INVENTORY.md (as of 2026-11-24)\n');
    const readme = read(root, 'README.md');
    expect(readme.startsWith(`${BEFORE}${DASHBOARD_START}\n<!-- ai-registry:as-of 2026-11-24 -->\n## AI portfolio — as of 2026-11-24\n`)).toBe(true);
    expect(readme.endsWith(`\n${DASHBOARD_END}${AFTER}`)).toBe(true);
    expect(block(readme)).toContain('[Full inventory →](INVENTORY.md)');
    const inventory = read(root, 'INVENTORY.md');
    expect(inventory.split('\n')[0]).toBe('<!-- ai-registry:as-of 2026-11-24 -->');
    expect(inventory).toContain('(README.md)');
    expect(inventory).toContain('[ticket-router](registry/models/ticket-router.yaml)');
  });

  it('keeps a CRLF README CRLF, and the rest of it byte-identical', async () => {
    const crlf = README.replace(/\n/g, '\r\n');
    const root = repo({ 'README.md': crlf });
    expect((await render(root, ['--as-of', '2026-11-24'])).code).toBe(0);
    const readme = read(root, 'README.md');
    expect(readme.startsWith(`${BEFORE.replace(/\n/g, '\r\n')}${DASHBOARD_START}\r\n<!-- ai-registry:as-of 2026-11-24 -->\r\n`)).toBe(true);
    expect(readme.endsWith(`\r\n${DASHBOARD_END}${AFTER.replace(/\n/g, '\r\n')}`)).toBe(true);
    expect(readme.replace(/\r\n/g, '')).not.toContain('\n');
    expect((await render(root, ['--check', '--as-of', '2026-11-24'])).code).toBe(0);
  });

  it('keeps a byte order mark at the start of the README', async () => {
    const root = repo({ 'README.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(README)]) });
    expect((await render(root, ['--as-of', '2026-11-24'])).code).toBe(0);
    const bytes = readFileSync(join(root, 'README.md'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8').startsWith(`${BEFORE}${DASHBOARD_START}\n`)).toBe(true);
  });

  it('is idempotent: a second run writes nothing, so the files keep their modification times', async () => {
    const root = repo();
    expect((await render(root, ['--as-of', '2026-11-24'])).code).toBe(0);
    const past = new Date('2020-01-01T00:00:00Z');
    for (const file of ['README.md', 'INVENTORY.md']) utimesSync(join(root, file), past, past);
    const before = { readme: read(root, 'README.md'), inventory: read(root, 'INVENTORY.md') };
    const second = await render(root, ['--as-of', '2026-11-24']);
    expect(second).toEqual({ code: 0, stdout: 'README.md is up to date\nINVENTORY.md is up to date\n', stderr: '' });
    for (const file of ['README.md', 'INVENTORY.md']) expect(statSync(join(root, file)).mtime).toEqual(past);
    expect({ readme: read(root, 'README.md'), inventory: read(root, 'INVENTORY.md') }).toEqual(before);
  });

  it('writes atomically: no temporary file is left behind', async () => {
    const root = repo({ 'docs/.keep': '' });
    expect((await render(root, ['--as-of', '2026-11-24', '--inventory', 'docs/INVENTORY.md'])).code).toBe(0);
    expect(allFiles(root).filter((file) => file.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(root).sort()).toEqual(['README.md', 'docs', 'registry']);
  });

  it('links the README and the inventory relative to where each file is', async () => {
    const root = repo({ 'README.md': '', 'docs/README.md': README });
    const result = await render(root, ['--as-of', '2026-11-24', '--readme', 'docs/README.md', '--inventory', 'docs/ai/INVENTORY.md']);
    expect(result.code).toBe(0);
    expect(read(root, 'README.md')).toBe('');
    expect(block(read(root, 'docs/README.md'))).toContain('[Full inventory →](ai/INVENTORY.md)');
    const inventory = read(root, 'docs/ai/INVENTORY.md');
    expect(inventory).toContain('(../README.md)');
    expect(inventory).toContain('[ticket-router](../../registry/models/ticket-router.yaml)');
  });

  it('renders whatever the lint result, and the dashboard shows it', async () => {
    const root = repo({ 'registry/models/broken.yaml': modelYaml('broken').replace('owner: ml-platform', 'owner: nobody') });
    const result = await render(root, ['--as-of', '2026-11-24']);
    expect(result.code).toBe(0);
    expect(block(read(root, 'README.md'))).toMatch(/blocking/);
  });

  it('exits 2 with the two lines to add when the README has no markers, and writes nothing', async () => {
    const root = repo({ 'README.md': '# Northwind\n' });
    const result = await render(root, ['--as-of', '2026-11-24']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `ai-registry render: README.md has no markers for the dashboard; add these two lines to README.md where the dashboard goes:\n  ${DASHBOARD_START}\n  ${DASHBOARD_END}\n`,
    );
    expect(read(root, 'README.md')).toBe('# Northwind\n');
    expect(allFiles(root)).not.toContain('INVENTORY.md');
  });

  it('exits 2 when the README does not exist, saying how to create it', async () => {
    const root = repo();
    rmSync(join(root, 'README.md'));
    const result = await render(root, ['--as-of', '2026-11-24']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('README.md does not exist; create it with these two lines where the dashboard goes:');
  });

  it('exits 2 on doubled markers, also with --check', async () => {
    const doubled = `${README}\n${DASHBOARD_START}\n${DASHBOARD_END}\n`;
    const root = repo({ 'README.md': doubled });
    for (const args of [[], ['--check']]) {
      const result = await render(root, ['--as-of', '2026-11-24', ...args]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('README.md has the start marker 2 times (lines 5, 10) and the end marker 2 times (lines 6, 11)');
    }
    expect(read(root, 'README.md')).toBe(doubled);
  });

  it('exits 2 when the README is not text it can write back unchanged', async () => {
    const root = repo({ 'README.md': Buffer.from([0x23, 0x20, 0xff, 0x0a]) });
    const result = await render(root, ['--as-of', '2026-11-24']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('ai-registry render: cannot read README.md: it is not valid UTF-8; save it as UTF-8\n');
  });

  it('exits 2 with one message when it cannot read or write the inventory', async () => {
    const root = repo({ 'docs/guide.md': 'a file, not a folder\n' });
    const unreadable = await render(root, ['--as-of', '2026-11-24', '--inventory', 'registry']);
    expect(unreadable).toMatchObject({ code: 2, stderr: 'ai-registry render: cannot read registry: it is a directory\n' });
    const unwritable = await render(root, ['--as-of', '2026-11-24', '--inventory', 'docs/guide.md/INVENTORY.md']);
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toMatch(/^ai-registry render: cannot write .*docs\/guide\.md\/INVENTORY\.md: (EEXIST|ENOTDIR)\n$/);
  });

  it('rewrites an inventory too large for a README: it grows with the registry (16.3 MiB at 100,000 models)', async () => {
    const big = 'an old row of a very large inventory\n'.repeat(470_000); // 16.6 MiB
    const root = repo({ 'INVENTORY.md': big });
    const result = await render(root, ['--as-of', '2026-11-24']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(read(root, 'INVENTORY.md')).toContain('ticket-router');
    // A README that large is refused: people edit it, and it is read whole to splice one block.
    writeFileSync(join(root, 'README.md'), `${README}${big}`);
    expect(await render(root, ['--as-of', '2026-11-24'])).toMatchObject({ code: 2, stderr: 'ai-registry render: cannot read README.md: it is 16.6 MiB, larger than the 16 MiB limit\n' });
  });

  describe('--check', () => {
    it('exits 0 when both files are fresh, and writes nothing', async () => {
      const root = repo();
      await render(root, ['--as-of', '2026-11-24']);
      const result = await render(root, ['--check']);
      expect(result).toEqual({ code: 0, stdout: 'README.md and INVENTORY.md are up to date (as of 2026-11-24)\n', stderr: '' });
    });

    it('exits 1 after a registry change, naming the file and the command that fixes it', async () => {
      const root = repo();
      await render(root, ['--as-of', '2026-11-24']);
      writeFileSync(join(root, 'registry/models/new-model.yaml'), modelYaml('new-model'));
      const result = await render(root, ['--check']);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        'README.md is stale: the dashboard differs from a fresh render as of 2026-11-24\n' +
          'INVENTORY.md is stale: the inventory differs from a fresh render as of 2026-11-24\n' +
          'Run `ai-registry render` and commit the result.\n',
      );
    });

    it('does not go stale because the calendar moved: it renders as of the recorded date', async () => {
      const root = repo();
      expect((await render(root, ['--as-of', '2026-11-24'])).code).toBe(0);
      const later = await render(root, ['--check'], '2027-03-01T09:00:00Z');
      expect(later).toMatchObject({ code: 0, stdout: 'README.md and INVENTORY.md are up to date (as of 2026-11-24)\n' });
      // An explicit --as-of overrides the recorded date.
      const explicit = await render(root, ['--check', '--as-of', '2027-03-01'], '2027-03-01T09:00:00Z');
      expect(explicit.code).toBe(1);
      expect(explicit.stderr).toContain('Run `ai-registry render --as-of 2027-03-01` and commit the result.');
    });

    it('exits 1 when only the inventory is stale, and names only it', async () => {
      const root = repo();
      await render(root, ['--as-of', '2026-11-24']);
      writeFileSync(join(root, 'INVENTORY.md'), `${read(root, 'INVENTORY.md')}\nhand edit\n`);
      const result = await render(root, ['--check']);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe('INVENTORY.md is stale: the inventory differs from a fresh render as of 2026-11-24\nRun `ai-registry render` and commit the result.\n');
      rmSync(join(root, 'INVENTORY.md'));
      expect((await render(root, ['--check'])).stderr).toContain('INVENTORY.md is stale: it does not exist yet\n');
    });

    it('exits 1 when the README was never rendered, and names the options in the fix', async () => {
      const root = repo({ 'docs/README.md': README });
      const result = await render(root, ['--check', '--readme', 'docs/README.md']);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('docs/README.md is stale: the dashboard differs from a fresh render as of 2026-11-24\n');
      expect(result.stderr).toContain('Run `ai-registry render --readme docs/README.md` and commit the result.');
      expect(read(root, 'docs/README.md')).toBe(README);
    });
  });

  describe('--codeowners', () => {
    const { start, end } = CODEOWNERS_MARKERS;
    const OWN_BEFORE = '# Owners people keep by hand\n* @acme/everyone\n\n';
    const OWN_AFTER = '\n/docs/legal/ @acme/legal\n# no trailing newline';
    const CODEOWNERS = `${OWN_BEFORE}${start}\n/stale @acme/gone\n${end}${OWN_AFTER}`;
    /** BASE_FILES' teams, on GitHub. */
    const ON_GITHUB = {
      'registry/teams/ml-platform.yaml': `${BASE_FILES['registry/teams/ml-platform.yaml']}  github: acme/ml-platform\n`,
      'registry/teams/ai-governance.yaml': `${BASE_FILES['registry/teams/ai-governance.yaml']}  github: acme/ai-governance\n`,
    };
    const codeLines = (text: string) => text.split(/\r?\n/).filter((line) => line !== '' && !line.startsWith('#'));

    it('writes the block between the markers, leaving every other byte of the file as it was', async () => {
      const root = repo({ ...ON_GITHUB, '.github/CODEOWNERS': CODEOWNERS });
      const result = await render(root, ['--as-of', '2026-11-24', '--codeowners', '.github/CODEOWNERS']);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toContain('wrote the code-owner block to .github/CODEOWNERS (as of 2026-11-24)\n');
      const written = read(root, '.github/CODEOWNERS');
      expect(written.startsWith(`${OWN_BEFORE}${start}\n# Generated by \`ai-registry render\``)).toBe(true);
      expect(written.endsWith(`\n${end}${OWN_AFTER}`)).toBe(true);
      expect(codeLines(written)).toEqual([
        '* @acme/everyone',
        '/.github/workflows/ @acme/ai-governance',
        '/registry/metrics/ @acme/ai-governance',
        '/registry/teams/ @acme/ai-governance',
        '/registry/waivers/ @acme/ai-governance',
        '/.github/CODEOWNERS @acme/ai-governance',
        '/CODEOWNERS @acme/ai-governance',
        '/docs/CODEOWNERS @acme/ai-governance',
        '/registry/policy.yaml @acme/ai-governance',
        '/registry/policy.yml @acme/ai-governance',
        '/registry/projects/ops-automation.yaml @acme/ml-platform',
        '/registry/models/ticket-router.yaml @acme/ml-platform',
        '/docs/legal/ @acme/legal',
      ]);

      const again = await render(root, ['--as-of', '2026-11-24', '--codeowners', '.github/CODEOWNERS']);
      expect(again.stdout).toContain('.github/CODEOWNERS is up to date\n');
      expect(read(root, '.github/CODEOWNERS')).toBe(written);
      const check = await render(root, ['--check', '--codeowners', '.github/CODEOWNERS']);
      expect(check).toEqual({ code: 0, stdout: 'README.md, INVENTORY.md and .github/CODEOWNERS are up to date (as of 2026-11-24)\n', stderr: '' });
    });

    it('keeps a CRLF file CRLF', async () => {
      const crlf = CODEOWNERS.replace(/\n/g, '\r\n');
      const root = repo({ ...ON_GITHUB, CODEOWNERS: crlf });
      expect((await render(root, ['--as-of', '2026-11-24', '--codeowners', 'CODEOWNERS'])).code).toBe(0);
      const written = read(root, 'CODEOWNERS');
      expect(written.startsWith(`${OWN_BEFORE.replace(/\n/g, '\r\n')}${start}\r\n`)).toBe(true);
      expect(written.endsWith(`\r\n${end}${OWN_AFTER.replace(/\n/g, '\r\n')}`)).toBe(true);
      expect(written.replace(/\r\n/g, '')).not.toContain('\n');
      expect(codeLines(written)).toContain('/registry/models/ticket-router.yaml @acme/ml-platform');
    });

    it('creates a missing file with a header and the markers; --check calls it stale until then', async () => {
      const root = repo(ON_GITHUB);
      const check = await render(root, ['--as-of', '2026-11-24', '--check', '--codeowners', '.github/CODEOWNERS']);
      expect(check.code).toBe(1);
      expect(check.stderr).toBe(
        'README.md is stale: the dashboard differs from a fresh render as of 2026-11-24\n' +
          'INVENTORY.md is stale: it does not exist yet\n' +
          '.github/CODEOWNERS is stale: it does not exist yet\n' +
          'Run `ai-registry render --as-of 2026-11-24 --codeowners .github/CODEOWNERS` and commit the result.\n',
      );
      expect(allFiles(root)).not.toContain('.github');

      expect((await render(root, ['--as-of', '2026-11-24', '--codeowners', '.github/CODEOWNERS'])).code).toBe(0);
      const written = read(root, '.github/CODEOWNERS');
      expect(written.startsWith(`${CODEOWNERS_HEADER}\n${start}\n# Generated by`)).toBe(true);
      expect(written.endsWith(`\n${end}\n`)).toBe(true);
      expect((await render(root, ['--check', '--codeowners', '.github/CODEOWNERS'])).code).toBe(0);
    });

    it('exits 2 with the two lines to add when the file has no markers, and writes nothing', async () => {
      const root = repo({ ...ON_GITHUB, '.github/CODEOWNERS': '* @acme/everyone\n' });
      for (const args of [[], ['--check']]) {
        const result = await render(root, ['--as-of', '2026-11-24', '--codeowners', '.github/CODEOWNERS', ...args]);
        expect(result).toEqual({
          code: 2,
          stdout: '',
          stderr: `ai-registry render: .github/CODEOWNERS has no markers for the code-owner block; add these two lines to .github/CODEOWNERS where the code-owner block goes:\n  ${start}\n  ${end}\n`,
        });
      }
      expect(read(root, '.github/CODEOWNERS')).toBe('* @acme/everyone\n');
      expect(read(root, 'README.md')).toBe(README);
      expect(allFiles(root)).not.toContain('INVENTORY.md');
    });

    it('--check exits 1 on a hand edit inside the block, naming only that file', async () => {
      const root = repo({ ...ON_GITHUB, '.github/CODEOWNERS': CODEOWNERS });
      await render(root, ['--as-of', '2026-11-24', '--codeowners', '.github/CODEOWNERS']);
      const edited = read(root, '.github/CODEOWNERS').replace(`\n${end}`, `\n/registry/models/ @acme/sneaky\n${end}`);
      writeFileSync(join(root, '.github/CODEOWNERS'), edited);
      const result = await render(root, ['--check', '--codeowners', '.github/CODEOWNERS']);
      expect(result).toEqual({
        code: 1,
        stdout: '',
        stderr: '.github/CODEOWNERS is stale: the code-owner block differs from a fresh render as of 2026-11-24\nRun `ai-registry render --codeowners .github/CODEOWNERS` and commit the result.\n',
      });
      expect(read(root, '.github/CODEOWNERS')).toBe(edited);
    });

    it('writes no line for models whose teams are not on GitHub', async () => {
      const root = repo({ '.github/CODEOWNERS': CODEOWNERS });
      expect((await render(root, ['--as-of', '2026-11-24', '--codeowners', '.github/CODEOWNERS'])).code).toBe(0);
      const written = read(root, '.github/CODEOWNERS');
      expect(codeLines(written)).toEqual(['* @acme/everyone', '/docs/legal/ @acme/legal']);
      expect(written).toContain('# ticket-router (tier 1): owner ml-platform only\n#   owner ml-platform has no spec.github\n');
    });

    it('leaves CODEOWNERS alone without the option', async () => {
      const root = repo({ '.github/CODEOWNERS': CODEOWNERS });
      const result = await render(root, ['--as-of', '2026-11-24']);
      expect(result.stdout).not.toContain('CODEOWNERS');
      expect(read(root, '.github/CODEOWNERS')).toBe(CODEOWNERS);
    });
  });

  it('explains its options with --help', async () => {
    const result = await render(repo(), ['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: ai-registry render [options]');
    expect(result.stdout).toContain('--check');
    expect(result.stdout).toContain('--codeowners FILE');
  });
});

describe('ai-registry render (as a process)', () => {
  
  it('renders, then --check passes, with the bundled CLI', () => {
    const root = repo();
    const rendered = runCliProcess(['render', '--as-of', '2026-11-24'], { cwd: root });
    expect(rendered).toMatchObject({ status: 0, stderr: '' });
    expect(read(root, 'README.md').startsWith(`${BEFORE}${DASHBOARD_START}\n<!-- ai-registry:as-of 2026-11-24 -->\n`)).toBe(true);
    expect(runCliProcess(['render', '--check'], { cwd: root })).toMatchObject({ status: 0, stderr: '' });
    writeFileSync(join(root, 'registry/models/new-model.yaml'), modelYaml('new-model'));
    const stale = runCliProcess(['render', '--check'], { cwd: root });
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('Run `ai-registry render` and commit the result.');
  });
});

describe('ai-registry render --codeowners with the root in a sub-folder (as a process)', () => {
  const ON_GITHUB = {
    'registry/teams/ml-platform.yaml': `${BASE_FILES['registry/teams/ml-platform.yaml']}  github: acme/ml-platform\n`,
    'registry/teams/ai-governance.yaml': `${BASE_FILES['registry/teams/ai-governance.yaml']}  github: acme/ai-governance\n`,
  };
  const codeLines = (text: string) => text.split('\n').filter((line) => line !== '' && !line.startsWith('#'));

  /** A repository with the registry (and its README) in gov/, and `top` files at the repository's root. */
  function governed(top: Record<string, string>): string {
    const files = { ...REGISTRY, ...ON_GITHUB, 'README.md': README };
    return repo({ ...Object.fromEntries(Object.entries(files).map(([path, text]) => [`gov/${path}`, text])), ...top });
  }

  /** Every path from the repository root, the root's prefix on each registry path; the Action's files to the CoE when action.yml is there. */
  const expectedLines = (action: boolean) => [
    '/.github/workflows/ @acme/ai-governance',
    ...(action ? ['/dist/ @acme/ai-governance'] : []),
    '/gov/registry/metrics/ @acme/ai-governance',
    '/gov/registry/teams/ @acme/ai-governance',
    '/gov/registry/waivers/ @acme/ai-governance',
    '/.github/CODEOWNERS @acme/ai-governance',
    '/CODEOWNERS @acme/ai-governance',
    ...(action ? ['/action.yaml @acme/ai-governance', '/action.yml @acme/ai-governance'] : []),
    '/docs/CODEOWNERS @acme/ai-governance',
    '/gov/registry/policy.yaml @acme/ai-governance',
    '/gov/registry/policy.yml @acme/ai-governance',
    '/gov/registry/projects/ops-automation.yaml @acme/ml-platform',
    '/gov/registry/models/ticket-router.yaml @acme/ml-platform',
  ];

  it.each([
    ['a .git folder', { '.git/HEAD': 'ref: refs/heads/main\n', 'action.yml': 'name: x\n' }, true],
    ['a .git file (a worktree or a submodule)', { '.git': 'gitdir: /elsewhere/.git/worktrees/x\n' }, false],
  ])('finds the repository root by %s: CODEOWNERS where GitHub reads it, every path from there', (_, top, action) => {
    const root = governed(top);
    const args = ['render', '--root', 'gov', '--as-of', '2026-11-24', '--codeowners', '.github/CODEOWNERS'];
    const result = runCliProcess(args, { cwd: root });
    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect(result.stdout).toContain('wrote the code-owner block to .github/CODEOWNERS (as of 2026-11-24)\n');
    expect(existsSync(join(root, 'gov/.github'))).toBe(false);
    expect(codeLines(read(root, '.github/CODEOWNERS'))).toEqual(expectedLines(action));
    expect(read(root, 'gov/README.md')).toContain('<!-- ai-registry:as-of 2026-11-24 -->');
    expect(runCliProcess(['render', '--root', 'gov', '--check', '--codeowners', '.github/CODEOWNERS'], { cwd: root })).toMatchObject({ status: 0, stderr: '' });
  });

  it('--repo-root names the repository root where there is no .git (an exported tree)', () => {
    const root = governed({});
    const result = runCliProcess(['render', '--root', 'gov', '--repo-root', '.', '--as-of', '2026-11-24', '--codeowners', 'CODEOWNERS'], { cwd: root });
    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect(codeLines(read(root, 'CODEOWNERS'))).toEqual(expectedLines(false));
  });

  it('warns on stdout when GitHub would not read the file, and still writes it', () => {
    const root = governed({ '.git/HEAD': 'ref: refs/heads/main\n' });
    const result = runCliProcess(['render', '--root', 'gov', '--as-of', '2026-11-24', '--codeowners', 'gov/.github/CODEOWNERS'], { cwd: root });
    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect(result.stdout.split('\n').filter((line) => line.startsWith('warning:'))).toEqual([
      'warning: GitHub reads CODEOWNERS only from .github/CODEOWNERS, CODEOWNERS or docs/CODEOWNERS at the repository root, not from gov/.github/CODEOWNERS',
    ]);
    expect(codeLines(read(root, 'gov/.github/CODEOWNERS'))).toContain('/gov/.github/CODEOWNERS @acme/ai-governance');
  });

  it.each([
    ['a CODEOWNERS path outside the repository root', ['--codeowners', '../CODEOWNERS'], /^ai-registry render: cannot write .*CODEOWNERS: it is outside the repository/],
    ['a --repo-root that does not hold the root', ['--repo-root', 'gov/registry', '--codeowners', 'CODEOWNERS'], /^ai-registry render: --root .* is not inside --repo-root/],
  ])('exit 2 and nothing written for %s', (_, args, message) => {
    const root = governed({ '.git/HEAD': 'ref: refs/heads/main\n' });
    const result = runCliProcess(['render', '--root', 'gov', '--as-of', '2026-11-24', ...args], { cwd: root });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(read(root, 'gov/README.md')).toBe(README);
  });
});
