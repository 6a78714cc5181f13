import { join } from 'node:path';
import { lint } from '../../src/engine.js';
import type { Manifest } from '../../src/model/manifest.js';
import { bar, renderDashboard } from '../../src/render/dashboard.js';
import { PROJECT_ROOT } from '../helpers/cli.js';
import { expectGolden, expectWellFormed, finding, metrics, model, project, resultOf, tablesOf, team } from './fixtures.js';

const AS_OF = '2026-11-24';

describe('renderDashboard: scenarios', () => {
  it('renders the small scenario', async () => {
    const result = await lint({ root: join(PROJECT_ROOT, 'tests/scenarios/small'), registryDir: 'registry', asOf: AS_OF });
    const markdown = renderDashboard(result);
    expectWellFormed(markdown);
    expectGolden('small.dashboard.md', markdown);
  });

  it('renders the example organisation (Northwind Mutual)', async () => {
    const result = await lint({ root: PROJECT_ROOT, registryDir: 'registry', asOf: AS_OF });
    const markdown = renderDashboard(result, { inventoryLink: 'INVENTORY.md' });
    expectWellFormed(markdown);
    expectGolden('example.dashboard.md', markdown);
  });
});

describe('renderDashboard', () => {
  const portfolio = [
    team('claims', 'Claims'),
    team('ops', 'Operations'),
    project('fraud', 'claims', { value: { annualRevenueUsd: 10_000_000, annualSavingsUsd: 2_400_000 } }),
    project('aiops', 'ops'),
    model('scorer', { project: 'fraud', owner: 'claims', lifecycle: 'production', tier: 3, dates: { ideated: '2025-01-01', productionSince: '2025-02-02' } }),
    model('triage', { project: 'fraud', owner: 'claims', lifecycle: 'production', dates: { ideated: '2026-07-02', productionSince: '2026-10-02' } }),
    model('summary', { project: 'aiops', owner: 'ops', lifecycle: 'experiment', dates: { experimentStarted: '2026-01-01' } }),
    metrics('q3', { period: '2026-Q3', platformUptimePercent: 99.61, trainingCompletions: 300 }),
    metrics('q4', { period: '2026-Q4', platformUptimePercent: 99.7, trainingCompletions: 340 }),
  ];

  it('leads with the as-of header, the CoE panel and the needs-attention line', () => {
    const markdown = renderDashboard(resultOf(portfolio, AS_OF));
    const lines = markdown.split('\n');
    expect(lines[0]).toBe('## AI portfolio — as of 2026-11-24');
    const [panel] = tablesOf(markdown);
    expect(panel!.rows.map((row) => [row[0]!.text, row[2]!.text])).toEqual([
      ['Models in production', '**2** (+1 QoQ)'],
      ['Teams using AI', '**2** (±0 QoQ)'],
      ['Avg. time idea → production', '**62 days** (+30 days QoQ)'],
      ['Platform uptime (2026-Q4)', '**99.7%** (+0.09 pp QoQ)'],
      ['Training completions (2026-Q4)', '**340** (+40 QoQ)'],
      ['Estimated annual value', '**$12.4M** (±$0 QoQ)'],
    ]);
    const attention = lines.findIndex((line) => line.startsWith('**Needs attention**'));
    expect(attention).toBeGreaterThan(lines.findIndex((line) => line.startsWith('| Estimated annual value')));
    expect(lines[attention]).toBe('**Needs attention** — nothing: every manifest passes, no review overdue, no waiver about to expire, no stale experiment');
  });

  it('lists what needs attention with counts', () => {
    const result = resultOf(portfolio, AS_OF, [
      finding(portfolio[4]!, 'review-overdue'),
      finding(portfolio[6]!, 'stale-experiment', 'warning'),
      finding(portfolio[0]!, 'schema'),
    ]);
    expect(renderDashboard(result)).toContain(
      '**Needs attention** — 1 blocking model · 1 other file with errors · 1 review overdue · 0 waivers expire within 30 days · 1 stale experiment',
    );
  });

  it('shows compliance by held tier, tier 1 as self-service with its warnings', () => {
    const result = resultOf(portfolio, AS_OF, [finding(portfolio[6]!, 'doc-missing', 'warning'), finding(portfolio[6]!, 'monitoring-missing', 'warning')]);
    expect(renderDashboard(result)).toContain('**Compliance** (models not retired) — tier 3: 1 of 1 compliant · tier 2: no models · tier 1 (self-service): 1 of 2 compliant, 2 warnings');
  });

  it('draws a Mermaid pie by tier and a bar chart of production per quarter', () => {
    const markdown = renderDashboard(resultOf(portfolio, AS_OF));
    expect(markdown).toContain('```mermaid\npie title Models by risk tier (not retired)\n  "Tier 1" : 2\n  "Tier 3" : 1\n```');
    expect(markdown).toContain('  x-axis ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]\n  y-axis "Models" 0 --> 2\n  bar [1, 1, 1, 1, 1, 1, 1, 2]');
  });

  it('tabulates adoption by business unit with a total row', () => {
    const adoption = tablesOf(renderDashboard(resultOf(portfolio, AS_OF)))[1]!;
    expect(adoption.header.map((c) => c.text)).toEqual(['Business unit', 'Ideas', 'Experiments', 'Pilots', 'Production', 'Retired', 'Total']);
    expect(adoption.align).toEqual(['left', 'right', 'right', 'right', 'right', 'right', 'right']);
    expect(adoption.rows.map((row) => row.map((c) => c.text))).toEqual([
      ['Claims', '0', '0', '0', '2', '0', '2'],
      ['Operations', '0', '1', '0', '0', '0', '1'],
      ['**All**', '**0**', '**1**', '**0**', '**2**', '**0**', '**3**'],
    ]);
  });

  it('folds the smallest business units into one row beyond 15', () => {
    // Unit 00 has 1 model, unit 19 has 20: the 14 largest keep a row.
    const manifests: Manifest[] = [];
    for (let i = 0; i < 20; i++) {
      const name = `unit-${String(i).padStart(2, '0')}`;
      manifests.push(team(name, `Unit ${String(i).padStart(2, '0')}`), project(`p-${name}`, name));
      for (let j = 0; j <= i; j++) manifests.push(model(`m-${i}-${j}`, { project: `p-${name}`, owner: name }));
    }
    const adoption = tablesOf(renderDashboard(resultOf(manifests, AS_OF)))[1]!;
    const labels = adoption.rows.map((row) => row[0]!.text);
    expect(labels).toHaveLength(16);
    expect(labels[0]).toBe('Unit 06');
    expect(labels[13]).toBe('Unit 19');
    expect(labels[14]).toBe('6 other business units (see the inventory)');
    expect(adoption.rows[14]!.map((c) => c.text).at(-1)).toBe(String(1 + 2 + 3 + 4 + 5 + 6));
  });

  it('states efficiency, quality and risk with their definitions', () => {
    const markdown = renderDashboard(resultOf(portfolio, AS_OF));
    expect(markdown).toContain('- **Idea → production:** median 62 days, average 62 days (2 models with both dates)');
    expect(markdown).toContain('- **Reuse:** 0% of production models build on a shared component (0 of 2)');
    expect(markdown).toContain('- **Incidents:** 0 per production model in 2026-Q3 (0 incidents, 1 model in production at quarter end)');
    expect(markdown).toContain('- **Science-project ratio:** 0.5 ideas and experiments per production model ✅ (healthy below 2)');
  });

  it('links the inventory where the options say', () => {
    expect(renderDashboard(resultOf(portfolio, AS_OF))).toContain('[Full inventory →](INVENTORY.md)');
    expect(renderDashboard(resultOf(portfolio, AS_OF), { inventoryLink: 'docs/INVENTORY.md' })).toContain('[Full inventory →](docs/INVENTORY.md)');
  });

  it('shows — for what an empty registry cannot tell, never NaN', () => {
    const markdown = renderDashboard(resultOf([], AS_OF));
    expectWellFormed(markdown);
    const [panel] = tablesOf(markdown);
    expect(panel!.rows.map((row) => row[2]!.text)).toEqual(['**0**', '**0**', '**—**', '**—** (no Metrics yet)', '**—** (no Metrics yet)', '**$0**']);
    expect(markdown).not.toContain('```mermaid');
    expect(markdown).toContain('- **Reuse:** — (no model in production)');
  });

  it('scales bars and clamps them', () => {
    expect(bar(0.5)).toBe(`\`${'█'.repeat(10)}${'░'.repeat(10)}\``);
    expect(bar(undefined)).toBe(`\`${'░'.repeat(20)}\``);
    expect(bar(1.7)).toBe(`\`${'█'.repeat(20)}\``);
    expect(bar(-1)).toBe(`\`${'░'.repeat(20)}\``);
  });

  it('is byte-identical whatever the manifest order', () => {
    const forward = renderDashboard(resultOf(portfolio, AS_OF));
    expect(renderDashboard(resultOf([...portfolio].reverse(), AS_OF))).toBe(forward);
  });
});
