// docs/life-of-an-issue.md walks through the code by links of the form [text](../sim/model/handling.ts#done): each
// must point at a file that exists and name a function, class, method or constant declared in it, so the guide
// cannot silently drift from the code it describes.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'

const DOC = 'docs/life-of-an-issue.md'

/** a top-level declaration, or a member of a class or object literal (method, field) */
function declares(source: string, name: string): boolean {
  const n = name.replace(/[$]/g, '\\$')
  const topLevel = new RegExp(`^\\s*(?:export\\s+)?(?:default\\s+)?(?:async\\s+)?(?:function\\*?|const|let|var|class|interface|type|enum)\\s+${n}\\b`, 'm')
  const member = new RegExp(`^\\s+(?:(?:public|private|protected|readonly|static|async|get|set)\\s+)*${n}\\s*(?:<[^>\\n]*>)?\\s*(?:\\(|[:=])`, 'm')
  return topLevel.test(source) || member.test(source)
}

/** every markdown link target in the text: [text](target) */
const links = (md: string) => [...md.matchAll(/\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((t) => !/^[a-z]+:/.test(t))

describe('docs/life-of-an-issue.md', () => {
  const md = readFileSync(DOC, 'utf8')
  const targets = links(md)
  const code = targets.filter((t) => /\.ts(#|$)/.test(t))

  it('links to the code it describes, each link naming a function or constant', () => {
    expect(code.length).toBeGreaterThan(30)
    expect(code.filter((t) => !/#[A-Za-z_$][\w$]*$/.test(t))).toEqual([])
  })

  it('every linked file exists and declares the name the link gives', () => {
    const bad: string[] = []
    for (const t of targets) {
      const [path, name] = t.split('#')
      const file = join(dirname(DOC), path)
      if (!existsSync(file)) {
        bad.push(`${t}: no file ${file}`)
        continue
      }
      if (name && /\.ts$/.test(path) && !declares(readFileSync(file, 'utf8'), name)) bad.push(`${t}: ${name} is not declared in ${file}`)
    }
    expect(bad).toEqual([])
  })

  it('the check finds declarations and rejects names that are not there', () => {
    const src = 'export function arise(m) {}\nexport const EV = {}\nclass A {\n  readonly handlers: X = {}\n  async run(x) {}\n  u(i: number) {}\n}\n'
    for (const n of ['arise', 'EV', 'handlers', 'run', 'u']) expect(declares(src, n), n).toBe(true)
    for (const n of ['ari', 'known', 'x']) expect(declares(src, n), n).toBe(false)
  })
})
