// The export menu: the grids or the whole world as GeoJSON, and per-grid statistics as CSV.
import { zhHeaderRow } from './csv-headers.ts'
import type { Feature, FeatureCollection } from 'geojson'
import type { World } from '../../sim/api.ts'
import { getLang, t } from '../i18n/i18n.ts'
import { unpackAll } from '../store/packed-layer.ts'
import type { AppState as State } from '../store/store.ts'
import { clear, download, h } from './dom.ts'
import { csvOf } from './io.ts'

export function renderExportMenu(sel: HTMLSelectElement): void {
  clear(sel)
  sel.append(h('option', { value: '', text: t('io.export') }), h('option', { value: 'grids', text: t('io.exportGrids') }), h('option', { value: 'world', text: t('io.exportWorld') }), h('option', { value: 'csv', text: t('io.exportCsv') }), ...(getLang() === 'zh-CN' ? [h('option', { value: 'csv-zh', text: `${t('io.exportCsv')}（${t('csv.zhHeaders')}）` })] : []))
}

const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features })
const WORLD_LAYERS = ['district', 'streets', 'communities', 'compounds', 'buildings', 'grids', 'services', 'roads', 'imported'] as const

/** The world export decodes the imported layers, which the document keeps packed, hence async. */
export async function exportAs(kind: string, w: World, s: State, communityNames: Map<string, string>): Promise<void> {
  if (kind === 'grids') download('grids.geojson', JSON.stringify(fc(s.doc.grids)), 'application/geo+json')
  if (kind === 'world') {
    const imported: Feature[] = []
    for (const l of s.doc.imported) for (const f of await unpackAll(l)) imported.push(f)
    const all = { ...w, grids: fc(s.doc.grids), imported: fc(imported) }
    download('world.geojson', JSON.stringify(fc(WORLD_LAYERS.flatMap((k) => (all[k] as FeatureCollection).features.map((f) => ({ ...f, properties: { ...f.properties, layer_kind: k } }))))), 'application/geo+json')
  }
  if (kind === 'csv' || kind === 'csv-zh') download('grid-stats.csv', kind === 'csv' ? statsCsv(s, communityNames) : zhHeaderRow(statsCsv(s, communityNames)), 'text/csv')
}

export function statsCsv(s: State, communityNames: Map<string, string>): string {
  return csvOf(
    s.doc.grids
      .filter((g) => g.properties.layer !== 'party')
      .map((g) => {
        const st = s.stats.get(g.properties.id)
        return {
          id: g.properties.id, name: g.properties.name ?? '', community: g.properties.community, community_name: communityNames.get(g.properties.community) ?? '',
          households: st?.households ?? '', residents: st?.residents ?? '', buildings: st?.buildings ?? '', area_m2: st?.areaM2 ?? '', compactness: st?.compactness ?? '',
          walk_min: st?.farthestWalkMin ?? '', workers_full_time: g.properties.workersFullTime ?? 0, workers_part_time: g.properties.workersPartTime ?? 0, party_branch: g.properties.partyBranch !== false,
        }
      }),
  )
}
