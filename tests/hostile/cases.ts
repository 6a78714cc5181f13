import { execFileSync } from 'node:child_process';
import { renameSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMPLETE_TIER3, docModel } from '../helpers/doc-fixtures.js';
import { modelYaml } from '../helpers/model-yaml.js';

/**
 * The hostile-input corpus: files nobody should commit, each with what the engine must make
 * of it. The harness (hostile.test.ts) lints every case next to a known-good sentinel, within
 * a time bound, while refusing any read outside the repository.
 */

/** A folder beside the repository, with things that must never be read: see hostile.test.ts. */
export interface Outside {
  root: string;
  /** A valid Team manifest named `secret`: if it were loaded, it would be in the result. */
  secretManifest: string;
  /** A folder holding a valid manifest. */
  secretFolder: string;
  /** A document that would pass every check. */
  secretDocument: string;
  /** A FIFO: opening it for reading blocks. */
  fifo: string;
}

export interface ExpectedFinding {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  /** Substrings of the message. */
  message: string | string[];
}

export interface HostileCase {
  name: string;
  /** Files of the repository, next to the sentinel's. */
  files?: Record<string, string | Buffer>;
  /** What files cannot hold: links, FIFOs, folders, sparse files. */
  setup?: (root: string, outside: Outside) => void;
  /** Repo-relative path of a file that vanishes when it is first opened. */
  vanish?: string;
  /** `--registry`; `registry` by default. */
  registryDir?: string | ((outside: Outside) => string);
  /** The findings of the case's own files, in report order; or the configuration error it is, with its findings. */
  expected: ExpectedFinding[] | { configError: string; findings?: ExpectedFinding[] };
  /** Names of manifests the case adds that must load (beside the sentinel's). */
  loads?: string[];
  /** Where the registry really is when the case moves it behind a link: findings name real paths. */
  realRegistry?: string;
}

const FILE = 'registry/teams/data-science.yaml';

/**
 * A Team at fixed lines: `metadata:` 3, `name:` 4 (value column 9), `spec:` 5,
 * `businessUnit:` 6, `contact:` 7, `extra` from line 8.
 */
export function teamYaml(name = 'data-science', extra = ''): string {
  return `apiVersion: ai-registry/v1\nkind: Team\nmetadata:\n  name: ${name}\nspec:\n  businessUnit: Claims\n  contact: ds@example.com\n${extra}`;
}

const TEAM = teamYaml();

/** `spec.bogus` at line 8, column 3: a finding whose position proves lines are counted right. */
const BOGUS = teamYaml('data-science', '  bogus: 1\n');
const bogusAt = (line: number, file = FILE): ExpectedFinding => ({ ruleId: 'schema', file, line, column: 3, message: 'spec: unknown field `bogus`' });

const syntax = (line: number, column: number, message: string | string[], file = FILE): ExpectedFinding => ({ ruleId: 'yaml-syntax', file, line, column, message });
const invalidFile = (message: string | string[], file = FILE): ExpectedFinding => ({ ruleId: 'file-invalid', file, line: 1, column: 1, message });
const schema = (line: number, column: number, message: string | string[], file = FILE): ExpectedFinding => ({ ruleId: 'schema', file, line, column, message });

const fifo = (path: string) => execFileSync('mkfifo', [path]);

/** `'['.repeat(n)` and its closing: n levels of flow sequences. */
const flowNest = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

const MODEL = 'registry/models/scorer.yaml';
/** The tier-3 experiment of doc-fixtures with its model card at `path` (line 18, value column 16). */
const cardAt = (path: string): Record<string, string> => ({
  ...COMPLETE_TIER3,
  [MODEL]: docModel({ documentation: { modelCard: path, riskAssessment: 'docs/risk.md' } }),
});
const outsideDoc = (message: string | string[]): ExpectedFinding => ({ ruleId: 'doc-outside-repo', file: MODEL, line: 18, column: 16, message });
const missingDoc = (message: string | string[]): ExpectedFinding => ({ ruleId: 'doc-missing', file: MODEL, line: 18, column: 16, message });

const POLICY = 'registry/policy.yaml';
const refusedPattern = (line: number, column: number, message: string | string[]): ExpectedFinding => ({ ruleId: 'schema', file: POLICY, line, column, message });

