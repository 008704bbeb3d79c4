/**
 * The value seen most often. On a tie the one seen first wins, so the answer
 * follows the file's own order (the first day's start, the first zone named)
 * and never depends on how a sort happens to break ties.
 */
export function mostCommon<T>(values: Iterable<T>): T | undefined {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: T | undefined;
  let bestCount = 0;
  // A Map iterates in insertion order: the first value seen comes first.
  for (const [value, count] of counts) {
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}
