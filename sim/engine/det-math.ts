// Logarithm, exponential and cosine in plain IEEE arithmetic, so a run gives the same bits in every JavaScript
// engine. Math.log, Math.exp and Math.cos are not pinned by the language: Node 20's V8 and a current Chromium's
// differ in the last bit for several per cent of arguments, and one such bit in a service time can move an issue
// across a time limit, so the page's rates drifted from the CLI's. These are ports of fdlibm's e_log.c, e_exp.c,
// k_cos.c, k_sin.c and the medium-argument path of e_rem_pio2.c (Sun Microsystems, freely redistributable), which
// is what Node 20 computes: results in Node are unchanged, and every other engine now agrees with them.

// the two 32-bit words of a double through typed-array views (several times faster than a DataView here)
const f64 = new Float64Array(1)
const i32 = new Int32Array(f64.buffer)
const u32 = new Uint32Array(f64.buffer)
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0
const LO = 1 - HI
const hi = (x: number): number => ((f64[0] = x), i32[HI])
const lo = (x: number): number => ((f64[0] = x), u32[LO])
const withHi = (x: number, h: number): number => ((f64[0] = x), (i32[HI] = h), f64[0])
const fromWords = (h: number, l: number): number => ((i32[HI] = h), (u32[LO] = l), f64[0])

const LN2_HI = 6.93147180369123816490e-1
const LN2_LO = 1.90821492927058770002e-10
const TWO54 = 1.8014398509481984e16
const LG1 = 6.666666666666735130e-1
const LG2 = 3.999999999940941908e-1
const LG3 = 2.857142874366239149e-1
const LG4 = 2.222219843214978396e-1
const LG5 = 1.818357216161805012e-1
const LG6 = 1.531383769920937332e-1
const LG7 = 1.479819860511658591e-1

/** natural logarithm (fdlibm __ieee754_log) */
export function ln(x: number): number {
  let hx = hi(x)
  const lx = lo(x)
  let k = 0
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | lx) === 0) return -Infinity
    if (hx < 0) return NaN
    k -= 54
    x *= TWO54
    hx = hi(x)
  }
  if (hx >= 0x7ff00000) return x + x
  k += (hx >> 20) - 1023
  hx &= 0x000fffff
  let i = (hx + 0x95f64) & 0x100000
  x = withHi(x, hx | (i ^ 0x3ff00000))
  k += i >> 20
  const f = x - 1.0
  if ((0x000fffff & (2 + hx)) < 3) {
    if (f === 0) return k === 0 ? 0 : k * LN2_HI + k * LN2_LO
    const R = f * f * (0.5 - 0.33333333333333333 * f)
    return k === 0 ? f - R : k * LN2_HI - (R - k * LN2_LO - f)
  }
  const s = f / (2.0 + f)
  const dk = k
  const z = s * s
  i = hx - 0x6147a
  const w = z * z
  const j = 0x6b851 - hx
  const t1 = w * (LG2 + w * (LG4 + w * LG6))
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)))
  i |= j
  const R = t2 + t1
  if (i > 0) {
    const hfsq = 0.5 * f * f
    return k === 0 ? f - (hfsq - s * (hfsq + R)) : dk * LN2_HI - (hfsq - (s * (hfsq + R) + dk * LN2_LO) - f)
  }
  return k === 0 ? f - s * (f - R) : dk * LN2_HI - (s * (f - R) - dk * LN2_LO - f)
}

const O_THRESHOLD = 7.09782712893383973096e2
const U_THRESHOLD = -7.45133219101941108420e2
const INV_LN2 = 1.44269504088896338700
const TWOM1000 = 9.33263618503218878990e-302
const P1 = 1.66666666666666019037e-1
const P2 = -2.77777777770155933842e-3
const P3 = 6.61375632143793436117e-5
const P4 = -1.65339022054652515390e-6
const P5 = 4.13813679705723846039e-8

/** e to the x (fdlibm __ieee754_exp) */
export function expo(x: number): number {
  let hx = hi(x)
  const xsb = (hx >>> 31) & 1
  hx &= 0x7fffffff
  if (hx >= 0x40862e42) {
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | lo(x)) !== 0) return x + x
      return xsb === 0 ? x : 0
    }
    if (x > O_THRESHOLD) return Infinity
    if (x < U_THRESHOLD) return 0
  }
  let k = 0
  let hiPart = 0
  let loPart = 0
  if (hx > 0x3fd62e42) {
    if (hx < 0x3ff0a2b2) {
      // V8's port returns e itself here (fdlibm's steps would be one bit off), and so must we
      if (x === 1) return Math.E
      hiPart = x - (xsb === 0 ? LN2_HI : -LN2_HI)
      loPart = xsb === 0 ? LN2_LO : -LN2_LO
      k = 1 - xsb - xsb
    } else {
      k = Math.trunc(INV_LN2 * x + (xsb === 0 ? 0.5 : -0.5))
      hiPart = x - k * LN2_HI
      loPart = k * LN2_LO
    }
    x = hiPart - loPart
  } else if (hx < 0x3e300000) {
    return 1 + x
  }
  const t = x * x
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))))
  if (k === 0) return 1 - ((x * c) / (c - 2.0) - x)
  const y = 1 - (loPart - (x * c) / (2.0 - c) - hiPart)
  if (k >= -1021) return withHi(y, hi(y) + (k << 20))
  return withHi(y, hi(y) + ((k + 1000) << 20)) * TWOM1000
}

