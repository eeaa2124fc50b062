// Every UI string goes through t(). zh-CN first; English is the fallback and the switch.
import { zh } from './zh-CN.ts'
import { en } from './en.ts'

export type Lang = 'zh-CN' | 'en'
export type Key = keyof typeof zh
const dicts: Record<Lang, Record<Key, string>> = { 'zh-CN': zh, en }

let lang: Lang = 'zh-CN'
const listeners: (() => void)[] = []

export function getLang(): Lang {
  return lang
}
export function setLang(l: Lang): void {
  lang = l
  document.documentElement.lang = l
  for (const f of listeners) f()
}
export function onLangChange(f: () => void): void {
  listeners.push(f)
}

/** Translate `key`, replacing {name} placeholders with params (params are plain text; callers set textContent). */
export function t(key: Key, params: Record<string, string | number> = {}): string {
  const s = dicts[lang][key] ?? en[key] ?? key
  return s.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`))
}

/** Whether s names a string in the dictionaries: the guard for keys assembled at run time from data (a map layer's
 *  id, a lesson's id, a data-i18n attribute), where the type system cannot see the key. */
export const isKey = (s: string): s is Key => s in zh

/** t() for a key assembled at run time; a string that is no key shows `fallback` (itself, as t() shows a missing key). */
export const tAny = (s: string, params: Record<string, string | number> = {}, fallback = s): string => (isKey(s) ? t(s, params) : fallback)

/** Fill every [data-i18n] element's text (and [data-i18n-title] titles) under root. */
export function applyI18n(root: ParentNode = document): void {
  root.querySelectorAll<HTMLElement>('[data-i18n]').forEach((el) => (el.textContent = tAny(el.dataset.i18n ?? '')))
  root.querySelectorAll<HTMLElement>('[data-i18n-title]').forEach((el) => (el.title = tAny(el.dataset.i18nTitle ?? '')))
  root.querySelectorAll<HTMLInputElement>('[data-i18n-placeholder]').forEach((el) => (el.placeholder = tAny(el.dataset.i18nPlaceholder ?? '')))
}

// one formatter per language: creating an Intl.NumberFormat costs far more than formatting (the trainer's counters
// format every frame)
const nfs = new Map<string, Intl.NumberFormat>()
const nf = () => nfs.get(lang) ?? nfs.set(lang, new Intl.NumberFormat(lang)).get(lang)!
export const fmtInt = (n: number): string => nf().format(Math.round(n))
export const fmtNum = (n: number, d = 1): string => new Intl.NumberFormat(lang, { maximumFractionDigits: d }).format(n)
