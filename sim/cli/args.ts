// Command-line options: node's parseArgs, with its errors (thrown as Node TypeErrors with a code) turned into one
// line naming the option, and numbers checked for range. A UsageError exits 2; bad input files exit 1.
import { parseArgs } from 'node:util'
import { didYouMean } from '../scenario/suggest.ts'

export class UsageError extends Error {}

type Options = Record<string, { type: 'string' | 'boolean'; default?: string | boolean }>

/** `--days -5` is a negative number, not an option: node's parseArgs calls it ambiguous, so join it as `--days=-5`
 *  and let the range check name the option */
function joinNegatives(args: string[], options: Options): string[] {
  const out: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    const name = a.startsWith('--') && !a.includes('=') ? a.slice(2) : undefined
    if (name && options[name]?.type === 'string' && /^-(\d|\.\d|Infinity|NaN)/.test(args[i + 1] ?? '')) out.push(`${a}=${args[++i]}`)
    else out.push(a)
  }
  return out
}

/** parses `args` for one command; `maxPositionals` counts the FILE/DIR arguments it takes (0 for none) */
export function parseOptions<O extends Options>(args: string[], options: O, maxPositionals = 0): { values: { [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string }; positionals: string[] } {
  let parsed
  try {
    parsed = parseArgs({ args: joinNegatives(args, options), options, allowPositionals: true, strict: true })
  } catch (e) {
    const code = (e as { code?: string }).code
    const msg = (e as Error).message
    const opt = /'(-{1,2}[^' <]+)/.exec(msg)?.[1] ?? ''
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option ${opt}${didYouMean(opt.replace(/^-+/, ''), Object.keys(options)).replace(/"(.*)"/, '"--$1"')}`)
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && options[opt.replace(/^-+/, '')]?.type === 'boolean') throw new UsageError(`${opt} takes no value`)
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(`${opt} needs a value`)
    throw new UsageError(msg.split('\n')[0])
  }
  const { values, positionals } = parsed
  if (positionals.length > maxPositionals) {
    const extra = positionals.slice(maxPositionals)
    throw new UsageError(`unexpected argument${extra.length > 1 ? 's' : ''} ${extra.map((p) => `"${p}"`).join(' ')}${maxPositionals === 0 ? ': this command takes only --options' : ''}`)
  }
  return { values: values as never, positionals }
}

/** an integer option in min..max, or `def` when absent */
export function intOpt(name: string, v: string | undefined, def: number, min: number, max: number): number {
  if (v === undefined) return def
  const n = Number(v)
  if (v.trim() === '' || !Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number in ${min}..${max}, got "${v}"`)
  return n
}
