// Generates a deterministic synthetic ai-registry repository for the benchmark (and for tests):
// teams, projects, components, models with their documents, metrics, waivers, a policy and a
// README with the dashboard markers. The same options always give byte-identical files: a
// seeded PRNG per manifest, no Math.random, no clock (dates count back from AS_OF).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const AS_OF = '2026-11-24';
export const DEFAULT_SEED = 20261124;

// ---------------------------------------------------------------------------------------------
// Randomness and dates

/** mulberry32: a small, fast, well-distributed 32-bit PRNG. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of a string, to derive one independent stream per manifest from the run's seed. */
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A random stream per manifest or document: a change to how one is drawn never shifts the others. */
function streamFor(seed, what, index) {
  const next = mulberry32(hash(`${seed}:${what}:${index}`));
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  const chance = (p) => next() < p;
  const weighted = (entries) => {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let x = next() * total;
    for (const [value, w] of entries) {
      x -= w;
      if (x < 0) return value;
    }
    return entries[entries.length - 1][0];
  };
  const sample = (list, count) => {
    const pool = [...list];
    const out = [];
    while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]);
    return out;
  };
  return { next, int, pick, chance, weighted, sample };
}

const DAY_MS = 86_400_000;
const AS_OF_MS = Date.parse(`${AS_OF}T00:00:00Z`);

