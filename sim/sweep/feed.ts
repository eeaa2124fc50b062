// The one loop that feeds a sweep's jobs to its runners (CLI threads, the page's workers): every runner takes the
// next job as soon as it is free, one run in flight each — a run takes far longer than a message, and a deeper
// queue per runner unbalances the tail. Results carry their job, so the order runs finish in does not matter.

/** runs `jobs` on `runners`; `run` resolves false to stop that runner (cancelled). Resolves when every runner is
 *  done; the first error rejects (the other runners finish the run they are in and take no more). */
export async function feed<R, J>(runners: readonly R[], jobs: readonly J[], run: (runner: R, job: J) => Promise<boolean | void>, stopped: () => boolean = () => false): Promise<void> {
  let next = 0
  let failed = false
  const drain = async (r: R) => {
    while (!failed && !stopped() && next < jobs.length) {
      const job = jobs[next++]
      try {
        if ((await run(r, job)) === false) return
      } catch (e) {
        failed = true
        throw e
      }
    }
  }
  await Promise.all(runners.map(drain))
}
