import { checkRegistry, lint, type LintResult } from '../../src/engine.js';
import type { Manifest, TeamSpec } from '../../src/model/manifest.js';
import { Registry } from '../../src/model/registry.js';
import { resolvePolicy } from '../../src/policy/policy.js';
import { codeownersPattern, renderCodeowners, type CodeownersOptions } from '../../src/render/codeowners.js';
import { PROJECT_ROOT } from '../helpers/cli.js';
import { expectGolden, manifest, metrics, model, project } from './fixtures.js';

const AS_OF = '2026-11-24';

// -----------------------------------------------------------------------------------------------
// A tiny reader of the CODEOWNERS this module writes: anchored literal paths and folders.

interface Rule {
  /** The pattern as written, escapes included. */
  pattern: string;
  owners: string[];
}

/** Splits a line on the spaces a backslash does not escape. */
function tokens(line: string): string[] {
  const out: string[] = [];
  let token = '';
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\' && i + 1 < line.length) token += line[++i];
    else if (line[i] === ' ') {
      out.push(token);
      token = '';
    }
    else token += line[i];
  }
  return [...out, token];
}

function rulesOf(text: string): Rule[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const [pattern, ...owners] = tokens(line);
      return { pattern: pattern!, owners };
    });
}

/** Whether an anchored literal pattern matches a repo-relative file path (a folder pattern: anything inside it). */
function matches(pattern: string, path: string): boolean {
  const literal = pattern.slice(1);
  if (literal.endsWith('/')) return path.startsWith(literal);
  return path === literal || path.startsWith(`${literal}/`);
}

/** GitHub's rule: the last matching line decides; undefined when no line matches. */
function ownersOf(text: string, path: string): string[] | undefined {
  return rulesOf(text).filter((rule) => matches(rule.pattern, path)).at(-1)?.owners;
}

// -----------------------------------------------------------------------------------------------
// In-memory registries

const team = (name: string, spec: Partial<TeamSpec> = {}) => manifest('Team', name, { businessUnit: 'Ops', contact: `${name}@example.com`, ...spec });

const TIER2_RISK = { audience: 'customer-facing', decisions: 'non-critical', personalData: 'none', regulatedDomain: 'none', significantImpact: false } as const;
const TIER3_RISK = { audience: 'internal', decisions: 'autonomous', personalData: 'none', regulatedDomain: 'none', significantImpact: false } as const;

/** The usual organisation: a CoE, an ethics office, model risk, and a product team, all on GitHub. */
const ORG = [
  team('coe', { coe: true, github: 'acme/coe', roles: ['ai-coe'] }),
  team('ethics', { github: 'acme/ethics', roles: ['ai-ethics-lead'] }),
  team('risk', { github: 'acme/risk', roles: ['risk-compliance'] }),
  team('claims', { github: 'acme/claims' }),
  project('p', 'claims'),
];

function render(manifests: readonly Manifest[], registryDir = 'registry', options: CodeownersOptions = {}): string {
  const registry = new Registry('/repo', registryDir, manifests, resolvePolicy());
  return renderCodeowners(checkRegistry({ registry, findings: [], files: manifests.length }, AS_OF, []), options);
}

const component = (name: string, owner: string) => manifest('Component', name, { owner, type: 'platform' });

const codeLines = (text: string) => text.split('\n').filter((line) => line !== '' && !line.startsWith('#'));

