import { lint } from '../../src/engine.js';
import { PARALLEL_MIN_FILES } from '../../src/load/workers.js';
import { json } from '../../src/report/json.js';
// @ts-expect-error: the benchmark's generator is plain JavaScript
import { repositoryFiles } from '../../scripts/bench/generate.mjs';
import { runCliProcess } from '../helpers/cli.js';
import { makeRepo } from '../helpers/repo.js';

/** The benchmark's registry at the size where loading goes parallel, with `change` applied. */
function largeRegistry(change: (files: Record<string, string>) => void = () => {}): Record<string, string> {
  const files: Record<string, string> = {};
  for (const file of repositoryFiles({ models: PARALLEL_MIN_FILES })) files[(file as { path: string }).path] = (file as { content: string }).content;
  expect(Object.keys(files).filter((f) => f.startsWith('registry/')).length).toBeGreaterThanOrEqual(PARALLEL_MIN_FILES);
  change(files);
  return files;
}

/** Lints on one thread (from the sources) and with the built CLI (on several); returns both outputs. */
async function lintBothWays(files: Record<string, string>): Promise<{ oneThread: string; threads: string }> {
  const { root, cleanup } = makeRepo(files);
  try {
    // From the TypeScript sources everything runs on this thread; dist/ starts workers.
    const oneThread = json(await lint({ root, registryDir: 'registry', asOf: '2026-11-24' }), { color: false });
    const threads = runCliProcess(['lint', '--format', 'json', '--as-of', '2026-11-24'], { cwd: root });
    expect(threads.stderr).toBe('');
    return { oneThread, threads: threads.stdout };
  } finally {
    cleanup();
  }
}

/** A policy whose only placeholder is FIXME, written into every 20th document. */
function fixmePolicy(files: Record<string, string>, policyFile: string): void {
  const policy = files['registry/policy.yaml']!;
  delete files['registry/policy.yaml'];
  files[policyFile] = `${policy.replace(/\n$/, '')}\n  placeholders: ['\\bFIXME\\b']\n`;
  Object.keys(files)
    .filter((path) => path.startsWith('docs/'))
    .forEach((path, i) => {
      if (i % 20 === 0) files[path] += '\nFIXME: fill in\n';
    });
}

describe('loading on worker threads', () => {
  it('the built CLI, loading a large registry on several threads, reports byte for byte what one thread reports', async () => {
    const { oneThread, threads } = await lintBothWays(largeRegistry());
    expect(JSON.parse(oneThread).findings.length).toBeGreaterThan(50);
    expect(threads).toBe(oneThread);
  }, 60_000);

  it.each(['registry/policy.yaml', 'registry/policy.yml'])(
    'checks the documents under the policy in %s, whichever thread reads them',
    async (policyFile) => {
      // Either name of the policy file is read before the load, and the threads check the
      // documents under it as they load them.
      const { oneThread, threads } = await lintBothWays(largeRegistry((files) => fixmePolicy(files, policyFile)));
      const placeholders = (JSON.parse(oneThread) as { findings: { ruleId: string; message: string }[] }).findings.filter((f) => f.ruleId === 'doc-placeholder');
      expect(placeholders.length).toBeGreaterThan(5);
      for (const finding of placeholders) expect(finding.message).toContain('"FIXME"');
      expect(threads).toBe(oneThread);
    },
    60_000,
  );
});
