/** The candidate closest to `input` by edit distance, when it is close enough to be a typo. */
export function closest(input: string, candidates: Iterable<string>): string | undefined {
  return closestN(input, candidates, 1)[0];
}

/** Up to `n` candidates close to `input`, nearest first. */
export function closestN(input: string, candidates: Iterable<string>, n: number): string[] {
  const needle = input.toLowerCase();
  const limit = Math.max(2, Math.floor(needle.length / 3));
  const scored: [number, string][] = [];
  for (const candidate of candidates) {
    const hay = candidate.toLowerCase();
    const distance = hay.includes(needle) || needle.includes(hay) ? 1 : editDistance(needle, hay, limit);
    if (distance <= limit) scored.push([distance, candidate]);
  }
  scored.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1));
  return scored.slice(0, n).map(([, c]) => c);
}

/** Levenshtein distance, giving up (returning limit + 1) once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}
