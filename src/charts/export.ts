// A chart as one self-contained SVG file (title, legend and Plot's svg with its own <style>, fonts and colours
// set on the root, no page CSS needed) and as a PNG drawn from that SVG at 2×.
import { FONT, INK, type ChartOut } from './chart.ts'

const NS = 'http://www.w3.org/2000/svg'
const HEAD = 30
const LEGEND_ROW = 16

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(NS, tag)
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v))
  if (text !== undefined) e.textContent = text
  return e
}

/** legend items laid out in rows across the chart's width */
function legendRows(items: ChartOut['legend'], width: number): { x: number; y: number; item: ChartOut['legend'][number] }[] {
  const out: { x: number; y: number; item: ChartOut['legend'][number] }[] = []
  let x = 0
  let y = 0
  for (const item of items) {
    const w = 26 + [...item.label].reduce((s, ch) => s + (ch.charCodeAt(0) > 0x2e80 ? 11 : 6.5), 0)
    if (x > 0 && x + w > width) (x = 0), (y += LEGEND_ROW)
    out.push({ x, y, item })
    x += w
  }
  return out
}

/** the chart as a standalone <svg>: a white page with the title, the legend and the plot below them */
export function standaloneSvg(c: ChartOut): SVGSVGElement {
  const w = Number(c.svg.getAttribute('width'))
  const ph = Number(c.svg.getAttribute('height'))
  const rows = legendRows(c.legend, w - 16)
  const legendH = rows.length ? rows[rows.length - 1].y + LEGEND_ROW + 4 : 0
  const noteH = c.note ? 18 : 0
  const H = HEAD + legendH + ph + noteH
  const root = el('svg', { xmlns: NS, width: w, height: H, viewBox: `0 0 ${w} ${H}`, 'font-family': FONT, 'font-size': 11, fill: INK })
  root.setAttribute('style', `background:#fff;color:${INK};font-family:${FONT}`)
  root.append(el('rect', { width: w, height: H, fill: '#fff' }), el('text', { x: 8, y: 20, 'font-size': 14, 'font-weight': 'bold' }, c.title))
  for (const r of rows) {
    const g = el('g', { transform: `translate(${8 + r.x},${HEAD + r.y})` })
    g.append(el('rect', { width: 12, height: 10, y: 1, fill: r.item.color }), el('text', { x: 16, y: 10 }, r.item.label))
    root.append(g)
  }
  const plot = c.svg.cloneNode(true) as SVGSVGElement
  plot.setAttribute('x', '0')
  plot.setAttribute('y', String(HEAD + legendH))
  root.append(plot)
  if (c.note) root.append(el('text', { x: 8, y: H - 5, 'font-size': 10, fill: '#666' }, c.note))
  return root
}

export function svgText(c: ChartOut): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(standaloneSvg(c))}`
}

/** the SVG drawn into a canvas at `scale`× through an Image from a blob URL (no network, no canvas taint) */
export async function pngBlob(c: ChartOut, scale = 2): Promise<Blob> {
  const svg = standaloneSvg(c)
  const w = Number(svg.getAttribute('width'))
  const hgt = Number(svg.getAttribute('height'))
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' }))
  try {
    const img = new Image(w, hgt)
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve()
      img.onerror = () => reject(new Error('the chart SVG did not load as an image'))
      img.src = url
    })
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(w * scale)
    canvas.height = Math.round(hgt * scale)
    const ctx = canvas.getContext('2d')
    if (!ctx) throw new Error('no 2d canvas')
    ctx.fillStyle = '#fff'
    ctx.fillRect(0, 0, canvas.width, canvas.height)
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height)
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('canvas.toBlob gave nothing'))), 'image/png'))
  } finally {
    URL.revokeObjectURL(url)
  }
}
