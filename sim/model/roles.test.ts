import { describe, expect, it } from 'vitest'
import { CAT, CATEGORIES, CATEGORY } from './categories.ts'
import { PROPERTY_MODEL, ST } from './ids.ts'
import { PROPERTY_MODELS } from '../world/schema.ts'
import { RESOLVER, ROLE, ROLES } from './roles.ts'

describe('domain codes', () => {
  it('list roles in one order: ROLE indexes ROLES, and a resolver is the role of the same name', () => {
    expect(Object.values(ROLE)).toEqual(ROLES.map((_, k) => k))
    expect([ROLES[ROLE.GRID], ROLES[ROLE.COMMUNITY], ROLES[ROLE.PROPERTY], ROLES[ROLE.OFFICE], ROLES[ROLE.ENFORCEMENT], ROLES[ROLE.DEPARTMENT]]).toEqual(['gridWorker', 'communityWorker', 'property', 'streetOffice', 'enforcement', 'departments'])
    for (const [k, v] of Object.entries(RESOLVER)) if (k !== 'MULTI') expect(v, k).toBe(ROLE[k as keyof typeof ROLE])
    expect(Object.values(ROLE)).not.toContain(RESOLVER.MULTI)
  })

  it('derive category and property-model numbers from their lists', () => {
    CATEGORIES.forEach((c, k) => expect(CAT[c]).toBe(k))
    PROPERTY_MODELS.forEach((p, k) => expect(PROPERTY_MODEL[p]).toBe(k))
    expect(CATEGORY.parking.resolver).toBe(RESOLVER.MULTI)
  })

  it('give every stage its own number', () => {
    const v = Object.values(ST)
    expect(new Set(v).size).toBe(v.length)
  })
})
