import { lint } from '../../src/engine.js';
import { PARALLEL_MIN_FILES } from '../../src/load/workers.js';
import { json } from '../../src/report/json.js';
// @ts-expect-error: the benchmark's generator is plain JavaScript
import { repositoryFiles } from '../../scripts/bench/generate.mjs';
import { runCliProcess } from '../helpers/cli.js';
import { makeRepo } from '../helpers/repo.js';

describe('loading on worker threads', () => {
  it('the built CLI, loading a large registry on several threads, reports byte for byte what one thread reports', async () => {
    const files: Record<string, string> = {};
    for (const file of repositoryFiles({ models: PARALLEL_MIN_FILES })) files[(file as { path: string }).path] = (file as { content: string }).content;
    expect(Object.keys(files).filter((f) => f.startsWith('registry/')).length).toBeGreaterThanOrEqual(PARALLEL_MIN_FILES);
    const { root, cleanup } = makeRepo(files);
    try {
      // From the TypeScript sources everything runs on this thread; dist/ starts workers.
      const oneThread = json(await lint({ root, registryDir: 'registry', asOf: '2026-11-24' }), { color: false });
      const threads = runCliProcess(['lint', '--format', 'json', '--as-of', '2026-11-24'], { cwd: root });
      expect(threads.stderr).toBe('');
      expect(JSON.parse(oneThread).findings.length).toBeGreaterThan(50);
      expect(threads.stdout).toBe(oneThread);
    } finally {
      cleanup();
    }
  }, 60_000);
});
