// The boundaries the code relies on: the browser app reaches the simulation only through sim/api.ts, sim/ knows
// nothing of the DOM, map or UI, and nothing in sim/ draws randomness or time from outside the seeded streams.
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    return statSync(p).isDirectory() ? files(p) : /\.ts$/.test(n) && !/\.test\.ts$/.test(n) ? [p] : []
  })
}
const imports = (f: string) => [...readFileSync(f, 'utf8').matchAll(/^\s*(?:import|export)[^'"]*from\s+'([^']+)'/gm)].map((m) => m[1])

/** imports that exist at run time (not `import type` / `export type`), resolved to repository paths */
const runtimeImports = (f: string) =>
  [...readFileSync(f, 'utf8').matchAll(/^\s*(import|export)(?!\s+type\b)[^'"]*from\s+'(\.[^']+)'/gm)].map((m) => join(dirname(f), m[2]))

/** one import cycle among the files, as a list of paths, or null */
function findCycle(all: string[]): string[] | null {
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const visit = (f: string): string[] | null => {
    if (state.get(f) === 'done') return null
    if (state.get(f) === 'open') return [...stack.slice(stack.indexOf(f)), f]
    state.set(f, 'open')
    stack.push(f)
    for (const g of runtimeImports(f)) {
      const c = all.includes(g) ? visit(g) : null
      if (c) return c
    }
    stack.pop()
    state.set(f, 'done')
    return null
  }
  for (const f of all) {
    const c = visit(f)
    if (c) return c
  }
  return null
}

/** the longest a module may be */
const MAX_LINES = 400

describe('architecture', () => {
  it('sim/model has no import cycle: handlers hand issues on through the leaf schedule.ts', () => {
    expect(findCycle(files('sim/model'))).toBeNull()
  })

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

  it("the simulation's draws use the engine's deterministic log, exp and cos, not the engine-dependent Math ones", () => {
    // Node 20 and a current Chromium differ in the last bit of Math.log/exp/cos for several per cent of arguments
    const bad = [...files('sim/engine'), ...files('sim/model'), ...files('sim/metrics'), ...files('sim/run')]
      .filter((f) => !f.endsWith('.test.ts') && !f.endsWith('det-math.ts'))
      .filter((f) => /Math\.(log|exp|cos|sin|pow|tan|atan2?|expm1|log1p)\(/.test(readFileSync(f, 'utf8')))
    expect(bad).toEqual([])
  })

  it('the worker imports only comlink and sim/api.ts', () => {
    expect(imports('sim/worker.ts').sort()).toEqual(['./api.ts', 'comlink'])
  })

  it('src/ has no `as unknown as` casts outside tests: types are declared, not forced', () => {
    const cast = /\bas\s+unknown\s+as\b/
    const bad = files('src').flatMap((f) => readFileSync(f, 'utf8').split('\n').flatMap((l, i) => (cast.test(l) ? [`${f}:${i + 1}: ${l.trim()}`] : [])))
    expect(bad).toEqual([])
  })

  it('no source file in sim/ or src/ is over 400 lines (tests included): modules stay small and named for what they do', () => {
    const all = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? all(join(dir, n)) : n.endsWith('.ts') ? [join(dir, n)] : []))
    const lines = (f: string) => readFileSync(f, 'utf8').replace(/\n$/, '').split('\n').length
    const long = [...all('sim'), ...all('src')].filter((f) => lines(f) > MAX_LINES).map((f) => `${f}: ${lines(f)} lines`)
    expect(long).toEqual([])
  })

  it('the worker contract is written once: src/ wraps the worker as Comlink.wrap<SimService>', () => {
    const restated = files('src').filter((f) => /interface\s+(SimRemote|RunRequest)\b/.test(readFileSync(f, 'utf8')))
    expect(restated).toEqual([])
    const wraps = files('src').flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/Comlink\.wrap(<\w+>)?\(/g)].map((m) => `${f}: ${m[1] ?? 'untyped'}`))
    expect(wraps.length).toBeGreaterThan(0)
    expect(wraps.filter((w) => w.endsWith('untyped'))).toEqual([])
  })
})

// Nothing in the repository may point outside it: a fresh clone has no notes, no book file and no shared folder
// beside it. The book is cited by chapter and section ("book ch. 9.2.4"), published figures by their public source
// (docs/domain.md § Citations). The patterns are spelled so that this file does not match itself.
const OUTSIDE: [string, RegExp][] = [
  ['the domain model notes', /(?<![\w-])model\.md\b/],
  ['the calibration notes', /(?<![\w-])calibration\.md\b/],
  ['the competitor notes', /(?<![\w-])anchors\.md\b/],
  ['the seed notes', /seed[-]notes/],
  ['a path to the shared folder', /\.\.\/shared\b|\/work\/shared\b/],
  // "L" and a book line number, alone, in a list or as a range. Not a token inside a word, a path, a URL or base64
  // (preceded by a word character, / + =), nor an SVG line-to with its coordinate pair.
  ['a book line number (cite the chapter and section)', /(?<![\w/+=])L\d{2,5}(?!\w)(?!\s*[,.]?\s*\d)/],
]
/** data files and binaries carry no citations; everything else tracked is read */
const SKIP = /\.(png|jpe?g|gif|webp|ico|pbf|zip|kmz|shp|shx|dbf|prj|cpg|geojson|csv|tsv)$|\.geo\.json$|(^|\/)package-lock\.json$/

describe('references stay inside the repository', () => {
  it('the line-number pattern catches citations and spares other tokens', () => {
    const line = OUTSIDE[OUTSIDE.length - 1][1]
    for (const s of ['L' + '2133', 'see L' + '979)', 'L' + '1364–L' + '1385', '(L' + '469, L' + '577)', 'L' + '1808 ff.', '"L' + '864 (≤30 min)"']) expect(s, s).toMatch(line)
    for (const s of ['M0 0 L' + '120 40', 'M0,0 L' + '120,40z', 'an L2 norm', 'L1 cache', 'https://x.org/L' + '123', 'sha512-abL' + '123', 'id=L' + '123', 'HL' + '2133', 'L' + '123abc']) expect(s, s).not.toMatch(line)
  })

  it('no tracked file names notes, book lines or folders outside the repository', () => {
    const tracked = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' }).split('\0').filter((f) => f && !SKIP.test(f))
    expect(tracked.length).toBeGreaterThan(100)
    const bad: string[] = []
    for (const f of tracked) {
      let text: string
      try {
        text = readFileSync(f, 'utf8')
      } catch {
        continue // listed but deleted in the work tree
      }
      if (text.includes('\0')) continue // binary
      text.split('\n').forEach((l, i) => {
        for (const [what, re] of OUTSIDE) if (re.test(l)) bad.push(`${f}:${i + 1}: ${what}: ${l.trim().slice(0, 120)}`)
      })
    }
    expect(bad).toEqual([])
  })

  it('src/ casts nothing to an i18n Key: keys are typed unions, or checked at run time by isKey', () => {
    const bad = files('src').filter((f) => /\bas\s+Key\b/.test(readFileSync(f, 'utf8')))
    expect(bad).toEqual([])
  })
})
