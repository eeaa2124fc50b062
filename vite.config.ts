import { defineConfig } from 'vite'

export default defineConfig({
  worker: { format: 'es' },
  optimizeDeps: { include: ['seedrandom', 'comlink'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
})
