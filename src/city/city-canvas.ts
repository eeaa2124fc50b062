// The choropleth's colours painted on a 2D canvas the CPU rasterises (issue 14 §1). As SVG fills with white street
// lines, the city's ≈25,000 outline vertices were rasterised by the GPU process on every repaint: on software GL
// (llvmpipe, two cores busy with the run's workers) that stalled every frame of the page for 2–4 s when the map
// appeared, and a progress-bar repaint in the same tile cost hundreds of ms. A canvas with willReadFrequently is
// drawn by Skia on the page's thread in a few milliseconds and then only composited. The SVG paths stay above it,
// transparent, for hover, tooltips and tests.
export interface Paint {
  d: string
  /** fill colour, or null for an outline */
  fill: string | null
}

/** line widths in the shape's units, as the SVG drew them */
const STREET_LINE = 0.6
const OUTLINE_LINE = 1.2

/** A canvas that paints `paints` in a `width`×`height` frame, fitted and centred as SVG's default viewBox fit does,
 *  and again whenever its size changes. */
export function paintedCanvas(width: number, height: number, paints: Paint[]): HTMLCanvasElement {
  const canvas = document.createElement('canvas')
  canvas.className = 'city-canvas'
  const paths = paints.map((p) => ({ path: new Path2D(p.d), fill: p.fill }))
  const observer = new ResizeObserver(() => draw())
  const draw = () => {
    // a map replaced by another (a new level or metric) lets its observer go
    if (!canvas.isConnected) return observer.disconnect()
    const dpr = window.devicePixelRatio || 1
    const w = canvas.clientWidth
    const h = canvas.clientHeight
    if (!w || !h) return
    canvas.width = Math.round(w * dpr)
    canvas.height = Math.round(h * dpr)
    // willReadFrequently keeps the canvas in main memory: rasterised by the CPU, never by (software) GL
    const g = canvas.getContext('2d', { willReadFrequently: true })
    if (!g) return
    const k = Math.min(w / width, h / height)
    g.setTransform(k * dpr, 0, 0, k * dpr, ((w - width * k) / 2) * dpr, ((h - height * k) / 2) * dpr)
    g.lineJoin = 'round'
    for (const p of paths) {
      if (p.fill) {
        g.fillStyle = p.fill
        g.fill(p.path)
        g.strokeStyle = '#fff'
        g.lineWidth = STREET_LINE
      } else {
        g.strokeStyle = '#333'
        g.lineWidth = OUTLINE_LINE
      }
      g.stroke(p.path)
    }
  }
  // a size is known only once the canvas is laid out; observers run after layout, before paint
  observer.observe(canvas)
  return canvas
}
