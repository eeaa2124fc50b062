// Resolver pools: each pool is c identical servers (people) and a two-class FIFO queue (urgent first). Pools are
// stored as columns so thousands of them (one per grid, community, compound, street) stay cheap. A pool does not
// schedule events itself: `offer` returns whether the job starts now, `finish` returns the next job to start, and
// the model schedules completions. Time-in-system is integrated per pool for Little's law (L = λW).
export class Pools {
  readonly n: number
  readonly servers: Int32Array
  readonly busy: Int32Array
  /** time integral of the number in system (queue + service), in job-minutes */
  readonly area: Float64Array
  readonly lastT: Float64Array
  readonly inSystem: Int32Array
  readonly arrivals: Float64Array
  readonly departures: Float64Array
  /** summed time in system of departed jobs (minutes) and summed wait before service */
  readonly sojourn: Float64Array
  readonly wait: Float64Array
  /** summed busy server-minutes (for utilisation) */
  readonly busyArea: Float64Array
  /** jobs that started service */
  readonly starts: Float64Array
  /** summed service minutes of started jobs, in the pool's own time (duty minutes for pools on shifts) */
  readonly workArea: Float64Array
  // the two FIFO queues of every pool: ring buffers (grown by doubling), so queueing allocates nothing per job
  private readonly qHi: Int32Array[]
  private readonly qLo: Int32Array[]
  private readonly headHi: Int32Array
  private readonly headLo: Int32Array
  private readonly lenHi: Int32Array
  private readonly lenLo: Int32Array

  constructor(servers: ArrayLike<number>) {
    const n = servers.length
    this.n = n
    this.servers = Int32Array.from(servers as ArrayLike<number>)
    this.busy = new Int32Array(n)
    this.area = new Float64Array(n)
    this.lastT = new Float64Array(n)
    this.inSystem = new Int32Array(n)
    this.arrivals = new Float64Array(n)
    this.departures = new Float64Array(n)
    this.sojourn = new Float64Array(n)
    this.wait = new Float64Array(n)
    this.busyArea = new Float64Array(n)
    this.starts = new Float64Array(n)
    this.workArea = new Float64Array(n)
    const empty = new Int32Array(0)
    this.qHi = Array.from({ length: n }, () => empty)
    this.qLo = Array.from({ length: n }, () => empty)
    this.headHi = new Int32Array(n)
    this.headLo = new Int32Array(n)
    this.lenHi = new Int32Array(n)
    this.lenLo = new Int32Array(n)
  }

  private advance(p: number, t: number): void {
    const dt = t - this.lastT[p]
    if (dt > 0) {
      this.area[p] += dt * this.inSystem[p]
      this.busyArea[p] += dt * this.busy[p]
      this.lastT[p] = t
    }
  }

  /** a job arrives; true when a server is free and it starts now (the caller schedules its completion) */
  offer(p: number, job: number, t: number, urgent: boolean): boolean {
    this.advance(p, t)
    this.arrivals[p]++
    this.inSystem[p]++
    if (this.busy[p] < this.servers[p]) {
      this.busy[p]++
      return true
    }
    if (urgent) this.enqueue(this.qHi, this.headHi, this.lenHi, p, job)
    else this.enqueue(this.qLo, this.headLo, this.lenLo, p, job)
    return false
  }

  private enqueue(q: Int32Array[], head: Int32Array, len: Int32Array, p: number, job: number): void {
    let ring = q[p]
    const n = len[p]
    if (n === ring.length) {
      // full: unroll into a ring twice the size
      const bigger = new Int32Array(Math.max(8, 2 * n))
      for (let k = 0; k < n; k++) bigger[k] = ring[(head[p] + k) % n]
      q[p] = ring = bigger
      head[p] = 0
    }
    ring[(head[p] + n) % ring.length] = job
    len[p] = n + 1
  }

  private dequeue(q: Int32Array[], head: Int32Array, len: Int32Array, p: number): number {
    const ring = q[p]
    const h = head[p]
    const job = ring[h]
    head[p] = h + 1 === ring.length ? 0 : h + 1
    len[p]--
    return job
  }

  /** a job leaves after `sojourn` minutes in the pool; returns the next queued job to start, or -1 */
  finish(p: number, t: number, sojourn: number): number {
    this.advance(p, t)
    this.inSystem[p]--
    this.departures[p]++
    this.sojourn[p] += sojourn
    const next = this.take(p)
    if (next < 0) this.busy[p]--
    return next
  }

  /** records how long a starting job waited */
  started(p: number, waited: number, service: number): void {
    this.wait[p] += waited
    this.starts[p]++
    this.workArea[p] += service
  }

  queued(p: number): number {
    return this.lenHi[p] + this.lenLo[p]
  }

  private take(p: number): number {
    if (this.lenHi[p] > 0) return this.dequeue(this.qHi, this.headHi, this.lenHi, p)
    if (this.lenLo[p] > 0) return this.dequeue(this.qLo, this.headLo, this.lenLo, p)
    return -1
  }

  /** brings every pool's integrals up to time t (call before reading them) */
  close(t: number): void {
    for (let p = 0; p < this.n; p++) this.advance(p, t)
  }
}
