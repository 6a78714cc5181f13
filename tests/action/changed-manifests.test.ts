import { changedManifests, rootRelative } from '../../src/action/changed-files.js';
import { pullRequestOf } from '../../src/action/pull-request.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pullRequestEvent } from '../helpers/action-runner.js';

describe('changedManifests', () => {
  it('gives each changed manifest its head and base path by status; other files are not manifests', () => {
    expect(
      changedManifests(
        [
          { filename: 'registry/models/new.yaml', status: 'added' },
          { filename: 'registry/models/edited.yml', status: 'modified' },
          { filename: 'registry/models/gone.yaml', status: 'removed' },
          { filename: 'registry/models/tier3/moved.yaml', status: 'renamed', previousFilename: 'registry/models/moved.yaml' },
          { filename: 'registry/models/copy.yaml', status: 'copied' },
          { filename: 'registry/models/from-docs.yaml', status: 'renamed', previousFilename: 'docs/from-docs.yaml' },
          { filename: 'docs/claims/model-card.md', status: 'modified' },
          { filename: 'registry/README.md', status: 'added' },
          { filename: 'registry/.hidden/x.yaml', status: 'added' },
          { filename: 'registry/models/same.yaml', status: 'unchanged' },
        ],
        '.',
        'registry',
      ),
    ).toEqual([
      { head: 'registry/models/new.yaml' },
      { head: 'registry/models/edited.yml', base: 'registry/models/edited.yml' },
      { base: 'registry/models/gone.yaml' },
      { head: 'registry/models/tier3/moved.yaml', base: 'registry/models/moved.yaml' },
      { head: 'registry/models/copy.yaml' },
      { head: 'registry/models/from-docs.yaml' },
    ]);
  });

  it('maps repository paths onto a root below the repository and drops what lies outside it', () => {
    expect(
      changedManifests(
        [
          { filename: 'governance/registry/models/a.yaml', status: 'modified' },
          { filename: 'registry/models/b.yaml', status: 'modified' },
          { filename: 'governance/../registry/models/c.yaml', status: 'modified' },
        ],
        'governance',
        'registry',
      ),
    ).toEqual([{ head: 'registry/models/a.yaml', base: 'registry/models/a.yaml' }]);
    expect(rootRelative('governance/x.yaml', 'governance/')).toBe('x.yaml');
    expect(rootRelative('governance', 'governance')).toBeUndefined();
  });

  it('takes every YAML file when the registry is the root', () => {
    expect(changedManifests([{ filename: 'teams/a.yaml', status: 'added' }], '.', '.')).toEqual([{ head: 'teams/a.yaml' }]);
  });
});

describe('pullRequestOf', () => {
  it('reads the author and the base commit from the event', () => {
    const folder = mkdtempSync(join(tmpdir(), 'ai-registry-event-'));
    try {
      const event = join(folder, 'event.json');
      writeFileSync(event, JSON.stringify(pullRequestEvent({ number: 9, author: 'gharlow' })));
      expect(pullRequestOf({ GITHUB_REPOSITORY: 'northwind/ai-registry', GITHUB_EVENT_PATH: event })).toEqual({
        owner: 'northwind',
        repo: 'ai-registry',
        number: 9,
        changedFiles: 1,
        author: 'gharlow',
        baseSha: 'a'.repeat(40),
      });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
