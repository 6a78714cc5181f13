/**
 * The JSON Schemas in schemas/: they compile under Ajv's strict mode, every property carries a
 * description (editors show it on hover), they agree with the types in src/model/manifest.ts,
 * and they accept and reject small inline manifests as intended.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { API_VERSION, DOC_KINDS, KINDS, STAGES } from '../../src/model/manifest.js';

const addFormats = addFormatsPlugin.default;

const SCHEMA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'schemas');
const ID_BASE = 'https://ai-registry.dev/schemas/v1/';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const files = readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.schema.json')).sort();
const schemas = new Map<string, JsonObject>(
  files.map((f) => [f, JSON.parse(readFileSync(join(SCHEMA_DIR, f), 'utf8')) as JsonObject]),
);

function schema(file: string): JsonObject {
  const s = schemas.get(file);
  if (!s) throw new Error(`schemas/${file} not found`);
  return s;
}

function makeAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  for (const f of files) ajv.addSchema(schema(f));
  return ajv;
}

const ajv = makeAjv();

function kindFile(kind: string): string {
  return `${kind.toLowerCase()}.schema.json`;
}

function validate(kind: string, manifest: unknown) {
  const v = ajv.getSchema(ID_BASE + kindFile(kind));
  if (!v) throw new Error(`no schema for ${kind}`);
  const ok = v(manifest) as boolean;
  return { ok, errors: v.errors ?? [] };
}

function isObject(x: unknown): x is JsonObject {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Every `properties` entry anywhere in the tree, as [json pointer, property schema]. */
function allProperties(node: Json, pointer = ''): [string, Json][] {
  const found: [string, Json][] = [];
  if (Array.isArray(node)) {
    node.forEach((child, i) => found.push(...allProperties(child, `${pointer}/${i}`)));
  } else if (isObject(node)) {
    for (const [key, child] of Object.entries(node)) {
      if (key === 'properties' && isObject(child)) {
        for (const [prop, sub] of Object.entries(child)) {
          found.push([`${pointer}/properties/${prop}`, sub]);
        }
      }
      // enum/const/examples hold data, not schemas
      if (key !== 'enum' && key !== 'const' && key !== 'examples') {
        found.push(...allProperties(child, `${pointer}/${key}`));
      }
    }
  }
  return found;
}

/** The schema object at a JSON pointer (no escaping needed for our keys). */
function at(root: JsonObject, pointer: string): JsonObject {
  let node: Json | undefined = root;
  for (const part of pointer.split('/').slice(1)) {
    if (Array.isArray(node)) node = node[Number(part)];
    else if (isObject(node)) node = node[part];
    else throw new Error(`bad pointer ${pointer}`);
  }
  if (!isObject(node)) throw new Error(`nothing at ${pointer}`);
  return node;
}

/** Follows one `$ref` (local or into another file), else returns the node itself. */
function resolve(node: JsonObject, from: JsonObject): JsonObject {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  const [file = '', pointer = ''] = ref.split('#');
  return at(file ? schema(file) : from, pointer);
}

describe('the checks themselves', () => {
  it('strict mode rejects an unknown keyword and an untyped properties object', () => {
    const strict = new Ajv2020({ allErrors: true, strict: true });
    expect(() => strict.compile({ type: 'string', maxlength: 3 })).toThrow(/unknown keyword/);
    expect(() => strict.compile({ properties: { a: { type: 'string' } } })).toThrow(/strict mode/);
  });

  it('the description walker finds nested properties without a description', () => {
    const tree: Json = {
      $defs: { d: { type: 'object', properties: { x: { type: 'string' } } } },
      properties: { a: { description: 'described well', type: 'array', items: { type: 'object', properties: { b: {} } } } },
    };
    expect(allProperties(tree).map(([p]) => p)).toEqual([
      '/$defs/d/properties/x',
      '/properties/a',
      '/properties/a/items/properties/b',
    ]);
  });
});

