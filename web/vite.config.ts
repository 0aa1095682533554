import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// The web app is built into web/dist and served by `vigie serve`; no CDN, no network at run time.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  logLevel: 'warn',
});
