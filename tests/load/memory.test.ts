import { DocumentStore } from '../../src/docs/store.js';
import { checkRegistry } from '../../src/engine.js';
import { detachStrings } from '../../src/load/detach.js';
import { loadRegistry } from '../../src/load/registry.js';
import { resolvePolicy } from '../../src/policy/policy.js';
import { RULES } from '../../src/rules/index.js';
import { MODEL_CARD, RISK_ASSESSMENT } from '../helpers/doc-fixtures.js';
import { modelYaml, RISK } from '../helpers/model-yaml.js';
import { BASE_FILES, makeRepo } from '../helpers/repo.js';
import { realpathSync } from 'node:fs';

// What keeps a 100,000-model run within its memory bound must not change a single answer.

describe('detachStrings', () => {
  it('keeps every value, and an own __proto__ key stays a key without touching any prototype', () => {
    const long = 'a description long enough to be a slice of the text';
    const value = JSON.parse(`{"__proto__": ${JSON.stringify(long)}, "list": [${JSON.stringify(long)}, "short", 3, null, {"deep": ${JSON.stringify(long)}}], "n": 1.5}`) as Record<string, unknown>;
    const before = JSON.stringify(value);
    detachStrings(value);
    expect(JSON.stringify(value)).toBe(before);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(value, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).deep).toBeUndefined();
    for (const scalar of ['text', 5, null, undefined, true]) expect(() => detachStrings(scalar)).not.toThrow();
  });
});

describe('positions, with more files to position than locators kept', () => {
  it('points every finding at its own file and line, on the first check and on the next', async () => {
    // 80 under-declared models (tier 1 declared, tier 3 derived); the model in file i has i
    // comment lines first, so its `tier:` value is on line 10 + i.
    const files: Record<string, string> = { ...BASE_FILES };
    for (let i = 0; i < 80; i++) files[`registry/models/m${String(i).padStart(2, '0')}.yaml`] = '#\n'.repeat(i) + modelYaml(`m${i}`, { tier: 1, risk: RISK.tier3 });
    const { root, cleanup } = makeRepo(files);
    try {
      const loaded = await loadRegistry(root);
      for (let run = 0; run < 2; run++) {
        const found = checkRegistry(loaded, '2026-11-24', RULES).findings.filter((f) => f.ruleId === 'tier-underdeclared');
        expect(found).toHaveLength(80);
        for (const finding of found) {
          const i = Number(/m(\d+)\.yaml$/.exec(finding.file)![1]);
          expect([finding.line, finding.column]).toEqual([10 + i, 9]);
        }
      }
    } finally {
      cleanup();
    }
  });
});

describe('a document store that remembers few files', () => {
  it('gives the same answers, reading a file again when it was forgotten', () => {
    const { root, cleanup } = makeRepo({ 'docs/card.md': `${MODEL_CARD}TODO\n`, 'docs/risk.md': RISK_ASSESSMENT });
    try {
      const policy = resolvePolicy();
      const store = new DocumentStore(realpathSync(root), 1);
      const card = store.check('docs/card.md', 'modelCard', policy);
      expect(card).toMatchObject({ state: 'present', missingHeadings: [], placeholders: [{ text: 'TODO' }] });
      expect(store.check('docs/risk.md', 'riskAssessment', policy)).toMatchObject({ state: 'present', missingHeadings: [] });
      expect(store.reads).toBe(2);
      // The same path, asked again: answered from the statuses, not read.
      expect(store.check('docs/card.md', 'modelCard', policy)).toBe(card);
      expect(store.reads).toBe(2);
      // The card as another kind, written another way: its file was forgotten, so read again.
      expect(store.check('./docs/card.md', 'riskAssessment', policy)).toMatchObject({ state: 'present', missingHeadings: ['Risks', 'Mitigations', 'Residual Risk'] });
      expect(store.reads).toBe(3);
    } finally {
      cleanup();
    }
  });
});
