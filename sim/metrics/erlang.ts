// Analytic baselines beside the simulated values: Erlang C (M/M/c) for every staffed queue.

/** probability that an arrival waits in an M/M/c queue with offered load a = λ/μ (erlangs); 1 when a ≥ c */
export function erlangC(c: number, a: number): number {
  if (c <= 0) return 1
  if (a >= c) return 1
  // Erlang B by the stable recursion, then C from B.
  let b = 1
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b)
  const rho = a / c
  return b / (1 - rho + rho * b)
}

/** mean wait in queue of an M/M/c queue (same time unit as the mean service time); Infinity when unstable */
export function erlangCWait(c: number, lambda: number, meanService: number): number {
  const a = lambda * meanService
  if (a >= c) return Infinity
  return (erlangC(c, a) * meanService) / (c - a)
}

export interface ErlangRow {
  servers: number
  /** arrivals per hour */
  lambdaPerHour: number
  meanServiceHours: number
  utilization: number
  /** probability of waiting and mean wait in hours (analytic) */
  pWait: number
  waitHours: number
}

export function erlangRow(c: number, lambdaPerHour: number, meanServiceHours: number): ErlangRow {
  const a = lambdaPerHour * meanServiceHours
  return {
    servers: c,
    lambdaPerHour,
    meanServiceHours,
    utilization: c > 0 ? a / c : 0,
    pWait: erlangC(c, a),
    waitHours: erlangCWait(c, lambdaPerHour, meanServiceHours),
  }
}
