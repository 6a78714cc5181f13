import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Finding } from '../model/finding.js';
import type { Kind, Locate, Manifest, Metadata } from '../model/manifest.js';
import { Registry } from '../model/registry.js';
import { resolvePolicy, type PolicySpec } from '../policy/policy.js';
import { validateManifest } from '../schema/validate.js';
import { discoverManifestFiles } from './discover.js';
import { fastParse } from './fast-parse.js';
import { parseManifest, positionsOf } from './parse.js';
import { quickLocator, type QuickLocate } from './quick-locate.js';
import { readTextFile } from './read.js';

/** A problem with the configuration (paths, the policy file): the run cannot be trusted, exit 2. */
export class ConfigError extends Error {
  constructor(message: string, readonly findings: readonly Finding[] = []) {
    super(message);
    this.name = 'ConfigError';
  }
}

export interface LoadedRegistry {
  registry: Registry;
  /** Findings of the load phase: `file-invalid`, `yaml-syntax`, `schema`. */
  findings: Finding[];
  /** How many manifest files were found, broken ones included. */
  files: number;
}

/**
 * Finds, reads, parses and validates every manifest below the registry folder. A broken file
 * becomes findings and the others are still loaded; only a broken policy or a registry folder
 * outside the repository is a ConfigError.
 */
export async function loadRegistry(rootDir: string, registryDir = 'registry', options: LoadOptions = {}): Promise<LoadedRegistry> {
  const root = realDirectory(rootDir, 'repository root');
  const registryRelative = containedRelative(root, registryDir);
  const files = await discoverManifestFiles(root, registryRelative);
  const manifests: Manifest[] = [];
  const findings: Finding[] = [];
  for (const file of files) {
    const loaded = loadManifest(root, file, options);
    findings.push(...loaded.findings);
    if (loaded.manifest) manifests.push(loaded.manifest);
  }
  const policySpec = resolvePolicyFile(manifests, findings, registryRelative);
  return { registry: new Registry(root, registryRelative, manifests, resolvePolicy(policySpec)), findings, files: files.length };
}

export interface LoadOptions {
  /** Parse with the value-only fast path where it is safe (default); `yaml` stays the authority. */
  fastParse?: boolean;
  /** Position findings of fast-parsed files without `yaml` where the text allows (default); `yaml` answers the rest. */
  quickLocate?: boolean;
}

export function loadManifest(root: string, file: string, options: LoadOptions = {}): { manifest?: Manifest; findings: Finding[] } {
  const read = readTextFile(resolve(root, file));
  if (!read.ok) return { findings: [{ ruleId: 'file-invalid', severity: 'error', message: `${basename(file)} ${read.reason}`, file, line: 1, column: 1 }] };
  const fast = options.fastParse === false ? undefined : fastParse(read.text);
  if (fast) return fromValue(file, fast, lazyLocator(read.text, options.quickLocate !== false));
  const parsed = parseManifest(read.text);
  if (!parsed.ok) return { findings: parsed.problems.map((p) => ({ ruleId: p.ruleId, severity: 'error', message: p.message, file, line: p.line, column: p.column })) };
  return fromValue(file, parsed.value, parsed.locate);
}

/** Validates a parsed value and makes it a manifest; schema findings are positioned through `locate`. */
function fromValue(file: string, value: unknown, locate: Locate): { manifest?: Manifest; findings: Finding[] } {
  const { kind, problems } = validateManifest(value);
  const data = value as { metadata?: Partial<Metadata>; spec?: unknown };
  const name = typeof data?.metadata?.name === 'string' ? data.metadata.name : undefined;
  const findings: Finding[] = problems.map((p) => ({
    ruleId: 'schema',
    severity: 'error',
    message: p.message,
    file,
    ...p.path.length === 0 && p.target === 'value' ? { line: 1, column: 1 } : toPosition(locate(p.path, p.target)),
    ...(kind ? { kind } : {}),
    ...(name ? { name } : {}),
  }));
  // A manifest with a name and a known kind still resolves references, even when invalid.
  if (!kind || name === undefined) return { findings };
  const manifest: Manifest = {
    file,
    kind,
    name,
    metadata: data.metadata as Metadata,
    spec: (data.spec ?? {}) as never,
    valid: problems.length === 0,
    locate,
  };
  return { manifest, findings };
}

/**
 * Positions for a file the fast path parsed: `yaml` parses it only when a finding first needs a
 * position the quick locator cannot give, so clean files never pay for (or keep in memory) a
 * positional parse, and most files with findings do not either.
 */
function lazyLocator(text: string, quick: boolean): Locate {
  // undefined: not outlined yet; null: off, or the text is outside what the quick locator reads.
  let quickLocate: QuickLocate | null | undefined = quick ? undefined : null;
  let locate: Locate | undefined;
  return (path, target) => {
    if (quickLocate === undefined) quickLocate = quickLocator(text) ?? null;
    return quickLocate?.(path, target ?? 'node') ?? (locate ??= positionsOf(text))(path, target);
  };
}

function toPosition(p: { line: number; column: number }): { line: number; column: number } {
  return { line: p.line, column: p.column };
}

/** The single Policy manifest's spec; a broken policy file is a ConfigError, never ignored. */
function resolvePolicyFile(manifests: Manifest[], findings: Finding[], registryDir: string): PolicySpec | undefined {
  const policies = manifests.filter((m) => m.kind === ('Policy' satisfies Kind));
  const expected = new Set([`${registryDir}/policy.yaml`, `${registryDir}/policy.yml`].map((f) => f.replace(/^\.\//, '')));
  const broken = findings.filter((f) => f.kind === 'Policy' || expected.has(f.file));
  if (broken.length > 0) {
    throw new ConfigError(`the policy file is not valid; fix it before anything else is checked`, broken);
  }
  if (policies.length > 1) {
    throw new ConfigError(`more than one Policy manifest: ${policies.map((p) => p.file).join(', ')}; keep one, ${registryDir}/policy.yaml`);
  }
  const policy = policies[0];
  if (!policy) return undefined;
  const badPatterns = ((policy.spec as PolicySpec).placeholders ?? []).flatMap((pattern, i) => {
    try {
      new RegExp(pattern, 'iu');
      return [];
    } catch (error) {
      const at = policy.locate(['spec', 'placeholders', i], 'value');
      return [{ ruleId: 'schema', severity: 'error' as const, message: `spec.placeholders[${i}]: ${(error as Error).message}`, file: policy.file, ...at, kind: 'Policy', name: policy.name }];
    }
  });
  if (badPatterns.length > 0) throw new ConfigError('the policy file is not valid', badPatterns);
  return policy.spec as PolicySpec;
}

function realDirectory(dir: string, what: string): string {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ConfigError(`${what} "${dir}" is not a folder`);
  return realpathSync(dir);
}

/** The registry folder, repo-relative; it must resolve (symlinks included) inside the root. */
function containedRelative(root: string, registryDir: string): string {
  const absolute = resolve(root, registryDir);
  if (!existsSync(absolute)) throw new ConfigError(`registry folder "${registryDir}" not found in ${root}; pass --registry DIR or run \`ai-registry init\``);
  if (!statSync(absolute).isDirectory()) throw new ConfigError(`registry "${registryDir}" is not a folder`);
  const real = realpathSync(absolute);
  const rel = relative(root, real);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) throw new ConfigError(`registry folder "${registryDir}" resolves outside the repository (${real}); it must stay inside ${root}`);
  return rel === '' ? '.' : rel.split(sep).join('/');
}
