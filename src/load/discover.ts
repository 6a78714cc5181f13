import { glob } from 'glob';

/**
 * Every `*.yaml` / `*.yml` below the registry folder, repo-relative with `/` separators and
 * sorted, so that every run sees the files in the same order. Symlinked folders are not
 * followed (a link could lead out of the repository); symlinked files are listed and then
 * refused by the reader, with a finding.
 */
export async function discoverManifestFiles(root: string, registryDir: string): Promise<string[]> {
  const found = await glob('**/*.{yaml,yml}', {
    cwd: `${root}/${registryDir}`,
    nodir: true,
    follow: false,
    dot: false,
    posix: true,
  });
  const prefix = registryDir === '.' ? '' : `${registryDir.replace(/\/+$/, '')}/`;
  return found.map((f) => prefix + f).sort(compareStrings);
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
