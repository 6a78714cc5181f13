import { lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { discoverManifestFiles } from '../load/discover.js';
import { MAX_FILE_BYTES } from '../load/read.js';
import { loadRegistry } from '../load/registry.js';
import type { Registry } from '../model/registry.js';
import { gitBlobSha, type BaseFile, type BaseTreeReader } from './base-tree.js';
import { isManifestPath } from './changed-files.js';

/** The registry at the pull request's base commit, and what the PR changed in it. */
export interface BaseSnapshot {
  registry: Registry;
  /** How it was read, for the log. */
  via: string;
  /** The head's manifests (root-relative) that the PR adds or changes: every one whose bytes differ from the base's file at its path. */
  changed: string[];
}

/**
 * Builds the registry as it is at the base commit from the base tree alone: the head's copy of
 * each file whose blob id is the base's (most of them), the base's own blob for the others. It
 * is written to a temporary folder and loaded like any registry (manifests only: nothing is
 * executed, no document is read). Throws when the base cannot be read in full: a base with a
 * file missing could hide the team that holds a role.
 */
export async function readBaseRegistry(reader: BaseTreeReader, head: Registry, tempDir: string): Promise<BaseSnapshot> {
  const baseFiles = (await reader.list(head.registryDir)).filter((file) => isManifestPath(file.path, head.registryDir));
  const headShas = await headBlobShas(head);
  const baseShas = new Map(baseFiles.map((file) => [file.path, file.sha]));
  const changed = [...headShas].flatMap(([path, sha]) => (baseShas.get(path) === sha ? [] : [path]));
  // A file over the loader's limit would only be refused as file-invalid: it is not worth fetching.
  const fetch = baseFiles.filter((file) => headShas.get(file.path) !== file.sha && file.size <= MAX_FILE_BYTES);
  const fetched = await reader.read([...new Set(fetch.map((file) => file.sha))]);

  const folder = mkdtempSync(join(tempDir, 'ai-registry-base-'));
  try {
    mkdirSync(join(folder, head.registryDir), { recursive: true });
    for (const file of baseFiles) {
      const content = headShas.get(file.path) === file.sha ? readFileSync(join(head.root, file.path)) : fetched.get(file.sha);
      if (content === undefined) continue;
      const target = join(folder, file.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
    return { registry: (await loadRegistry(folder, head.registryDir, { documents: false })).registry, via: reader.via, changed };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The git blob id of each of the head's manifest files, by root-relative path (links are not files: the loader refuses them). */
async function headBlobShas(head: Registry): Promise<Map<string, string>> {
  const shas = new Map<string, string>();
  for (const file of await discoverManifestFiles(head.root, head.registryDir)) {
    const path = join(head.root, file);
    if (lstatSync(path).isFile()) shas.set(file, gitBlobSha(readFileSync(path)));
  }
  return shas;
}

export type { BaseFile };
