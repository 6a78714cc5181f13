import { existsSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Finding } from '../model/finding.js';
import type { Kind, Manifest } from '../model/manifest.js';
import { Registry } from '../model/registry.js';
import { adoptDocuments, DocumentStore, type CheckedDocument } from '../docs/store.js';
import { isPolicyFile, policyFiles } from '../policy/location.js';
import { placeholderProblems } from '../policy/placeholders.js';
import { resolvePolicy, type Policy, type PolicySpec } from '../policy/policy.js';
import { inGitFolder, inGitFolderReason } from '../util/git-folder.js';
import { discoverManifestFiles } from './discover.js';
import { loadFile, withLocator, type LoadOptions } from './file.js';
import { loadFiles } from './workers.js';

export { loadFile, withLocator, type LoadedFile, type LoadOptions, type ManifestData } from './file.js';

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

export interface RegistryLoadOptions extends LoadOptions {
  /**
   * Check the documents each model declares while loading, on the loading threads (default).
   * Off for a registry whose documents are not there (the Action's base registry).
   */
  documents?: boolean;
}

/**
 * Finds, reads, parses and validates every manifest below the registry folder. A broken file
 * becomes findings and the others are still loaded; only a broken policy or a registry folder
 * outside the repository is a ConfigError.
 */
export async function loadRegistry(rootDir: string, registryDir = 'registry', options: RegistryLoadOptions = {}): Promise<LoadedRegistry> {
  const root = realDirectory(rootDir, 'repository root');
  const registryRelative = containedRelative(root, registryDir);
  const files = await discoverManifestFiles(root, registryRelative);
  const early = options.documents === false ? undefined : earlyPolicy(root, registryRelative, files, options);
  const store = new DocumentStore(root);
  const manifests: Manifest[] = [];
  const findings: Finding[] = [];
  const checked: CheckedDocument[] = [];
  for (const loaded of await loadFiles(root, files, options, early && { store, policy: early.policy })) {
    findings.push(...loaded.findings);
    if (loaded.manifest) manifests.push(withLocator(root, loaded, options));
    for (const document of loaded.documents ?? []) checked.push(document);
  }
  const policyManifest = resolvePolicyFile(manifests, findings, registryRelative);
  // The documents were checked under the early policy: their answers hold if it is the policy.
  const policyHeld = early !== undefined && (policyManifest?.file ?? null) === early.file;
  const policy = policyHeld ? early.policy : resolvePolicy(policyManifest?.spec as PolicySpec | undefined);
  const registry = new Registry(root, registryRelative, manifests, policy);
  if (policyHeld) {
    store.prime(policy, checked);
    adoptDocuments(registry, store);
  }
  return { registry, findings, files: files.length };
}

/**
 * The policy documents are checked under while the manifests load: the policy file's, read
 * first, or the default when there is none. Undefined when it cannot be trusted yet (broken,
 * or placeholders RE2 refuses): the documents are then checked after the load.
 */
function earlyPolicy(root: string, registryDir: string, files: readonly string[], options: LoadOptions): { file: string | null; policy: Policy } | undefined {
  const candidates = files.filter((file) => isPolicyFile(file, registryDir));
  if (candidates.length === 0) return { file: null, policy: resolvePolicy() };
  if (candidates.length > 1) return undefined;
  const loaded = loadFile(root, candidates[0]!, options);
  const manifest = loaded.manifest;
  if (!manifest || manifest.kind !== 'Policy' || !manifest.valid || loaded.findings.length > 0) return undefined;
  const spec = manifest.spec as PolicySpec;
  if (placeholderProblems(spec).length > 0) return undefined;
  return { file: manifest.file, policy: resolvePolicy(spec) };
}

/**
 * The Policy manifest at the registry's policy path, if any; a broken policy file is a
 * ConfigError, never ignored. A Policy anywhere else is ignored (`policy-misplaced` reports it).
 */
function resolvePolicyFile(manifests: Manifest[], findings: Finding[], registryDir: string): Manifest | undefined {
  const policies = manifests.filter((m) => m.kind === ('Policy' satisfies Kind) && isPolicyFile(m.file, registryDir));
  const broken = findings.filter((f) => isPolicyFile(f.file, registryDir));
  if (broken.length > 0) {
    throw new ConfigError(`the policy file is not valid; fix it before anything else is checked`, broken);
  }
  if (policies.length > 1) {
    throw new ConfigError(`two policy files: ${policies.map((p) => p.file).join(' and ')}; keep one, ${policyFiles(registryDir)[0]}`);
  }
  const policy = policies[0];
  if (!policy) return undefined;
  const badPatterns = placeholderProblems(policy.spec as PolicySpec).map(({ index, problem }) => {
    const at = policy.locate(['spec', 'placeholders', index], 'value');
    return { ruleId: 'schema', severity: 'error' as const, message: `spec.placeholders[${index}]: ${problem}`, file: policy.file, ...at, kind: 'Policy', name: policy.name };
  });
  if (badPatterns.length > 0) throw new ConfigError('the policy file is not valid', badPatterns);
  return policy;
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
  if (inGitFolder(rel)) throw new ConfigError(`registry folder "${registryDir}" ${inGitFolderReason('manifests')}; pass the registry's own folder`);
  return rel === '' ? '.' : rel.split(sep).join('/');
}
