import { countOf, formatChange, formatDays, formatNumber, formatPercent, formatShare, formatUsd } from '../../src/render/numbers.js';

describe('numbers for people (en-US whatever the locale)', () => {
  it('groups thousands and rounds', () => {
    expect(formatNumber(1040)).toBe('1,040');
    expect(formatNumber(3611.4)).toBe('3,611');
    expect(formatNumber(0.066, 2)).toBe('0.07');
    expect(formatNumber(0.5, 1)).toBe('0.5');
    expect(formatNumber(-6)).toBe('\u22126');
    expect(formatNumber(-0.001, 1)).toBe('0');
  });

  it('writes dollars with one unit and at most one decimal', () => {
    expect(formatUsd(12_400_000)).toBe('$12.4M');
    expect(formatUsd(12_000_000)).toBe('$12M');
    expect(formatUsd(950_000)).toBe('$950K');
    expect(formatUsd(999_949)).toBe('$999.9K');
    expect(formatUsd(999_950)).toBe('$1M');
    expect(formatUsd(2_150_000_000)).toBe('$2.2B');
    expect(formatUsd(999)).toBe('$999');
    expect(formatUsd(0)).toBe('$0');
    expect(formatUsd(-1_200_000)).toBe('\u2212$1.2M');
  });

  it('writes days, percentages and shares', () => {
    expect(formatDays(32.4)).toBe('32 days');
    expect(formatDays(1)).toBe('1 day');
    expect(formatDays(1040)).toBe('1,040 days');
    expect(formatPercent(99.87, 2)).toBe('99.87%');
    expect(formatPercent(99.7, 2)).toBe('99.7%');
    expect(formatShare(0.6363)).toBe('64%');
  });

  it('signs changes with +, a typographic minus, or ± for none', () => {
    expect(formatChange(8, formatNumber)).toBe('+8');
    expect(formatChange(-6, formatDays)).toBe('\u22126 days');
    expect(formatChange(0, formatNumber)).toBe('±0');
    expect(formatChange(0.004, (v) => formatNumber(v, 2))).toBe('±0');
    expect(formatChange(-1_200_000, formatUsd)).toBe('\u2212$1.2M');
  });

  it('counts with the right noun', () => {
    expect(countOf(1, 'model')).toBe('1 model');
    expect(countOf(0, 'model')).toBe('0 models');
    expect(countOf(1040, 'review overdue', 'reviews overdue')).toBe('1,040 reviews overdue');
  });
});
