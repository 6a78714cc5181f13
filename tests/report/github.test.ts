/**
 * GitHub workflow commands: escaped exactly as @actions/core escapes them, so that text from a
 * manifest can never start a command of its own; errors first, within GitHub's limits.
 */
import * as core from '@actions/core';
import { jest } from '@jest/globals';
import type { Finding, Severity } from '../../src/model/finding.js';
import { annotation, escapeData, escapeProperty, github, githubAnnotations } from '../../src/report/github.js';
import { finding, lintRepo, MIXED_REPO, resultOf } from './results.js';

/** How the runner reads a line: a command only at the very start, `::name props::data`. */
function parseCommand(line: string): { command: string; properties: Record<string, string>; data: string } | undefined {
  const match = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/s.exec(line);
  if (!match) return undefined;
  const properties = Object.fromEntries((match[2] ?? '').split(',').filter(Boolean).map((p) => {
    const at = p.indexOf('=');
    return [p.slice(0, at), unescape(p.slice(at + 1))];
  }));
  return { command: match[1]!, properties, data: unescape(match[3]!) };
}

/** The runner's unescaping (the reverse of @actions/core's). */
function unescape(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
}

describe('escaping, as @actions/core does', () => {
  it.each([
    ['plain text', 'plain text', 'plain text'],
    ['100% done', '100%25 done', '100%25 done'],
    ['a\nb', 'a%0Ab', 'a%0Ab'],
    ['a\r\nb', 'a%0D%0Ab', 'a%0D%0Ab'],
    ['key: value, more', 'key: value, more', 'key%3A value%2C more'],
    ['%0A already', '%250A already', '%250A already'],
    ['C:\\path', 'C:\\path', 'C%3A\\path'],
  ])('%j', (input, data, property) => {
    expect(escapeData(input)).toBe(data);
    expect(escapeProperty(input)).toBe(property);
    expect(unescape(escapeData(input))).toBe(input);
    expect(unescape(escapeProperty(input))).toBe(input);
  });
});

describe('the same bytes as @actions/core', () => {
  const texts = ['plain', '50% off', 'a\nb\r\nc', 'x: y, z', '%0A::set-output name=a::b', 'ünïcödé — ✓'];
  it.each(texts)('%j', (text) => {
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      core.error(text, { title: text, file: text });
      expect(write.mock.calls.map((call) => String(call[0]))).toEqual([`::error title=${escapeProperty(text)},file=${escapeProperty(text)}::${escapeData(text)}\n`]);
    } finally {
      write.mockRestore();
    }
  });
});

describe('injection from manifest text is inert', () => {
  const attacks: [string, string][] = [
    ['a newline then a command', 'bad owner\n::set-output name=errors::0'],
    ['a carriage return then a command', 'bad owner\r::add-mask::secret'],
    ['a pre-escaped newline', 'bad owner%0A::error file=x.yaml::forged'],
    ['stop-commands', 'x\n::stop-commands::token'],
    ['a second data separator', 'data :: with ::error:: inside'],
  ];
  it.each(attacks)('%s, in the message', (_, message) => {
    const line = annotation(finding({ message }));
    expect(line).not.toMatch(/[\r\n]/);
    const parsed = parseCommand(line)!;
    expect(parsed.command).toBe('error');
    expect(parsed.data).toBe(message);
  });
  it.each(attacks)('%s, in the file name and rule id', (_, text) => {
    const line = annotation(finding({ file: `registry/models/${text}.yaml`, ruleId: text, message: 'm' }));
    expect(line).not.toMatch(/[\r\n]/);
    const parsed = parseCommand(line)!;
    expect(parsed.properties).toEqual({ file: `registry/models/${text}.yaml`, line: '1', col: '1', title: text });
    expect(parsed.data).toBe('m');
  });
});

describe('github formatter', () => {
  it('one command per finding, at its file, line and column, titled by its rule', async () => {
    const result = await lintRepo(MIXED_REPO);
    const lines = github(result, { color: false }).trimEnd().split('\n');
    expect(lines).toHaveLength(result.findings.length);
    expect(lines).toContain(
      '::error file=registry/models/claims-triage.yaml,line=10,col=9,title=tier-underdeclared::tier 2 declared, but this model is tier 3: decisions: autonomous; raise spec.tier to 3, or waive with a CoE decision',
    );
    expect(lines.filter((l) => l.startsWith('::warning '))).toHaveLength(result.summary.warnings);
    const notice = lines.filter((l) => l.startsWith('::notice '));
    expect(notice).toHaveLength(1);
    expect(notice[0]).toContain('file=registry/models/doc-summarizer.yaml,line=10,col=9,title=tier-underdeclared::');
    expect(notice[0]).toContain('(waived by doc-summarizer-tier');
  });

  it('emits every finding, errors first', () => {
    const findings = [
      ...many('notice', 15, 'a.yaml'),
      ...many('warning', 15, 'b.yaml'),
      ...many('error', 60, 'c.yaml'),
    ];
    const lines = github(resultOf(findings), { color: false }).trimEnd().split('\n');
    expect(lines).toHaveLength(90);
    expect(lines.slice(0, 60).every((l) => l.startsWith('::error '))).toBe(true);
    expect(lines.slice(60, 75).every((l) => l.startsWith('::warning '))).toBe(true);
  });

  it('prints nothing for a clean registry', () => {
    expect(github(resultOf([]), { color: false })).toBe('');
  });
});

describe('githubAnnotations', () => {
  it("keeps GitHub's limits by default: 10 errors, 10 warnings, 10 notices, errors first", () => {
    const findings = [...many('warning', 12, 'a.yaml'), ...many('notice', 12, 'b.yaml'), ...many('error', 12, 'c.yaml')];
    const { lines, omitted } = githubAnnotations(findings);
    expect(lines.map((l) => l.slice(2, l.indexOf(' ')))).toEqual([...repeat('error', 10), ...repeat('warning', 10), ...repeat('notice', 10)]);
    expect(omitted).toBe(6);
  });

  it('keeps report order within a severity: the first findings are the ones shown', () => {
    const { lines } = githubAnnotations(many('error', 12, 'c.yaml'));
    expect(lines.map((l) => /line=(\d+)/.exec(l)![1])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
  });

  it('the total cap applies after the severity caps, least severe cut first', () => {
    const findings = [...many('error', 30, 'a.yaml'), ...many('warning', 30, 'b.yaml'), ...many('notice', 30, 'c.yaml')];
    const { lines, omitted } = githubAnnotations(findings, { error: 20, warning: 20, notice: 20, total: 50 });
    expect(lines.filter((l) => l.startsWith('::error '))).toHaveLength(20);
    expect(lines.filter((l) => l.startsWith('::warning '))).toHaveLength(20);
    expect(lines.filter((l) => l.startsWith('::notice '))).toHaveLength(10);
    expect(omitted).toBe(40);
  });

  it('nothing omitted when everything fits', () => {
    expect(githubAnnotations(many('error', 3, 'a.yaml'))).toEqual({ lines: expect.any(Array), omitted: 0 });
    expect(githubAnnotations([])).toEqual({ lines: [], omitted: 0 });
  });
});

function many(severity: Severity, count: number, file: string): Finding[] {
  return Array.from({ length: count }, (_, i) => finding({ severity, file, line: i + 1, message: `${severity} ${i + 1}` }));
}

function repeat<T>(value: T, count: number): T[] {
  return Array.from({ length: count }, () => value);
}
