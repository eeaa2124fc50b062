// A tiny DOM builder. Text always goes through textContent: data from features is never parsed as HTML.
type Attrs = Record<string, string | number | boolean | undefined | ((e: Event) => void)>

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string | null | undefined | false)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v as EventListener)
    else if (k === 'text') el.textContent = String(v)
    else if (k === 'testid') el.dataset.testid = String(v)
    else if (k in el && k !== 'list') Reflect.set(el, k, v) // a DOM property (value, checked, …), not an attribute
    else el.setAttribute(k, v === true ? '' : String(v))
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(typeof c === 'string' ? document.createTextNode(c) : c)
  return el
}

export function clear(el: Element): void {
  while (el.firstChild) el.firstChild.remove()
}

export const $ = <T extends HTMLElement = HTMLElement>(sel: string): T => {
  const el = document.querySelector<T>(sel)
  if (!el) throw new Error(`missing element ${sel}`)
  return el
}

export function download(name: string, text: string, type: string): void {
  downloadBlob(name, new Blob([text], { type }))
}

/** binary downloads (a chart's PNG) go the same way as text */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const a = h('a', { href: url, download: name })
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
