// Inverse-transform sampling over a cumulative weight table, in O(1) expected steps: the index i with
// cum[i] ≤ u·total < cum[i + 1] (the first such i, so an item of weight zero is never picked), exactly what a binary
// search over `cum` finds, for the same u. A guide table (Chen and Asau, 1974) holds, for each of n equal slices of
// [0, total), the first index whose range reaches into the slice; the pick starts there and steps over the rest of
// its slice. The model picks the building of each of a `fengtai` year's 1.6 M issues over ≈80,000 buildings: a binary
// search's 16 dependent reads, most of them cache misses, were a quarter of creating an issue.
export class CumulativePick {
  private readonly cum: Float64Array
  private readonly guide: Int32Array
  private readonly last: number

  /** `cum`: cum[0] = 0 and cum[i + 1] = cum[i] + weight i (weights ≥ 0); with no items every pick is 0, as the
   *  binary search's */
  constructor(cum: Float64Array) {
    this.cum = cum
    this.last = Math.max(0, cum.length - 2)
    const n = Math.max(1, cum.length - 1)
    this.guide = new Int32Array(n)
    const total = cum[cum.length - 1]
    let i = 0
    for (let j = 0; j < n; j++) {
      const from = (j / n) * total
      while (i < this.last && cum[i + 1] <= from) i++
      this.guide[j] = i
    }
  }

  /** the index for a uniform u in [0, 1) */
  index(u: number): number {
    const cum = this.cum
    const target = u * cum[cum.length - 1]
    let i = this.guide[Math.min(this.guide.length - 1, Math.floor(u * this.guide.length))]
    // the guide is a start, never trusted: a slice's bound rounded the other way steps back
    while (i > 0 && cum[i] > target) i--
    while (i < this.last && cum[i + 1] <= target) i++
    return i
  }
}
