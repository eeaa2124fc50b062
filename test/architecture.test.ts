// The boundaries the code relies on: the browser app reaches the simulation only through sim/api.ts, sim/ knows
// nothing of the DOM, map or UI, and nothing in sim/ draws randomness or time from outside the seeded streams.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    return statSync(p).isDirectory() ? files(p) : /\.ts$/.test(n) && !/\.test\.ts$/.test(n) ? [p] : []
  })
}
const imports = (f: string) => [...readFileSync(f, 'utf8').matchAll(/^\s*(?:import|export)[^'"]*from\s+'([^']+)'/gm)].map((m) => m[1])

describe('architecture', () => {
  it('src/ imports sim/ only through sim/api.ts', () => {
    const bad = files('src').flatMap((f) => imports(f).filter((i) => /(^|\/)sim\//.test(i) && !/sim\/api\.ts$/.test(i)).map((i) => `${f}: ${i}`))
    expect(bad).toEqual([])
  })

  it('sim/ imports no browser or UI library', () => {
    const ui = /^(maplibre-gl|@deck\.gl\/|terra-draw|idb)/
    const bad = files('sim').flatMap((f) => imports(f).filter((i) => ui.test(i) || i.includes('/src/')).map((i) => `${f}: ${i}`))
    expect(bad).toEqual([])
  })

  it('sim/ uses no Math.random or Date.now', () => {
    const bad = files('sim').filter((f) => /Math\.random\(|Date\.now\(/.test(readFileSync(f, 'utf8')))
    expect(bad).toEqual([])
  })

  it('the worker imports only comlink and sim/api.ts', () => {
    expect(imports('sim/worker.ts').sort()).toEqual(['./api.ts', 'comlink'])
  })
})
