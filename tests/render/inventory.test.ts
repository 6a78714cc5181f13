import { join } from 'node:path';
import { lint } from '../../src/engine.js';
import { complianceText, encodePath, renderInventory } from '../../src/render/inventory.js';
import { PROJECT_ROOT } from '../helpers/cli.js';
import { allTokens, expectGolden, expectWellFormed, finding, model, project, resultOf, tablesOf, team } from './fixtures.js';

const AS_OF = '2026-11-24';

describe('renderInventory: scenarios', () => {
  it('renders the small scenario', async () => {
    const result = await lint({ root: join(PROJECT_ROOT, 'tests/scenarios/small'), registryDir: 'registry', asOf: AS_OF });
    const markdown = renderInventory(result);
    expectWellFormed(markdown);
    expectGolden('small.inventory.md', markdown);
  });

  it('renders the example organisation (Northwind Mutual)', async () => {
    const result = await lint({ root: PROJECT_ROOT, registryDir: 'registry', asOf: AS_OF });
    const markdown = renderInventory(result, { readmeLink: 'README.md' });
    expectWellFormed(markdown);
    // Every model, once.
    const rows = tablesOf(markdown).slice(1).flatMap((t) => t.rows);
    expect(rows).toHaveLength(result.registry.all('Model').length);
    expectGolden('example.inventory.md', markdown);
  });
});

describe('renderInventory', () => {
  const claims = team('claims', 'Claims');
  const ops = team('ops', 'Operations');
  const underdeclared = model('b-scorer', {
    project: 'fraud',
    owner: 'claims',
    lifecycle: 'production',
    tier: 2,
    risk: { audience: 'internal', decisions: 'autonomous', personalData: 'none', regulatedDomain: 'none', significantImpact: false },
    review: { lastReviewed: '2026-05-01' },
  }, { title: 'Fraud scorer' });
  const warned = model('a-triage', { project: 'fraud', owner: 'claims', lifecycle: 'pilot' });
  const clean = model('ops-bot', { project: 'aiops', owner: 'ops', lifecycle: 'idea' });
  const broken = model('broken', { project: 'nowhere', owner: 'nobody', lifecycle: 'launched' as never }, { valid: false });
  const manifests = [claims, ops, project('fraud', 'claims'), project('aiops', 'ops'), underdeclared, warned, clean, broken];
  const findings = [finding(underdeclared, 'tier-underdeclared'), finding(underdeclared, 'doc-missing', 'warning'), finding(warned, 'doc-missing', 'warning'), finding(broken, 'schema')];

  it('has a title, the as-of date, totals and a contents table linking each section', () => {
    const markdown = renderInventory(resultOf(manifests, AS_OF, findings), { readmeLink: '../README.md' });
    const lines = markdown.split('\n');
    expect(lines[0]).toBe('# AI model inventory');
    expect(lines[2]).toBe('As of 2026-11-24 · **4 models** in 3 business units · 1 in production · 1 compliant · 1 with warnings · 2 blocking');
    expect(markdown).toContain('[← Dashboard](../README.md)');
    const [contents] = tablesOf(markdown);
    expect(contents!.rows.map((row) => row.map((c) => c.text))).toEqual([
      ['[Claims](#claims)', '2', '1', '0'],
      ['[Operations](#operations)', '1', '0', '1'],
      ['[*No business unit*](#no-business-unit)', '1', '0', '0'],
    ]);
    expect(lines.filter((line) => line.startsWith('## '))).toEqual(['## Claims', '## Operations', '## *No business unit*']);
  });

  it('lists each model sorted by name, linked to its manifest, with held tier and compliance', () => {
    const markdown = renderInventory(resultOf(manifests, AS_OF, findings));
    const claimsTable = tablesOf(markdown)[1]!;
    expect(claimsTable.header.map((c) => c.text)).toEqual(['Model', 'Title', 'Owner', 'Tier', 'Lifecycle', 'Last review', 'Compliance']);
    expect(claimsTable.rows.map((row) => row.map((c) => c.text))).toEqual([
      ['[a-triage](registry/models/a-triage.yaml)', '—', 'claims', '1', 'pilot', '—', '⚠️ 1'],
      ['[b-scorer](registry/models/b-scorer.yaml)', 'Fraud scorer', 'claims', '3 (declared 2)', 'production', '2026-05-01', '❌ 1 · ⚠️ 1'],
    ]);
    const brokenRow = tablesOf(markdown)[3]!.rows[0]!.map((c) => c.text);
    expect(brokenRow).toEqual(['[broken](registry/models/broken.yaml)', '—', 'nobody', '—', '—', '—', '❌ 1']);
  });

  it('prefixes manifest links with the way back to the root', () => {
    const markdown = renderInventory(resultOf(manifests, AS_OF), { rootLink: '../' });
    expect(markdown).toContain('[ops-bot](../registry/models/ops-bot.yaml)');
  });

  it('numbers repeated anchors like GitHub', () => {
    const markdown = renderInventory(resultOf([team('t1', 'AI model inventory'), team('t2', 'Ops & Data'), model('m1', { owner: 't1', project: 'x' }), model('m2', { owner: 't2', project: 'x' })], AS_OF));
    const links = allTokens(tablesOf(markdown)[0]!.raw).filter((t) => t.type === 'link').map((t) => (t as { href: string }).href);
    expect(links).toEqual(['#ai-model-inventory-1', '#ops--data']);
  });

  it('says so when there is no model', () => {
    const markdown = renderInventory(resultOf([], AS_OF));
    expectWellFormed(markdown);
    expect(markdown).toContain('No models are registered yet.');
  });

  it('writes compliance as ✅, ⚠️ n, ❌ n', () => {
    expect(complianceText({ errors: 0, warnings: 0 })).toBe('✅');
    expect(complianceText({ errors: 0, warnings: 2 })).toBe('⚠️ 2');
    expect(complianceText({ errors: 1, warnings: 0 })).toBe('❌ 1');
    expect(complianceText({ errors: 1234, warnings: 3 })).toBe('❌ 1,234 · ⚠️ 3');
  });

  it('percent-encodes each path segment of a link, parentheses included', () => {
    expect(encodePath('registry/models/a b.yaml')).toBe('registry/models/a%20b.yaml');
    expect(encodePath('registry/x) [y](javascript:alert(1).yaml')).toBe('registry/x%29%20%5By%5D%28javascript%3Aalert%281%29.yaml');
  });

  it('is byte-identical whatever the manifest order', () => {
    const forward = renderInventory(resultOf(manifests, AS_OF, findings));
    expect(renderInventory(resultOf([...manifests].reverse(), AS_OF, [...findings].reverse()))).toBe(forward);
  });
});
