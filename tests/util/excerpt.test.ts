import { EXCERPT_LENGTH, looksLikeCredential, quoteExcerpt } from '../../src/util/excerpt.js';

describe('quoteExcerpt', () => {
  it('quotes short text whole, as JSON', () => {
    expect(quoteExcerpt('TODO')).toBe('"TODO"');
    expect(quoteExcerpt('say "hi"')).toBe('"say \\"hi\\""');
  });

  it(`cuts longer text at ${EXCERPT_LENGTH} characters, with an ellipsis`, () => {
    expect(quoteExcerpt('x'.repeat(EXCERPT_LENGTH))).toBe(`"${'x'.repeat(EXCERPT_LENGTH)}"`);
    expect(quoteExcerpt('x'.repeat(EXCERPT_LENGTH + 1))).toBe(`"${'x'.repeat(EXCERPT_LENGTH)}…"`);
  });

  it('never cuts a character in half (a surrogate pair)', () => {
    const text = `${'x'.repeat(EXCERPT_LENGTH - 1)}😀 and more`;
    expect(quoteExcerpt(text)).toBe(`"${'x'.repeat(EXCERPT_LENGTH - 1)}…"`);
  });

  it('withholds text with a credential anywhere, even past the cut', () => {
    expect(quoteExcerpt(`${'x '.repeat(40)}ghp_16C7e42F292c6912E7710c838347Ae178B4a`)).toBeUndefined();
    expect(looksLikeCredential('TODO')).toBe(false);
  });
});
