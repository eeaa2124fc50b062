// The state, progress bar and status line the run panel and the sweep panel both show. The status is kept as a
// function so a language switch re-words it; progress moves the bar and rewrites the line without a re-render.
import { t } from '../i18n/i18n.ts'
import { h } from './dom.ts'

export type RunState = 'idle' | 'running' | 'done' | 'cancelled' | 'failed'

export class RunStatus {
  state: RunState = 'idle'
  /** 0–1, shown by the bar */
  fraction = 0
  private text: () => string = () => ''
  private bar: HTMLProgressElement | null = null
  private line: HTMLElement | null = null

  constructor(
    /** redraws the panel after a state change */
    private readonly rerender: () => void,
    private readonly testids: { bar: string; status: string },
  ) {}

  get running(): boolean {
    return this.state === 'running'
  }

  /** a new state and what the status line says about it; the panel is redrawn */
  set(state: RunState, text: () => string): void {
    this.state = state
    this.text = text
    this.rerender()
  }

  /** the bar and the status line for this render */
  views(): [HTMLProgressElement, HTMLElement] {
    this.bar = h('progress', { max: 1, value: this.fraction, testid: this.testids.bar })
    this.line = h('div', { class: 'run-status', testid: this.testids.status, text: this.text() })
    return [this.bar, this.line]
  }

  /** how far it got, between renders */
  progress(fraction: number, text: string): void {
    this.fraction = fraction
    if (this.bar) this.bar.value = fraction
    if (this.line) this.line.textContent = text
  }
}

/** " · about N s left", or nothing while there is no estimate */
export const etaText = (etaSeconds: number | null): string => (etaSeconds === null ? '' : ` · ${t('run.eta', { s: Math.ceil(etaSeconds) })}`)
