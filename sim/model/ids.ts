// Identifiers shared by the model's modules: event kinds, channels, pool-job stages, issue phases and flags, and the
// salts of the per-issue draws. Chinese terms beside the English ones: docs/domain.md § Glossary.
import { CATEGORIES, CATEGORY } from './categories.ts'
import { PROPERTY_MODELS } from '../world/schema.ts'
export { CAT } from './categories.ts'
export { ROLES, ROLE, RESOLVER, type Role, type RoleName, type ResolverKind } from './roles.ts'

export const WALK_M_PER_MIN = 4500 / 60
export const DETOUR = 1.3
/** an issue nobody finds within this many days stays latent (assumption) */
export const LATENT_DAYS = 14

/** category specs as an array indexed by category number (hot-loop lookups) */
export const SPEC = CATEGORIES.map((c) => CATEGORY[c])

/** event kinds; the handler table is a Record over them, so a missing case fails to compile */
export const EV = { ARISE: 0, KNOWN: 1, ENTER: 2, DONE: 3, DEADLINE: 4, CALLBACK: 5, CONSULTED: 6 } as const
export type EventKind = (typeof EV)[keyof typeof EV]

/** events as a discriminated union, for playback streams */
export type SimEvent =
  | { kind: 'arise'; t: number; issue: number; category: number; building: number; household?: number }
  | { kind: 'known'; t: number; issue: number; channel: number }
  | { kind: 'enter'; t: number; issue: number; role: number }
  | { kind: 'done'; t: number; issue: number; role: number }
  | { kind: 'deadline'; t: number; issue: number }
  | { kind: 'callback'; t: number; issue: number; solved: boolean; satisfied: boolean }
  | { kind: 'consulted'; t: number; issue: number }
  // the trainer's story (sim/playback): a job taken up, the whistle blown, verification asked for, the case closed,
  // a household's trust after a callback or an ignored issue
  | { kind: 'start'; t: number; issue: number; role: number }
  | { kind: 'whistle'; t: number; issue: number }
  | { kind: 'verify'; t: number; issue: number }
  | { kind: 'close'; t: number; issue: number; onTime: boolean }
  | { kind: 'trust'; t: number; issue: number; household: number; trust: number }

/** how an issue became known: the six a resident reports to (in the order of the resident survey), then the three
 *  ways staff find it first (未诉先办) */
export const CHANNELS = ['rc', 'property', 'party', 'neighbours', 'hotline', 'owners', 'patrol', 'visit', 'volunteer', 'steward'] as const
export const CH = {
  /** 居委会 residents' committee */
  RC: 0,
  /** 物业 property company */
  PROPERTY: 1,
  /** 社区党组织 community party organisation */
  PARTY: 2,
  /** neighbours (邻里), who pass it on to the committee */
  NEIGHBOURS: 3,
  /** 12345 市民服务热线 citizens' hotline */
  HOTLINE: 4,
  /** 业委会 owners' committee */
  OWNERS: 5,
  /** 网格员巡查 a grid worker's patrol */
  PATROL: 6,
  /** 入户走访 a community worker's home visit */
  VISIT: 7,
  /** 志愿者 / 劝导队 a volunteer's pass */
  VOLUNTEER: 8,
  /** 小巷管家 / 街巷长 an alley steward's or street chief's walk along the roads */
  STEWARD: 9,
} as const
export type Channel = (typeof CH)[keyof typeof CH]
/** channels below this are a resident's report; from it on, staff found the issue first */
export const PROACTIVE_FROM = CH.PATROL
/** the channels a resident can report to (rc … owners) */
export const RESIDENT_CHANNELS = PROACTIVE_FROM

/** what the issue's next pool job is */
export const ST = {
  /** the job that solves it (处置), at the resolver's pool */
  RESOLVE: 0,
  /** a 12345 ticket sent straight to the street office (诉求直派), which routes it */
  TRIAGE: 1,
  /** a 12345 ticket routed through the departments, who may pass it on (踢皮球) */
  DEPT_TRIAGE: 2,
  /** the street office blows the whistle (吹哨报到) or solves it alone */
  WHISTLE: 3,
  /** without the whistle the street office tries, then hands it to the departments */
  OFFICE_TRY: 4,
  /** a second department after the first, for a multi-department issue without the whistle */
  DEPT2: 5,
  /** the grid worker checks the fix (核查) */
  VERIFY: 6,
  /** the patrolling grid worker fixes it where it was found (未诉先办), without a queue */
  ON_SPOT: 7,
} as const
export type Stage = (typeof ST)[keyof typeof ST]

/** issue phase: arisen and not (yet) known, known and being handled, closed (结案) */
export const PHASE = { LATENT: 0, OPEN: 1, CLOSED: 2 } as const

export const F_FIXED = 1
export const F_CLOSED = 2
/** the resident has been called back (回访) */
export const F_CALLBACK = 4
export const F_SOLVED = 8
export const F_SATISFIED = 16
export const F_ONTIME = 32
export const F_CALLBACK_PENDING = 64
export const F_WHISTLED = 128
/** the second flag column (Model.flags2): the book's community-level systems (docs/book-systems.md) */
/** waited for a consultation (议事协商) before dispatch */
export const F2_CONSULTED = 1
/** a hard case parked (挂账): explained, counted apart */
export const F2_PARKED = 2
/** a parked case reopened by a policy change */
export const F2_REOPENED = 4
/** handled by a social organisation */
export const F2_SOCIAL = 8
/** its first deadline was moved to after the consultation: that event is skipped */
export const F2_DEADLINE_MOVED = 16

/** salts of the per-issue draws (Model.u): one per decision, so each decision has its own uniform; a salt's number
 *  is part of every stream's value and must never change */
export const S = { REPORT: 1, REPORT_DELAY: 2, CHANNEL: 3, PATROL: 4, VISIT: 5, VOLUNTEER: 6, WORK: 7, FIX: 8, BOUNCE: 9, VERIFY: 10, SAT: 11, EXPLAIN: 12, WHISTLE: 13, BOUNCE_DELAY: 14, HARD: 15, HARD_FIX: 16, ALONE: 17, VISIBLE: 18, INDOOR: 19, CONSULT: 20, SOCIAL: 21, STEWARD: 22, SUPERVISE: 23, REOPEN_FIX: 24 } as const

/** the sub-stream (Model.u's k) a repeated draw starts at, so the bounces of each stage and the second
 *  department's fix draw numbers of their own: k = base + the issue's count so far (bounces or reworks, < 10) */
export const K = { DEPT_TRIAGE_BOUNCE: 0, OFFICE_TRY_BOUNCE: 10, SECOND_DEPT_BOUNCE: 20, SECOND_DEPT_FIX: 30 } as const

/** a compound's property model (the `compounds.property` column) by name, from PROPERTY_MODELS: none, self-managed
 *  (自管), professional, red property (红色物业) */
export const PROPERTY_MODEL = Object.fromEntries(PROPERTY_MODELS.map((p, k) => [p, k])) as { readonly [P in (typeof PROPERTY_MODELS)[number]]: number }

/** the per-compound draw deciding whether its property company is red property (红色物业) */
export const RED_PROPERTY_SALT = 77

/** per-compound and per-household draws of the book's systems (hash salts, never changed) */
export const OWNERS_SALT = 78
export const FORMATION_SALT = 79
export const NEEDS_SALT = 80
export const PARTICIPATION_SALT = 81
export const MEETING_SALT = 82
