import type { MapLibreMap } from '../map/map.ts'
// Presenting: presentation mode (full screen, large type, side panel hidden, the legend kept), a link that restores
// the world, scenarios, seed and moment, and a replay exported as WebM from the map canvas.
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

/** WebM of a map while `drive` plays the replay. WebCodecs (VP8, muxed by mediabunny) where the browser encodes
 *  VP8: each frame is taken from the map's canvas in its 'render' event, while the drawing buffer still holds the map
 *  with deck.gl's interleaved layers (`preserveDrawingBuffer` is off), so headless Chromium's software GL records
 *  too, which MediaRecorder's captureStream does not. MediaRecorder remains for browsers without WebCodecs. */
export async function recordMap(map: MapLibreMap, drive: () => Promise<void>, fps = 25): Promise<Blob> {
  const { canEncodeVideo } = await import('mediabunny')
  const c = map.getCanvas()
  if (typeof VideoEncoder === 'function' && (await canEncodeVideo('vp8', { width: c.width, height: c.height }))) return encodeMap(map, drive, fps)
  return mediaRecorderMap(map, drive, fps)
}

async function encodeMap(map: MapLibreMap, drive: () => Promise<void>, fps: number): Promise<Blob> {
  const { BufferTarget, Output, QUALITY_HIGH, VideoSample, VideoSampleSource, WebMOutputFormat } = await import('mediabunny')
  const gl = map.getCanvas()
  // each frame is copied onto white in a 2-D canvas during the render event, while the drawing buffer is still valid
  const canvas = Object.assign(document.createElement('canvas'), { width: gl.width & ~1, height: gl.height & ~1 })
  const ctx = canvas.getContext('2d', { alpha: false })!
  const output = new Output({ format: new WebMOutputFormat(), target: new BufferTarget() })
  const source = new VideoSampleSource({ codec: 'vp8', bitrate: QUALITY_HIGH })
  output.addVideoTrack(source, { frameRate: fps })
  await output.start()
  const t0 = performance.now()
  let last = -Infinity
  let busy: Promise<void> | null = null
  let failed: unknown = null
  let frames = 0
  const take = (): void => {
    const ts = (performance.now() - t0) / 1000
    // at most `fps` frames a second, and none while the encoder is still busy: a slow machine drops frames (the
    // timestamps stay real, so the video keeps time) rather than queueing full-size frames in memory
    if (busy || failed || ts - last < 1 / fps) return
    last = ts
    ctx.fillStyle = '#fff'
    ctx.fillRect(0, 0, canvas.width, canvas.height)
    ctx.drawImage(gl, 0, 0)
    const sample = new VideoSample(canvas, { timestamp: ts, duration: 1 / fps })
    frames++
    busy = source
      .add(sample)
      .catch((e: unknown) => void (failed = e))
      .finally(() => {
        sample.close()
        busy = null
      })
  }
  map.on('render', take)
  map.triggerRepaint()
  try {
    await drive()
    // the last moment shown, even if the replay stopped on a frame the throttle skipped
    await busy
    await new Promise<void>((r) => {
      map.once('render', () => {
        last = -Infinity
        take()
        r()
      })
      map.triggerRepaint()
    })
    await busy
  } finally {
    map.off('render', take)
  }
  if (failed || !frames) {
    await output.cancel()
    throw failed ?? new Error('no frame was drawn while recording')
  }
  await output.finalize()
  return new Blob([output.target.buffer!], { type: 'video/webm' })
}

async function mediaRecorderMap(map: MapLibreMap, drive: () => Promise<void>, fps: number): Promise<Blob> {
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
