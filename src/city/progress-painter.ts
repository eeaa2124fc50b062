// When the city page repaints a run's progress (issue 14 §1). Each repaint of the bar and status line is a frame the
// GPU process composites and swaps (≈17 ms of its CPU on software GL, measured in a Chrome trace of a `beijing`
// year); while both cores run districts, one such frame waited up to 120 ms for a core and held the page's next frame
// back. So the page repaints only what a person can see change, and at most once a second: a run of a minute still
// moves its bar sixty times.
import type { CityProgress } from './city-client.ts'
import { repaintGate } from '../progress.ts'

/** what the bar and the status line show */
export interface ShownProgress {
  /** the bar's value, in whole percent (the status line's figure) */
  percent: number
  districtsDone: number
  districts: number
  /** whole seconds left, or null while too little is done to tell */
  etaSeconds: number | null
}

export function shownProgress(p: CityProgress): ShownProgress {
  return { percent: Math.floor(p.fraction * 100), districtsDone: p.districtsDone, districts: p.districts, etaSeconds: p.etaSeconds === null ? null : Math.ceil(p.etaSeconds) }
}

const same = (a: ShownProgress, b: ShownProgress) => a.percent === b.percent && a.districtsDone === b.districtsDone && a.districts === b.districts && a.etaSeconds === b.etaSeconds

/** `report(p)` calls `paint` when what is shown would change and the last paint is REPAINT_MS old (src/progress.ts;
 *  the first and the finished run's are never held back); `paints` counts them, for the page's hook and its tests */
export function progressPainter(paint: (s: ShownProgress) => void, now: () => number = () => performance.now()) {
  let last: ShownProgress | null = null
  const gate = repaintGate(now)
  const painter = {
    paints: 0,
    report(p: CityProgress): boolean {
      const s = shownProgress(p)
      if (last && (same(s, last) || !gate.ready(p.fraction >= 1))) return false
      last = s
      gate.painted()
      painter.paints++
      paint(s)
      return true
    },
  }
  return painter
}
