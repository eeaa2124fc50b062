// "Did you mean …": the closest known name to a misspelt one, by edit distance. A typo in a scenario key or a
// lever path must be an error that points at the intended name rather than a silently ignored field.

/** Levenshtein distance (insertions, deletions, substitutions), two rows of memory */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    prev = cur
  }
  return prev[b.length]
}

/** the candidate nearest to `word`, if it is near enough to be a plausible typo (a third of the word, at least 2);
 *  case differences count as half an edit so `gridworkers` still finds `gridWorkers` */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined
  let bestD = Infinity
  for (const c of candidates) {
    const d = Math.min(editDistance(word, c), editDistance(word.toLowerCase(), c.toLowerCase()) + 0.5)
    if (d < bestD) [best, bestD] = [c, d]
  }
  return bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined
}

/** `, did you mean "x"?` or nothing */
export const didYouMean = (word: string, candidates: Iterable<string>): string => {
  const c = closest(word, candidates)
  return c === undefined ? '' : `, did you mean "${c}"?`
}
