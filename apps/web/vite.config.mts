import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The console is served by the API (same origin): `npm start` builds it into dist/, and
// `npm run dev:web` serves it with hot reload against an API running on port 3000.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      // The console, and the hidden frame of a silent sign-in (a page of its own, much smaller).
      input: {
        console: resolve(import.meta.dirname, 'index.html'),
        silentSignIn: resolve(import.meta.dirname, 'silent-sign-in.html'),
      },
      // React libraries mark modules "use client" for server components; a client bundle ignores it.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '^/(risks|incidents|goals|reports|traceability|integrity|health|security-areas|organisational-units|risk-matrices|dead-letters|imports|live|sign-in|dev-issuer)(/|$|\\?)':
        'http://localhost:3000',
    },
  },
});
