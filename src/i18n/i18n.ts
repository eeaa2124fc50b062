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

/** Fill every [data-i18n] element's text (and [data-i18n-title] titles) under root. */
export function applyI18n(root: ParentNode = document): void {
  root.querySelectorAll<HTMLElement>('[data-i18n]').forEach((el) => (el.textContent = t(el.dataset.i18n as Key)))
  root.querySelectorAll<HTMLElement>('[data-i18n-title]').forEach((el) => (el.title = t(el.dataset.i18nTitle as Key)))
  root.querySelectorAll<HTMLInputElement>('[data-i18n-placeholder]').forEach((el) => (el.placeholder = t(el.dataset.i18nPlaceholder as Key)))
}

const nf = () => new Intl.NumberFormat(lang)
export const fmtInt = (n: number): string => nf().format(Math.round(n))
export const fmtNum = (n: number, d = 1): string => new Intl.NumberFormat(lang, { maximumFractionDigits: d }).format(n)
