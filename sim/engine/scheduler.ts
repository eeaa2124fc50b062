// Discrete-event scheduler: a clock in minutes, an event queue with the stable (time, priority, sequence) order,
// and either a dispatch table `Record<Kind, Handler>` (a missing case fails to compile) or one dispatch function
// (the model's: a switch V8 can inline its handlers into, where a table's call site sees seven different closures).
import { EventQueue } from './event-queue.ts'
import { PoppedEvent } from './heap.ts'

export type Handlers<K extends number> = Record<K, (arg: number, time: number) => void>
/** dispatches one event; the event's time is the scheduler's `now` (set before each call) */
export type Dispatch<K extends number> = (kind: K, arg: number) => void

export class Scheduler<K extends number> {
  readonly queue: EventQueue
  now = 0
  processed = 0
  private readonly ev = new PoppedEvent()
  // the direct event: one scheduled by a handler at `now` (priority 0) when every pending event is later, so that it
  // is certainly the next to run: the run loop dispatches it after the handler returns, without a trip through the
  // heap (a `fengtai` year has 2.24 M of them in 11.5 M events, mostly an issue handed on to a pool at once; each
  // still counts as processed, so the result's `events` is unchanged). It takes its sequence
  // number when scheduled, as a queued one would, so every later event keeps its number and its place in the order;
  // an event scheduled after it at `now` has a higher number and runs after it, whether direct or queued.
  private running = false
  private direct = false
  private directKind = 0
  private directArg = 0
  private directSeq = 0

  /** `bucketMinutes`: the width of the event queue's time buckets (see event-queue.ts); `capacity`: room in its heap
   *  (the current bucket's events) before the heap grows */
  constructor(bucketMinutes = 60, capacity = 1 << 12) {
    this.queue = new EventQueue(bucketMinutes, capacity)
  }

  at(time: number, kind: K, arg: number, prio = 0): void {
    // the direct case apart, so that `at` stays small enough for V8 to inline into the handlers (a double argument
    // to a call it does not inline is boxed)
    if (time <= this.now && this.running && this.atNow(kind, arg, prio)) return
    this.queue.push(time < this.now ? this.now : time, prio, kind, arg)
  }

  /** an event at `now`, scheduled by a handler: true when it became the direct event */
  private atNow(kind: K, arg: number, prio: number): boolean {
    if (prio === 0 && !this.direct && this.queue.allAfter(this.now)) {
      this.direct = true
      this.directKind = kind
      this.directArg = arg
      this.directSeq = this.queue.takeSeq()
      return true
    }
    // an event before the direct one (a negative priority): the direct one goes into the queue, in its place
    if (prio < 0 && this.direct) this.queueDirect()
    return false
  }

  private queueDirect(): void {
    this.direct = false
    this.queue.pushTaken(this.now, this.directSeq, this.directKind, this.directArg)
  }

  /** runs every event with time < until through the handler table; returns the number processed */
  runUntil(until: number, handlers: Handlers<K>): number {
    const table: Record<number, (arg: number, time: number) => void> = handlers
    return this.run(until, (kind, arg) => table[kind](arg, this.now))
  }

  /** runs every event with time < until through `dispatch`, which reads the event's time from `now`: the time, a
   *  double, is not passed, so V8 need not box it into a fresh heap number for every event it dispatches (≈ a
   *  quarter of the allocation of a year's run); returns the number processed */
  run(until: number, dispatch: Dispatch<K>): number {
    const ev = this.ev
    const queue = this.queue
    let n = 0
    this.running = true
    try {
      for (;;) {
        if (this.direct) {
          // at `now` (< until, the time of the event that scheduled it), before every pending event
          this.direct = false
          dispatch(this.directKind as K, this.directArg)
        } else if (queue.popBefore(until, ev)) {
          this.now = ev.time
          dispatch(ev.kind as K, ev.arg)
        } else break
        n++
      }
    } finally {
      // a handler that threw leaves its direct event queued, not lost
      if (this.direct) this.queueDirect()
      this.running = false
    }
    if (Number.isFinite(until)) this.now = Math.max(this.now, until)
    this.processed += n
    return n
  }
}
