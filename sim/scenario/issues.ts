// Scenario and lever-setting problems as a code plus parameters. sim/ has no i18n: the English sentence is made here,
// once, for the CLI and the English page (as sim/import/messages.ts does for the importer); the page renders the same
// code in Chinese from its own table (src/i18n/scenario-issues.ts), never by reading the English.
//   { field: 'scenario.gridWorkers.scale', lever: 'gridWorkers.scale', code: 'tooBig', params: { limit: 10, … } }
//   → scenario.gridWorkers.scale: must be ≤ 10, got 99

/** a value as the user gave it, in JSON ("undefined" when there is none) */
export type Got = string

/** English text of each problem (the part after "field: "); the CLI's text, so tests assert it word for word */
export const SCENARIO_EN = {
  /** a group (or the scenario itself) that is not an object */
  notObject: (p: { got: Got }) => `must be an object of fields, got ${p.got}`,
  /** a number over its maximum (or a text or list too long) */
  tooBig: (p: { limit: number; inclusive: boolean; origin: string; got: Got }) => `must be ${p.inclusive ? '≤' : '<'} ${p.limit}, got ${p.got}`,
  /** a number under its minimum (or a text or list too short: origin "string", "array") */
  tooSmall: (p: { limit: number; inclusive: boolean; origin: string; got: Got }) => `must be ${p.inclusive ? '≥' : '>'} ${p.limit}, got ${p.got}`,
  /** a value of the wrong type; zod's words for the expected and received types ("number", "int", "boolean", …) */
  wrongType: (p: { expected: string; received: string; got?: Got }) => `Invalid input: expected ${p.expected}, received ${p.received}${gotText(p.got)}`,
  /** a choice lever given a value that is not one of its options */
  notOption: (p: { allowed: readonly string[]; got: Got }) => `Invalid option: expected one of ${p.allowed.map((v) => JSON.stringify(v)).join('|')}, got ${p.got}`,
  /** a key the schema does not have, with the nearest one it does */
  unknownField: (p: { suggestion?: string }) => `unknown field${didYouMean(p.suggestion)}`,
  /** a dotted path (a sweep's or a saved edit's) that is no lever, with the nearest lever */
  notLever: (p: { suggestion?: string }) => `not a lever${didYouMean(p.suggestion)}`,
  /** a path through __proto__, constructor or prototype */
  prototypePath: () => "not a lever path (it names an object's prototype)",
  /** anything else the schema refuses (zod's own message; none of today's levers produce one) */
  invalid: (p: { message: string; got?: Got }) => `${p.message}${gotText(p.got)}`,
  // the page's sweep form (src/sweep/plan.ts checkSettings)
  axesCount: () => 'one or two levers',
  axesSame: () => 'two different levers',
  notNumericLever: () => 'not a numeric lever',
  notInRange: (p: { min: number; max: number; got: number }) => `must be in ${p.min}–${p.max}, got ${p.got}`,
  wholeInRange: (p: { min: number; max: number; got: number }) => `must be a whole number ${p.min}–${p.max}, got ${p.got}`,
  wholeAtLeast: (p: { min: number; got: number }) => `must be a whole number ≥ ${p.min}, got ${p.got}`,
  unknownMetric: (p: { got: string }) => `unknown metric ${p.got}`,
  notNumber: () => 'must be a number',
} satisfies Record<string, (p: never) => string>

const gotText = (got: Got | undefined): string => (got === undefined ? '' : `, got ${got}`)

function didYouMean(suggestion: string | undefined): string {
  return suggestion === undefined ? '' : `, did you mean "${suggestion}"?`
}

export type ScenarioIssueCode = keyof typeof SCENARIO_EN
export type ScenarioIssueParams<K extends ScenarioIssueCode> = Parameters<(typeof SCENARIO_EN)[K]> extends [infer P] ? P : Record<string, never>

/** one problem: the field as written before the colon, the lever it concerns (if any), the code and its parameters */
export type ScenarioIssue = { [K in ScenarioIssueCode]: { field: string; lever?: string; code: K; params: ScenarioIssueParams<K> } }[ScenarioIssueCode]

/** a problem with its parameters checked against its English text's */
export const scenarioIssue = <K extends ScenarioIssueCode>(field: string, lever: string | undefined, code: K, params: ScenarioIssueParams<K>): ScenarioIssue =>
  ({ field, ...(lever === undefined ? {} : { lever }), code, params }) as ScenarioIssue

/** the English problem without its field */
export const scenarioIssueDetail = (i: ScenarioIssue): string => (SCENARIO_EN[i.code] as (p: unknown) => string)(i.params)

/** the one English formatter: `field: problem`, the CLI's text and the English page's */
export const scenarioIssueText = (i: ScenarioIssue): string => `${i.field}: ${scenarioIssueDetail(i)}`

/** zod's name for the type of a parsed JSON value (its `parsedType`, with NaN and ±Infinity spelled out as zod does) */
export function receivedType(v: unknown): string {
  if (typeof v === 'number') return Number.isFinite(v) ? 'number' : String(v)
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  return typeof v
}
