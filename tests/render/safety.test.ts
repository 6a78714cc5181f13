import { marked } from 'marked';
import type { Manifest } from '../../src/model/manifest.js';
import { renderDashboard } from '../../src/render/dashboard.js';
import { renderInventory } from '../../src/render/inventory.js';
import { DASHBOARD_END, DASHBOARD_START } from '../../src/render/markers.js';
import { allTokens, expectWellFormed, finding, metrics, model, project, resultOf, tablesOf, team } from './fixtures.js';

const AS_OF = '2026-11-24';
const EVIL_TITLE = 'Evil | <script>alert(1)</script> @everyone [x](javascript:alert(1)) <!-- ai-registry:dashboard:end -->';
const EVIL_UNIT = 'Claims\n| forged | row | 1 | 2 | 3 | 4 | 5 |\n## Forged heading <img src=x onerror=alert(1)>';
const EVIL_FILE = 'registry/models/evil) [x](javascript:alert(1).yaml';

/** Manifest text written by someone hostile: titles, business units, names, owners and a file name. */
function hostileRegistry(): Manifest[] {
  return [
    team('evil-team', EVIL_UNIT),
    team('pipes', 'Ops | <b>bold</b> `code` *em* _u_ ~~s~~ $x$'),
    project('evil-project', 'evil-team', { businessUnit: `${EVIL_UNIT} ${DASHBOARD_START}` }),
    project('plain', 'pipes'),
    model('evil', { project: 'evil-project', owner: 'evil-team', lifecycle: 'production' }, { title: EVIL_TITLE, file: EVIL_FILE }),
    model('also-evil', { project: 'plain', owner: 'pipes', lifecycle: 'pilot' }, { title: '- [ ] 1. # > @org/team #123 https://evil.example www.evil.example' }),
    // A schema-invalid manifest: its name and owner can be any text.
    model('x](javascript:alert(1)) <img src=x onerror=alert(1)>', { project: 'plain', owner: '@everyone <script>' }, { valid: false, title: EVIL_TITLE }),
    metrics('q4', { period: '2026-Q4', trainingCompletions: 3 }),
  ];
}

describe('manifest text cannot break or inject into the rendered markdown', () => {
  const manifests = hostileRegistry();
  const result = resultOf(manifests, AS_OF, [finding(manifests[6]!, 'schema')]);
  const documents = { dashboard: renderDashboard(result), inventory: renderInventory(result) };

  it.each(Object.entries(documents))('%s: tables keep their shape, no HTML, no link out, no marker', (_name, markdown) => {
    expectWellFormed(markdown);
    expect(markdown).not.toContain(DASHBOARD_END);
    expect(markdown).not.toContain(DASHBOARD_START);
    expect(markdown).not.toContain('<script>');
    expect(markdown).not.toMatch(/@(everyone|org\/team)/);
    expect(markdown).not.toMatch(/^## Forged/m);
  });

  it('keeps one inventory row per model and every header where it belongs', () => {
    const markdown = documents.inventory;
    const modelTables = tablesOf(markdown).slice(1);
    expect(modelTables.flatMap((t) => t.rows)).toHaveLength(3);
    expect(markdown.split('\n').filter((line) => line.startsWith('#'))).toHaveLength(1 + modelTables.length);
  });

  it('shows the hostile text as text', () => {
    const html = marked.parse(documents.inventory, { gfm: true, async: false });
    expect(html).toContain('Evil | &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;!-- ai-registry:dashboard:end --&gt;');
  });

  it('links manifests only to their percent-encoded file', () => {
    const hrefs = allTokens(documents.inventory)
      .filter((t) => t.type === 'link')
      .map((t) => (t as { href: string }).href)
      .filter((href) => !href.startsWith('#'));
    expect(hrefs).toEqual([
      'README.md',
      // The section of the business unit with a line break (Claims…) comes first.
      'registry/models/evil%29%20%5Bx%5D%28javascript%3Aalert%281%29.yaml',
      'registry/models/also-evil.yaml',
      `registry/models/${encodeURIComponent('x](javascript:alert(1)) <img src=x onerror=alert(1)>').replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'))}.yaml`,
    ]);
  });

  it('keeps business units with line breaks and pipes in one adoption row each', () => {
    const adoption = tablesOf(documents.dashboard)[1]!;
    expect(adoption.rows).toHaveLength(3);
    expect(adoption.rows.map((row) => row[0]!.text)).toEqual([
      // The parser's cell text drops the backslash of an escaped pipe.
      expect.stringMatching(/^Claims \| forged \| row .* Forged heading &lt;img/),
      expect.stringMatching(/^Ops \| &lt;b&gt;bold/),
      '**All**',
    ]);
  });
});

describe('scale', () => {
  /** 10,000 models in 25 business units, 10 % with findings. */
  function largeRegistry(): { manifests: Manifest[]; findings: ReturnType<typeof finding>[] } {
    const manifests: Manifest[] = [];
    const findings: ReturnType<typeof finding>[] = [];
    const stages = ['idea', 'experiment', 'pilot', 'production', 'production', 'retired'] as const;
    for (let t = 0; t < 50; t++) {
      manifests.push(team(`team-${t}`, `Business unit ${t % 25}`), project(`project-${t}`, `team-${t}`, { value: { annualSavingsUsd: 100_000 * t } }));
    }
    for (let i = 0; i < 10_000; i++) {
      const lifecycle = stages[i % stages.length]!;
      const m = model(`model-${String(i).padStart(5, '0')}`, {
        project: `project-${i % 50}`,
        owner: `team-${i % 50}`,
        lifecycle,
        tier: ((i % 3) + 1) as 1 | 2 | 3,
        dates: { ideated: '2024-01-01', experimentStarted: '2024-03-01', pilotStarted: '2024-09-01', productionSince: `2025-${String((i % 12) + 1).padStart(2, '0')}-01`, ...(lifecycle === 'retired' ? { retiredOn: '2026-06-01' } : {}) },
        reuses: i % 2 === 0 ? ['shared'] : [],
        costs: { annualUsd: 1000 + i },
      });
      manifests.push(m);
      if (i % 10 === 0) findings.push(finding(m, i % 20 === 0 ? 'review-overdue' : 'stale-experiment', i % 20 === 0 ? 'error' : 'warning'));
    }
    return { manifests, findings };
  }

  // Speed is measured by `npm run bench`, never by a timed test; this checks the output at scale.
  it('renders 10,000 models: every model in the inventory, the figures in the dashboard', () => {
    const { manifests, findings } = largeRegistry();
    const result = resultOf(manifests, AS_OF, findings);
    const rendered = { dashboard: renderDashboard(result), inventory: renderInventory(result) };
    expect(tablesOf(rendered.inventory).slice(1).flatMap((t) => t.rows)).toHaveLength(10_000);
    expect(rendered.dashboard).toContain('**Needs attention** — 500 blocking models');
  });
});
