/** Strings this long or longer are slices of their parent in V8; shorter ones are copies. */
const SLICE_MIN_LENGTH = 13;

/**
 * Copies, in place, every string in a parsed value that may be a slice of the file's text. V8
 * keeps a whole parent string alive for the smallest slice of it, so one description kept from
 * each manifest kept every manifest's text: 196 MB at 100,000 models. (A value that crossed
 * from a worker thread was copied on the way and needs none of this.)
 */
export function detachStrings(value: unknown): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === 'string') {
        if (item.length >= SLICE_MIN_LENGTH) value[i] = copyOf(item);
      } else if (item !== null && typeof item === 'object') detachStrings(item);
    }
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const item = record[key];
    if (typeof item === 'string') {
      if (item.length < SLICE_MIN_LENGTH) continue;
      // An own `__proto__` key must stay a key: assigning to it would set the prototype.
      if (key === '__proto__') Object.defineProperty(record, key, { value: copyOf(item), writable: true, enumerable: true, configurable: true });
      else record[key] = copyOf(item);
    } else if (item !== null && typeof item === 'object') detachStrings(item);
  }
}

/** A string with its own storage: the concatenation is flattened into a new string before slicing. */
function copyOf(text: string): string {
  return ` ${text}`.slice(1);
}
