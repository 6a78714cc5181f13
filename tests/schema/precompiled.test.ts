import { lint } from '../../src/engine.js';
import { json } from '../../src/report/json.js';
import { runCliProcess } from '../helpers/cli.js';
import { BASE_FILES, makeRepo } from '../helpers/repo.js';

/** Manifests breaking every kind of schema rule the messages handle. */
const BROKEN = {
  ...BASE_FILES,
  'registry/models/x-model.yaml': `apiVersion: ai-registry/v1
kind: Model
metadata:
  name: x-model
  labels: { a: { b: 1 } }
spec:
  project: p
  owner: ml-platform
  type: llmx
  lifecycle: pilot
  tier: "3"
  colour: red
  risk: { audience: everyone, decisions: influences, personalData: none, regulatedDomain: none }
  approvals:
    - { role: Ai_Coe, approver: "@x", date: 2026-02-30 }
  monitoring: { metrics: [], alertContact: not-an-email, dashboard: "not a url" }
  reuses: [a-b, a-b]
  costs: { annualUsd: -1 }
`,
  'registry/waivers/short.yaml': 'apiVersion: ai-registry/v1\nkind: Waiver\nmetadata:\n  name: short\nspec:\n  rule: x\n  target: x-model\n  justification: too short\n  approvedBy: ecoe\n  approvedOn: 2026-11-01\n  expires: soon\n',
  'registry/policy.yaml': 'apiVersion: ai-registry/v1\nkind: Policy\nmetadata:\n  name: policy\nspec:\n  tiers:\n    tier2:\n      monitoring: { from: production, effectiveFrom: 2027-03-01 }\n',
  'registry/metrics/q.yaml': 'apiVersion: ai-registry/v1\nkind: Metricz\nmetadata:\n  name: q\nspec: {}\n',
};

describe('the validators precompiled into dist/', () => {
  it('report exactly what the validators compiled at run time report', async () => {
    const { root, cleanup } = makeRepo(BROKEN);
    try {
      const inProcess = json(await lint({ root, registryDir: 'registry', asOf: '2026-11-24' }), { color: false });
      const bundled = runCliProcess(['lint', '--format', 'json', '--as-of', '2026-11-24'], { cwd: root });
      expect(bundled.status).toBe(1);
      expect(JSON.parse(inProcess).findings.filter((f: { ruleId: string }) => f.ruleId === 'schema').length).toBeGreaterThan(10);
      expect(bundled.stdout).toBe(inProcess);
    } finally {
      cleanup();
    }
  });
});
