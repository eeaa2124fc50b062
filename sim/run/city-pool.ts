// Hands the districts of a city run to a pool of workers, largest first (so the workers finish at about the same
// time), each worker taking the next district when it is free. Results come back in plan order, whatever order the
// workers finish in: that order, not the pool's, is what the merge sees. Used by the CLI (worker threads) and the
// page (Web Workers) alike; `runOne` is theirs.
import type { CityShard, ShardResult } from './city.ts'

export async function runPool<W>(shards: CityShard[], workers: W[], runOne: (worker: W, shard: CityShard) => Promise<ShardResult>, stopped: () => boolean = () => false): Promise<(ShardResult | null)[]> {
  const order = shards.map((_, i) => i).sort((a, b) => shards[b].weight - shards[a].weight || a - b)
  const results: (ShardResult | null)[] = shards.map(() => null)
  let next = 0
  await Promise.all(
    workers.map(async (w) => {
      while (next < order.length && !stopped()) {
        const i = order[next++]
        results[i] = await runOne(w, shards[i])
        if (results[i]!.replicates.some((r) => r.cancelled)) return
      }
    }),
  )
  return results
}

/** progress of a whole city run (0–1) from each district's own (0–1) */
export function cityProgress(shards: CityShard[]) {
  const done = new Map<string, number>()
  // districts weigh by residents: building and simulating take time about in proportion to them
  const total = shards.reduce((s, x) => s + x.weight, 0) || 1
  return {
    set(code: string, fraction: number): number {
      done.set(code, fraction)
      let f = 0
      for (const s of shards) f += (done.get(s.code) ?? 0) * s.weight
      return f / total
    },
  }
}