describe('schema files', () => {
  it('has one schema per kind plus common', () => {
    expect(files).toEqual([...KINDS.map(kindFile), 'common.schema.json'].sort());
  });

  it.each(files)('%s declares draft 2020-12, its $id, a title and a description', (f) => {
    const s = schema(f);
    expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(s.$id).toBe(ID_BASE + f);
    expect(typeof s.title).toBe('string');
    expect(typeof s.description).toBe('string');
  });

  it.each(files)('%s compiles in strict mode', (f) => {
    // A fresh instance so a failure names this file, not the first one compiled.
    const fresh = makeAjv();
    expect(() => fresh.getSchema(ID_BASE + f)).not.toThrow();
    expect(fresh.getSchema(ID_BASE + f)).toBeDefined();
  });

  it.each(files)('every $def of %s compiles in strict mode', (f) => {
    const defs = schema(f).$defs;
    if (!isObject(defs)) return;
    for (const name of Object.keys(defs)) {
      expect(() => ajv.getSchema(`${ID_BASE}${f}#/$defs/${name}`)).not.toThrow();
      expect(defs[name]).toHaveProperty('description');
    }
  });

  it.each(files)('every property in %s has a description', (f) => {
    const props = allProperties(schema(f));
    expect(props.length).toBeGreaterThan(0);
    const missing = props
      .filter(([, sub]) => !isObject(sub) || typeof sub.description !== 'string' || sub.description.length < 10)
      .map(([pointer]) => pointer);
    expect(missing).toEqual([]);
  });

  it.each(files)('every object schema in %s closes its properties (except labels)', (f) => {
    const open: string[] = [];
    const walk = (node: Json, pointer: string): void => {
      if (Array.isArray(node)) node.forEach((c, i) => walk(c, `${pointer}/${i}`));
      if (!isObject(node)) return;
      if (isObject(node.properties) && node.additionalProperties !== false) open.push(pointer);
      for (const [k, c] of Object.entries(node)) {
        if (k !== 'enum' && k !== 'const' && k !== 'examples') walk(c, `${pointer}/${k}`);
      }
    };
    walk(schema(f), '');
    expect(open).toEqual([]);
  });
});

describe('schemas agree with src/model/manifest.ts', () => {
  const common = schema('common.schema.json');
  const model = schema('model.schema.json');
  const policy = schema('policy.schema.json');

  it('apiVersion and stages', () => {
    expect(at(common, '/$defs/apiVersion').const).toBe(API_VERSION);
    expect(at(common, '/$defs/stage').enum).toEqual([...STAGES]);
  });

  it.each(KINDS)('kind %s is a const in its schema', (kind) => {
    expect(at(schema(kindFile(kind)), '/properties/kind').const).toBe(kind);
  });

  it('document kinds', () => {
    const docKinds = [...DOC_KINDS].sort();
    const keys = (o: JsonObject) => Object.keys(o.properties as JsonObject).sort();
    expect(keys(at(model, '/properties/spec/properties/documentation'))).toEqual(docKinds);
    expect(keys(at(policy, '/$defs/tierPolicy/properties/documents'))).toEqual(docKinds);
    expect(keys(at(policy, '/properties/spec/properties/headings'))).toEqual(docKinds);
  });

  it('requirement stages are the stages but retired, plus off', () => {
    const named = at(policy, '/$defs/stageName').enum;
    expect(named).toEqual(STAGES.filter((s) => s !== 'retired'));
    expect(at(policy, '/$defs/requirementStage/oneOf/0').enum).toEqual([...(named as string[]), 'off']);
  });

  it('model lifecycle is the common stage', () => {
    const lifecycle = at(model, '/properties/spec/properties/lifecycle');
    expect(resolve(lifecycle, model).enum).toEqual([...STAGES]);
  });
});

// ---- fixtures ------------------------------------------------------------------------------

const envelope = (kind: string, name: string, spec: unknown, metadata: JsonObject = {}) => ({
  apiVersion: 'ai-registry/v1',
  kind,
  metadata: { name, ...metadata },
  spec,
});

