import type { MapLibreMap } from '../map/map.ts'
// Presenting: presentation mode (full screen, large type, side panel hidden, the legend kept), a link that restores
// the world, scenarios, seed and moment, and a replay exported as WebM through MediaRecorder on the map canvas.
export interface ShareState {
  preset: string
  seed: number
  days: number
  lesson: string | null
  scenario: string
  split: boolean
  t: number
  issue: number | null
  lang: string
}

export function shareUrl(s: ShareState, base = location.href): string {
  const u = new URL(base)
  u.search = ''
  const q = u.searchParams
  q.set('mode', 'trainer')
  q.set('preset', s.preset)
  q.set('seed', String(s.seed))
  q.set('days', String(s.days))
  if (s.lesson) q.set('lesson', s.lesson)
  else q.set('scenario', s.scenario)
  if (s.split) q.set('split', '1')
  q.set('t', String(Math.round(s.t)))
  if (s.issue !== null) q.set('issue', String(s.issue))
  if (s.lang === 'en') q.set('lang', 'en')
  return u.toString()
}

export function togglePresenting(on: boolean): void {
  document.body.classList.toggle('presenting', on)
  if (on && !document.fullscreenElement) void document.documentElement.requestFullscreen?.().catch(() => undefined)
  if (!on && document.fullscreenElement) void document.exitFullscreen().catch(() => undefined)
}

/** WebM of a map while `drive` plays the replay, through MediaRecorder on the map's canvas (deck.gl draws into
 *  it, interleaved, so the video has the playback on it) */
export async function recordMap(map: MapLibreMap, drive: () => Promise<void>, fps = 25): Promise<Blob> {
  const stream = map.getCanvas().captureStream(fps)
  const type = ['video/webm;codecs=vp8', 'video/webm;codecs=vp9', 'video/webm'].find((m) => MediaRecorder.isTypeSupported(m)) ?? 'video/webm'
  const rec = new MediaRecorder(stream, { mimeType: type, videoBitsPerSecond: 4_000_000 })
  const chunks: Blob[] = []
  rec.ondataavailable = (e) => void (e.data.size && chunks.push(e.data))
  const stopped = new Promise<void>((r) => (rec.onstop = () => r()))
  rec.start(250)
  map.triggerRepaint()
  try {
    await drive()
  } finally {
    if (rec.state === 'recording') rec.requestData()
    rec.stop()
  }
  await stopped
  for (const tr of stream.getTracks()) tr.stop()
  return new Blob(chunks, { type: 'video/webm' })
}