/** The token actions/checkout stores in `.git/config` (base64 of `x-access-token:ghs_…`): it must never be shown. */
export const CHECKOUT_TOKEN = Buffer.from('x-access-token:ghs_16C7e42F292c6912E7710c838347Ae178B4a').toString('base64');

/** A repository's `.git/config` after actions/checkout, with the token as an HTTP header. */
export const GIT_CONFIG = `[core]
\trepositoryformatversion = 0
[remote "origin"]
\turl = https://github.com/northwind/ai-registry
[http "https://github.com/"]
\textraheader = AUTHORIZATION: basic ${CHECKOUT_TOKEN}
`;

/** A policy whose placeholder pattern matches the rest of the header's line. */
export const EXTRAHEADER_POLICY = "apiVersion: ai-registry/v1\nkind: Policy\nmetadata:\n  name: policy\nspec:\n  placeholders: ['extraheader.*', '\\bTODO\\b']\n";

/** The model card declared at `path`, with `.git/config` (and a nested repository's) holding the token. */
const gitCardAt = (path: string): Record<string, string> => ({
  ...cardAt(path),
  '.git/config': GIT_CONFIG,
  'docs/deep/.git/config': GIT_CONFIG,
  [POLICY]: EXTRAHEADER_POLICY,
});
const inGit = outsideDoc(['is in .git/', "git's configuration and credentials, not documents"]);

