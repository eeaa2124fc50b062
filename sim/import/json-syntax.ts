// Parses JSON and, on failure, finds where it broke. Engines word JSON.parse errors differently
// (V8 gives a character offset, Firefox a line and column, Safari neither), so the location comes
// from our own scanner, which walks the text once, without recursion.

export type JsonOutcome = { ok: true; value: unknown } | { ok: false; line: number; column: number; problem: string }

export function parseJson(text: string): JsonOutcome {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch (e) {
    const found = findSyntaxError(text)
    const offset = found?.offset ?? 0
    const { line, column } = lineColumn(text, offset)
    const problem = found?.problem ?? `the JSON reader refused it (${e instanceof Error ? e.message : String(e)})`
    return { ok: false, line, column, problem }
  }
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++
    lineStart = i + 1
  }
  return { line, column: offset - lineStart + 1 }
}

// plain numbers rather than an enum: the code must stay erasable for every TS toolchain
const Mode = { Value: 0, Key: 1, After: 2 } as const
type Mode = (typeof Mode)[keyof typeof Mode]
const EOF = 'eof'
const ARRAY = 0
const OBJECT = 1

function describe(ch: string | undefined): string {
  if (ch === undefined) return 'the end of the file'
  if (ch === '\n' || ch === '\r') return 'a line break'
  const code = ch.charCodeAt(0)
  if (code < 0x20 || code === 0xfffd) return `an unreadable character (U+${code.toString(16).padStart(4, '0').toUpperCase()})`
  return `"${ch}"`
}

/** The first syntax error of a JSON text, or null if the scanner finds none. */
export function findSyntaxError(s: string): { offset: number; problem: string } | null {
  const n = s.length
  const stack: number[] = []
  let i = 0
  let mode: Mode = Mode.Value
  const ws = () => {
    while (i < n) {
      const c = s.charCodeAt(i)
      if (c === 32 || c === 9 || c === 10 || c === 13) i++
      else break
    }
  }
  const fail = (problem: string) => ({ offset: Math.min(i, n), problem })
  const early = () => fail('the file ends in the middle of the data (truncated?)')

  const string = (): string | null => {
    i++ // opening quote
    while (i < n) {
      const c = s.charCodeAt(i)
      if (c === 34) { i++; return null }
      if (c < 0x20) return 'a string runs into a line break or control character (missing closing quote?)'
      if (c === 92) {
        const e = s[i + 1]
        if (e === undefined) { i = n; return EOF }
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) { i += 1; return 'a \\u escape needs four hex digits' }
          i += 6
        } else if ('"\\/bfnrt'.includes(e)) i += 2
        else { i += 1; return `"\\${e}" is not a valid escape in a string` }
      } else i++
    }
    return EOF
  }
  const number = (): string | null => {
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(s.slice(i, i + 400))
    if (!m || m[0] === '-') return 'expected a number'
    i += m[0].length
    return null
  }

  while (true) {
    ws()
    if (mode === Mode.Value) {
      if (i >= n) return early()
      const ch = s[i]
      if (ch === '{') {
        i++; ws()
        if (s[i] === '}') { i++; mode = Mode.After } else { stack.push(OBJECT); mode = Mode.Key }
      } else if (ch === '[') {
        i++; ws()
        if (s[i] === ']') { i++; mode = Mode.After } else { stack.push(ARRAY); mode = Mode.Value }
      } else if (ch === '"') {
        const bad = string()
        if (bad === EOF) return early()
        if (bad) return fail(bad)
        mode = Mode.After
      } else if (/^(NaN|-?Infinity)/.test(s.slice(i, i + 9))) return fail('NaN and Infinity are not allowed in JSON (write null or a number)')
      else if (ch === '-' || (ch >= '0' && ch <= '9')) {
        const bad = number()
        if (bad) return fail(bad)
        mode = Mode.After
      } else if (s.startsWith('true', i) || s.startsWith('null', i)) { i += 4; mode = Mode.After }
      else if (s.startsWith('false', i)) { i += 5; mode = Mode.After }
      else if (ch === ']' || ch === '}') return fail(`expected a value but found ${describe(ch)} (a trailing comma?)`)
      else if (ch === "'") return fail('JSON strings need double quotes, not single quotes')
      else return fail(`expected a value but found ${describe(ch)}`)
    } else if (mode === Mode.Key) {
      if (i >= n) return early()
      if (s[i] !== '"') {
        return fail(s[i] === '}' ? 'expected a property name after the comma (a trailing comma?)' : `expected a property name in double quotes but found ${describe(s[i])}`)
      }
      const bad = string()
      if (bad === EOF) return early()
      if (bad) return fail(bad)
      ws()
      if (i >= n) return early()
      if (s[i] !== ':') return fail(`expected ":" after the property name but found ${describe(s[i])}`)
      i++
      mode = Mode.Value
    } else {
      if (stack.length === 0) {
        if (i < n) return fail(`unexpected ${describe(s[i])} after the end of the data`)
        return null
      }
      if (i >= n) return early()
      const top = stack[stack.length - 1]
      const ch = s[i]
      if (ch === ',') { i++; mode = top === OBJECT ? Mode.Key : Mode.Value }
      else if (top === ARRAY && ch === ']') { i++; stack.pop() }
      else if (top === OBJECT && ch === '}') { i++; stack.pop() }
      else return fail(`expected "," or "${top === ARRAY ? ']' : '}'}" but found ${describe(ch)}`)
    }
  }
}
