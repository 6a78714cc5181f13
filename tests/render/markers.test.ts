import fc from 'fast-check';
import {
  DASHBOARD_END,
  DASHBOARD_MARKERS,
  DASHBOARD_START,
  readBetweenMarkers,
  recordedAsOf,
  spliceBetweenMarkers,
  stampAsOf,
} from '../../src/render/markers.js';

const splice = (document: string, content: string) => spliceBetweenMarkers(document, content, DASHBOARD_MARKERS, 'README.md');

function text(result: ReturnType<typeof splice>): string {
  if (!result.ok) throw new Error(`expected ok, got: ${result.problem}`);
  return result.text;
}

function problem(result: ReturnType<typeof splice>): string {
  if (result.ok) throw new Error('expected a problem');
  return result.problem;
}

describe('spliceBetweenMarkers', () => {
  const before = '# Acme\n\nIntro  \n\n';
  const after = '\n## Contributing\n\nTrailing text without newline';

  it('replaces only what lies between the markers', () => {
    const document = `${before}${DASHBOARD_START}\nold dashboard\nmore old\n${DASHBOARD_END}${after}`;
    expect(text(splice(document, '## New\n\n| a |\n'))).toBe(`${before}${DASHBOARD_START}\n## New\n\n| a |\n${DASHBOARD_END}${after}`);
  });

  it('fills empty markers and empties filled ones', () => {
    const empty = `${DASHBOARD_START}\n${DASHBOARD_END}\n`;
    expect(text(splice(empty, 'x'))).toBe(`${DASHBOARD_START}\nx\n${DASHBOARD_END}\n`);
    expect(text(splice(`${DASHBOARD_START}\nx\n${DASHBOARD_END}\n`, ''))).toBe(empty);
  });

  it('writes the block with CRLF in a CRLF document and leaves the rest byte-identical', () => {
    const document = `# Acme\r\n\r\n${DASHBOARD_START}\r\nold\r\n${DASHBOARD_END}\r\nend\r\n`;
    expect(text(splice(document, 'a\nb\r\nc\n'))).toBe(`# Acme\r\n\r\n${DASHBOARD_START}\r\na\r\nb\r\nc\r\n${DASHBOARD_END}\r\nend\r\n`);
  });

  it('accepts markers indented up to three spaces and with trailing blanks, as Markdown does', () => {
    const document = `   ${DASHBOARD_START}  \nold\n${DASHBOARD_END}\t\n`;
    expect(text(splice(document, 'new'))).toBe(`   ${DASHBOARD_START}  \nnew\n${DASHBOARD_END}\t\n`);
  });

  it('finds a start marker on the first line after a byte order mark', () => {
    expect(text(splice(`\uFEFF${DASHBOARD_START}\n${DASHBOARD_END}`, 'x'))).toBe(`\uFEFF${DASHBOARD_START}\nx\n${DASHBOARD_END}`);
  });

  it('is idempotent', () => {
    const once = text(splice(`a\n${DASHBOARD_START}\n${DASHBOARD_END}\nb\n`, 'x\ny\n'));
    expect(text(splice(once, 'x\ny\n'))).toBe(once);
  });

  it('ignores markers shown inside a fenced code block (a README documenting them)', () => {
    const docs = `Add these lines:\n\n\`\`\`markdown\n${DASHBOARD_START}\n${DASHBOARD_END}\n\`\`\`\n\n~~~\n${DASHBOARD_START}\n~~~\n`;
    const document = `${docs}${DASHBOARD_START}\nold\n${DASHBOARD_END}\n`;
    expect(text(splice(document, 'new'))).toBe(`${docs}${DASHBOARD_START}\nnew\n${DASHBOARD_END}\n`);
  });

  it('finds the end marker even when the old block left a code fence open', () => {
    const document = `${DASHBOARD_START}\n\`\`\`mermaid\npie\n${DASHBOARD_END}\nrest\n`;
    expect(text(splice(document, 'new'))).toBe(`${DASHBOARD_START}\nnew\n${DASHBOARD_END}\nrest\n`);
  });

  it('does not take a marker inside a line of prose for a marker', () => {
    const result = problem(splice(`The markers are \`${DASHBOARD_START}\` and \`${DASHBOARD_END}\`.\n`, 'x'));
    expect(result).toContain('README.md has no markers for the dashboard');
  });

  it('reports missing markers with the two lines to add', () => {
    expect(problem(splice('# Acme\n', 'x'))).toBe(
      `README.md has no markers for the dashboard; add these two lines to README.md where the dashboard goes:\n  ${DASHBOARD_START}\n  ${DASHBOARD_END}`,
    );
  });

  it('reports a start marker without an end marker, with the line to add', () => {
    const result = problem(splice(`# Acme\n${DASHBOARD_START}\n`, 'x'));
    expect(result).toBe(`README.md has the start marker (line 2) but no end marker; add this line to README.md where the dashboard ends:\n  ${DASHBOARD_END}`);
  });

  it('reports an end marker without a start marker', () => {
    const result = problem(splice(`# Acme\n\n${DASHBOARD_END}\n`, 'x'));
    expect(result).toContain('README.md has the end marker (line 3) but no start marker');
    expect(result).toContain(`before line 3:\n  ${DASHBOARD_START}`);
  });

  it('reports doubled markers with their lines', () => {
    const document = `${DASHBOARD_START}\n${DASHBOARD_END}\ntext\n${DASHBOARD_START}\n${DASHBOARD_END}\n`;
    const result = problem(splice(document, 'x'));
    expect(result).toContain('README.md has the start marker 2 times (lines 1, 4) and the end marker 2 times (lines 2, 5)');
    expect(result).toContain(`keep exactly one pair`);
  });

  it('reports one doubled marker', () => {
    expect(problem(splice(`${DASHBOARD_START}\n${DASHBOARD_START}\n${DASHBOARD_END}\n`, 'x'))).toContain('the start marker 2 times (lines 1, 2);');
  });

  it('reports reversed markers', () => {
    const result = problem(splice(`${DASHBOARD_END}\nx\n${DASHBOARD_START}\n`, 'x'));
    expect(result).toBe(`README.md has the end marker (line 1) before the start marker (line 3); swap them so they read, in this order:\n  ${DASHBOARD_START}\n  ${DASHBOARD_END}`);
  });

  it('refuses content that contains a marker', () => {
    const document = `${DASHBOARD_START}\n${DASHBOARD_END}\n`;
    expect(problem(splice(document, `evil\n${DASHBOARD_END}\n`))).toContain('the generated text contains the marker');
    expect(problem(splice(document, `inline ${DASHBOARD_START} too`))).toContain('contains the marker');
  });

  it('names another file and block in its messages (CODEOWNERS)', () => {
    const markers = { start: '# ai-registry:codeowners:start', end: '# ai-registry:codeowners:end', label: 'the generated block' };
    const result = spliceBetweenMarkers('* @org/all\n', 'x', markers, '.github/CODEOWNERS');
    expect(result).toEqual({
      ok: false,
      problem: `.github/CODEOWNERS has no markers for the generated block; add these two lines to .github/CODEOWNERS where the generated block goes:\n  ${markers.start}\n  ${markers.end}`,
    });
  });

  it('never changes a byte outside the markers (property)', () => {
    const line = fc.stringMatching(/^[^\r\n]*$/).filter((l) => !l.includes('ai-registry:') && !/^ {0,3}(`{3,}|~{3,})/.test(l));
    const lines = fc.array(line, { maxLength: 6 });
    const eol = fc.constantFrom('\n', '\r\n');
    fc.assert(
      fc.property(lines, lines, lines, eol, fc.array(line, { maxLength: 4 }), (head, inner, tail, nl, content) => {
        const prefix = head.map((l) => l + nl).join('');
        const suffix = tail.join(nl);
        const document = `${prefix}${DASHBOARD_START}${nl}${inner.map((l) => l + nl).join('')}${DASHBOARD_END}${nl}${suffix}`;
        const out = text(splice(document, content.join('\n')));
        expect(out.startsWith(`${prefix}${DASHBOARD_START}${nl}`)).toBe(true);
        expect(out.endsWith(`${DASHBOARD_END}${nl}${suffix}`)).toBe(true);
      }),
    );
  });
});

describe('readBetweenMarkers', () => {
  it('returns the block as written, or the marker problem', () => {
    expect(readBetweenMarkers(`a\n${DASHBOARD_START}\r\nx\r\n${DASHBOARD_END}\n`, DASHBOARD_MARKERS, 'README.md')).toEqual({ ok: true, block: 'x\r\n' });
    expect(readBetweenMarkers('a\n', DASHBOARD_MARKERS, 'README.md').ok).toBe(false);
  });
});

describe('as-of stamp', () => {
  it('round-trips through stampAsOf and recordedAsOf', () => {
    expect(stampAsOf('2026-11-24', '## AI portfolio\n')).toBe('<!-- ai-registry:as-of 2026-11-24 -->\n## AI portfolio\n');
    expect(recordedAsOf(stampAsOf('2026-11-24', 'x'))).toBe('2026-11-24');
    expect(recordedAsOf('<!-- ai-registry:as-of 2026-11-24 -->\r\nx')).toBe('2026-11-24');
  });

  it('reads only the first line, and only a real date', () => {
    expect(recordedAsOf('## title\n<!-- ai-registry:as-of 2026-11-24 -->\n')).toBeUndefined();
    expect(recordedAsOf('<!-- ai-registry:as-of 2026-02-30 -->\n')).toBeUndefined();
    expect(recordedAsOf('')).toBeUndefined();
  });
});