const validModel = () =>
  envelope('Model', 'fraud-scoring', {
    project: 'card-fraud',
    owner: 'fraud-ml',
    type: 'classical-ml',
    lifecycle: 'production',
    tier: 3,
    risk: {
      audience: 'internal',
      decisions: 'autonomous',
      personalData: 'pii',
      regulatedDomain: 'credit',
      significantImpact: true,
      prohibitedPractice: 'none',
    },
    documentation: {
      modelCard: 'docs/models/fraud-scoring/model-card.md',
      dataSheet: 'docs/models/fraud-scoring/data-sheet.md',
      riskAssessment: 'docs/models/fraud-scoring/risk.md',
      impactAssessment: 'docs/models/fraud-scoring/impact.md',
      humanOversight: 'docs/models/fraud-scoring/oversight.md',
      incidentResponse: 'docs/models/fraud-scoring/incident.md',
      monitoringPlan: 'docs/models/fraud-scoring/monitoring.md',
    },
    approvals: [
      { role: 'ai-ethics-lead', approver: 'm-okafor', date: '2026-01-15' },
      { role: 'risk-compliance', approver: 'r.lee@example.com', date: '2026-01-16' },
    ],
    review: { lastReviewed: '2026-02-01' },
    monitoring: {
      metrics: ['precision', 'drift'],
      alertContact: 'fraud-ml@example.com',
      dashboard: 'https://grafana.example.com/d/fraud',
    },
    incidentContact: 'fraud-oncall@example.com',
    dates: { ideated: '2025-01-10', experimentStarted: '2025-03-01', pilotStarted: '2025-06-01', productionSince: '2025-10-01' },
    reuses: ['feature-store', 'prompt-library'],
    costs: { annualUsd: 120000 },
    incidents: [{ date: '2025-11-02', severity: 'medium', summary: 'Score drift after a schema change upstream.' }],
  });

const validWaiver = () =>
  envelope('Waiver', 'fraud-scoring-review', {
    rule: 'review-overdue',
    target: 'fraud-scoring',
    justification: 'Review board postponed to Q3; interim checks weekly.',
    approvedBy: 'jdoe',
    approvedOn: '2026-03-01',
    expires: '2026-05-30',
  });

const valid: Record<string, [string, unknown][]> = {
  Team: [
    ['minimal', envelope('Team', 'fraud-ml', { businessUnit: 'Cards', contact: 'fraud-ml@example.com' })],
    [
      'full, with labels',
      envelope(
        'Team',
        'ai-coe',
        {
          businessUnit: 'Technology',
          contact: 'ai-coe@example.com',
          members: ['jdoe', 'jane.doe@example.com', 'a-b-c'],
          coe: true,
          github: 'acme/ai-coe',
          roles: ['ai-coe', 'ai-ethics-lead'],
        },
        { title: 'AI Center of Excellence', description: 'The CoE.', labels: { region: 'emea', size: 7, core: true } },
      ),
    ],
  ],
  Project: [
    ['minimal', envelope('Project', 'card-fraud', { owner: 'fraud-ml' })],
    [
      'full',
      envelope('Project', 'card-fraud', {
        owner: 'fraud-ml',
        sponsor: 'Jane Doe, CRO',
        businessUnit: 'Cards',
        value: { annualRevenueUsd: 0, annualSavingsUsd: 2500000.5 },
        started: '2025-01-01',
      }),
    ],
  ],
  Model: [
    ['full', validModel()],
    [
      'minimal, tier 1 idea',
      envelope('Model', 'faq-bot', {
        project: 'support',
        owner: 'support-ml',
        type: 'genai-app',
        lifecycle: 'idea',
        tier: 1,
        risk: { audience: 'internal', decisions: 'non-critical', personalData: 'none', regulatedDomain: 'none', significantImpact: false },
      }),
    ],
  ],
  Component: [['a feature store', envelope('Component', 'feature-store', { owner: 'ai-coe', type: 'feature-store' })]],
  Waiver: [['a waiver', validWaiver()]],
  Metrics: [
    ['minimal', envelope('Metrics', '2026-q3', { period: '2026-Q3' })],
    [
      'full',
      envelope('Metrics', '2026-q3', {
        period: '2026-Q3',
        platformUptimePercent: 99.95,
        trainingCompletions: 140,
        satisfactionScore: 8.2,
        supportTickets: 0,
      }),
    ],
  ],
  Policy: [
    ['empty spec', envelope('Policy', 'policy', {})],
    [
      'the defaults written out, with effectiveFrom forms',
      envelope('Policy', 'policy', {
        tiers: {
          tier1: { enforcement: 'warning', maxWaiverDays: 365, documents: { modelCard: 'production' } },
          tier2: {
            enforcement: 'warning',
            maxWaiverDays: 180,
            reviewIntervalDays: 365,
            documents: { modelCard: 'pilot', dataSheet: 'pilot', incidentResponse: 'production', monitoringPlan: 'off' },
            approvals: { from: 'pilot', roles: ['ai-coe'] },
            monitoring: 'production',
          },
          tier3: {
            enforcement: 'error',
            maxWaiverDays: 90,
            reviewIntervalDays: { days: 180, effectiveFrom: '2027-01-01' },
            documents: {
              modelCard: 'experiment',
              dataSheet: 'experiment',
              riskAssessment: 'experiment',
              impactAssessment: { from: 'pilot', effectiveFrom: '2027-01-01' },
              humanOversight: { from: 'pilot' },
              incidentResponse: 'pilot',
            },
            approvals: { from: 'pilot', roles: ['ai-ethics-lead', 'risk-compliance'], effectiveFrom: '2026-07-01' },
            monitoring: { from: 'production', effectiveFrom: '2026-07-01' },
          },
        },
        headings: { modelCard: ['Intended Use', 'Training Data', 'Evaluation', 'Limitations', 'Ethical Considerations'], monitoringPlan: ['Metrics', 'Alerts'] },
        placeholders: ['\\bTODO\\b', '\\bTBD\\b', 'lorem ipsum', '<[^>]*fill[^>]*>'],
        staleExperimentDays: 180,
      }),
    ],
  ],
};

