// Which text encoding a Shapefile's .dbf is in. The .cpg should say, but Chinese exports write it many ways
// (936, CP936, ANSI 936, GBK, gb2312, GB18030…) that TextDecoder and shpjs's dbf reader do not all know, and
// some write UTF-8 over GBK bytes. GB18030 is the superset of GB2312 and GBK (and its decoder the only one that
// takes the 4-byte characters, e.g. rare characters in names), so every name of the family decodes as GB18030.

export type DbfEncoding = { label: string; from: 'cpg' | 'default' } | { label: null; unknown: string }

const GB = /^(?:(?:ANSI|CP|MS|WINDOWS|IBM)[-_ ]?)?(?:936|54936)$|^(?:X-)?GBK$|^GB[-_ ]?2312(?:[-_ ]?80)?$|^GB[-_ ]?18030(?:[-_ ]?2005|[-_ ]?2022)?$|^(?:X-)?EUC[-_ ]?CN$|^CSGB2312$|^CHINESE$|^ISO[-_ ]?IR[-_ ]?58$/
const UTF8 = /^(?:UTF[-_ ]?8|(?:(?:ANSI|CP)[-_ ]?)?65001)$/
const BIG5 = /^(?:(?:ANSI|CP|MS|WINDOWS)[-_ ]?)?950$|^BIG[-_ ]?5(?:[-_ ]?HKSCS)?$/
const ANSI = /^(?:(?:ANSI|CP|MS|WINDOWS)[-_ ]?)?(\d{3,5})$/

function decoderKnows(label: string): boolean {
  try {
    new TextDecoder(label)
    return true
  } catch {
    return false
  }
}

/** The TextDecoder label for a .cpg's contents (UTF-8 when there is no .cpg). */
export function dbfEncoding(cpg: string | undefined): DbfEncoding {
  const raw = (cpg ?? '').replace(/^\uFEFF/, '').trim().replace(/^["']|["']$/g, '')
  if (!raw) return { label: 'utf-8', from: 'default' }
  const name = raw.toUpperCase().replace(/\s+/g, ' ')
  if (GB.test(name)) return { label: 'gb18030', from: 'cpg' }
  if (UTF8.test(name)) return { label: 'utf-8', from: 'cpg' }
  if (BIG5.test(name)) return { label: 'big5', from: 'cpg' }
  const n = ANSI.exec(name)
  if (n && decoderKnows(`windows-${n[1]}`)) return { label: `windows-${n[1]}`, from: 'cpg' }
  if (n && n[1] === '20936') return { label: 'gb18030', from: 'cpg' }
  if (decoderKnows(raw)) return { label: new TextDecoder(raw).encoding, from: 'cpg' }
  return { label: null, unknown: raw.slice(0, 40) }
}

/** Replacement characters other than at the end of a value: a UTF-8 reading of bytes that are not UTF-8. (A
 *  value cut at its field's width can lose the last bytes of a real UTF-8 character; that one is not evidence.) */
export function notUtf8(rows: Record<string, unknown>[]): boolean {
  const bad = (s: string) => /\uFFFD(?!\uFFFD*$)/.test(s) || /^\uFFFD+$/.test(s)
  for (const r of rows) {
    for (const [k, v] of Object.entries(r)) if (bad(k) || (typeof v === 'string' && bad(v))) return true
  }
  return false
}
