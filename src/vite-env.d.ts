/// <reference types="vite/client" />

/** the page's boot hook, read by the e2e tests and the boot benchmark (set up in main.ts) */
interface GongzhiHook {
  ready: boolean
  error?: string
  app?: import('./app.ts').App
  /** the city page (?preset=beijing) */
  city?: import('./city/city-page.ts').CityHook
  /** ms since navigation start, by boot step */
  timings: Record<string, number>
}

interface Window {
  __gongzhi?: GongzhiHook
}
