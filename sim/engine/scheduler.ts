// Discrete-event scheduler: a clock in minutes, an event queue with the stable (time, priority, sequence) order,
// and a dispatch table `Record<Kind, Handler>` supplied by the model, so a missing case fails to compile.
import { EventQueue } from './event-queue.ts'

export type Handlers<K extends number> = Record<K, (arg: number, time: number) => void>

export class Scheduler<K extends number> {
  readonly queue: EventQueue
  now = 0
  processed = 0
  private readonly ev = { time: 0, kind: 0, arg: 0 }

  /** `bucketMinutes`: the width of the event queue's time buckets (see event-queue.ts) */
  constructor(bucketMinutes = 60) {
    this.queue = new EventQueue(bucketMinutes, 1 << 12)
  }

  at(time: number, kind: K, arg: number, prio = 0): void {
    if (time < this.now) time = this.now
    this.queue.push(time, prio, kind, arg)
  }

  /** runs every event with time < until; returns the number processed */
  runUntil(until: number, handlers: Handlers<K>): number {
    const ev = this.ev
    const queue = this.queue
    const table: Record<number, (arg: number, time: number) => void> = handlers
    let n = 0
    while (queue.peekTime() < until) {
      queue.pop(ev)
      this.now = ev.time
      table[ev.kind](ev.arg, ev.time)
      n++
    }
    if (Number.isFinite(until)) this.now = Math.max(this.now, until)
    this.processed += n
    return n
  }
}
