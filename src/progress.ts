// One progress and time-left estimate for single runs (sim-client.ts) and sweeps (sweep/pool.ts): both report a
// fraction of the work done and extrapolate the time left from the time spent so far.

/** progress shown on a page repaints at most this often (ms): on software GL every repaint is a frame the GPU process
 *  composites, CPU taken from the workers doing the work */
export const REPAINT_MS = 1000

/** when a progress display may repaint: `ready(final)` is true once REPAINT_MS have passed since the last
 *  `painted()` (a final state may always repaint) */
export function repaintGate(now: () => number = () => performance.now()): { ready(final?: boolean): boolean; painted(): void } {
  let at = -Infinity
  return {
    ready: (final = false) => final || now() - at >= REPAINT_MS,
    painted: () => {
      at = now()
    },
  }
}

/** below this share done there is too little to extrapolate from */
const MIN_FRACTION = 0.01

/** seconds left at a steady pace: 0 when done, null while under 1 % is done */
export function etaSeconds(elapsedSeconds: number, fraction: number): number | null {
  if (fraction >= 1) return 0
  return fraction > MIN_FRACTION ? (elapsedSeconds * (1 - fraction)) / fraction : null
}

/** a clock started now: `eta(fraction)` is the time left given the fraction done by the time it is called */
export function progressClock(now: () => number = () => performance.now()): { eta(fraction: number): number | null; seconds(): number } {
  const t0 = now()
  const seconds = () => (now() - t0) / 1000
  return { eta: (fraction) => etaSeconds(seconds(), fraction), seconds }
}
