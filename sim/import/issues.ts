// Collects issues for one file and caps what is reported, so a file with 200k broken features
// yields a readable list (errors first) instead of a megabyte of text.
import { MORE_ISSUES, type ImportCode } from './reasons.ts'
import type { ImportIssue, Severity } from './types.ts'
import { importEnglish, msg, type Msg } from './messages.ts'

export interface Where {
  feature?: number
  featureName?: string
  path?: string
}

const ORDER: Severity[] = ['error', 'warning', 'info']

export class Issues {
  private kept: Record<Severity, ImportIssue[]> = { error: [], warning: [], info: [] }
  private dropped: Record<Severity, number> = { error: 0, warning: 0, info: 0 }
  readonly file: string
  private readonly cap: number

  constructor(file: string, cap = 50) {
    this.file = file
    this.cap = cap
  }

  /** `text`: a message id with parameters (shown in the user's language), or plain English for rare technical cases */
  error(code: ImportCode, text: string | Msg, where: Where = {}): void { this.add('error', code, text, where) }
  warn(code: ImportCode, text: string | Msg, where: Where = {}): void { this.add('warning', code, text, where) }
  info(code: ImportCode, text: string | Msg, where: Where = {}): void { this.add('info', code, text, where) }

  get errorCount(): number { return this.kept.error.length + this.dropped.error }

  private add(severity: Severity, code: ImportCode, text: string | Msg, where: Where): void {
    const list = this.kept[severity]
    if (list.length >= this.cap) {
      this.dropped[severity]++
      return
    }
    const name = where.featureName ? ` ("${clip(where.featureName)}")` : ''
    const who = where.feature !== undefined ? `feature ${where.feature}${name}: ` : ''
    const issue: ImportIssue = { file: this.file, code, severity, message: `${this.file}: ${who}${typeof text === 'string' ? text : importEnglish(text)}` }
    if (typeof text !== 'string') (issue.msg = text.id), (issue.params = text.params)
    if (where.feature !== undefined) issue.feature = where.feature
    if (where.featureName) issue.featureName = where.featureName
    if (where.path) issue.path = where.path
    list.push(issue)
  }

  list(): ImportIssue[] {
    const out: ImportIssue[] = []
    for (const s of ORDER) for (const issue of this.kept[s]) out.push(issue)
    for (const s of ORDER) {
      const n = this.dropped[s]
      if (n) {
        const m = msg('moreIssues', { n, severity: s, cap: this.cap })
        out.push({ file: this.file, code: MORE_ISSUES, severity: s, message: `${this.file}: ${importEnglish(m)}`, msg: m.id, params: m.params })
      }
    }
    return out
  }
}

function clip(s: string): string {
  return s.length > 60 ? s.slice(0, 57) + '…' : s
}
