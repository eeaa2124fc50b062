// Every object of a zod schema made strict, nested ones included, so an unknown key is an `unrecognized_keys`
// error rather than silently dropped. Done once over the finished schema so the lever definitions themselves stay
// plain `z.object(...)` calls.
import { z } from 'zod'

function strict(t: z.ZodType): z.ZodType {
  if (t instanceof z.ZodPrefault) return strict(t.unwrap() as z.ZodType).prefault(t.def.defaultValue as never)
  if (t instanceof z.ZodDefault) return strict(t.unwrap() as z.ZodType).default(t.def.defaultValue as never)
  if (t instanceof z.ZodObject) return z.strictObject(Object.fromEntries(Object.entries(t.shape).map(([k, v]) => [k, strict(v as z.ZodType)])))
  return t
}

/** the same schema (same types, defaults and checks) with every object strict */
export const strictDeep = <T extends z.ZodType>(t: T): T => strict(t) as T

/** the keys a strict schema accepts at `path` (for "did you mean"); empty when the path leads to no object */
export function keysAt(t: z.ZodType, path: readonly PropertyKey[]): string[] {
  let cur: z.ZodType = t
  for (let i = 0; ; i++) {
    while (cur instanceof z.ZodPrefault || cur instanceof z.ZodDefault || cur instanceof z.ZodNullable || cur instanceof z.ZodOptional) cur = cur.unwrap() as z.ZodType
    if (!(cur instanceof z.ZodObject)) return []
    if (i === path.length) return Object.keys(cur.shape)
    const next = (cur.shape as Record<string, z.ZodType>)[String(path[i])]
    if (!next) return []
    cur = next
  }
}
