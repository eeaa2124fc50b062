// The playback clock: one simulated time for every map, moved by requestAnimationFrame at a chosen speed
// (simulated minutes per real second), paused at a lesson's moments, stepped to the next event, or set directly
// (the scrubber, a shared link). Keeps the last frames' durations for the benchmark.
export const SPEEDS = [1, 10, 60, 360, 1440, 10080] as const

export class Player {
  t = 0
  playing = false
  speed = 60
  /** minutes playback stops at once (a lesson's moments), ascending */
  pauses: number[] = []
  /** frame durations (ms) while playing */
  readonly frames: number[] = []
  private last = 0
  private raf = 0

  constructor(
    readonly end: number,
    private readonly draw: (t: number) => void,
    private readonly onState: () => void,
    private readonly onMoment: (k: number) => void,
  ) {}

  play(): void {
    if (this.playing) return
    if (this.t >= this.end) this.t = 0
    this.playing = true
    this.last = performance.now()
    this.raf = requestAnimationFrame((n) => this.tick(n))
    this.onState()
  }

  pause(): void {
    this.playing = false
    cancelAnimationFrame(this.raf)
    this.onState()
  }

  seek(t: number): void {
    this.t = Math.max(0, Math.min(this.end, t))
    this.draw(this.t)
    this.onState()
  }

  private tick(now: number): void {
    if (!this.playing) return
    // a frame's timestamp can be earlier than the moment play() was pressed: never run the clock backwards (it would
    // stop again at the moment it just left)
    const dt = Math.max(0, now - this.last)
    this.last = Math.max(this.last, now)
    if (dt > 0 && dt < 10_000) this.frames.push(dt)
    if (this.frames.length > 5000) this.frames.splice(0, 1000)
    let next = this.t + (this.speed * dt) / 1000
    const k = this.pauses.findIndex((p) => p > this.t && p <= next)
    if (k >= 0) next = this.pauses[k]
    this.t = Math.min(this.end, next)
    this.draw(this.t)
    if (k >= 0) {
      this.pause()
      this.onMoment(k)
      return
    }
    if (this.t >= this.end) return this.pause()
    this.onState()
    this.raf = requestAnimationFrame((n) => this.tick(n))
  }
}
