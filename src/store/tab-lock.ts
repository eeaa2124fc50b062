// One editing tab per project: a Web Lock named after the project is held while the tab may write. A second tab
// finds it taken and opens read-only; "take over" steals it, and the first tab learns it lost the lock.
// Without the Web Locks API (very old browsers) every tab may write and the revision check in persist.ts is
// the only guard.

export class TabLock {
  private release: (() => void) | null = null
  /** the lock was taken over by another tab */
  onLost: (() => void) | null = null
  held = false

  constructor(readonly name: string) {}

  /** Try to hold the lock; steal takes it from whichever tab holds it. Resolves whether this tab holds it. */
  acquire(steal = false): Promise<boolean> {
    const locks = (navigator as Navigator & { locks?: LockManager }).locks
    if (!locks) return Promise.resolve((this.held = true))
    return new Promise((resolve) => {
      const opts: LockOptions = steal ? { steal: true } : { ifAvailable: true }
      locks
        .request(this.name, opts, (lock) => {
          if (!lock) return resolve(false)
          this.held = true
          resolve(true)
          return new Promise<void>((r) => (this.release = r))
        })
        .catch(() => {
          // AbortError: another tab stole the lock
          const was = this.held
          this.held = false
          this.release = null
          if (was) this.onLost?.()
          resolve(false)
        })
    })
  }

  unlock(): void {
    this.held = false
    this.release?.()
    this.release = null
  }
}

export const lockName = (projectId: string): string => `gongzhi:project:${projectId}`
