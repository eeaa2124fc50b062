// The map view (centre and zoom) is kept with the project (and per world in localStorage, for a project that has
// none yet) across reloads, so a reload returns to the same place.
import type { MapView } from './map.ts'

const key = (world: string) => `gongzhi:view:${world}`

interface Saved {
  center: [number, number]
  zoom: number
}

/** jump to the view last seen on this world; false when there is none (the caller fits the district) */
export function restoreView(view: MapView, world: string, project?: Saved): boolean {
  let s: Saved | null = project ?? null
  try {
    s ??= JSON.parse(localStorage.getItem(key(world)) ?? 'null') as Saved | null
  } catch {
    return false
  }
  if (!s || !Array.isArray(s.center) || !s.center.every(Number.isFinite) || !Number.isFinite(s.zoom)) return false
  view.map.jumpTo({ center: s.center, zoom: s.zoom })
  return true
}

/** remember the view whenever the map comes to rest */
export function rememberView(view: MapView, world: string, keep?: (v: Saved) => void): void {
  view.map.on('moveend', () => {
    const c = view.map.getCenter()
    const v: Saved = { center: [c.lng, c.lat], zoom: view.map.getZoom() }
    keep?.(v)
    try {
      localStorage.setItem(key(world), JSON.stringify(v))
    } catch {
      // not remembered
    }
  })
}