const C1 = 4.16666666666666019037e-2
const C2 = -1.38888888888741095749e-3
const C3 = 2.48015872894767294178e-5
const C4 = -2.75573143513906633035e-7
const C5 = 2.08757232129817482790e-9
const C6 = -1.13596475577881948265e-11

function kernelCos(x: number, y: number): number {
  const ix = hi(x) & 0x7fffffff
  if (ix < 0x3e400000 && Math.trunc(x) === 0) return 1
  const z = x * x
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))))
  if (ix < 0x3fd33333) return 1 - (0.5 * z - (z * r - x * y))
  const qx = ix > 0x3fe90000 ? 0.28125 : fromWords(ix - 0x00200000, 0)
  const hz = 0.5 * z - qx
  return 1 - qx - (hz - (z * r - x * y))
}

const S1 = -1.66666666666666324348e-1
const S2 = 8.33333333332248946124e-3
const S3 = -1.98412698298579493134e-4
const S4 = 2.75573137070700676789e-6
const S5 = -2.50507602534068634195e-8
const S6 = 1.58969099521155010221e-10

function kernelSin(x: number, y: number): number {
  const ix = hi(x) & 0x7fffffff
  if (ix < 0x3e400000 && Math.trunc(x) === 0) return x
  const z = x * x
  const v = z * x
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)))
  return x - ((z * (0.5 * y - v * r) - y) - v * S1)
}

const INV_PIO2 = 6.36619772367581382433e-1
const PIO2_1 = 1.57079632673412561417
const PIO2_1T = 6.07710050650619224932e-11
const PIO2_2 = 6.07710050630396597660e-11
const PIO2_2T = 2.02226624879595063154e-21
const PIO2_3 = 2.02226624871116645580e-21
const PIO2_3T = 8.47842766036889956997e-32

/** x − n·π/2 as y0 + y1 for |x| up to 2^19·π/2 (fdlibm __ieee754_rem_pio2, whose small and medium paths these are) */
function remPio2(x: number, y: [number, number]): number {
  const hx = hi(x)
  const ix = hx & 0x7fffffff
  if (ix <= 0x3fe921fb) {
    y[0] = x
    y[1] = 0
    return 0
  }
  if (ix < 0x4002d97c) {
    const sign = hx > 0 ? 1 : -1
    let z = x - sign * PIO2_1
    if (ix !== 0x3ff921fb) {
      y[0] = z - sign * PIO2_1T
      y[1] = z - y[0] - sign * PIO2_1T
    } else {
      z -= sign * PIO2_2
      y[0] = z - sign * PIO2_2T
      y[1] = z - y[0] - sign * PIO2_2T
    }
    return sign
  }
  if (ix > 0x413921fb) throw new RangeError(`cosine argument too large for the deterministic kernel: ${x}`)
  const t0 = Math.abs(x)
  const n = Math.trunc(t0 * INV_PIO2 + 0.5)
  const fn = n
  let r = t0 - fn * PIO2_1
  let w = fn * PIO2_1T
  // fdlibm skips the cancellation check when x is not near a multiple of π/2; the check itself finds the same
  const j = ix >> 20
  y[0] = r - w
  let i = j - ((hi(y[0]) >> 20) & 0x7ff)
  if (i > 16) {
    let t = r
    w = fn * PIO2_2
    r = t - w
    w = fn * PIO2_2T - (t - r - w)
    y[0] = r - w
    i = j - ((hi(y[0]) >> 20) & 0x7ff)
    if (i > 49) {
      t = r
      w = fn * PIO2_3
      r = t - w
      w = fn * PIO2_3T - (t - r - w)
      y[0] = r - w
    }
  }
  y[1] = r - y[0] - w
  if (hx < 0) {
    y[0] = -y[0]
    y[1] = -y[1]
    return -n
  }
  return n
}

const yy: [number, number] = [0, 0]

/** cosine (fdlibm cos), for |x| up to about 800,000 */
export function cosine(x: number): number {
  if ((hi(x) & 0x7fffffff) <= 0x3fe921fb) return kernelCos(x, 0)
  if (!Number.isFinite(x)) return NaN
  const n = remPio2(x, yy)
  switch (n & 3) {
    case 0:
      return kernelCos(yy[0], yy[1])
    case 1:
      return -kernelSin(yy[0], yy[1])
    case 2:
      return -kernelCos(yy[0], yy[1])
    default:
      return kernelSin(yy[0], yy[1])
  }
}
