import { BASE_FILES, makeRepo } from '../helpers/repo.js';
import { runCliProcess } from '../helpers/cli.js';

const governance = `apiVersion: ai-registry/v1
kind: Team
metadata:
  name: ai-governance
spec:
  businessUnit: Risk
  contact: ai-governance@example.com
  members: [cethics, drisk, ecoe]
  github: acme/ai-governance
  roles: [ai-ethics-lead, risk-compliance, ai-coe]
`;

const claimsTriage = `apiVersion: ai-registry/v1
kind: Model
metadata:
  name: claims-triage
  title: Claims triage assistant
spec:
  project: ops-automation
  owner: ml-platform
  type: llm
  lifecycle: pilot
  tier: 2
  risk:
    audience: internal
    decisions: autonomous
    personalData: pii
    regulatedDomain: insurance
    significantImpact: false
  documentation:
    modelCard: docs/card.md
  approvals:
    - { role: risk-compliance, approver: drisk, date: 2026-10-02 }
  review:
    lastReviewed: 2026-10-02
`;

const card = '# Card\n## Intended Use\nx\n## Training Data\nx\n## Evaluation\nx\n## Limitations\nx\n## Ethical Considerations\nx\n';

let cleanup: () => void = () => {};
let root = '';
beforeAll(() => {
  ({ root, cleanup } = makeRepo({ ...BASE_FILES, 'registry/teams/ai-governance.yaml': governance, 'registry/models/claims-triage.yaml': claimsTriage, 'docs/card.md': card }));
});
afterAll(() => cleanup());

describe('ai-registry explain', () => {
  it('prints the held tier with its reasons and the checklist, each line met or missing', () => {
    const result = runCliProcess(['explain', 'claims-triage', '--as-of', '2026-11-24'], { cwd: root });
    expect(result.status).toBe(0);
    const out = result.stdout;
    expect(out).toContain('claims-triage — Claims triage assistant (owner: ml-platform, project: ops-automation)');
    expect(out).toContain('Tier 3 (declared 2)  ← decisions: autonomous · regulatedDomain: insurance');
    expect(out).toContain('Lifecycle: pilot → next: production');
    expect(out).toMatch(/✔ modelCard\s+docs\/card\.md/);
    expect(out).toMatch(/✘ riskAssessment\s+not declared\s+write it and add spec\.documentation\.riskAssessment .*EU AI Act/);
    expect(out).toMatch(/✘ approval ai-ethics-lead\s+none\s+ask: @acme\/ai-governance \(not a member of ml-platform\)/);
    expect(out).toMatch(/✔ approval risk-compliance\s+drisk 2026-10-02/);
    expect(out).toMatch(/✔ review\s+2026-10-02 \(due 2027-03-31\)/);
    expect(out).toContain('Due at production');
    expect(out).toMatch(/· monitoring\s+no metrics or alertContact/);
    expect(out).toContain('Other findings');
    expect(out).toMatch(/tier 2 declared.*tier-underdeclared/);
    expect(out).toContain('Fix the ✘ lines and the findings above, then: ai-registry lint');
  });

  it('an unknown model exits 2 and suggests the closest names', () => {
    const result = runCliProcess(['explain', 'claims-triag'], { cwd: root });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('ai-registry explain: no model "claims-triag" in registry; did you mean claims-triage?\n');
  });

  it('needs a model name', () => {
    const result = runCliProcess(['explain'], { cwd: root });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('name the model to explain');
  });
});
