// A layer the import worker already wrote is listed by the edit, not written again from the page's thread.
import type { Feature } from 'geojson'
import { describe, expect, it } from 'vitest'
import { packFeatures } from './packed-layer.ts'
import { layersOf, prepacked, prestored } from './persist.ts'

const layer = (n: number): Feature[] => Array.from({ length: n }, (_, i) => ({ type: 'Feature', properties: { i, _file: 'f.geojson' }, geometry: { type: 'Point', coordinates: [116 + i * 1e-4, 39.8] } }))

describe('layers the import worker stored', () => {
  it('are referenced under their id and not handed back to be written', () => {
    const fs = layer(50)
    prepacked.set(fs[0], packFeatures(fs))
    prestored.set(fs[0], 'P1:Lworker')
    const { refs, fresh } = layersOf('P1', fs)
    expect(fresh).toEqual([])
    expect(refs).toEqual([{ id: 'P1:Lworker', n: 50, points: 50, file: 'f.geojson' }])
  })

  it('of another project, or not matching the features, are written as usual', () => {
    const fs = layer(20)
    prepacked.set(fs[0], packFeatures(fs))
    prestored.set(fs[0], 'OTHER:L1')
    const { refs, fresh } = layersOf('P2', fs)
    expect(fresh).toHaveLength(1)
    expect(refs[0].id).toMatch(/^P2:L/)
  })
})
