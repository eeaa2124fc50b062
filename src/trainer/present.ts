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
  /** the side (0 before, 1 after) the followed issue was picked on, in split screen */
  side?: number
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
  if (s.issue !== null && s.split && s.side === 0) q.set('side', '0')
  if (s.lang === 'en') q.set('lang', 'en')
  return u.toString()
}

export function togglePresenting(on: boolean): void {
  document.body.classList.toggle('presenting', on)
  if (on && !document.fullscreenElement) void document.documentElement.requestFullscreen?.().catch(() => undefined)
  if (!on && document.fullscreenElement) void document.exitFullscreen().catch(() => undefined)
}

/** WebM of a map and the playback drawn over it (deck.gl's own canvas, which keeps its drawing buffer) while
 *  `drive` plays the replay. Each frame is composited onto white in a 2-D canvas in the map's 'render' event, while
 *  the map's drawing buffer is still valid (`preserveDrawingBuffer` is off); the caller makes the map render every
 *  playback frame meanwhile. WebCodecs (VP8, muxed by mediabunny) where the browser encodes VP8 — headless Chromium's
 *  software GL records too, which MediaRecorder's captureStream of a WebGL canvas does not; else MediaRecorder on
 *  the composite canvas. */
export async function recordMap(map: MapLibreMap, overlay: HTMLCanvasElement | null, drive: () => Promise<void>, fps = 25): Promise<Blob> {
  const { BufferTarget, canEncodeVideo, Output, QUALITY_HIGH, VideoSample, VideoSampleSource, WebMOutputFormat } = await import('mediabunny')
  const gl = map.getCanvas()
  const canvas = Object.assign(document.createElement('canvas'), { width: gl.width & ~1, height: gl.height & ~1 })
  const ctx = canvas.getContext('2d', { alpha: false })!
  const webCodecs = typeof VideoEncoder === 'function' && (await canEncodeVideo('vp8', { width: canvas.width, height: canvas.height }))
  const t0 = performance.now()
  let last = -Infinity
  let busy: Promise<void> | null = null
  let failed: unknown = null
  let frames = 0
  let encode: (ts: number) => void = () => undefined
  let finish: () => Promise<Blob>
  if (webCodecs) {
    const output = new Output({ format: new WebMOutputFormat(), target: new BufferTarget() })
    const source = new VideoSampleSource({ codec: 'vp8', bitrate: QUALITY_HIGH })
    output.addVideoTrack(source, { frameRate: fps })
    await output.start()
    encode = (ts) => {
      const sample = new VideoSample(canvas, { timestamp: ts, duration: 1 / fps })
      busy = source
        .add(sample)
        .catch((e: unknown) => void (failed = e))
        .finally(() => {
          sample.close()
          busy = null
        })
    }
    finish = async () => {
      if (failed || !frames) {
        await output.cancel()
        throw failed ?? new Error('no frame was drawn while recording')
      }
      await output.finalize()
      return new Blob([output.target.buffer!], { type: 'video/webm' })
    }
  } else {
    const stream = canvas.captureStream(fps)
    const type = ['video/webm;codecs=vp8', 'video/webm;codecs=vp9', 'video/webm'].find((m) => MediaRecorder.isTypeSupported(m)) ?? 'video/webm'
    const rec = new MediaRecorder(stream, { mimeType: type, videoBitsPerSecond: 4_000_000 })
    const chunks: Blob[] = []
    rec.ondataavailable = (e) => void (e.data.size && chunks.push(e.data))
    const stopped = new Promise<void>((r) => (rec.onstop = () => r()))
    rec.start(250)
    finish = async () => {
      if (rec.state === 'recording') rec.requestData()
      rec.stop()
      await stopped
      for (const tr of stream.getTracks()) tr.stop()
      return new Blob(chunks, { type: 'video/webm' })
    }
  }
  const take = (): void => {
    const ts = (performance.now() - t0) / 1000
    // at most `fps` frames a second, and none while the encoder is still busy: a slow machine drops frames (the
    // timestamps stay real, so the video keeps time) rather than queueing full-size frames in memory
    if (busy || failed || ts - last < 1 / fps) return
    last = ts
    ctx.fillStyle = '#fff'
    ctx.fillRect(0, 0, canvas.width, canvas.height)
    ctx.drawImage(gl, 0, 0)
    if (overlay) ctx.drawImage(overlay, 0, 0, gl.width, gl.height)
    frames++
    encode(ts)
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
  return finish()
}