/** Deep-clones the base and applies a change, so each invalid case differs in one place. */
function mutate<T>(base: T, change: (m: any) => void): T {
  const copy = structuredClone(base);
  change(copy);
  return copy;
}

// [description, kind, manifest, expected failing keyword, expected instancePath]
const invalid: [string, string, unknown, string, string][] = [
  ['unknown top-level key', 'Model', mutate(validModel(), (m) => (m.status = 'ok')), 'additionalProperties', ''],
  ['unknown spec key', 'Model', mutate(validModel(), (m) => (m.spec.riskLevel = 'high')), 'additionalProperties', '/spec'],
  ['unknown metadata key', 'Team', envelope('Team', 'fraud-ml', { businessUnit: 'Cards', contact: 'a@example.com' }, { owner: 'x' }), 'additionalProperties', '/metadata'],
  ['unknown documentation kind', 'Model', mutate(validModel(), (m) => (m.spec.documentation.runbook = 'docs/x.md')), 'additionalProperties', '/spec/documentation'],
  ['wrong apiVersion', 'Team', mutate(envelope('Team', 'fraud-ml', { businessUnit: 'Cards', contact: 'a@example.com' }), (m) => (m.apiVersion = 'ai-registry/v2')), 'const', '/apiVersion'],
  ['wrong kind', 'Team', envelope('Project', 'fraud-ml', { businessUnit: 'Cards', contact: 'a@example.com' }), 'const', '/kind'],
  ['bad name', 'Component', envelope('Component', 'Feature_Store', { owner: 'ai-coe', type: 'dataset' }), 'pattern', '/metadata/name'],
  ['one-letter name', 'Component', envelope('Component', 'f', { owner: 'ai-coe', type: 'dataset' }), 'minLength', '/metadata/name'],
  ['label value is an object', 'Component', envelope('Component', 'fs', { owner: 'ai-coe', type: 'dataset' }, { labels: { a: { b: 1 } } }), 'anyOf', '/metadata/labels/a'],
  ['bad lifecycle', 'Model', mutate(validModel(), (m) => (m.spec.lifecycle = 'prod')), 'enum', '/spec/lifecycle'],
  ['bad tier', 'Model', mutate(validModel(), (m) => (m.spec.tier = 4)), 'enum', '/spec/tier'],
  ['tier as a string', 'Model', mutate(validModel(), (m) => (m.spec.tier = '3')), 'type', '/spec/tier'],
  ['bad regulated domain', 'Model', mutate(validModel(), (m) => (m.spec.risk.regulatedDomain = 'finance')), 'enum', '/spec/risk/regulatedDomain'],
  ['bad prohibited practice', 'Model', mutate(validModel(), (m) => (m.spec.risk.prohibitedPractice = 'yes')), 'enum', '/spec/risk/prohibitedPractice'],
  ['missing risk.significantImpact', 'Model', mutate(validModel(), (m) => delete m.spec.risk.significantImpact), 'required', '/spec/risk'],
  ['missing spec.owner', 'Model', mutate(validModel(), (m) => delete m.spec.owner), 'required', '/spec'],
  ['missing spec', 'Project', mutate(envelope('Project', 'p1', {}), (m) => delete m.spec), 'required', ''],
  ['empty document path', 'Model', mutate(validModel(), (m) => (m.spec.documentation.modelCard = '')), 'minLength', '/spec/documentation/modelCard'],
  ['approval without date', 'Model', mutate(validModel(), (m) => delete m.spec.approvals[0].date), 'required', '/spec/approvals/0'],
  ['approver with @', 'Model', mutate(validModel(), (m) => (m.spec.approvals[0].approver = '@jdoe')), 'pattern', '/spec/approvals/0/approver'],
  ['bad date', 'Model', mutate(validModel(), (m) => (m.spec.review.lastReviewed = '2026-02-30')), 'format', '/spec/review/lastReviewed'],
  ['date in another format', 'Project', envelope('Project', 'p1', { owner: 'team', started: '01/02/2025' }), 'format', '/spec/started'],
  ['dashboard not a URL', 'Model', mutate(validModel(), (m) => (m.spec.monitoring.dashboard = 'grafana')), 'format', '/spec/monitoring/dashboard'],
  ['empty metric name', 'Model', mutate(validModel(), (m) => (m.spec.monitoring.metrics = [''])), 'minLength', '/spec/monitoring/metrics/0'],
  ['bad alert contact', 'Model', mutate(validModel(), (m) => (m.spec.monitoring.alertContact = 'fraud team')), 'format', '/spec/monitoring/alertContact'],
  ['duplicate reuse', 'Model', mutate(validModel(), (m) => (m.spec.reuses = ['fs', 'fs'])), 'uniqueItems', '/spec/reuses'],
  ['negative cost', 'Model', mutate(validModel(), (m) => (m.spec.costs.annualUsd = -1)), 'minimum', '/spec/costs/annualUsd'],
  ['bad incident severity', 'Model', mutate(validModel(), (m) => (m.spec.incidents[0].severity = 'critical')), 'enum', '/spec/incidents/0/severity'],
  ['justification too short', 'Waiver', mutate(validWaiver(), (m) => (m.spec.justification = 'because')), 'minLength', '/spec/justification'],
  ['waiver without expiry', 'Waiver', mutate(validWaiver(), (m) => delete m.spec.expires), 'required', '/spec'],
  ['waiver rule not kebab-case', 'Waiver', mutate(validWaiver(), (m) => (m.spec.rule = 'Review_Overdue')), 'pattern', '/spec/rule'],
  ['team contact not an email', 'Team', envelope('Team', 'fraud-ml', { businessUnit: 'Cards', contact: 'fraud-ml' }), 'format', '/spec/contact'],
  ['team without businessUnit', 'Team', envelope('Team', 'fraud-ml', { contact: 'a@example.com' }), 'required', '/spec'],
  ['bad github team', 'Team', envelope('Team', 'fraud-ml', { businessUnit: 'Cards', contact: 'a@example.com', github: 'fraud-ml' }), 'pattern', '/spec/github'],
  ['duplicate member', 'Team', envelope('Team', 'fraud-ml', { businessUnit: 'Cards', contact: 'a@example.com', members: ['jdoe', 'jdoe'] }), 'uniqueItems', '/spec/members'],
  ['handle with a double hyphen', 'Team', envelope('Team', 'fraud-ml', { businessUnit: 'Cards', contact: 'a@example.com', members: ['j--doe'] }), 'pattern', '/spec/members/0'],
  ['empty sponsor', 'Project', envelope('Project', 'p1', { owner: 'team', sponsor: '' }), 'minLength', '/spec/sponsor'],
  ['negative savings', 'Project', envelope('Project', 'p1', { owner: 'team', value: { annualSavingsUsd: -5 } }), 'minimum', '/spec/value/annualSavingsUsd'],
  ['bad component type', 'Component', envelope('Component', 'fs', { owner: 'ai-coe', type: 'library' }), 'enum', '/spec/type'],
  ['bad period', 'Metrics', envelope('Metrics', '2026-q3', { period: '2026-Q5' }), 'pattern', '/spec/period'],
  ['uptime over 100', 'Metrics', envelope('Metrics', '2026-q3', { period: '2026-Q3', platformUptimePercent: 100.1 }), 'maximum', '/spec/platformUptimePercent'],
  ['fractional tickets', 'Metrics', envelope('Metrics', '2026-q3', { period: '2026-Q3', supportTickets: 1.5 }), 'type', '/spec/supportTickets'],
  ['unknown tier', 'Policy', envelope('Policy', 'policy', { tiers: { tier4: {} } }), 'additionalProperties', '/spec/tiers'],
  ['bad enforcement', 'Policy', envelope('Policy', 'policy', { tiers: { tier1: { enforcement: 'block' } } }), 'enum', '/spec/tiers/tier1/enforcement'],
  ['requirement stage retired', 'Policy', envelope('Policy', 'policy', { tiers: { tier2: { documents: { modelCard: 'retired' } } } }), 'oneOf', '/spec/tiers/tier2/documents/modelCard'],
  ['requirement object without from', 'Policy', envelope('Policy', 'policy', { tiers: { tier2: { monitoring: { effectiveFrom: '2027-01-01' } } } }), 'oneOf', '/spec/tiers/tier2/monitoring'],
  ['requirement object with off', 'Policy', envelope('Policy', 'policy', { tiers: { tier2: { monitoring: { from: 'off' } } } }), 'oneOf', '/spec/tiers/tier2/monitoring'],
  ['review interval 0', 'Policy', envelope('Policy', 'policy', { tiers: { tier3: { reviewIntervalDays: 0 } } }), 'oneOf', '/spec/tiers/tier3/reviewIntervalDays'],
  ['review interval object with unknown key', 'Policy', envelope('Policy', 'policy', { tiers: { tier3: { reviewIntervalDays: { days: 90, from: 'pilot' } } } }), 'oneOf', '/spec/tiers/tier3/reviewIntervalDays'],
  ['approvals without roles', 'Policy', envelope('Policy', 'policy', { tiers: { tier2: { approvals: { from: 'pilot' } } } }), 'required', '/spec/tiers/tier2/approvals'],
  ['maxWaiverDays 0', 'Policy', envelope('Policy', 'policy', { tiers: { tier2: { maxWaiverDays: 0 } } }), 'minimum', '/spec/tiers/tier2/maxWaiverDays'],
  ['empty placeholder pattern', 'Policy', envelope('Policy', 'policy', { placeholders: [''] }), 'minLength', '/spec/placeholders/0'],
  ['empty heading', 'Policy', envelope('Policy', 'policy', { headings: { modelCard: [''] } }), 'minLength', '/spec/headings/modelCard/0'],
  ['stale days not an integer', 'Policy', envelope('Policy', 'policy', { staleExperimentDays: 'half a year' }), 'type', '/spec/staleExperimentDays'],
];

describe('valid manifests', () => {
  const cases = Object.entries(valid).flatMap(([kind, list]) => list.map(([what, m]) => [kind, what, m] as const));
  it.each(cases)('%s: %s', (kind, _what, manifest) => {
    const { ok, errors } = validate(kind, manifest);
    expect(errors).toEqual([]);
    expect(ok).toBe(true);
  });
});

describe('invalid manifests', () => {
  it.each(invalid)('%s (%s)', (_what, kind, manifest, keyword, instancePath) => {
    const { ok, errors } = validate(kind, manifest);
    expect(ok).toBe(false);
    expect(errors.map((e) => [e.keyword, e.instancePath])).toContainEqual([keyword, instancePath]);
  });

  it('reports an unknown key by name', () => {
    const { errors } = validate('Model', mutate(validModel(), (m) => (m.spec.riskLevel = 'high')));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.params).toEqual({ additionalProperty: 'riskLevel' });
  });

  it('reports a bad enum value once, without cascades', () => {
    const { errors } = validate('Model', mutate(validModel(), (m) => (m.spec.type = 'gpt')));
    expect(errors.map((e) => e.keyword)).toEqual(['enum']);
  });
});
