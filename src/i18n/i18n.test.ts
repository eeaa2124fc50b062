import { describe, expect, it } from 'vitest'
import { isKey, t, tAny } from './i18n.ts'

describe('keys built at run time', () => {
  it('are translated when the dictionaries have them, and shown as given (or the fallback) when not', () => {
    expect(isKey('layer.grids')).toBe(true)
    expect(isKey('layer.no-such-layer')).toBe(false)
    expect(tAny('layer.grids')).toBe(t('layer.grids'))
    expect(tAny('layer.no-such-layer')).toBe('layer.no-such-layer')
    expect(tAny('fd.f.no-such-field', {}, 'no-such-field')).toBe('no-such-field')
  })

  it('fill placeholders as t() does', () => {
    expect(tAny('stats.band', { min: 300, max: 500 })).toBe('户数区间 300–500')
  })
})
