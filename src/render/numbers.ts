/**
 * Numbers for people, always en-US whatever the machine's locale, so a render is byte-identical
 * everywhere: `1,040`, `$12.4M`, `32 days`, `99.87%`, `−6`.
 */

const MINUS = '\u2212';
const decimals = new Map<number, Intl.NumberFormat>();

function formatter(maximumFractionDigits: number): Intl.NumberFormat {
  let format = decimals.get(maximumFractionDigits);
  if (!format) decimals.set(maximumFractionDigits, (format = new Intl.NumberFormat('en-US', { maximumFractionDigits, useGrouping: true })));
  return format;
}

/** `1,040`; up to `digits` decimals, trailing zeros dropped. A typographic minus for negatives. */
export function formatNumber(value: number, digits = 0): string {
  const text = formatter(digits).format(Math.abs(value));
  return isNegative(value, text) ? `${MINUS}${text}` : text;
}

/** A negative value that does not round to zero. */
function isNegative(value: number, text: string): boolean {
  return value < 0 && /[1-9]/.test(text);
}

const USD_UNITS = [
  { size: 1e9, suffix: 'B' },
  { size: 1e6, suffix: 'M' },
  { size: 1e3, suffix: 'K' },
] as const;

/** `$12.4M`, `$950K`, `$1.2B`, `$800`: one decimal at most, the unit chosen after rounding. */
export function formatUsd(value: number): string {
  const magnitude = Math.abs(value);
  let text = formatNumber(magnitude);
  // The largest unit the amount reaches; rounded to 1,000 of it (999,950 → 1,000.0K), the next one up.
  const index = USD_UNITS.findIndex((unit) => magnitude >= unit.size);
  if (index !== -1) {
    const larger = USD_UNITS[index - 1];
    const unit = larger && Math.round((magnitude / USD_UNITS[index]!.size) * 10) / 10 >= 1000 ? larger : USD_UNITS[index]!;
    text = `${formatNumber(magnitude / unit.size, 1)}${unit.suffix}`;
  }
  return `${isNegative(value, text) ? MINUS : ''}$${text}`;
}

/** `32 days`, `1 day`, rounded to whole days. */
export function formatDays(value: number): string {
  const days = Math.round(value);
  return `${formatNumber(days)} ${Math.abs(days) === 1 ? 'day' : 'days'}`;
}

/** `99.87%` from a percentage (0-100). */
export function formatPercent(value: number, digits = 0): string {
  return `${formatNumber(value, digits)}%`;
}

/** `64%` from a share (0-1). */
export function formatShare(share: number): string {
  return formatPercent(share * 100);
}

/** A change: `+8`, `−6`, `±0`, each number formatted by `format` from its magnitude. */
export function formatChange(delta: number, format: (magnitude: number) => string): string {
  const magnitude = format(Math.abs(delta));
  if (!/[1-9]/.test(magnitude)) return `±${magnitude}`;
  return `${delta < 0 ? MINUS : '+'}${magnitude}`;
}

/** `1 model`, `1,040 models`: the count formatted for people, the noun in singular or plural. */
export function countOf(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatNumber(count)} ${count === 1 ? singular : pluralForm}`;
}
