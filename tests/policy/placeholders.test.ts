import fc from 'fast-check';
import { compilePlaceholders, findPlaceholders, scanMarkdown } from '../../src/docs/markdown.js';
import { combinePlaceholders, compilePlaceholder, firstMatch, MAX_PLACEHOLDER_PROGRAM, placeholderProblems } from '../../src/policy/placeholders.js';
import { DEFAULT_POLICY_SPEC } from '../../src/policy/policy.js';

const problems = (...placeholders: string[]) => placeholderProblems({ placeholders });

describe('placeholderProblems', () => {
  it('accepts the defaults, far inside the size budget', () => {
    expect(problems(...DEFAULT_POLICY_SPEC.placeholders)).toEqual([]);
    const size = DEFAULT_POLICY_SPEC.placeholders.reduce((sum, p) => sum + compilePlaceholder(p).programSize(), 0);
    expect(size).toBeLessThan(MAX_PLACEHOLDER_PROGRAM / 100);
  });

  it('accepts a policy with no patterns, and one that lists none', () => {
    expect(placeholderProblems({})).toEqual([]);
    expect(problems()).toEqual([]);
  });

  it('accepts the shapes that backtrack for hours in JavaScript: RE2 runs them in linear time', () => {
    expect(problems('((a+))+$', '(a|a)*b', '(.*a){12}$', '(a+)+$', '(\\w*x)*', '(a|b+){2,}')).toEqual([]);
  });

  it('accepts RE2 syntax that JavaScript lacks', () => {
    expect(problems('(?i)todo', '(?s)<fill.*>', '(?P<word>tbd)', '\\pL+ ipsum', '[[:upper:]]{3}', '\\Qa.b\\E', 'end\\z')).toEqual([]);
  });

  it.each([
    ['(?=x)', 'invalid or unsupported Perl syntax: `(?=`'],
    ['(?!x)', 'invalid or unsupported Perl syntax: `(?!`'],
    ['(?<=a)b', 'invalid named capture: `(?<=a)b`'],
    ['(?<!a)b', 'invalid named capture: `(?<!a)b`'],
    ['(a)\\1', 'invalid escape sequence: `\\1`'],
    ['(?<n>a)\\k<n>', 'invalid escape sequence: `\\k`'],
    ['(unclosed', 'missing closing ): `(unclosed`'],
    ['a**', 'invalid nested repetition operator: `**`'],
    ['x{1001}', 'invalid repeat count: `{1001}`'],
  ])('refuses %s, saying what RE2 refused and that the syntax is RE2', (pattern, reason) => {
    expect(problems('\\bTODO\\b', pattern)).toEqual([
      { index: 1, problem: `RE2 cannot compile "${pattern}": ${reason}; placeholder patterns use RE2 syntax: no lookahead or lookbehind, no backreferences` },
    ]);
  });

  it('reports every pattern RE2 refuses, by index', () => {
    expect(problems('(?=a)', 'ok', '(b)\\1').map((p) => p.index)).toEqual([0, 2]);
  });

  it('quotes a long pattern and what RE2 says of it briefly', () => {
    const [refused] = problems(`(${'x'.repeat(10_000)}`);
    expect(refused!.problem).toMatch(/^RE2 cannot compile "\(x{56}\.\.\.": missing closing \): `\(x{56}\.\.\.`; /);
  });

  it('refuses the pattern that takes them all past the size budget, and compiles none after it', () => {
    const twoThousand = '.{1000}.{999}';
    expect(compilePlaceholder(twoThousand).programSize()).toBeGreaterThan(MAX_PLACEHOLDER_PROGRAM / 5);
    expect(problems(twoThousand, twoThousand, twoThousand, twoThousand)).toEqual([]);
    expect(problems(twoThousand, twoThousand, twoThousand, twoThousand, twoThousand, '(?=never compiled)')).toEqual([
      { index: 4, problem: expect.stringMatching(/^"\.\{1000\}\.\{999\}" takes the placeholder patterns past 10,000 RE2 instructions \(it alone takes 2,\d{3}\); .*keep them short$/) },
    ]);
  });
});

describe('firstMatch', () => {
  it('finds the first match, case-insensitively', () => {
    expect(firstMatch(compilePlaceholder('todo|tbd'), 'a TBD, then a TODO')).toBe('TBD');
    expect(firstMatch(compilePlaceholder('\\bTODO\\b'), 'todos')).toBeUndefined();
  });

  it('gives an empty match as it is (the caller drops it)', () => {
    expect(firstMatch(compilePlaceholder('x*'), 'abc')).toBe('');
  });

  it('reads ^ and $ as the line’s ends', () => {
    expect(firstMatch(compilePlaceholder('^tbd$'), 'TBD')).toBe('TBD');
    expect(firstMatch(compilePlaceholder('^tbd$'), 'a TBD')).toBeUndefined();
  });

  it('runs the patterns that hang a backtracking engine on the line built to make them', () => {
    const line = `${'a'.repeat(48)}!`;
    for (const pattern of ['((a+))+$', '(a|a)*b', '(.*a){12}$']) expect(firstMatch(compilePlaceholder(pattern), line)).toBeUndefined();
    expect(firstMatch(compilePlaceholder('(.*a){12}$'), 'a'.repeat(1 << 20))).toHaveLength(1 << 20);
  });
});

describe('combinePlaceholders', () => {
  it('matches a text of lines wherever one pattern matches within a line', () => {
    const any = combinePlaceholders(['^tbd$', '\\bTODO\\b'])!;
    expect(any.test('intro\nTBD\nend')).toBe(true);
    expect(any.test('intro\na TBD\ntodos')).toBe(false);
  });

  it('makes none for no patterns, or patterns that mean something else in a text of lines', () => {
    for (const patterns of [[], ['\\Atodo'], ['todo\\z'], ['(?-m)^todo$'], ['(?i-m)^todo'], ['\\Qa)|(b'], ['(?P<n>todo)', '(?P<n>tbd)']]) {
      expect(combinePlaceholders(patterns)).toBeNull();
    }
  });

  it('never misses a line one of the patterns matches (property)', () => {
    const patterns = ['^to', 'do$', '\\bTODO\\b', '\\Bbd', '<[^>]*fill[^>]*>', 't.d', '\\s$', '^$', '[^a-z]x'];
    const line = fc.stringMatching(/^[tTodbx <>fil\t-]{0,8}$/);
    fc.assert(
      fc.property(fc.subarray(patterns, { minLength: 1 }), fc.array(line, { minLength: 1, maxLength: 5 }), (chosen, lines) => {
        const anyLine = lines.some((l) => chosen.some((p) => firstMatch(compilePlaceholder(p), l) !== undefined));
        if (anyLine) expect(combinePlaceholders(chosen)!.test(lines.join('\n'))).toBe(true);
      }),
    );
  });
});

describe('placeholders in a document, when the patterns cannot be combined', () => {
  it.each([['\\Atodo\\z'], ['(?-m)^todo$'], ['(?P<n>todo)', '(?P<n>tbd)']])('%s: still found on their own line', (...patterns) => {
    const hits = findPlaceholders(scanMarkdown('# Card\n\nTODO\n'), compilePlaceholders(patterns));
    expect(hits).toEqual([{ line: 3, text: 'TODO', pattern: patterns[0] }]);
  });
});