export const HOSTILE_CASES: HostileCase[] = [
  // ── YAML syntax ────────────────────────────────────────────────────────────────────────
  { name: 'a syntax error on the first line', files: { [FILE]: `kind: Team: Model\n${TEAM.split('\n').slice(1).join('\n')}` }, expected: [syntax(1, 7, 'Nested mappings are not allowed')] },
  { name: 'a syntax error in the middle', files: { [FILE]: TEAM.replace('spec:\n', 'spec:\n  members: [asmith, bjones\n') }, expected: [syntax(7, 3, 'must be sufficiently indented and end with a ]')] },
  { name: 'a syntax error on the last line', files: { [FILE]: `${TEAM}  github: "northwind/claims` }, expected: [syntax(8, 28, 'Missing closing "quote')] },
  { name: 'bad indentation', files: { [FILE]: TEAM.replace('  contact', '     contact') }, expected: [syntax(6, 17, 'Nested mappings are not allowed in compact mappings')] },
  {
    name: 'duplicate keys, each reported',
    files: { [FILE]: `${TEAM}  contact: other@example.com\nkind: Model\n` },
    expected: [syntax(8, 3, 'Map keys must be unique'), syntax(9, 1, 'Map keys must be unique')],
  },
  { name: 'duplicate keys that differ only in quoting', files: { [FILE]: `${TEAM}  "contact": other@example.com\n` }, expected: [syntax(8, 3, 'Map keys must be unique')] },
  { name: 'a second document', files: { [FILE]: `${TEAM}---\n${teamYaml('other-team')}` }, expected: [syntax(8, 1, 'more than one YAML document')] },
  {
    name: 'an alias bomb (billion laughs)',
    files: {
      [FILE]: `${TEAM}  members: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n`,
    },
    expected: [syntax(9, 8, ['*a inside the anchored node &b', 'alias bomb'])],
  },
  { name: 'an alias to an anchor that does not exist', files: { [FILE]: `${TEAM}  members: *nobody\n` }, expected: [syntax(8, 12, 'uses the alias *nobody, but no anchor &nobody comes before it')] },
  { name: 'an alias inside its own anchor (a cycle)', files: { [FILE]: `${TEAM}  members: &m [asmith, *m]\n` }, expected: [syntax(8, 24, 'uses the alias *m inside the anchored node &m')] },
  {
    name: 'more aliases than a manifest may use',
    files: { [FILE]: `${TEAM}  members: &m asmith\nx: [${Array.from({ length: 101 }, () => '*m').join(', ')}]\n` },
    expected: [syntax(9, 405, 'more than 100 aliases')],
  },
  { name: 'a mapping with 5,000 keys', files: { [FILE]: `${TEAM}${Array.from({ length: 5000 }, (_, i) => `k${i}: ${i}\n`).join('')}` }, expected: [syntax(1004, 1, 'a mapping of 5004 keys, more than the 1000')] },
  { name: 'a list or mapping as a key', files: { [FILE]: `${TEAM}  ? [asmith, bjones]\n  : members\n` }, expected: [syntax(8, 5, 'uses a list or mapping as a key')] },
  { name: 'flow nesting 10,000 levels deep', files: { [FILE]: `${TEAM}  members: ${flowNest(10_000)}\n` }, expected: [syntax(8, 110, 'more than 100 levels deep')] },
  { name: 'block nesting 10,000 levels deep (compact lists)', files: { [FILE]: `${TEAM}  members:\n  ${'- '.repeat(10_000)}x\n` }, expected: [syntax(9, 199, 'more than 100 levels deep')] },
  {
    name: 'block nesting 1,000 levels deep by indentation',
    files: { [FILE]: `${TEAM}${Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i + 2)}k${i}:\n`).join('')}` },
    expected: [syntax(107, 102, 'more than 100 levels deep')],
  },
  {
    name: 'two files nested 10,000 levels deep, one after the other',
    files: { 'registry/teams/a-deep.yaml': flowNest(10_000), 'registry/teams/b-deep.yaml': `{a: ${flowNest(10_000)}}` },
    expected: [syntax(1, 101, 'more than 100 levels deep', 'registry/teams/a-deep.yaml'), syntax(1, 104, 'more than 100 levels deep', 'registry/teams/b-deep.yaml')],
  },

  // ── Tags and directives: never executed, never trusted ─────────────────────────────────
  { name: 'a !!js/function tag', files: { [FILE]: `${TEAM}  members: !!js/function "function () { return process.exit(1) }"\n` }, expected: [syntax(8, 12, 'YAML tags are not allowed')] },
  { name: 'a !!binary tag', files: { [FILE]: `${TEAM}  members: !!binary aGVsbG8=\n` }, expected: [syntax(8, 12, ['tag:yaml.org,2002:binary', 'YAML tags are not allowed'])] },
  { name: 'a !!set tag', files: { [FILE]: `${TEAM}  members: !!set { asmith, bjones }\n` }, expected: [syntax(8, 12, 'YAML tags are not allowed')] },
  { name: 'a custom tag on the whole manifest', files: { [FILE]: `!northwind/team\n${TEAM}` }, expected: [syntax(1, 1, ['!northwind/team', 'YAML tags are not allowed'])] },
  { name: 'a %TAG directive with a custom tag', files: { [FILE]: `%TAG !e! tag:evil.example,2026:\n---\n${TEAM}  members: !e!run [rm]\n` }, expected: [syntax(10, 12, ['tag:evil.example,2026:run', 'YAML tags are not allowed'])] },
  { name: 'a %YAML 1.1 directive (yes, no and dates would change meaning)', files: { [FILE]: `%YAML 1.1\n---\n${TEAM}  coe: yes\n` }, expected: [syntax(1, 1, 'declares YAML 1.1; manifests are YAML 1.2')] },

  // ── Size and encoding ──────────────────────────────────────────────────────────────────
  {
    name: 'a huge scalar: a 900 KB member name, quoted briefly',
    files: { [FILE]: `${TEAM}  members: [${'x'.repeat(900_000)}]\n` },
    expected: [schema(8, 13, ['spec.members[0]: "xxxxxxxx', '..." is not valid'])],
  },
  { name: 'a 2,000-character key', files: { [FILE]: `${TEAM}  ${'k'.repeat(2000)}: 1\n` }, expected: [syntax(8, 3, 'at most 1024 chars')] },
  { name: 'a 2 MiB file', files: { [FILE]: `${TEAM}  members:\n${'    - asmith\n'.repeat(165_000)}` }, expected: [invalidFile('data-science.yaml is 2.0 MiB, larger than the 1 MiB limit')] },
  { name: 'an empty file', files: { [FILE]: Buffer.alloc(0) }, expected: [invalidFile('is empty or holds only comments')] },
  { name: 'only comments', files: { [FILE]: '# Claims data science\n# to be written\n' }, expected: [invalidFile('is empty or holds only comments')] },
  { name: 'only a document marker and blank lines', files: { [FILE]: '---\n\n   \n' }, expected: [invalidFile('is empty or holds only comments')] },
  { name: 'a NUL byte', files: { [FILE]: Buffer.from(`${TEAM}  github: north\u0000wind/claims\n`) }, expected: [invalidFile('contains a NUL byte at offset 139; it is binary, not text')] },
  { name: 'invalid UTF-8', files: { [FILE]: Buffer.concat([Buffer.from(TEAM), Buffer.from([0x20, 0x20, 0xc3, 0x28, 0x0a])]) }, expected: [invalidFile('is not valid UTF-8')] },
  { name: 'UTF-16 LE with a byte-order mark', files: { [FILE]: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEAM, 'utf16le')]) }, expected: [invalidFile('is UTF-16 encoded; save it as UTF-8')] },
  { name: 'UTF-16 BE with a byte-order mark', files: { [FILE]: Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(TEAM, 'utf16le').swap16()]) }, expected: [invalidFile('is UTF-16 encoded')] },
  { name: 'a UTF-8 byte-order mark: read as UTF-8', files: { [FILE]: `\ufeff${BOGUS}` }, expected: [bogusAt(8)] },
  { name: 'CRLF line endings: same positions', files: { [FILE]: BOGUS.replace(/\n/g, '\r\n') }, expected: [bogusAt(8)] },
  { name: 'lone CR line endings (classic Mac): same positions', files: { [FILE]: BOGUS.replace(/\n/g, '\r') }, expected: [bogusAt(8)] },
  { name: 'mixed CRLF, LF and CR line endings: same positions', files: { [FILE]: BOGUS.replace('kind: Team\n', 'kind: Team\r\n').replace('spec:\n', 'spec:\r') }, expected: [bogusAt(8)] },
  { name: 'tabs for indentation', files: { [FILE]: TEAM.replace('  contact', '\tcontact') }, expected: [syntax(7, 1, 'Tabs are not allowed as indentation')] },

  // ── Shapes that are not a manifest ─────────────────────────────────────────────────────
  { name: 'a list instead of a mapping', files: { [FILE]: '- apiVersion: ai-registry/v1\n- kind: Team\n' }, expected: [schema(1, 1, 'a manifest must be a mapping with apiVersion, kind, metadata and spec, not a list')] },
  { name: 'a scalar instead of a mapping', files: { [FILE]: 'data-science\n' }, expected: [schema(1, 1, 'not "data-science"')] },
  { name: 'null instead of a mapping', files: { [FILE]: '~\n' }, expected: [schema(1, 1, 'not empty')] },
  {
    name: 'keys that are JavaScript internals, at several levels',
    files: {
      [FILE]: teamYaml('data-science', '  __proto__: { polluted: true }\n  constructor: { prototype: { polluted: true } }\n  toString: 1\n__proto__: { polluted: true }\n')
        .replace('  name: data-science\n', '  name: data-science\n  labels: { __proto__: { polluted: true }, constructor: y, hasOwnProperty: z }\n'),
    },
    expected: [
      schema(5, 24, 'metadata.labels.__proto__: a mapping is not valid'),
      schema(9, 3, 'spec: unknown field `__proto__`'),
      schema(10, 3, 'spec: unknown field `constructor`'),
      schema(11, 3, 'spec: unknown field `toString`'),
      schema(12, 1, 'unknown field `__proto__`; allowed: apiVersion, kind, metadata, spec'),
    ],
  },
  {
    name: 'names that are JavaScript internals: a team `constructor`, references to `valueof` and `tostring`',
    files: {
      'registry/teams/constructor.yaml': teamYaml('constructor'),
      'registry/projects/hasownproperty.yaml': 'apiVersion: ai-registry/v1\nkind: Project\nmetadata:\n  name: hasownproperty\nspec:\n  owner: constructor\n  sponsor: Jane Doe (COO)\n',
      'registry/models/prototype.yaml': modelYaml('prototype').replace('project: ops-automation', 'project: valueof').replace('owner: ml-platform', 'owner: tostring'),
    },
    loads: ['constructor', 'hasownproperty', 'prototype'],
    expected: [
      { ruleId: 'unknown-reference', file: 'registry/models/prototype.yaml', line: 6, column: 12, message: 'valueof' },
      { ruleId: 'unknown-reference', file: 'registry/models/prototype.yaml', line: 7, column: 10, message: 'tostring' },
    ],
  },

  // ── Names and file names ───────────────────────────────────────────────────────────────
  {
    name: 'a name with a Cyrillic look-alike letter',
    files: { 'registry/teams/claims.yaml': teamYaml('clаims') },
    expected: [
      { ruleId: 'name-mismatch', file: 'registry/teams/claims.yaml', line: 4, column: 9, message: 'differs from the file name' },
      schema(4, 9, ['metadata.name: "clаims" is not valid', '"а", U+0430, which is not ASCII'], 'registry/teams/claims.yaml'),
    ],
  },
  {
    name: 'a reference with a look-alike letter',
    files: { 'registry/projects/claims-ai.yaml': 'apiVersion: ai-registry/v1\nkind: Project\nmetadata:\n  name: claims-ai\nspec:\n  owner: ml-plаtform\n  sponsor: Jane Doe (COO)\n' },
    expected: [schema(6, 10, ['spec.owner', 'U+0430'], 'registry/projects/claims-ai.yaml')],
  },
  { name: 'an invisible character in a key', files: { [FILE]: `${TEAM}  \u200bmembers: [asmith]\n` }, expected: [schema(8, 3, ['unknown field', 'the invisible character U+200B', 'did you mean `members`'])] },
  {
    name: 'a 255-character file name',
    files: { [`registry/teams/${'a'.repeat(250)}.yaml`]: teamYaml('a'.repeat(250)) },
    expected: [schema(4, 9, 'must be at most 63 characters, not 250', `registry/teams/${'a'.repeat(250)}.yaml`)],
  },
  {
    name: 'file names that look like workflow commands and markdown',
    files: { 'registry/teams/::error::x%0A| [x](javascript:y).yaml': TEAM },
    expected: [{ ruleId: 'name-mismatch', file: 'registry/teams/::error::x%0A| [x](javascript:y).yaml', line: 4, column: 9, message: 'differs from the file name' }],
  },

  // ── The file system ────────────────────────────────────────────────────────────────────
  {
    name: 'a registry folder that is a symlink inside the repository',
    files: { [FILE]: BOGUS },
    setup: (root) => {
      renameSync(join(root, 'registry'), join(root, 'governance'));
      symlinkSync('governance', join(root, 'registry'));
    },
    realRegistry: 'governance',
    expected: [bogusAt(8, 'governance/teams/data-science.yaml')],
  },
  {
    name: 'a registry folder that is a symlink out of the repository',
    registryDir: 'catalogue',
    setup: (root, outside) => symlinkSync(outside.secretFolder, join(root, 'catalogue')),
    expected: { configError: 'registry folder "catalogue" resolves outside the repository' },
  },
  { name: 'a registry path that climbs out with ..', registryDir: '..', expected: { configError: 'resolves outside the repository' } },
  { name: 'a registry path that is absolute and elsewhere', registryDir: (outside) => outside.secretFolder, expected: { configError: 'resolves outside the repository' } },
  { name: 'a registry that is a file', registryDir: 'registry/teams/ml-platform.yaml', expected: { configError: 'is not a folder' } },
  { name: 'a registry folder that is .git', files: { '.git/config': GIT_CONFIG, '.git/teams/a.yaml': TEAM }, registryDir: '.git', expected: { configError: 'registry folder ".git" is in .git/' } },
  { name: 'a registry folder under .Git/', files: { '.Git/registry/teams/a.yaml': TEAM }, registryDir: '.Git/registry', expected: { configError: "is in .git/, git's own folder" } },
  {
    name: 'a registry folder that links into .git/',
    files: { '.git/teams/a.yaml': TEAM },
    registryDir: 'catalogue',
    setup: (root) => symlinkSync('.git', join(root, 'catalogue')),
    expected: { configError: 'registry folder "catalogue" is in .git/' },
  },
  { name: 'a registry sub-folder that links out of the repository: not followed', setup: (root, outside) => symlinkSync(outside.secretFolder, join(root, 'registry', 'linked')), expected: [] },
  { name: 'a symlink loop of folders: not followed', setup: (root) => symlinkSync('..', join(root, 'registry', 'teams', 'loop')), expected: [] },
  {
    name: 'a symlink loop of files',
    setup: (root) => {
      symlinkSync('b.yaml', join(root, 'registry', 'teams', 'a.yaml'));
      symlinkSync('a.yaml', join(root, 'registry', 'teams', 'b.yaml'));
    },
    expected: [invalidFile('a.yaml is a symbolic link', 'registry/teams/a.yaml'), invalidFile('b.yaml is a symbolic link', 'registry/teams/b.yaml')],
  },
  { name: 'a manifest that links to a file outside', setup: (root, outside) => symlinkSync(outside.secretManifest, join(root, FILE)), expected: [invalidFile('data-science.yaml is a symbolic link; only regular files are read')] },
  { name: 'a manifest that links to a FIFO outside', setup: (root, outside) => symlinkSync(outside.fifo, join(root, FILE)), expected: [invalidFile('is a symbolic link')] },
  { name: 'a FIFO named x.yaml', setup: (root) => fifo(join(root, FILE)), expected: [invalidFile('data-science.yaml is not a regular file')] },
  {
    name: 'a directory named x.yaml: not a manifest, what it holds is',
    files: { 'registry/teams/folder.yaml/data-science.yaml': BOGUS },
    expected: [bogusAt(8, 'registry/teams/folder.yaml/data-science.yaml')],
  },
  { name: 'a file that disappears between listing and reading', files: { [FILE]: TEAM }, vanish: FILE, expected: [invalidFile('data-science.yaml does not exist (or disappeared while being read)')] },

  // ── Document paths ─────────────────────────────────────────────────────────────────────
  { name: 'a document path with ..', files: cardAt('../secret.md'), expected: [outsideDoc('climbs out of the repository with ".."')] },
  { name: 'a document path with .. in the middle', files: cardAt('docs/../../secret.md'), expected: [outsideDoc('climbs out of the repository')] },
  { name: 'an absolute document path', files: cardAt('/etc/passwd'), expected: [outsideDoc('is an absolute path')] },
  { name: 'a home-folder document path', files: cardAt('~/card.md'), expected: [outsideDoc('starts with "~"')] },
  { name: 'a file:// document URL', files: cardAt('file:///etc/passwd'), expected: [outsideDoc('is a URL (file:)')] },
  { name: 'an https:// document URL', files: cardAt('https://wiki.example.com/card.md'), expected: [outsideDoc('is a URL (https:)')] },
  { name: 'a NUL in a document path', files: cardAt('"docs/card.md\\0.txt"'), expected: [outsideDoc('contains the control character U+0000')] },
  { name: 'a document that links out of the repository', files: cardAt('docs/linked.md'), setup: (root, outside) => symlinkSync(outside.secretDocument, join(root, 'docs', 'linked.md')), expected: [outsideDoc('leads outside the repository through a symbolic link')] },
  { name: 'a document in a folder that links out', files: cardAt('docs/elsewhere/card.md'), setup: (root, outside) => symlinkSync(outside.root, join(root, 'docs', 'elsewhere')), expected: [outsideDoc('leads outside the repository')] },
  { name: 'a document that links to the FIFO outside', files: cardAt('docs/fifo.md'), setup: (root, outside) => symlinkSync(outside.fifo, join(root, 'docs', 'fifo.md')), expected: [outsideDoc('leads outside the repository')] },
  { name: 'a document that is a directory', files: { ...cardAt('docs/card'), 'docs/card/README.md': '# Card\n' }, expected: [missingDoc('docs/card is a directory')] },
  { name: 'a document of 50 MiB', files: cardAt('docs/huge.md'), setup: (root) => { writeFileSync(join(root, 'docs', 'huge.md'), ''); truncateSync(join(root, 'docs', 'huge.md'), 50 * 1024 * 1024); }, expected: [missingDoc('larger than the 1 MiB limit')] },
  { name: 'a document that is a FIFO', files: cardAt('docs/pipe.md'), setup: (root) => fifo(join(root, 'docs', 'pipe.md')), expected: [missingDoc('is not a regular file')] },
  {
    name: 'a document in a symlink loop',
    files: cardAt('docs/loop.md'),
    setup: (root) => {
      symlinkSync('loop2.md', join(root, 'docs', 'loop.md'));
      symlinkSync('loop.md', join(root, 'docs', 'loop2.md'));
    },
    expected: [missingDoc('loop of symbolic links')],
  },
  { name: 'a document path through a file', files: cardAt('docs/card.md/inside.md'), expected: [missingDoc('does not exist')] },

  // ── Git's own folder: its configuration holds the checkout token ───────────────────────
  { name: 'a document in .git/ (the checkout token in .git/config)', files: gitCardAt('.git/config'), expected: [inGit] },
  { name: 'a document in .GIT/ (another case: the same folder on macOS and Windows)', files: gitCardAt('.GIT/config'), expected: [inGit] },
  { name: 'a document in a nested repository\'s .git/', files: gitCardAt('docs/deep/.git/config'), expected: [inGit] },
  { name: 'a document in .git/ by way of ..', files: gitCardAt('docs/../.git/config'), expected: [inGit] },
  { name: 'a document in a folder that links to .git/', files: gitCardAt('docs/link/config'), setup: (root) => symlinkSync('../.git', join(root, 'docs', 'link')), expected: [inGit] },
  { name: 'a document that links to .git/config', files: gitCardAt('docs/config.md'), setup: (root) => symlinkSync('../.git/config', join(root, 'docs', 'config.md')), expected: [inGit] },
  {
    name: 'a placeholder on a line built to make the credential check backtrack: quoted, cut at 40 characters',
    files: {
      ...gitCardAt('docs/pasted.md'),
      'docs/pasted.md': `${COMPLETE_TIER3['docs/card.md']!}extraheader ${'-----BEGIN '.repeat(20_000)}${'a '.repeat(100_000)}${'password'.padEnd(100_000)}${'basic '.repeat(20_000)}${'Ab'.repeat(100_000)}\n`,
    },
    expected: [{ ruleId: 'doc-placeholder', file: MODEL, line: 18, column: 16, message: 'docs/pasted.md:22 still holds a placeholder: "extraheader -----BEGIN -----BEGIN -----B…" (model card' }],
  },
  {
    name: 'a document built to make the markdown scanner backtrack, with one real placeholder',
    files: {
      ...cardAt('docs/slow.md'),
      'docs/slow.md': [
        COMPLETE_TIER3['docs/card.md']!,
        `# a${' '.repeat(200_000)}b`,
        '`x``x'.repeat(30_000),
        '<fill\n'.repeat(20_000),
        '<'.repeat(200_000),
        'Intended users: <fill in the intended users>',
      ].join('\n'),
    },
    expected: [{ ruleId: 'doc-placeholder', file: MODEL, line: 18, column: 16, message: ['docs/slow.md:20027 still holds a placeholder: "<fill in the intended users>"'] }],
  },

  // ── Placeholder patterns: RE2 syntax, run in linear time (placeholder-patterns.test.ts: the hangs) ──
  {
    name: 'placeholder patterns with lookaround and a backreference: refused, each at its value',
    files: {
      ...COMPLETE_TIER3,
      [POLICY]: "apiVersion: ai-registry/v1\nkind: Policy\nmetadata:\n  name: policy\nspec:\n  placeholders:\n    - '\\bTODO\\b'\n    - '(?=x)'\n    -   '(a)\\1'\n    - '(?<!a)b'\n",
    },
    expected: {
      configError: 'the policy file is not valid',
      findings: [
        refusedPattern(8, 7, ['spec.placeholders[1]: RE2 cannot compile "(?=x)"', 'unsupported Perl syntax: `(?=`', 'RE2 syntax', 'no lookahead or lookbehind, no backreferences']),
        refusedPattern(9, 9, ['spec.placeholders[2]: RE2 cannot compile "(a)\\1"', 'invalid escape sequence: `\\1`']),
        refusedPattern(10, 7, ['spec.placeholders[3]: RE2 cannot compile "(?<!a)b"']),
      ],
    },
  },
  {
    name: 'a placeholder pattern RE2 refuses, in a flow list',
    files: { [POLICY]: "apiVersion: ai-registry/v1\nkind: Policy\nmetadata: {name: policy}\nspec: {placeholders: ['\\bTODO\\b', '(unclosed']}\n" },
    expected: { configError: 'the policy file is not valid', findings: [refusedPattern(4, 35, 'spec.placeholders[1]: RE2 cannot compile "(unclosed": missing closing )')] },
  },
];
