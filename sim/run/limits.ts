// How long and how often one may run: the bounds every entry point checks (the CLI's run, replicate and sweep
// commands, sweep plans, the simulator itself, the page's run and sweep forms), written once.

export const RUN_LIMITS = {
  /** simulated days of one run: ten years at most */
  days: { min: 1, max: 3650 },
  /** replicates of a CLI run or sweep plan */
  replicates: { min: 1, max: 1000 },
  /** replicates in the page, which keeps every run's full result in memory */
  pageReplicates: { min: 1, max: 50 },
  seed: { min: 0, max: 2 ** 31 },
} as const

/** whole number within a limit */
export const withinLimit = (x: number, l: { min: number; max: number }): boolean => Number.isInteger(x) && x >= l.min && x <= l.max
