// Discrete-event scheduler: a clock in minutes, an event heap with the stable (time, priority, sequence) order,
// and a dispatch table `Record<Kind, Handler>` supplied by the model, so a missing case fails to compile.
import { EventHeap } from './heap.ts'

export type Handlers<K extends number> = Record<K, (arg: number, time: number) => void>

export class Scheduler<K extends number> {
  readonly heap = new EventHeap(1 << 14)
  now = 0
  processed = 0
  private readonly ev = { time: 0, kind: 0, arg: 0 }

  at(time: number, kind: K, arg: number, prio = 0): void {
    if (time < this.now) time = this.now
    this.heap.push(time, prio, kind, arg)
  }

  /** runs every event with time < until; returns the number processed */
  runUntil(until: number, handlers: Handlers<K>): number {
    const ev = this.ev
    const heap = this.heap
    const table: Record<number, (arg: number, time: number) => void> = handlers
    let n = 0
    while (heap.size > 0 && heap.peekTime() < until) {
      heap.pop(ev)
      this.now = ev.time
      table[ev.kind](ev.arg, ev.time)
      n++
    }
    if (Number.isFinite(until)) this.now = Math.max(this.now, until)
    this.processed += n
    return n
  }
}
