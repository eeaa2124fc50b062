// Issue categories (docs/domain.md § Lifecycle): who resolves them, the time limit that applies, how visible they are to a
// patrol or a home visit, how readily residents report them, and the hands-on work they need.
// Shares: the 2020 12345 top ten and the book's surveys (docs/domain.md § Categories) turned into a mix; the rest are assumptions.

import { RESOLVER, type ResolverKind } from './roles.ts'
export { RESOLVER, type ResolverKind } from './roles.ts'

export const CATEGORIES = ['environment', 'property', 'parking', 'heating', 'noise', 'illegalBuilding', 'dispute', 'welfare', 'safety'] as const
export type Category = (typeof CATEGORIES)[number]
export const NCAT = CATEGORIES.length
/** category numbers (the per-issue `cat` column) by name, derived from CATEGORIES: `m.cat[i] === CAT.heating` */
export const CAT = Object.fromEntries(CATEGORIES.map((c, k) => [c, k])) as { readonly [C in Category]: number }

export interface CategorySpec {
  zh: string
  share: number
  resolver: ResolverKind
  limitHours: number
  /** chance per patrol pass / visit that the issue is noticed, relative */
  patrolDetect: number
  visitDetect: number
  /** multiplier on the resident's reporting probability */
  reportFactor: number
  /** mean hands-on minutes per job */
  workMinutes: number
}

export const CATEGORY: Record<Category, CategorySpec> = {
  environment: { zh: '环境卫生', share: 0.22, resolver: RESOLVER.GRID, limitHours: 168, patrolDetect: 0.9, visitDetect: 0.2, reportFactor: 0.7, workMinutes: 45 },
  property: { zh: '物业维修', share: 0.2, resolver: RESOLVER.PROPERTY, limitHours: 168, patrolDetect: 0.4, visitDetect: 0.5, reportFactor: 1.2, workMinutes: 90 },
  parking: { zh: '停车', share: 0.1, resolver: RESOLVER.MULTI, limitHours: 168, patrolDetect: 0.8, visitDetect: 0.1, reportFactor: 1, workMinutes: 120 },
  heating: { zh: '供暖', share: 0.08, resolver: RESOLVER.DEPARTMENT, limitHours: 24, patrolDetect: 0.05, visitDetect: 0.5, reportFactor: 2.5, workMinutes: 120 },
  noise: { zh: '噪音施工', share: 0.1, resolver: RESOLVER.ENFORCEMENT, limitHours: 168, patrolDetect: 0.5, visitDetect: 0.3, reportFactor: 1.4, workMinutes: 90 },
  illegalBuilding: { zh: '违建', share: 0.06, resolver: RESOLVER.MULTI, limitHours: 360, patrolDetect: 0.8, visitDetect: 0.1, reportFactor: 0.8, workMinutes: 240 },
  dispute: { zh: '邻里纠纷', share: 0.1, resolver: RESOLVER.COMMUNITY, limitHours: 168, patrolDetect: 0.1, visitDetect: 0.6, reportFactor: 1, workMinutes: 120 },
  welfare: { zh: '养老服务', share: 0.1, resolver: RESOLVER.COMMUNITY, limitHours: 168, patrolDetect: 0.05, visitDetect: 0.9, reportFactor: 0.8, workMinutes: 90 },
  safety: { zh: '安全隐患', share: 0.04, resolver: RESOLVER.MULTI, limitHours: 2, patrolDetect: 0.6, visitDetect: 0.3, reportFactor: 2, workMinutes: 120 },
}

export const MULTI_DEPT_CATEGORIES: Category[] = CATEGORIES.filter((c) => CATEGORY[c].resolver === RESOLVER.MULTI)

/** public-space (city-management) categories: the scope of Dongcheng's grid figures (book ch. 9.2.4) and its command centre */
export const PUBLIC_SPACE_CATEGORIES: readonly Category[] = ['environment', 'parking', 'illegalBuilding', 'safety']
/** indexed by category number */
export const IS_PUBLIC_SPACE: readonly boolean[] = CATEGORIES.map((c) => PUBLIC_SPACE_CATEGORIES.includes(c))

/** categories community social organisations and social workers take on (三社联动, book ch. 7.2.2: elderly care and
 *  other services, conflict resolution) */
export const SOCIAL_ORG_CATEGORIES: readonly Category[] = ['welfare', 'dispute']
export const IS_SOCIAL_ORG: readonly boolean[] = CATEGORIES.map((c) => SOCIAL_ORG_CATEGORIES.includes(c))
/** categories a consultation (议事协商) can take, by the lever consultation.scope: disputes between residents, and
 *  public matters (shared space, parking, building work) that need residents' agreement */
export const CONSULTATION_CATEGORIES: Record<'disputes' | 'public' | 'disputes+public', readonly Category[]> = {
  disputes: ['dispute'],
  public: PUBLIC_SPACE_CATEGORIES.filter((c) => c !== 'safety'),
  'disputes+public': ['dispute', ...PUBLIC_SPACE_CATEGORIES.filter((c) => c !== 'safety')],
}
/** the category owners' committees act on: property-service issues */
export const PROPERTY_CATEGORY: Category = 'property'
