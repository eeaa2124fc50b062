// Named pure reporters: each reads the final model state (never mutates it) and returns one part of the
// result. Handlers only keep timestamps and raw tallies; every rate, percentile and baseline is computed in the
// modules below, one concern each; this file gathers them for sim/run/simulate.ts.
export { distribution, type Dist } from './dist.ts'
export { threeRates, groupedRates, rateTallies, ratesOf, totalTallies, type Groups, type RateTallies, groupedCloseTimes, issueCounts, closeTimes, respondTimes, byCategory, byLevel, closeHistogram, CLOSE_BIN_EDGES, publicSpace, type Rates, type GroupRates, type CategoryResult, type LevelResult } from './rates.ts'
export { utilization, type RoleUtilization } from './utilization.ts'
export { daily } from './daily.ts'
export { byArea, workersByCommunity, coverage } from './areas.ts'
