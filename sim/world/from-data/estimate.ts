// Households for communities whose files give none: area × households per hectare for a building form. The
// user sees the estimate and confirms it (CLI --hh-per-ha, the dialog's field) before a world is built on it.
import { areaM2, polysOf } from '../../geometry/measure.ts'
import type { Area } from '../types.ts'

/** Gross households per hectare of community land, medians of the default world's communities by building form
 *  (core high-rise ≈110, urban mid-rise ≈50, town low-rise ≈15; `npx tsx` over buildWorld fengtai, seed 1). */
export const HH_PER_HA = { core: 110, urban: 50, town: 15 } as const
export type FormName = keyof typeof HH_PER_HA

export const PERSONS_PER_HOUSEHOLD = 2.45

/** Which building form a density suggests; the thresholds are the default generator's (6,000 and 16,000 residents/km²). */
export function formForDensity(hhPerHa: number): FormName {
  const perKm2 = hhPerHa * 100 * PERSONS_PER_HOUSEHOLD
  return perKm2 > 16_000 ? 'core' : perKm2 < 6_000 ? 'town' : 'urban'
}

export interface HouseholdEstimate {
  /** households per hectare proposed: the median of the communities the file does give, else the urban form's */
  hhPerHa: number
  form: FormName
  /** why that figure */
  basis: 'user' | 'file' | 'form'
  /** the communities that need it */
  communities: { index: number; name: string; areaHa: number; households: number }[]
  total: number
}

export interface KnownHouseholds {
  geometry: Area
  name: string
  /** from the file (or its residents or buildings); undefined when nothing gives it */
  households?: number
}

/** The proposal the user confirms, or null when every community has households. */
export function estimateHouseholds(cs: KnownHouseholds[], hhPerHa?: number): HouseholdEstimate | null {
  const ha = cs.map((c) => areaM2(polysOf(c.geometry)) / 1e4)
  const missing = cs.map((c, i) => (c.households === undefined ? i : -1)).filter((i) => i >= 0)
  if (!missing.length) return null
  const known = cs.map((c, i) => (c.households !== undefined && ha[i] > 0 ? c.households / ha[i] : NaN)).filter((d) => Number.isFinite(d)).sort((a, b) => a - b)
  const proposed = known.length ? Math.round(known[Math.floor(known.length / 2)]) : HH_PER_HA.urban
  const rate = hhPerHa ?? proposed
  const rows = missing.map((i) => ({ index: i, name: cs[i].name, areaHa: Math.round(ha[i] * 10) / 10, households: Math.max(1, Math.round(ha[i] * rate)) }))
  return { hhPerHa: rate, form: formForDensity(rate), basis: hhPerHa !== undefined ? 'user' : known.length ? 'file' : 'form', communities: rows, total: rows.reduce((s, r) => s + r.households, 0) }
}
