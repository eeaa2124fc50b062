// Walk every visible text node (and the visible option labels) of the page and list those in the wrong language:
// Latin words in the zh-CN page outside an allow-list, Han characters in the English page outside place names and
// the domain terms shown in parentheses beside their translation (issue 10 §4).
import type { Page } from 'playwright-core'

/** Latin words the zh-CN page may show (issue 10, Done when): file formats, percentiles and units, the coordinate
 * systems' own names, plus three names — the language switch's own name, the Erlang C formula and the MIT licence of
 * a data source. Place names are Chinese in these worlds. Single letters (scenario arms A–E), codes that start with
 * a digit (a grid id such as 110106003014-G03) and `owner/repo` data-source ids are not words. */
export const LATIN_ALLOWED = [
  'SVG', 'PNG', 'CSV', 'GeoJSON', 'JSON', 'P50', 'P90', 'km', 'm', 'English', 'Erlang', 'MIT',
  // file formats and encodings an import message names (what to export, what was read)
  'KML', 'XML', 'Shapefile', 'UTF', 'GBK', 'kml', 'kmz', 'geojson', 'json', 'zip',
  // coordinate systems, written so in Chinese GIS work too
  'WGS84', 'GCJ', 'BD', 'CGCS2000', 'EPSG',
]

export type Mode = 'zh' | 'en'

/** the offending text nodes, each as `testid: text` (the nearest data-testid, else the tag) */
/** `charts`: walk the charts' SVG text too (ticks, legends, titles); the map's own SVG never */
export const wrongLanguage = (page: Page, mode: Mode, allowed: string[] = LATIN_ALLOWED, charts = false): Promise<string[]> =>
  page.evaluate(({ allow, mode, charts }) => {
    const ok = new Set(allow)
    // place names: every named feature of the open world (streets, communities, grids, services...)
    const app = (window as unknown as { __gongzhi?: { app?: any } }).__gongzhi?.app
    const names: string[] = []
    const w = app?.opts?.world
    if (w) for (const k of ['district', 'streets', 'communities', 'compounds', 'grids', 'services', 'roads']) for (const f of w[k]?.features ?? []) if (f.properties?.name) names.push(String(f.properties.name))
    for (const g of app?.store?.state?.doc?.grids ?? []) if (g.properties?.name) names.push(String(g.properties.name))
    names.sort((a, b) => b.length - a.length)
    const out: string[] = []
    const visible = (el: Element | null): boolean => {
      for (let e = el; e; e = e.parentElement) {
        if (e instanceof HTMLElement && (e.hidden || getComputedStyle(e).display === 'none' || getComputedStyle(e).visibility === 'hidden')) return false
        if (e.tagName === 'DIALOG' && !(e as HTMLDialogElement).open) return false
        if (e.parentElement?.tagName === 'DETAILS' && !(e.parentElement as HTMLDetailsElement).open && e.tagName !== 'SUMMARY') return false
      }
      return true
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement
      if (!el || ['SCRIPT', 'STYLE'].includes(el.tagName.toUpperCase()) || el.closest(charts ? '#map, .maplibregl-ctrl-attrib' : 'svg, .maplibregl-ctrl-attrib')) continue
      if (!visible(el.tagName === 'OPTION' ? el.closest('select') : el)) continue
      // data the user typed or imported is shown as it is: input values are not text nodes, and [data-user] marks it
      if (el.closest('[data-user], [data-testid=project-select]')) continue // project names are the user's
      const text = n.textContent ?? ''
      let bad: boolean
      if (mode === 'zh') {
        const words = text.replace(/\b[\w.-]+\/[\w.-]+\b/g, '').replace(/\b\d[\w-]*/g, '').match(/[A-Za-z][A-Za-z0-9]*/g) ?? []
        bad = words.some((w) => w.length > 1 && !ok.has(w))
      } else {
        // a domain term beside its translation: in parentheses, or right before it ("接诉即办 respond on receipt")
        let rest = text.replace(/（[^）]*）|\([^)]*\)/g, '').replace(/(?:\p{Script=Han}+(?: \+ )?)+(?= [A-Za-z])/gu, '')
        for (const name of names) rest = rest.split(name).join('')
        bad = /\p{Script=Han}/u.test(rest) && el.id !== 'lang'
      }
      if (bad) out.push(`${el.closest('[data-testid]')?.getAttribute('data-testid') ?? el.tagName}: ${text.trim().slice(0, 100)}`)
    }
    return [...new Set(out)]
  }, { allow: allowed, mode, charts })
