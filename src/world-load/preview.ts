// The city before its interior (issue 14 §3): the world's worker sends the real district and street outlines first
// (about a second; the generated communities, grids and buildings of the whole city take over a minute) and the
// page draws them with the street names, the data notice and a progress line, the map usable meanwhile. The app
// replaces them with the world's own layers when the world arrives.
import { SYNTHETIC_NOTICE_EN, SYNTHETIC_NOTICE_ZH, type PresetOutlines } from '../../sim/api.ts'
import { applyI18n, getLang, setLang, t } from '../i18n/i18n.ts'
import { characterSetOf, labelsLayer, streetLabelsOf } from '../layers/deck-layers.ts'
import type { MapView } from '../map/map.ts'
import { bboxOf } from '../store/geo.ts'
import { repaintGate } from '../progress.ts'

export class OutlinePreview {
  /** the outlines are on the map */
  shown = false
  /** the user moved the map while looking at the outlines: the app keeps that view */
  moved = false
  private over = false
  private streets = { done: 0, total: 0 }
  private readonly gate = repaintGate()

  /** loading: the loading card, made a line over the map once the outlines are drawn */
  constructor(private view: MapView, private loading: HTMLElement | null) {}

  /** Draw the outlines; `drawn` is called once the map shows them. Nothing happens once the world has arrived. */
  async show(o: PresetOutlines, drawn: () => void): Promise<void> {
    await this.view.loaded
    if (this.over) return
    const map = this.view.map
    // through the map's worker as blobs: the city's real street outlines are megabytes
    this.view.setData('district', o.district, true)
    this.view.setData('streets', o.streets, true)
    this.view.fit(bboxOf(o.district))
    const labels = streetLabelsOf(o.streets.features)
    this.view.setDeckLayers([labelsLayer(labels, characterSetOf(labels), 0)])
    this.loading?.classList.add('compact')
    this.shown = true
    this.render()
    // the app wires the language button when it starts; until then it switches the words shown here
    const lang = document.getElementById('lang')
    if (lang)
      lang.onclick = () => {
        setLang(getLang() === 'zh-CN' ? 'en' : 'zh-CN')
        this.render()
      }
    map.on('movestart', (e: { originalEvent?: unknown }) => {
      if (e.originalEvent && !this.over) this.moved = true
    })
    const check = () => {
      if (!map.querySourceFeatures('streets').length) return
      map.off('idle', check)
      drawn()
    }
    map.on('idle', check)
  }

  /** the words of the page while the interior is built, in the page's language */
  private render(): void {
    if (this.over) return
    applyI18n()
    const text = `${t('app.notice')}: ${getLang() === 'en' ? SYNTHETIC_NOTICE_EN : SYNTHETIC_NOTICE_ZH}`
    const notice = document.getElementById('notice')
    if (notice) Object.assign(notice, { textContent: text, title: text })
    const lang = document.getElementById('lang')
    if (lang) lang.textContent = t('lang.switch')
    // the panels fill in when the app starts (each clears its section): until then they say why they are empty
    for (const id of ['layer-panel', 'toolbar']) {
      const el = document.getElementById(id)
      if (el) el.replaceChildren(Object.assign(document.createElement('p'), { className: 'panel-wait', textContent: t('app.panelsWait') }))
    }
    this.progress(this.streets.done, this.streets.total, true)
  }

  /** streets of the interior built so far; shown at most once a second (and always the last), as every repaint over
   *  the map is a frame of the whole map for the GPU process, which on software GL takes CPU from the worker */
  progress(done: number, total: number, force = false): void {
    this.streets = { done, total }
    if (!force && !this.gate.ready(done >= total)) return
    this.gate.painted()
    const line = this.loading?.querySelector('#loading-text')
    if (line && total > 0) line.textContent = t(this.shown ? 'app.interior' : 'app.building', { done, total })
    const bar = this.loading?.querySelector('#loading-bar')
    if (bar instanceof HTMLProgressElement && total > 0) Object.assign(bar, { hidden: false, max: total, value: done })
  }

  /** the world has arrived: the app draws it from here on */
  finish(): void {
    this.over = true
    const line = this.loading?.querySelector('#loading-text')
    if (line) line.textContent = t(this.shown ? 'app.interiorDrawing' : 'app.drawing')
  }
}
