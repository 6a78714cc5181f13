import { existsSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Finding } from '../model/finding.js';
import type { Kind, Manifest } from '../model/manifest.js';
import { Registry } from '../model/registry.js';
import { resolvePolicy, type PolicySpec } from '../policy/policy.js';
import { discoverManifestFiles } from './discover.js';
import { withLocator, type LoadOptions } from './file.js';
import { loadFiles } from './workers.js';

export { loadFile, loadManifest, withLocator, type LoadedFile, type LoadOptions, type ManifestData } from './file.js';

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
  for (const loaded of await loadFiles(root, files, options)) {
    findings.push(...loaded.findings);
    if (loaded.manifest) manifests.push(withLocator(loaded, options));
  }
  const policySpec = resolvePolicyFile(manifests, findings, registryRelative);
  return { registry: new Registry(root, registryRelative, manifests, resolvePolicy(policySpec)), findings, files: files.length };
}

/**
 * A group holding a quantifier, itself quantified (`(a+)+`, `(\\w*x)*`, `(a|b+){2,}`): the
 * shape of catastrophic backtracking. Placeholder patterns run over every line of every document.
 */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*(?:[+*]|\{\d+,\d*\})(?:[^()\\]|\\.)*\)(?:[+*]|\{\d+,\d*\})/;

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
    let problem = NESTED_QUANTIFIER.test(pattern)
      ? 'repeats a group that itself repeats (like (a+)+), which can take hours on one line of a document; write it without the nesting'
      : undefined;
    try {
      new RegExp(pattern, 'iu');
    } catch (error) {
      problem = (error as Error).message;
    }
    if (!problem) return [];
    const at = policy.locate(['spec', 'placeholders', i], 'value');
    return [{ ruleId: 'schema', severity: 'error' as const, message: `spec.placeholders[${i}]: ${problem}`, file: policy.file, ...at, kind: 'Policy', name: policy.name }];
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
