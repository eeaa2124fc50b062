// Identifiers shared by the model's modules: event kinds, channels, roles, pool-job stages, issue phases and
// flags, salts of the per-issue draws, and the hash and Poisson helpers.
import type { Rng } from '../engine/rng.ts'
import { CATEGORIES, CATEGORY } from './categories.ts'

export const WALK_M_PER_MIN = 4500 / 60
export const DETOUR = 1.3
/** an issue nobody finds within this many days stays latent (assumption) */
export const LATENT_DAYS = 14

/** category specs as an array indexed by category number (hot-loop lookups) */
export const SPEC = CATEGORIES.map((c) => CATEGORY[c])

/** event kinds; the handler table is a Record over them, so a missing case fails to compile */
export const EV = { ARISE: 0, KNOWN: 1, ENTER: 2, DONE: 3, DEADLINE: 4, CALLBACK: 5 } as const
export type EventKind = (typeof EV)[keyof typeof EV]

/** events as a discriminated union, for playback streams */
export type SimEvent =
  | { kind: 'arise'; t: number; issue: number; category: number; building: number }
  | { kind: 'known'; t: number; issue: number; channel: number }
  | { kind: 'enter'; t: number; issue: number; role: number }
  | { kind: 'done'; t: number; issue: number; role: number }
  | { kind: 'deadline'; t: number; issue: number }
  | { kind: 'callback'; t: number; issue: number; solved: boolean; satisfied: boolean }

/** how an issue became known */
export const CHANNELS = ['rc', 'property', 'party', 'neighbours', 'hotline', 'owners', 'patrol', 'visit', 'volunteer'] as const
export const CH = { RC: 0, PROPERTY: 1, PARTY: 2, NEIGHBOURS: 3, HOTLINE: 4, OWNERS: 5, PATROL: 6, VISIT: 7, VOLUNTEER: 8 } as const
export const PROACTIVE_FROM = CH.PATROL

/** resolver roles (pool kinds) */
export const ROLES = ['gridWorker', 'communityWorker', 'property', 'streetOffice', 'enforcement', 'departments'] as const
export const ROLE = { GRID: 0, COMM: 1, PROP: 2, OFFICE: 3, ENF: 4, DEPT: 5 } as const

/** what the issue's next pool job is */
export const ST = { RESOLVE: 0, TRIAGE: 1, DEPT_TRIAGE: 2, WHISTLE: 3, OFFICE_TRY: 4, DEPT2: 5, VERIFY: 6, ON_SPOT: 7 } as const

/** issue phase: arisen and not (yet) known, known and being handled, closed */
export const PHASE = { LATENT: 0, OPEN: 1, CLOSED: 2 } as const

export const F_FIXED = 1
export const F_CLOSED = 2
export const F_CALLBACK = 4
export const F_SOLVED = 8
export const F_SATISFIED = 16
export const F_ONTIME = 32
export const F_CALLBACK_PENDING = 64
export const F_WHISTLED = 128

// salts for per-issue draws
export const S = { REPORT: 1, REPORT_DELAY: 2, CHANNEL: 3, PATROL: 4, VISIT: 5, VOLUNTEER: 6, WORK: 7, FIX: 8, BOUNCE: 9, VERIFY: 10, SAT: 11, EXPLAIN: 12, WHISTLE: 13, BOUNCE_DELAY: 14, HARD: 15, HARD_FIX: 16, ALONE: 17, VISIBLE: 18, INDOOR: 19 } as const

export function hash32(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35) ^ Math.imul(c + 0x165667b1, 0x27d4eb2f)
  h ^= h >>> 15
  h = Math.imul(h, 0x2c1b3c6d)
  h ^= h >>> 12
  h = Math.imul(h, 0x297a2d39)
  h ^= h >>> 15
  return h >>> 0
}

export function seedHash(seed: number | string): number {
  const s = String(seed)
  let h = 2166136261
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619)
  return h >>> 0
}

export function poisson(rng: Rng, mean: number): number {
  if (mean <= 0) return 0
  if (mean > 40) return Math.max(0, Math.round(rng.normal(mean, Math.sqrt(mean))))
  const l = Math.exp(-mean)
  let k = 0
  let p = 1
  do {
    k++
    p *= rng.next()
  } while (p > l)
  return k - 1
}
