import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { documentsOf } from '../docs/store.js';
import type { LintResult } from '../engine.js';
import { DOC_KINDS } from '../model/manifest.js';
import { isInside, normalizeRelative, realPath, relativeSlashed } from '../util/paths.js';
import { UsageError } from './io.js';

/** How many of the given paths a message quotes before "and N more". */
const QUOTED = 3;

/**
 * The `--changed` paths as findings name files: root-relative, normal. A relative path is
 * root-relative; an absolute one must lie inside the root, named by its real path (the
 * registry's), by the path the root was given as (maybe through a symlink: macOS's /tmp is
 * /private/tmp), or through a symlink to either. Anything else would match nothing and report
 * nothing, so it is a usage error.
 */
export function changedPaths(given: readonly string[], root: { given: string; real: string }): string[] {
  return given.map((path) => {
    const inside = isAbsolute(path) ? absoluteInside(resolve(path), root) : normalizeRelative(path);
    if (inside === undefined) throw new UsageError(`--changed "${path}" is outside the root (${root.real})`);
    return inside;
  });
}

function absoluteInside(path: string, root: { given: string; real: string }): string | undefined {
  for (const base of [root.real, root.given]) {
    if (isInside(base, path)) return relativeSlashed(base, path) || '.';
  }
  // Named through a symlink to the root: its folder's real path tells (the file's own name is kept,
  // so a manifest that is itself a link is still named as the registry names it).
  const real = join(realPath(dirname(path)), basename(path));
  return isInside(root.real, real) ? relativeSlashed(root.real, real) || '.' : undefined;
}

/**
 * A one-line note when none of `files` (root-relative) names a manifest of the run or a document
 * a model declares, so that a mistyped path never passes as "nothing to report"; undefined otherwise.
 */
export function unmatchedNote(result: LintResult, files: readonly string[], given: readonly string[]): string | undefined {
  const known = new Set<string>([...result.manifests.map((m) => m.file), ...result.findings.map((f) => f.file)]);
  for (const finding of result.findings) if (finding.document !== undefined) known.add(finding.document);
  const store = documentsOf(result.registry);
  for (const model of result.registry.valid('Model')) {
    for (const kind of DOC_KINDS) {
      const declared = model.spec.documentation?.[kind];
      const relative = declared === undefined ? undefined : store.resolve(declared).relative;
      if (relative !== undefined) known.add(relative);
    }
  }
  if (files.some((file) => known.has(file))) return undefined;
  const quoted = given.slice(0, QUOTED).join(', ') + (given.length > QUOTED ? ` and ${given.length - QUOTED} more` : '');
  return `no --changed path (${quoted}) is a manifest of the registry or a document a model declares: nothing to report`;
}
