// One thread of a city run in the CLI (`gongzhi run --workers N` on a world of several districts): gets a district
// job, posts its progress and then its tallies. A thread does one district at a time, so its memory is one
// district's world and run.
import { parentPort } from 'node:worker_threads'
import { runCityJob, type CityJob } from './city-job.ts'

parentPort!.on('message', async (job: CityJob) => {
  try {
    let last = -1
    const result = await runCityJob(job, (f) => {
      const pct = Math.floor(f * 100)
      if (pct !== last) parentPort!.postMessage({ progress: f, code: job.code })
      last = pct
    })
    parentPort!.postMessage({ result })
  } catch (e) {
    parentPort!.postMessage({ error: e instanceof Error ? e.message : String(e) })
  }
})
