// Edit distance for "did you mean" suggestions (unknown fields, volume names). The distance itself comes from
// `fastest-levenshtein` (a maintained, bit-parallel Levenshtein), so PodLab keeps no copy of the algorithm.
import { distance } from 'fastest-levenshtein';

/**
 * Levenshtein distance between `a` and `b`, or `cap + 1` when it is certainly larger than `cap`.
 * Callers only want near matches, and both strings may come from the user's file, so two cheap guards run
 * first: a length difference over `cap` already means more than `cap` edits, and strings over 100
 * characters are no typo of a short name (they count as a match only when equal), which keeps a huge
 * value from costing length × length work on every keystroke.
 */
export function editDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  if (a.length > 100 || b.length > 100) return a === b ? 0 : cap + 1;
  return distance(a, b);
}
