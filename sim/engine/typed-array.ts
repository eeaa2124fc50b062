// Growing a typed-array column: the event heap and the per-issue store both keep structure-of-arrays state.
export type Column = Float64Array | Float32Array | Int32Array | Uint8Array | Uint32Array

/** A copy of `a` with room for `cap` entries (same element type). */
export function grown<T extends Column>(a: T, cap: number): T {
  const b = new (a.constructor as new (n: number) => T)(cap)
  b.set(a)
  return b
}