describe('renderCodeowners: the example organisation (Northwind Mutual)', () => {
  let result: LintResult;
  let text: string;
  beforeAll(async () => {
    result = await lint({ root: PROJECT_ROOT, registryDir: 'registry', asOf: AS_OF });
    // As this repository renders its own: .github/CODEOWNERS, beside the action.yml it runs from its checkout.
    text = renderCodeowners(result, { file: '.github/CODEOWNERS', action: true });
  });

  it('matches the golden file', () => {
    expectGolden('example.codeowners', text);
  });

  it('is CODEOWNERS syntax: every other line is an anchored path and @org/team owners', () => {
    const lines = codeLines(text);
    expect(lines.length).toBeGreaterThan(50);
    for (const line of lines) {
      const [pattern, ...owners] = tokens(line);
      expect(pattern).toMatch(/^\/[^\s#*?[\]]+$/);
      expect(owners.length).toBeGreaterThan(0);
      for (const owner of owners) expect(owner).toMatch(/^@[A-Za-z0-9-]+\/[A-Za-z0-9_.-]+$/);
      expect(new Set(owners).size).toBe(owners.length);
    }
    expect(new Set(lines.map((line) => tokens(line)[0])).size).toBe(lines.length);
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toContain('\r');
  });

  it("gives every model file its owner team plus the teams of its tier's roles, by the last matching line", () => {
    const { registry } = result;
    const ROLE_TEAMS: Record<string, string> = { 'ai-coe': '@northwind/ai-coe', 'ai-ethics-lead': '@northwind/ai-ethics', 'risk-compliance': '@northwind/model-risk' };
    const expected = new Map<string, Set<string>>();
    for (const m of registry.valid('Model')) {
      const owners = [`@${registry.get('Team', m.spec.owner)!.spec.github}`, ...(registry.policy.tiers[registry.tierOf(m).held].approvals?.roles ?? []).map((role) => ROLE_TEAMS[role]!)];
      for (const path of [m.file, ...Object.values(m.spec.documentation ?? {})]) {
        const set = expected.get(path) ?? new Set<string>();
        owners.forEach((o) => set.add(o));
        expected.set(path, set);
      }
    }
    expect(expected.size).toBeGreaterThan(60);
    for (const [path, owners] of expected) expect({ path, owners: ownersOf(text, path)?.sort() }).toEqual({ path, owners: [...owners].sort() });
  });

  it('leaves a tier-1 model to its owner team alone, and routes a tier-3 one to ethics and risk', () => {
    expect(ownersOf(text, 'registry/models/code-assistant.yaml')).toEqual(['@northwind/platform-engineering']);
    expect(ownersOf(text, 'docs/models/code-assistant/model-card.md')).toEqual(['@northwind/platform-engineering']);
    expect(ownersOf(text, 'registry/models/claims-fraud-triage.yaml')).toEqual(['@northwind/claims-ml', '@northwind/ai-ethics', '@northwind/model-risk']);
    expect(ownersOf(text, 'registry/models/next-best-offer.yaml')).toEqual(['@northwind/marketing-analytics', '@northwind/ai-coe']);
  });

  it('gives the policy and every team manifest, new ones too, to the CoE', () => {
    for (const path of ['registry/policy.yaml', 'registry/teams/claims-ml.yaml', 'registry/teams/a-new-team.yaml']) {
      expect(ownersOf(text, path)).toEqual(['@northwind/ai-coe']);
    }
    expect(ownersOf(text, 'README.md')).toBeUndefined();
  });

  it('gives a document two models share one line with the owners of both', () => {
    const lines = codeLines(text).filter((line) => line.startsWith('/docs/runbooks/genai-gateway-incident-response.md '));
    expect(lines).toEqual(['/docs/runbooks/genai-gateway-incident-response.md @northwind/commercial-uw-ai @northwind/ai-coe @northwind/digital-servicing']);
  });
});

describe('renderCodeowners', () => {
  it('orders the lines by model name, manifest first, whatever order the manifests come in', () => {
    const manifests = [
      ...ORG,
      model('zeta', { owner: 'claims', documentation: { modelCard: 'docs/zeta.md' } }),
      model('alpha', { owner: 'claims', documentation: { dataSheet: 'docs/alpha-data.md', modelCard: 'docs/alpha.md' } }),
    ];
    const text = render(manifests);
    expect(render([...manifests].reverse())).toBe(text);
    expect(codeLines(text).filter((line) => line.startsWith('/registry/models/') || line.startsWith('/docs/'))).toEqual([
      '/registry/models/alpha.yaml @acme/claims',
      '/docs/alpha.md @acme/claims',
      '/docs/alpha-data.md @acme/claims',
      '/registry/models/zeta.yaml @acme/claims',
      '/docs/zeta.md @acme/claims',
    ]);
    expect(text).toContain('# alpha (tier 1): owner claims only\n/registry/models/alpha.yaml');
  });

  it('adds the CoE for tier 2 and ethics and risk for tier 3, by the tier the model is held to', () => {
    const text = render([...ORG, model('declared-low', { owner: 'claims', tier: 1, risk: { ...TIER3_RISK } }), model('chat', { owner: 'claims', tier: 2, risk: { ...TIER2_RISK } })]);
    expect(codeLines(text)).toContain('/registry/models/chat.yaml @acme/claims @acme/coe');
    expect(codeLines(text)).toContain('/registry/models/declared-low.yaml @acme/claims @acme/ethics @acme/risk');
    expect(text).toContain('# declared-low (tier 3): owner claims; ai-ethics-lead held by ethics; risk-compliance held by risk');
  });

  it('writes no line for a path nobody on GitHub owns, and says why', () => {
    const text = render([
      team('coe', { coe: true, roles: ['ai-coe'] }),
      team('claims'),
      model('quiet', { owner: 'claims' }),
      model('chat', { owner: 'claims', tier: 2, risk: { ...TIER2_RISK } }),
    ]);
    expect(codeLines(text)).toEqual([]);
    expect(text).toContain('# The team manifests, the waivers, the metrics and the policy: the CoE team (coe) has no spec.github, so they have no owner here.');
    expect(text).toContain('# quiet (tier 1): owner claims only\n#   owner claims has no spec.github\n#   no team with spec.github to own its files: no lines');
    expect(text).toContain('#   no team with spec.github holds ai-coe');
  });

  it('keeps the teams that are on GitHub when another is not', () => {
    const text = render([team('coe', { coe: true, github: 'acme/coe', roles: ['ai-coe'] }), team('claims'), model('chat', { owner: 'claims', tier: 2, risk: { ...TIER2_RISK } })]);
    expect(codeLines(text)).toContain('/registry/models/chat.yaml @acme/coe');
  });

  it('says so when no team is the CoE', () => {
    const text = render([team('claims', { github: 'acme/claims' }), model('m', { owner: 'claims' })]);
    expect(text).toContain('# The team manifests, the waivers, the metrics and the policy: no team has spec.coe: true, so they have no owner here.');
    expect(codeLines(text)).toEqual(['/registry/models/m.yaml @acme/claims']);
  });

  it('escapes spaces, and leaves out paths CODEOWNERS cannot write literally, with a comment', () => {
    const text = render([...ORG, model('m', { owner: 'claims', documentation: { modelCard: 'docs/model card.md', dataSheet: 'docs/#1 data.md', riskAssessment: 'docs/risk[1].md', incidentResponse: '../outside.md' } })]);
    expect(codeLines(text)).toContain('/docs/model\\ card.md @acme/claims');
    expect(ownersOf(text, 'docs/model card.md')).toEqual(['@acme/claims']);
    expect(text).toContain('# m (dataSheet): the path holds a character CODEOWNERS cannot match literally');
    expect(text).toContain('# m (riskAssessment): the path holds a character CODEOWNERS cannot match literally');
    expect(text).toContain('#   incidentResponse climbs out of the repository with "..": no line');
    expect(text).not.toMatch(/^\/docs\/#|risk\[1\]|outside/m);
  });

  it('never lets a declared path add a line or forge a marker', () => {
    const text = render([...ORG, model('m', { owner: 'claims', documentation: { modelCard: 'docs/a\n/registry/ @evil/team', dataSheet: 'docs/# ai-registry:codeowners:end' } })]);
    expect(text).not.toContain('@evil');
    expect(text).not.toContain('ai-registry:codeowners');
    expect(text).toContain('#   modelCard contains the control character U+000A: no line');
  });

  it('puts a declared folder before the paths inside it, and the more specific line wins', () => {
    const text = render([
      ...ORG,
      model('b-specific', { owner: 'claims', documentation: { modelCard: 'docs/shared/card.md' } }),
      model('a-folder', { owner: 'claims', tier: 3, risk: { ...TIER3_RISK }, documentation: { humanOversight: 'docs/shared' } }),
    ]);
    const patterns = codeLines(text).map((line) => tokens(line)[0]);
    expect(patterns.indexOf('/docs/shared')).toBeLessThan(patterns.indexOf('/docs/shared/card.md'));
    expect(ownersOf(text, 'docs/shared/card.md')).toEqual(['@acme/claims']);
    expect(ownersOf(text, 'docs/shared/other.md')).toEqual(['@acme/claims', '@acme/ethics', '@acme/risk']);
  });

  it('gives a model manifest kept in the team folder to its owners, not the CoE', () => {
    const text = render([...ORG, model('odd', { owner: 'claims' }, { file: 'registry/teams/odd.yaml' })]);
    expect(ownersOf(text, 'registry/teams/odd.yaml')).toEqual(['@acme/claims']);
    expect(ownersOf(text, 'registry/teams/claims.yaml')).toEqual(['@acme/coe']);
  });

  it('gives the waivers to the CoE, new ones and those outside the waiver folder too: no team waives its own findings unreviewed', () => {
    const waiver = manifest('Waiver', 'w', { rule: 'doc-missing', target: 'Model/m', justification: 'agreed', approvedBy: 'coe', approvedOn: '2026-01-01', expires: '2026-12-31' }, { file: 'registry/models/m-waiver.yaml' });
    const text = render([...ORG, model('m', { owner: 'claims' }), waiver]);
    for (const path of ['registry/waivers/new.yaml', 'registry/waivers/deep/w.yaml', 'registry/models/m-waiver.yaml']) expect(ownersOf(text, path)).toEqual(['@acme/coe']);
    expect(ownersOf(text, 'registry/models/m.yaml')).toEqual(['@acme/claims']);
  });

  it('gives a team manifest outside the team folder and both policy file names to the CoE; a Policy elsewhere takes no effect and is not claimed as the policy', () => {
    const text = render([...ORG, team('stray', { github: 'acme/stray' }), manifest('Policy', 'policy', {}, { file: 'registry/governance/policy.yaml' })].map((m) =>
      m.name === 'stray' ? { ...m, file: 'registry/other/stray.yaml' } : m,
    ));
    for (const path of ['registry/other/stray.yaml', 'registry/policy.yaml', 'registry/policy.yml']) {
      expect(ownersOf(text, path)).toEqual(['@acme/coe']);
    }
    expect(text).not.toContain('registry/governance/policy.yaml');
  });

  it('merges a path a model shares with the CoE into one line with both', () => {
    const text = render([...ORG, model('sneaky', { owner: 'claims', documentation: { modelCard: 'registry/policy.yaml' } })]);
    expect(codeLines(text).filter((line) => line.startsWith('/registry/policy.yaml '))).toEqual(['/registry/policy.yaml @acme/coe @acme/claims']);
    expect(text).toContain('# CoE (the policy), sneaky (modelCard)');
  });

  it('anchors at the root when the registry is the root folder', () => {
    const text = render(ORG.map((m) => ({ ...m, file: m.file.replace(/^registry\//, '') })), '.');
    expect(codeLines(text)).toEqual(['/metrics/ @acme/coe', '/teams/ @acme/coe', '/waivers/ @acme/coe', '/policy.yaml @acme/coe', '/policy.yml @acme/coe', '/projects/p.yaml @acme/claims']);
  });

  it('counts the models with schema errors, which get no line', () => {
    const text = render([...ORG, model('broken', { owner: 'claims' }, { valid: false })]);
    expect(text).toContain('# 1 model manifest with schema errors: no lines until it passes the schema.');
    expect(text).not.toContain('broken');
  });
});

describe('renderCodeowners: every remaining path an owner, from the repository root', () => {
  /** ORG, a model with a document, a component, a project whose team is not on GitHub, metrics in and out of their folder. */
  const MANIFESTS = [
    ...ORG,
    team('no-github'),
    project('q', 'no-github'),
    project('r', 'nobody'),
    component('gateway', 'ethics'),
    model('m', { owner: 'claims', documentation: { modelCard: 'docs/m.md' } }),
    metrics('metrics-2026-q4', { period: '2026-Q4' }),
    manifest('Metrics', 'stray-metrics', { period: '2026-Q3' }, { file: 'registry/other/metrics.yaml' }),
  ];

  it('a root in a sub-folder (gov): every path prefixed with it; this file and the Action from its own checkout to the CoE', () => {
    expect(render(MANIFESTS, 'registry', { rootFromRepo: 'gov', file: '.github/CODEOWNERS', action: true })).toBe(`# Generated by \`ai-registry render\` from the registry: change the manifests, not these lines.
# A model's manifest and documents: its owner team, plus the teams holding the approval roles
# its tier requires (tier 1: the owner team only). Projects and components: their owner team.
# The policy, teams, waivers and metrics: the CoE; so are this file, the workflows and the Action it runs, if any.
# GitHub applies the last line matching a file, so folders come before the paths inside them.

# The team manifests, the waivers and the metrics (new ones too) and the policy: the CoE (coe).
# This CODEOWNERS file, every other place GitHub reads one, and the workflows (they decide whether this check runs): the CoE.
# The Action this repository runs from its own checkout (action.yml, dist/): the CoE, since whoever changes the bundle changes the verdict.
/.github/workflows/ @acme/coe
/dist/ @acme/coe
/gov/registry/metrics/ @acme/coe
/gov/registry/teams/ @acme/coe
/gov/registry/waivers/ @acme/coe
/.github/CODEOWNERS @acme/coe
/CODEOWNERS @acme/coe
/action.yaml @acme/coe
/action.yml @acme/coe
/docs/CODEOWNERS @acme/coe
/gov/registry/other/metrics.yaml @acme/coe
/gov/registry/policy.yaml @acme/coe
/gov/registry/policy.yml @acme/coe

# Projects and components: their owner team's, the CoE's where that team is not on GitHub.
/gov/registry/projects/p.yaml @acme/claims
# q: owner no-github has no spec.github, so the CoE
/gov/registry/projects/q.yaml @acme/coe
# r: owner nobody is not a valid Team, so the CoE
/gov/registry/projects/r.yaml @acme/coe
/gov/registry/components/gateway.yaml @acme/ethics

# m (tier 1): owner claims only
/gov/registry/models/m.yaml @acme/claims
/gov/docs/m.md @acme/claims
`);
  });

  it('a CODEOWNERS file elsewhere is the CoE\'s too, beside the places GitHub reads', () => {
    const lines = codeLines(render(ORG, 'registry', { file: 'gov/.github/CODEOWNERS' }));
    for (const path of ['/.github/CODEOWNERS', '/CODEOWNERS', '/docs/CODEOWNERS', '/gov/.github/CODEOWNERS']) expect(lines).toContain(`${path} @acme/coe`);
  });

  it('at the repository root: no prefix, and no line for action.yml or dist/ unless the repository has an action.yml', () => {
    const text = render(MANIFESTS);
    expect(ownersOf(text, 'registry/metrics/metrics-2027-q1.yaml')).toEqual(['@acme/coe']);
    expect(ownersOf(text, 'registry/other/metrics.yaml')).toEqual(['@acme/coe']);
    expect(ownersOf(text, 'registry/projects/p.yaml')).toEqual(['@acme/claims']);
    expect(ownersOf(text, 'registry/components/gateway.yaml')).toEqual(['@acme/ethics']);
    expect(text).not.toMatch(/^\/(dist\/|action\.ya?ml|\.github|CODEOWNERS)/m);
    expect(text).not.toMatch(/^# (This CODEOWNERS file|The Action)/m);
  });

  it('leaves new files in the models, projects and components folders unowned: tier 1 is self-service', () => {
    const text = render(MANIFESTS, 'registry', { file: '.github/CODEOWNERS', action: true });
    for (const path of ['registry/models/new.yaml', 'registry/projects/new.yaml', 'registry/components/new.yaml']) expect(ownersOf(text, path)).toBeUndefined();
    expect(ownersOf(text, 'dist/index.js')).toEqual(['@acme/coe']);
  });

  it('says the CoE owns nothing here when it is not on GitHub, and a project of a team not on GitHub then gets no line', () => {
    const text = render([team('coe', { coe: true }), team('claims', { github: 'acme/claims' }), team('no-github'), project('p', 'claims'), project('q', 'no-github')], 'registry', { file: '.github/CODEOWNERS', action: true });
    expect(text).toContain('# The team manifests, the waivers, the metrics, the policy, this CODEOWNERS file, the workflows and the Action (action.yml, dist/): the CoE team (coe) has no spec.github, so they have no owner here.');
    expect(codeLines(text)).toEqual(['/registry/projects/p.yaml @acme/claims']);
  });

  it('counts the projects and components with schema errors, which get no line', () => {
    const text = render([...ORG, project('bad', 'claims', {}), component('worse', 'claims'), model('broken', { owner: 'claims' }, { valid: false })].map((m) => (m.name === 'bad' || m.name === 'worse' ? { ...m, valid: false } : m)));
    expect(text).toContain('# 1 model manifest, 1 project manifest and 1 component manifest with schema errors: no lines until they pass the schema.');
    expect(text).not.toMatch(/bad|worse|broken/);
  });
});

describe('codeownersPattern', () => {
  it.each([
    ['docs/card.md', false, '/docs/card.md'],
    ['registry/teams', true, '/registry/teams/'],
    ['docs/a b.md', false, '/docs/a\\ b.md'],
    ['docs/ünïcode.md', false, '/docs/ünïcode.md'],
    ['docs/#1.md', false, undefined],
    ['docs/*.md', false, undefined],
    ['docs/a?.md', false, undefined],
    ['docs/[a].md', false, undefined],
    ['docs/a\\b.md', false, undefined],
    ['docs/a\tb.md', false, undefined],
  ])('%j (folder: %s) → %j', (path, folder, expected) => {
    expect(codeownersPattern(path, folder)).toBe(expected);
  });
});
