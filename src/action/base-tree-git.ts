import { execFile } from 'node:child_process';
import { posix } from 'node:path';
import { safeTreePath, type BaseFile, type BaseTreeReader } from './base-tree.js';

/**
 * The base tree from the workspace's own clone: one `git fetch` of the base commit when the
 * checkout is shallow (actions/checkout fetches one commit by default, with the token it stores
 * for this), then `ls-tree` and `cat-file`. It scales to any pull request: no API call per file.
 * Git runs without a shell, without hooks and without prompts; it reads objects, never the
 * working tree, and writes nothing but the fetched objects.
 */

export interface GitOptions {
  /** Bound on each local git command. */
  timeoutMs: number;
  /** Bound on the fetch of the base commit, which crosses the network. */
  fetchTimeoutMs: number;
}

/** A reader for `commit`, or undefined when `root` is not in a git checkout (or git is not there). */
export async function gitBaseTreeReader(root: string, commit: string, options: GitOptions): Promise<BaseTreeReader | undefined> {
  const git = (args: string[], input?: string, timeoutMs = options.timeoutMs) => runGit(root, args, timeoutMs, input);
  let prefix: string;
  try {
    // `--show-prefix`: where the lint root sits in the repository (`gov/`, or '' at its top).
    const [inside, shown] = (await git(['rev-parse', '--is-inside-work-tree', '--show-prefix'])).toString('utf8').split('\n');
    if (inside !== 'true') return undefined;
    prefix = shown ?? '';
  } catch {
    return undefined;
  }
  if (!(await hasCommit(git, commit))) {
    await git(['fetch', '--no-tags', '--no-recurse-submodules', '--no-write-fetch-head', '--depth=1', 'origin', commit], undefined, options.fetchTimeoutMs);
    if (!(await hasCommit(git, commit))) throw new Error(`git fetch did not bring the base commit ${commit}`);
  }
  return {
    via: 'git',
    async list(folder) {
      const inRepo = posix.join(prefix || '.', folder);
      const listing = await git(['ls-tree', '-r', '-l', '-z', '--full-tree', commit, '--', inRepo === '.' ? '.' : inRepo]);
      return parseTree(listing, prefix);
    },
    async read(shas) {
      if (shas.length === 0) return new Map();
      return parseBatch(await git(['cat-file', '--batch'], `${shas.join('\n')}\n`), shas);
    },
  };
}

async function hasCommit(git: (args: string[]) => Promise<Buffer>, commit: string): Promise<boolean> {
  try {
    await git(['cat-file', '-e', `${commit}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/** `<mode> blob <id> <size>\t<path>\0` lines → regular files (not links, not submodules), root-relative. */
function parseTree(listing: Buffer, prefix: string): BaseFile[] {
  const files: BaseFile[] = [];
  for (const record of listing.toString('utf8').split('\0')) {
    const match = /^(100644|100755) blob ([0-9a-f]+) +(\d+)\t(.+)$/s.exec(record);
    if (!match || !match[4]!.startsWith(prefix)) continue;
    const path = safeTreePath(match[4]!.slice(prefix.length));
    if (path) files.push({ path, sha: match[2]!, size: Number(match[3]) });
  }
  return files;
}

/** `git cat-file --batch` output: `<id> blob <size>\n<bytes>\n` per object asked for. */
function parseBatch(output: Buffer, shas: readonly string[]): Map<string, Buffer> {
  const blobs = new Map<string, Buffer>();
  let offset = 0;
  for (const sha of shas) {
    const lineEnd = output.indexOf(0x0a, offset);
    const header = output.subarray(offset, lineEnd).toString('utf8');
    const match = /^([0-9a-f]+) blob (\d+)$/.exec(header);
    if (lineEnd === -1 || !match || match[1] !== sha) throw new Error(`git cat-file cannot read blob ${sha} (${header || 'no answer'})`);
    const start = lineEnd + 1;
    const end = start + Number(match[2]);
    blobs.set(sha, output.subarray(start, end));
    offset = end + 1;
  }
  return blobs;
}

function runGit(cwd: string, args: string[], timeoutMs: number, input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      // No hooks (a fetch runs reference-transaction hooks), no pathspec magic in the folder name.
      ['-c', 'core.hooksPath=/dev/null', '--literal-pathspecs', ...args],
      { cwd, encoding: 'buffer', timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 1024 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' } },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const why = error.killed ? `no answer within ${Math.round(timeoutMs / 1000)} s` : stderr.toString('utf8').trim().split('\n').pop() || error.message;
        reject(new Error(`git ${args[0]}: ${why}`));
      },
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}