/** The date `days` before AS_OF, `YYYY-MM-DD`. */
function daysAgo(days) {
  return new Date(AS_OF_MS - days * DAY_MS).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const BUSINESS_UNITS = [
  'Claims', 'Personal Lines', 'Commercial Insurance', 'Retail Banking', 'Cards & Payments',
  'Wealth Management', 'Marketing', 'Operations', 'Customer Service', 'Finance', 'People',
  'Technology & Data',
];
const TEAM_FOCUS = ['analytics', 'ml', 'data-science', 'ai', 'automation', 'insights', 'decisioning', 'engineering'];
const FIRST_INITIALS = 'abcdefghijklmnoprstvwy';
const SURNAMES = [
  'mensah', 'okafor', 'vogel', 'lindqvist', 'ferreira', 'wu', 'abara', 'desai', 'kowalski', 'nakamura',
  'brennan', 'fashola', 'castillo', 'harlow', 'bhattacharya', 'marsh', 'oduya', 'petrov', 'silva',
  'tanaka', 'moreau', 'jensen', 'rossi', 'novak', 'haddad', 'kim', 'osei', 'murphy', 'schmidt',
  'garcia', 'yilmaz', 'chen', 'dubois', 'lopez', 'ivanova', 'park', 'nguyen', 'adeyemi', 'costa', 'walsh',
];
const FIRST_NAMES = ['Helena', 'Marcus', 'Priya', 'Tomasz', 'Aisha', 'Daniel', 'Ingrid', 'Kofi', 'Lucia', 'Yuki', 'Omar', 'Grace'];
const EXEC_TITLES = ['Chief Claims Officer', 'Chief Operating Officer', 'Chief Risk Officer', 'Chief Marketing Officer', 'Chief Customer Officer', 'Chief Financial Officer', 'Head of Retail Banking', 'Chief People Officer'];

const AREAS = [
  ['claims', 'Claims'], ['motor', 'Motor'], ['home', 'Home insurance'], ['life', 'Life and protection'],
  ['health', 'Health cover'], ['credit', 'Retail credit'], ['payments', 'Payments'], ['fraud', 'Fraud'],
  ['marketing', 'Marketing'], ['servicing', 'Customer servicing'], ['contact-centre', 'Contact-centre'],
  ['underwriting', 'Underwriting'], ['pricing', 'Pricing'], ['collections', 'Collections'],
  ['treasury', 'Treasury'], ['hr', 'HR'], ['procurement', 'Procurement'], ['it-ops', 'IT operations'],
  ['legal', 'Legal'], ['compliance', 'Compliance'], ['wealth', 'Wealth'], ['mortgage', 'Mortgage'],
  ['sme', 'SME lending'], ['cards', 'Cards'],
].map(([id, title]) => ({ id, title }));

const TASKS = [
  ['triage', 'triage', ['classical-ml', 'deep-learning']],
  ['scoring', 'scoring', ['classical-ml', 'rules']],
  ['forecast', 'volume forecast', ['classical-ml']],
  ['classifier', 'document classifier', ['deep-learning', 'classical-ml']],
  ['summarizer', 'summaries', ['llm', 'genai-app']],
  ['assistant', 'assistant', ['genai-app', 'llm', 'vendor-api']],
  ['extractor', 'data extraction', ['llm', 'deep-learning']],
  ['anomaly-detector', 'anomaly detection', ['classical-ml', 'deep-learning']],
  ['recommender', 'next best action', ['classical-ml']],
  ['search', 'semantic search', ['llm', 'genai-app']],
  ['router', 'case routing', ['classical-ml', 'rules']],
  ['copilot', 'copilot', ['genai-app', 'vendor-api']],
  ['estimator', 'cost estimator', ['deep-learning', 'classical-ml']],
  ['matcher', 'entity matching', ['classical-ml', 'rules']],
  ['chatbot', 'chatbot', ['genai-app', 'vendor-api']],
  ['propensity', 'propensity model', ['classical-ml']],
].map(([id, title, types]) => ({ id, title, types }));

const COMPONENT_BASES = [
  ['genai-gateway', 'GenAI gateway', 'platform'],
  ['mlops-platform', 'ML platform', 'platform'],
  ['customer-feature-store', 'Customer 360 feature store', 'feature-store'],
  ['prompt-library', 'Prompt library', 'prompt-library'],
];
const COMPONENT_KINDS = [
  ['feature-store', 'feature store'], ['prompt-library', 'prompt library'], ['model', 'shared model'],
  ['dataset', 'curated dataset'], ['platform', 'platform service'], ['other', 'shared service'],
];
const REGULATED = ['credit', 'insurance', 'employment', 'essential-services', 'health', 'biometrics', 'education'];
const METRIC_NAMES = {
  'classical-ml': ['weekly-auc', 'population-stability-index', 'precision-at-threshold', 'score-latency-p95', 'feature-drift', 'approval-rate-by-segment'],
  'deep-learning': ['macro-f1-monthly-sample', 'handler-correction-rate', 'input-drift', 'inference-latency-p95', 'gpu-utilisation'],
  llm: ['groundedness-sample-score', 'user-edit-rate', 'refusal-rate', 'cost-per-request', 'latency-p95', 'pii-redaction-misses'],
  'genai-app': ['answer-acceptance-rate', 'escalation-rate', 'groundedness-sample-score', 'containment-rate', 'latency-p95'],
  'vendor-api': ['vendor-uptime', 'user-acceptance-rate', 'cost-per-seat', 'error-rate'],
  rules: ['rule-hit-rate', 'false-positive-rate', 'override-rate'],
};
const USERS = ['claims handlers', 'underwriters', 'agents', 'relationship managers', 'analysts', 'investigators', 'engineers', 'advisers', 'collectors'];
const DESCRIPTION_SENTENCES = [
  (m) => `${m.area.title} ${m.task.title} built by ${m.ownerTitle} for about ${thousands(m.users)} ${m.userGroup}.`,
  (m) => `It reads the records of the ${m.area.title.toLowerCase()} systems every night and writes its output back to the case management queue.`,
  (m) => `A person reviews every output before it reaches a customer; the model never acts on an account on its own.`,
  (m) => `The first back-test beat the existing process on ${m.users % 9 + 5} of 14 measures, mostly on speed and consistency.`,
  (m) => `Inputs are pseudonymised by the feature store; free text is redacted before it reaches the model.`,
  (m) => `Owned day to day by the ${m.owner} team, with the CoE platform team on call for serving and monitoring.`,
  (m) => `Retrained quarterly on the latest twelve months of data; each release is compared with the previous one on a hold-out sample.`,
  (m) => `Replaces a spreadsheet and a set of manual checks that took ${m.users % 20 + 3} people most of each month-end.`,
  (m) => `Results are reported monthly to the ${m.area.title.toLowerCase()} leadership team and quarterly to the AI Council.`,
  (m) => `Known limits: thin history for new products and seasonal effects around year-end, both flagged to the reviewers.`,
];
const LABEL_POOL = [
  ['algorithm', ['gradient-boosted-trees', 'logistic-regression', 'transformer', 'retrieval-augmented', 'random-forest']],
  ['data-classification', ['internal', 'confidential', 'restricted']],
  ['cost-centre', ['cc-1042', 'cc-2210', 'cc-3307', 'cc-4815', 'cc-5120']],
  ['region', ['emea', 'uk', 'eu', 'global']],
  ['criticality', ['low', 'medium', 'high']],
  ['vendor', ['callisto-cx', 'azure-openai', 'enterprise-coding-assistant', 'in-house']],
];

// Policy: the defaults of SPEC §3 plus the overrides written into registry/policy.yaml below
// (a monitoring plan for tier 2 and tier 3 models in production).
const STAGES = ['idea', 'experiment', 'pilot', 'production', 'retired'];
const STAGE_INDEX = Object.fromEntries(STAGES.map((s, i) => [s, i]));
const TIER_DOCUMENTS = {
  1: { modelCard: 'production' },
  2: { modelCard: 'pilot', dataSheet: 'pilot', incidentResponse: 'production', monitoringPlan: 'production' },
  3: {
    modelCard: 'experiment', dataSheet: 'experiment', riskAssessment: 'experiment', impactAssessment: 'pilot',
    humanOversight: 'pilot', incidentResponse: 'pilot', monitoringPlan: 'production',
  },
};
const TIER_APPROVALS = { 1: [], 2: ['ai-coe'], 3: ['ai-ethics-lead', 'risk-compliance'] };
const REVIEW_INTERVAL = { 2: 365, 3: 180 };
const DOC_ORDER = ['modelCard', 'dataSheet', 'riskAssessment', 'impactAssessment', 'humanOversight', 'incidentResponse', 'monitoringPlan'];
const DOC_FILES = {
  modelCard: 'model-card', dataSheet: 'data-sheet', riskAssessment: 'risk-assessment', impactAssessment: 'impact-assessment',
  humanOversight: 'human-oversight', incidentResponse: 'incident-response', monitoringPlan: 'monitoring-plan',
};
const DOC_TITLES = {
  modelCard: 'Model card', dataSheet: 'Data sheet', riskAssessment: 'Risk assessment', impactAssessment: 'Impact assessment',
  humanOversight: 'Human oversight', incidentResponse: 'Incident response', monitoringPlan: 'Monitoring plan',
};
const DOC_HEADINGS = {
  modelCard: ['Intended Use', 'Training Data', 'Evaluation', 'Limitations', 'Ethical Considerations'],
  dataSheet: ['Sources', 'Personal Data', 'Retention'],
  riskAssessment: ['Risks', 'Mitigations', 'Residual Risk'],
  impactAssessment: ['Affected Groups', 'Impacts', 'Mitigations'],
  humanOversight: ['Oversight Process', 'Escalation'],
  incidentResponse: ['Contacts', 'Rollback'],
  monitoringPlan: ['Metrics', 'Alerts'],
};
const DOC_SENTENCES = [
  (d) => `This section covers ${d.subject} as deployed at the ${d.stage} stage.`,
  (d) => `Figures are taken from the ${d.quarter} validation run and checked by a second analyst.`,
  (d) => `The ${d.owner} team keeps this section current and re-reads it at every governance review.`,
  (d) => `Thresholds were agreed with the business owner and are recorded in the monitoring dashboard.`,
  (d) => `Where the numbers moved by more than two points since the last release, the change is explained below.`,
  (d) => `Customers can ask for a human review of any outcome through the usual complaints process.`,
  (d) => `Data older than the retention period is deleted by the nightly housekeeping job and logged.`,
  (d) => `Any change to this section is made by pull request and reviewed by the CoE.`,
];

/** Planned findings: which rule each broken model should trigger, with its relative weight. */
const FINDING_WEIGHTS = [
  ['doc-missing', 3], ['review-overdue', 2], ['tier-underdeclared', 2], ['approval-missing', 1],
  ['doc-section-missing', 1], ['lifecycle-dates', 1], ['stale-experiment', 1],
];
const WAIVABLE = new Set(['review-overdue', 'doc-missing', 'approval-missing', 'stale-experiment']);
const FINDING_RATE = 0.1;
const HISTORY_NOTES = [
  'owner confirmed the risk profile at the last governance review',
  'thresholds re-agreed with the business owner',
  'retraining cadence moved to quarterly',
  'reviewed the data sources with the data protection office',
  'updated the contact details after the team reorganisation',
  'moved serving to the shared ML platform',
  'agreed the fallback procedure with operations',
  'refreshed the evaluation sample after the product change',
];

// ---------------------------------------------------------------------------------------------
// Text helpers

/** Words wrapped at `width`, each line prefixed by `indent`. */
function wrap(text, indent, width = 96) {
  const lines = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(indent + line);
  return lines;
}

const ACRONYMS = { ml: 'ML', ai: 'AI' };

function titleCase(kebab) {
  return kebab.split('-').map((w) => ACRONYMS[w] ?? w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}

/** 12345 → "12,345", without depending on the ICU build's locale data. */
function thousands(n) {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

const MANIFEST_HEADER = (kind) => `# yaml-language-server: $schema=../../schemas/${kind}.schema.json`;

// ---------------------------------------------------------------------------------------------
// Organisation: teams, projects, components

function sizes(models) {
  return {
    teams: Math.max(6, Math.floor(models / 50)),
    projects: Math.max(3, Math.floor(models / 10)),
    components: Math.max(3, Math.floor(models / 200)),
  };
}

/** The three role-holding teams first (CoE, ethics, model risk), then product teams. */
function makeTeams(seed, count) {
  const teams = [];
  const roleTeams = [
    { name: 'ai-coe', title: 'AI Center of Excellence', businessUnit: 'Technology & Data', roles: ['ai-coe'], coe: true },
    { name: 'ai-ethics', title: 'Responsible AI and Ethics Office', businessUnit: 'Risk & Compliance', roles: ['ai-ethics-lead'] },
    { name: 'model-risk', title: 'Model Risk Management', businessUnit: 'Risk & Compliance', roles: ['risk-compliance'] },
  ];
  for (let t = 0; t < count; t++) {
    const r = streamFor(seed, 'team', t);
    const base = roleTeams[t] ?? (() => {
      const businessUnit = r.pick(BUSINESS_UNITS);
      const area = businessUnit.toLowerCase().replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '');
      const focus = r.pick(TEAM_FOCUS);
      return { name: `${area}-${focus}-${t}`, title: `${businessUnit} ${titleCase(focus)} ${t}`, businessUnit, roles: [] };
    })();
    const members = [];
    const memberCount = r.int(3, 7);
    for (let k = 0; k < memberCount; k++) members.push(`${FIRST_INITIALS[(t + k * 7) % FIRST_INITIALS.length]}${r.pick(SURNAMES)}${t}${k}`);
    teams.push({ ...base, members, index: t });
  }
  return teams;
}

function teamManifest(team) {
  const lines = [
    MANIFEST_HEADER('team'),
    'apiVersion: ai-registry/v1',
    'kind: Team',
    'metadata:',
    `  name: ${team.name}`,
    `  title: ${team.title}`,
    '  description: >-',
    ...wrap(`${team.title}: owns and runs the AI models of ${team.businessUnit}, from first experiment to retirement, with the CoE platform team as second line of support.`, '    '),
    'spec:',
    `  businessUnit: ${team.businessUnit}`,
    `  contact: ${team.name}@example-corp.example`,
    `  github: example-corp/${team.name}`,
  ];
  if (team.coe) lines.push('  coe: true');
  if (team.roles.length > 0) lines.push(`  roles: [${team.roles.join(', ')}]`);
  lines.push('  members:', ...team.members.map((m) => `    - ${m}`));
  return `${lines.join('\n')}\n`;
}

function makeProjects(seed, count, productTeams) {
  const projects = [];
  for (let p = 0; p < count; p++) {
    const r = streamFor(seed, 'project', p);
    const area = r.pick(AREAS);
    const owner = productTeams[p % productTeams.length];
    projects.push({
      name: `${area.id}-initiative-${p}`,
      title: `${area.title} initiative ${p}`,
      area,
      owner: owner.name,
      sponsor: `${r.pick(FIRST_NAMES)} ${titleCase(r.pick(SURNAMES))} (${r.pick(EXEC_TITLES)})`,
      savings: r.chance(0.7) ? r.int(2, 400) * 10000 : undefined,
      revenue: r.chance(0.3) ? r.int(5, 900) * 10000 : undefined,
      started: daysAgo(r.int(60, 1400)),
    });
  }
  return projects;
}

function projectManifest(project) {
  const lines = [
    MANIFEST_HEADER('project'),
    'apiVersion: ai-registry/v1',
    'kind: Project',
    'metadata:',
    `  name: ${project.name}`,
    `  title: ${project.title}`,
    '  description: >-',
    ...wrap(`Use AI to shorten cycle times and improve decisions in ${project.area.title.toLowerCase()}, measured quarterly against the baseline agreed with the sponsor.`, '    '),
    'spec:',
    `  owner: ${project.owner}`,
    `  sponsor: ${project.sponsor}`,
  ];
  if (project.savings !== undefined || project.revenue !== undefined) {
    lines.push('  value:');
    if (project.revenue !== undefined) lines.push(`    annualRevenueUsd: ${project.revenue}`);
    if (project.savings !== undefined) lines.push(`    annualSavingsUsd: ${project.savings}`);
  }
  lines.push(`  started: ${project.started}`);
  return `${lines.join('\n')}\n`;
}

function makeComponents(seed, count, teams) {
  const components = [];
  for (let c = 0; c < count; c++) {
    const r = streamFor(seed, 'component', c);
    const base = COMPONENT_BASES[c];
    if (base) {
      components.push({ name: base[0], title: base[1], type: base[2], owner: 'ai-coe' });
      continue;
    }
    const [type, noun] = r.pick(COMPONENT_KINDS);
    const area = r.pick(AREAS);
    components.push({ name: `${area.id}-${type}-${c}`, title: `${area.title} ${noun} ${c}`, type, owner: r.pick(teams.slice(3)).name });
  }
  return components;
}

function componentManifest(component) {
  return `${[
    MANIFEST_HEADER('component'),
    'apiVersion: ai-registry/v1',
    'kind: Component',
    'metadata:',
    `  name: ${component.name}`,
    `  title: ${component.title}`,
    '  description: >-',
    ...wrap(`Reusable ${component.type} maintained for every AI team: versioned, documented and monitored, with access granted per project.`, '    '),
    'spec:',
    `  owner: ${component.owner}`,
    `  type: ${component.type}`,
  ].join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Models

/** A risk profile whose derived tier (SPEC §3) is exactly `tier`. */
function riskFor(r, tier) {
  const risk = { audience: 'internal', decisions: 'non-critical', personalData: 'none', regulatedDomain: 'none', significantImpact: false };
  if (tier >= 2) {
    const raise = r.pick(['audience', 'decisions', 'personalData', 'several']);
    if (raise === 'audience' || raise === 'several') risk.audience = r.pick(['customer-facing', 'public']);
    if (raise === 'decisions' || raise === 'several') risk.decisions = 'influences';
    if (raise === 'personalData' || raise === 'several') risk.personalData = r.pick(['pii', 'pii', 'sensitive']);
  }
  if (tier === 3) {
    const raise = r.pick(['autonomous', 'domain', 'domain', 'impact']);
    if (raise === 'autonomous') risk.decisions = 'autonomous';
    if (raise === 'domain' || r.chance(0.3)) risk.regulatedDomain = r.pick(REGULATED);
    if (raise === 'impact' || r.chance(0.5)) risk.significantImpact = true;
    if (risk.personalData === 'none' && r.chance(0.6)) risk.personalData = 'pii';
  }
  return risk;
}

function derivedTier(risk) {
  if (risk.decisions === 'autonomous' || risk.regulatedDomain !== 'none' || risk.significantImpact) return 3;
  if (risk.audience !== 'internal' || risk.decisions === 'influences' || risk.personalData !== 'none') return 2;
  return 1;
}

/** The documents `tier` requires at `stage`, in declaration order. */
function dueDocuments(tier, stage, risk) {
  if (stage === 'retired') return [];
  return DOC_ORDER.filter((doc) => {
    const from = TIER_DOCUMENTS[tier][doc];
    if (!from || STAGE_INDEX[stage] < STAGE_INDEX[from]) return false;
    if (doc === 'dataSheet' && risk.personalData === 'none') return false;
    if (doc === 'impactAssessment' && risk.personalData === 'none' && !risk.significantImpact) return false;
    return true;
  });
}

/** Dates of each stage reached, oldest first, ending at the current stage. */
function lifecycleDates(r, stage, stale) {
  const dates = {};
  const index = STAGE_INDEX[stage];
  let cursor;
  const early = stage === 'idea' || stage === 'experiment';
  // An idea or experiment stays within 180 days of its first date unless it is meant to be stale.
  if (early) cursor = stale ? r.int(200, 500) : r.int(10, 90);
  else if (stage === 'pilot') cursor = r.int(20, 300);
  else if (stage === 'production') cursor = r.int(10, 900);
  else cursor = r.int(10, 400);
  const keys = ['ideated', 'experimentStarted', 'pilotStarted', 'productionSince', 'retiredOn'];
  const days = [];
  for (let i = index; i >= 0; i--) {
    days[i] = cursor;
    cursor += i === 4 ? r.int(200, 900) : early && !stale ? r.int(10, 60) : r.int(20, 150);
  }
  for (let i = 0; i <= index; i++) dates[keys[i]] = daysAgo(days[i]);
  return { dates, daysAgo: days };
}

function makeModel(seed, i, ctx) {
  const r = streamFor(seed, 'model', i);
  const area = r.pick(AREAS);
  const task = r.pick(TASKS);
  const name = `${area.id}-${task.id}-${String(i + 1).padStart(ctx.indexWidth, '0')}`;
  const project = ctx.projects[r.int(0, ctx.projects.length - 1)];
  const ownerTeam = r.chance(0.9) ? ctx.teamsByName.get(project.owner) : r.pick(ctx.productTeams);
  const type = r.pick(task.types);
  const stage = r.weighted([['idea', 10], ['experiment', 15], ['pilot', 15], ['production', 50], ['retired', 10]]);
  const derived = r.weighted([[1, 35], [2, 40], [3, 25]]);
  const risk = riskFor(r, derived);

  // Which finding, if any: only one that this model's tier and stage can show.
  let finding;
  if (ctx.broken.has(i)) finding = 'yaml-syntax';
  else if (r.chance(FINDING_RATE)) {
    const applicable = FINDING_WEIGHTS.filter(([rule]) => findingApplies(rule, derived, stage, risk));
    if (applicable.length > 0) finding = r.weighted(applicable);
  }
  let declared = derived;
  if (finding === 'tier-underdeclared') declared = derived - 1;
  else if (derived < 3 && r.chance(0.06)) declared = derived + 1;
  const held = Math.max(declared, derived);

  const { dates, daysAgo: stageDays } = lifecycleDates(r, stage, finding === 'stale-experiment');
  if (finding === 'lifecycle-dates') {
    if (stage === 'production') delete dates.productionSince;
    else if (stage === 'retired') delete dates.retiredOn;
    else [dates.ideated, dates.experimentStarted] = [dates.experimentStarted, dates.ideated];
  }

  // Documents: everything due, sometimes more; a few shared runbooks.
  const due = dueDocuments(held, stage, risk);
  const wanted = new Set(due);
  if (stage !== 'idea' && r.chance(0.35)) wanted.add('modelCard');
  if (stage === 'retired' && held >= 2) for (const doc of dueDocuments(held, 'production', risk)) wanted.add(doc);
  const documentation = [];
  const writeDocs = [];
  const missingDoc = finding === 'doc-missing' ? r.pick(due) : undefined;
  const sectionGap = finding === 'doc-section-missing' ? 'modelCard' : undefined;
  for (const doc of DOC_ORDER.filter((d) => wanted.has(d))) {
    if (doc === missingDoc) {
      // Declared with a path that does not exist, or not declared at all.
      if (r.chance(0.5)) documentation.push([doc, `docs/models/${name}/${DOC_FILES[doc]}.md`]);
      continue;
    }
    const shared = (doc === 'incidentResponse' && r.chance(0.5)) || (doc === 'monitoringPlan' && r.chance(0.3));
    const path = shared ? `docs/runbooks/${ownerTeam.name}-${DOC_FILES[doc]}.md` : `docs/models/${name}/${DOC_FILES[doc]}.md`;
    documentation.push([doc, path]);
    if (path.startsWith('docs/models/')) writeDocs.push({ doc, path, omitHeading: doc === sectionGap ? r.int(0, DOC_HEADINGS[doc].length - 1) : undefined });
  }

  // Approvals from the role teams (never the owner's members: four-eyes), dated before the pilot.
  const approvals = [];
  if (STAGE_INDEX[stage] >= STAGE_INDEX.pilot) {
    const roles = [...TIER_APPROVALS[held]];
    if (finding === 'approval-missing') roles.pop();
    const pilotDays = stageDays[STAGE_INDEX.pilot];
    for (const role of roles) {
      const approver = r.pick(ctx.roleHolders.get(role));
      approvals.push({ role, approver, date: daysAgo(pilotDays + r.int(1, 12)) });
    }
    if (held >= 2 && stage === 'production' && finding !== 'approval-missing' && r.chance(0.3)) {
      approvals.push({ role: 'ai-coe', approver: r.pick(ctx.roleHolders.get('ai-coe')), date: daysAgo(stageDays[STAGE_INDEX.production] + r.int(1, 10)) });
    }
  }

  let lastReviewed;
  const reviewDue = held >= 2 && (stage === 'pilot' || stage === 'production');
  if (finding === 'review-overdue') {
    lastReviewed = r.chance(0.25) ? undefined : daysAgo(REVIEW_INTERVAL[held] + r.int(10, 250));
  } else if (reviewDue) {
    lastReviewed = daysAgo(r.int(5, REVIEW_INTERVAL[held] - 10));
  } else if (STAGE_INDEX[stage] >= STAGE_INDEX.pilot && r.chance(0.5)) {
    lastReviewed = daysAgo(r.int(5, 700));
  }

  const monitored = stage === 'production' ? held >= 2 || r.chance(0.4) : stage === 'pilot' && r.chance(0.3);
  const metrics = monitored ? r.sample(METRIC_NAMES[type], r.int(2, 5)) : [];
  const incidentContact = wanted.has('incidentResponse') || (monitored && r.chance(0.5)) ? `${ownerTeam.name}-oncall@example-corp.example` : undefined;
  const reuses = r.chance(0.6) ? r.sample(ctx.components, r.int(1, 3)).map((c) => c.name) : [];
  const incidents = [];
  if ((stage === 'production' || stage === 'retired') && r.chance(0.15)) {
    const count = r.int(1, 2);
    const since = stageDays[STAGE_INDEX.production];
    for (let k = 0; k < count; k++) {
      incidents.push({
        date: daysAgo(r.int(Math.max(1, (stageDays[4] ?? 0) + 1), since)),
        severity: r.weighted([['low', 6], ['medium', 3], ['high', 1]]),
        summary: `The nightly feature refresh finished ${r.int(2, 11)} hours late and ${r.int(20, 900)} cases were scored on day-old data, then re-scored; no customer outcome changed.`,
      });
    }
  }

  const model = {
    index: i, name, area, task, type, stage, risk, declared, derived, held, finding, dates, documentation,
    writeDocs, approvals, lastReviewed, metrics, incidentContact, reuses, incidents,
    project: project.name, owner: ownerTeam.name, ownerTitle: ownerTeam.title,
    users: r.int(12, 2400), userGroup: r.pick(USERS), cost: r.chance(0.7) ? r.int(1, 90) * 5000 : undefined,
    dashboard: monitored && r.chance(0.6), prohibitedNone: r.chance(0.2),
  };
  return { model, text: modelManifest(model, r) };
}

function findingApplies(rule, derived, stage, risk) {
  const s = STAGE_INDEX[stage];
  switch (rule) {
    case 'doc-missing': return dueDocuments(derived, stage, risk).length > 0;
    case 'doc-section-missing': return dueDocuments(derived, stage, risk).includes('modelCard');
    case 'review-overdue': return derived >= 2 && (stage === 'pilot' || stage === 'production');
    case 'approval-missing': return derived >= 2 && s >= STAGE_INDEX.pilot && stage !== 'retired';
    case 'tier-underdeclared': return derived >= 2;
    case 'lifecycle-dates': return stage !== 'idea';
    case 'stale-experiment': return stage === 'idea' || stage === 'experiment';
    default: return false;
  }
}

/** The manifest text, 40-80 lines: the description and a change-history comment fill to a target length. */
function modelManifest(m, r) {
  const spec = [
    'spec:',
    `  project: ${m.project}`,
    `  owner: ${m.owner}`,
    `  type: ${m.type}`,
    `  lifecycle: ${m.stage}`,
    `  tier: ${m.declared}`,
    '  risk:',
    `    audience: ${m.risk.audience}`,
    `    decisions: ${m.risk.decisions}`,
    `    personalData: ${m.risk.personalData}`,
    `    regulatedDomain: ${m.risk.regulatedDomain}`,
    `    significantImpact: ${m.risk.significantImpact}`,
  ];
  if (m.prohibitedNone) spec.push('    prohibitedPractice: none');
  if (m.documentation.length > 0) {
    spec.push('  documentation:', ...m.documentation.map(([doc, path]) => `    ${doc}: ${path}`));
  }
  if (m.approvals.length > 0) {
    spec.push('  approvals:', ...m.approvals.map((a) => `    - { role: ${a.role}, approver: ${a.approver}, date: ${a.date} }`));
  }
  if (m.lastReviewed) spec.push('  review:', `    lastReviewed: ${m.lastReviewed}`);
  if (m.metrics.length > 0) {
    spec.push('  monitoring:', '    metrics:', ...m.metrics.map((x) => `      - ${x}`), `    alertContact: ${m.owner}-oncall@example-corp.example`);
    if (m.dashboard) spec.push(`    dashboard: https://grafana.example-corp.example/d/${m.name}`);
  }
  if (m.incidentContact) spec.push(`  incidentContact: ${m.incidentContact}`);
  spec.push('  dates:', ...Object.entries(m.dates).map(([k, v]) => `    ${k}: ${v}`));
  if (m.reuses.length > 0) spec.push(`  reuses: [${m.reuses.join(', ')}]`);
  if (m.cost !== undefined) spec.push('  costs:', `    annualUsd: ${m.cost}`);
  if (m.incidents.length > 0) {
    spec.push('  incidents:');
    for (const incident of m.incidents) {
      spec.push(`    - date: ${incident.date}`, `      severity: ${incident.severity}`, '      summary: >-', ...wrap(incident.summary, '        '));
    }
  }

  const labels = r.sample(LABEL_POOL, r.int(0, 4)).map(([key, values]) => `    ${key}: ${r.pick(values)}`);
  if (r.chance(0.3)) labels.push(`    model-version: "${r.int(1, 6)}.${r.int(0, 9)}"`);
  if (labels.length > 0) labels.unshift('  labels:');
  const fixed = 7 + labels.length + spec.length; // header, apiVersion, kind, metadata, name, title, description key
  let room = r.int(40, 64) - fixed;

  // The description: what the model is first, then other facts, up to six lines for now.
  const [first, ...others] = DESCRIPTION_SENTENCES;
  const sentences = [first, ...r.sample(others, others.length)].map((s) => wrap(s(m), '    '));
  const description = [];
  const describe = (limit, overshoot) => {
    const fits = (next) => description.length + (overshoot ? 0 : next.length - 1) < limit;
    while (sentences.length > 0 && (description.length < 2 || fits(sentences[0]))) {
      description.push(...sentences.shift());
    }
  };
  describe(Math.min(room, 6));
  room -= description.length;
  // A change-history comment, as teams keep in real manifests, then more description if still short.
  const history = [];
  if (room >= 3) {
    const events = Object.entries(m.dates).map(([k, v]) => `#   ${v}  ${k.replace(/([A-Z])/g, ' $1').toLowerCase()}`);
    history.push('# Change history:', ...events, ...r.sample(HISTORY_NOTES, r.int(1, 4)).map((note) => `#   ${note}`));
    history.length = Math.min(history.length, room);
    room -= history.length;
  }
  describe(description.length + room, true);

  const lines = [
    MANIFEST_HEADER('model'),
    ...history,
    'apiVersion: ai-registry/v1',
    'kind: Model',
    'metadata:',
    `  name: ${m.name}`,
    `  title: ${m.area.title} ${m.task.title} ${m.index + 1}`,
    '  description: >-',
    ...description,
    ...labels,
    ...spec,
  ];
  if (m.finding === 'yaml-syntax') breakYaml(lines, m.index);
  return `${lines.join('\n')}\n`;
}

/** Two kinds of broken file real registries see: an unclosed flow sequence, a duplicate key. */
function breakYaml(lines, index) {
  const at = lines.findIndex((l) => l.startsWith('  lifecycle:'));
  if (index % 2 === 0) lines.splice(at, 0, '  reuses: [genai-gateway, mlops-platform');
  else lines.splice(at, 0, `  owner: ${lines.find((l) => l.startsWith('  owner:')).slice(9)}`);
}

// ---------------------------------------------------------------------------------------------
// Documents

function documentText(doc, subject, details, r, omitHeading) {
  const lines = [`# ${DOC_TITLES[doc]} — ${subject}`, ''];
  DOC_HEADINGS[doc].forEach((heading, h) => {
    if (h === omitHeading) return;
    lines.push(`## ${heading}`, '');
    for (const sentence of r.sample(DOC_SENTENCES, r.int(2, 4))) lines.push(...wrap(sentence(details), '', 96));
    lines.push('');
  });
  return lines.join('\n');
}

function modelDocuments(seed, model) {
  return model.writeDocs.map(({ doc, path, omitHeading }) => {
    const r = streamFor(seed, path, 0);
    const details = {
      subject: `${model.area.title} ${model.task.title} ${model.index + 1}`,
      stage: model.stage,
      owner: model.owner,
      quarter: `202${r.int(5, 6)}-Q${r.int(1, 4)}`,
    };
    return { path, content: documentText(doc, details.subject, details, r, omitHeading) };
  });
}

function sharedRunbooks(seed, team) {
  return ['incidentResponse', 'monitoringPlan'].map((doc) => {
    const path = `docs/runbooks/${team.name}-${DOC_FILES[doc]}.md`;
    const r = streamFor(seed, path, 0);
    const details = { subject: `models of ${team.title}`, stage: 'production', owner: team.name, quarter: '2026-Q3' };
    return { path, content: documentText(doc, details.subject, details, r) };
  });
}

// ---------------------------------------------------------------------------------------------
// Metrics, waivers, policy, README

function metricsManifests(seed) {
  const quarters = [];
  for (let year = 2025; year <= 2026; year++) for (let q = 1; q <= 4; q++) quarters.push(`${year}-Q${q}`);
  return quarters.map((period, k) => {
    const r = streamFor(seed, 'metrics', k);
    const name = `metrics-${period.toLowerCase()}`;
    return {
      path: `registry/metrics/${name}.yaml`,
      content: `${[
        MANIFEST_HEADER('metrics'),
        'apiVersion: ai-registry/v1',
        'kind: Metrics',
        'metadata:',
        `  name: ${name}`,
        `  title: CoE metrics, ${period.replace('-', ' ')}`,
        'spec:',
        `  period: ${period}`,
        `  platformUptimePercent: ${(99.5 + r.int(0, 49) / 100).toFixed(2)}`,
        `  trainingCompletions: ${120 + k * 25 + r.int(0, 40)}`,
        `  satisfactionScore: ${(6.8 + k * 0.15 + r.int(0, 3) / 10).toFixed(1)}`,
        `  supportTickets: ${220 - k * 10 + r.int(0, 30)}`,
      ].join('\n')}\n`,
    };
  });
}

function waiverManifest(seed, target, approver, k) {
  const r = streamFor(seed, 'waiver', k);
  const approvedOn = r.int(5, 40);
  const name = `${target.name}-${target.finding}-waiver`.slice(0, 63).replace(/-+$/, '');
  return {
    path: `registry/waivers/${name}.yaml`,
    content: `${[
      MANIFEST_HEADER('waiver'),
      'apiVersion: ai-registry/v1',
      'kind: Waiver',
      'metadata:',
      `  name: ${name}`,
      `  title: Temporary exception for ${target.name}`,
      'spec:',
      `  rule: ${target.finding}`,
      `  target: ${target.name}`,
      '  justification: >-',
      ...wrap('Agreed at the CoE governance forum: the work is scheduled with the next release of the model, monitoring has stayed within thresholds, and doing it twice would add no assurance.', '    '),
      `  approvedBy: ${approver}`,
      `  approvedOn: ${daysAgo(approvedOn)}`,
      `  expires: ${daysAgo(approvedOn - 60)}`,
    ].join('\n')}\n`,
  };
}

const POLICY = `# yaml-language-server: $schema=../schemas/policy.schema.json
# Synthetic organisation for the ai-registry benchmark: the defaults plus monitoring plans.
apiVersion: ai-registry/v1
kind: Policy
metadata:
  name: policy
  title: Benchmark governance policy
spec:
  tiers:
    tier2:
      documents:
        monitoringPlan: { from: production, effectiveFrom: 2027-03-01 }
    tier3:
      documents:
        monitoringPlan: production
`;

const README = `# Example Corp AI registry (synthetic)

Generated by \`scripts/bench/generate.mjs\` for the ai-registry benchmark.

<!-- ai-registry:dashboard:start -->
<!-- ai-registry:dashboard:end -->
`;

// ---------------------------------------------------------------------------------------------
// The repository

/**
 * Every file of the synthetic repository as `{ path, content }`, repo-relative, in a fixed
 * order. The generator's return value (after the last file) is the summary: counts, the
 * manifest files, model line counts and the planned findings.
 */
export function* repositoryFiles({ models = 10000, seed = DEFAULT_SEED } = {}) {
  if (!Number.isInteger(models) || models < 1) throw new RangeError(`models must be a positive whole number, not ${models}`);
  const size = sizes(models);
  const teams = makeTeams(seed, size.teams);
  const productTeams = teams.slice(3);
  const projects = makeProjects(seed, size.projects, productTeams);
  const components = makeComponents(seed, size.components, teams);
  const brokenCount = Math.max(1, Math.min(5, Math.round(models / 5000)));
  const broken = new Set(Array.from({ length: brokenCount }, (_, b) => Math.floor(((b + 0.5) * models) / brokenCount)));
  const ctx = {
    projects, productTeams, components, broken,
    teamsByName: new Map(teams.map((t) => [t.name, t])),
    roleHolders: new Map(teams.slice(0, 3).map((t) => [t.roles[0], t.members])),
    indexWidth: Math.max(5, String(models).length),
  };
  const summary = {
    asOf: AS_OF, seed, models, teams: teams.length, projects: projects.length, components: components.length,
    metrics: 8, waivers: 0, documents: 0, files: 0, bytes: 0, manifestFiles: [],
    modelLines: { min: Infinity, max: 0, mean: 0 }, plannedFindings: {}, modelsWithFindings: 0,
  };
  const emit = (file) => {
    summary.files += 1;
    summary.bytes += Buffer.byteLength(file.content);
    if (file.path.startsWith('registry/')) summary.manifestFiles.push(file.path);
    else if (file.path.startsWith('docs/')) summary.documents += 1;
    return file;
  };

  yield emit({ path: 'README.md', content: README });
  yield emit({ path: 'registry/policy.yaml', content: POLICY });
  for (const team of teams) {
    yield emit({ path: `registry/teams/${team.name}.yaml`, content: teamManifest(team) });
    if (team.index >= 3) for (const file of sharedRunbooks(seed, team)) yield emit(file);
  }
  for (const project of projects) yield emit({ path: `registry/projects/${project.name}.yaml`, content: projectManifest(project) });
  for (const component of components) yield emit({ path: `registry/components/${component.name}.yaml`, content: componentManifest(component) });

  const waiverTargets = [];
  const waiverCount = Math.max(2, Math.min(20, Math.floor(models / 500)));
  let lineTotal = 0;
  for (let i = 0; i < models; i++) {
    const { model, text } = makeModel(seed, i, ctx);
    const lineCount = text.split('\n').length - 1;
    summary.modelLines.min = Math.min(summary.modelLines.min, lineCount);
    summary.modelLines.max = Math.max(summary.modelLines.max, lineCount);
    lineTotal += lineCount;
    if (model.finding) {
      summary.plannedFindings[model.finding] = (summary.plannedFindings[model.finding] ?? 0) + 1;
      summary.modelsWithFindings += 1;
      if (WAIVABLE.has(model.finding) && waiverTargets.length < waiverCount) waiverTargets.push(model);
    }
    yield emit({ path: `registry/models/${model.name}.yaml`, content: text });
    for (const file of modelDocuments(seed, model)) yield emit(file);
  }
  summary.modelLines.mean = Math.round((lineTotal / models) * 10) / 10;

  for (const file of metricsManifests(seed)) yield emit(file);
  const coeMembers = teams[0].members;
  for (const [k, target] of waiverTargets.entries()) {
    summary.waivers += 1;
    yield emit(waiverManifest(seed, target, coeMembers[k % coeMembers.length], k));
  }
  summary.manifestFiles.sort();
  return summary;
}

/** Writes the repository into `dir` (created if needed) and returns the generator's summary. */
export function writeRepository(dir, options = {}) {
  const made = new Set();
  const files = repositoryFiles(options);
  for (;;) {
    const step = files.next();
    if (step.done) return step.value;
    const target = join(dir, step.value.path);
    const folder = dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(target, step.value.content);
  }
}
