import { describeCodePoint, escapeInvisibleInJson, terminalText, visibleText } from '../../src/util/visible.js';

describe('visibleText', () => {
  it('shows each bidirectional and invisible character as <U+XXXX>', () => {
    expect(visibleText('a\u202eb\u2066c\u200bd\ufeffe\u{e0041}f')).toBe('a<U+202E>b<U+2066>c<U+200B>d<U+FEFF>e<U+E0041>f');
  });

  it('leaves text without them, the zero-width joiner and non-joiner, and escapes written as text alone', () => {
    for (const text of ['plain', 'Équipe données', '👩\u200d💻', 'می\u200cخواهم', '\\u202e']) expect(visibleText(text)).toBe(text);
  });
});

describe('terminalText', () => {
  it('keeps text on its line and shows the invisible', () => {
    expect(terminalText('a\n::error::x\u001b[2J\u202e')).toBe('a ::error::x [2J<U+202E>');
  });
});

describe('escapeInvisibleInJson', () => {
  it('writes them as \\u escapes: the same JSON value, nothing invisible', () => {
    const value = { name: 'a\u202eb', tag: 'x\u{e0041}', list: ['\u200b'] };
    const json = escapeInvisibleInJson(JSON.stringify(value));
    expect(json).toBe('{"name":"a\\u202eb","tag":"x\\udb40\\udc41","list":["\\u200b"]}');
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('describeCodePoint', () => {
  it.each([
    [0x202e, 'U+202E RIGHT-TO-LEFT OVERRIDE'],
    [0x061c, 'U+061C ARABIC LETTER MARK'],
    [0xfeff, 'U+FEFF ZERO WIDTH NO-BREAK SPACE'],
    [0xe0001, 'U+E0001 LANGUAGE TAG'],
    [0xe0061, 'U+E0061 TAG LATIN SMALL LETTER A'],
    [0xe0035, 'U+E0035 TAG DIGIT FIVE'],
    [0xe007f, 'U+E007F CANCEL TAG'],
  ])('%s is %s', (codePoint, text) => {
    expect(describeCodePoint(codePoint)).toBe(text);
  });
});
