// Who handles issues: the resolver roles, each a kind of staffed pool, in one order used by pools, levels, the
// results (utilization, byLevel) and the categories' first resolver. Chinese terms: docs/domain.md § Glossary.

/** role names as they appear in results, indexed by ROLE */
export const ROLES = ['gridWorker', 'communityWorker', 'property', 'streetOffice', 'enforcement', 'departments', 'socialOrg'] as const
export type RoleName = (typeof ROLES)[number]

/** resolver roles (pool kinds); the values index ROLES */
export const ROLE = {
  /** 网格员 grid worker: patrols a grid, fixes small things on the spot, verifies closure (核查) */
  GRID: 0,
  /** 社区工作者 community worker of the 居委会 residents' committee */
  COMMUNITY: 1,
  /** 物业 property company of a compound */
  PROPERTY: 2,
  /** 街道办事处 street office: tries multi-department issues and blows the whistle (吹哨报到) */
  OFFICE: 3,
  /** 综合执法中心 "1+5+N" street enforcement */
  ENFORCEMENT: 4,
  /** 职能部门 district functional departments */
  DEPARTMENT: 5,
  /** 社区社会组织 / 社工 community social organisations and social workers whose services government buys (三社联动) */
  SOCIAL: 6,
} as const
export type Role = (typeof ROLE)[keyof typeof ROLE]

/** the lowest level able to solve a category (docs/domain.md § Lifecycle, step 3): a role, or MULTI for issues that
 *  need several departments (the street tries, then whistles or passes them on) */
export const RESOLVER = {
  GRID: ROLE.GRID,
  COMMUNITY: ROLE.COMMUNITY,
  PROPERTY: ROLE.PROPERTY,
  ENFORCEMENT: ROLE.ENFORCEMENT,
  DEPARTMENT: ROLE.DEPARTMENT,
  /** several departments (跨部门): parking, illegal building, safety */
  MULTI: 7,
} as const
export type ResolverKind = (typeof RESOLVER)[keyof typeof RESOLVER]
