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
      '^/(risks|incidents|goals|reports|traceability|integrity|health|security-areas|organisational-units|risk-matrices|dead-letters|sign-in|dev-issuer)(/|$|\\?)':
        'http://localhost:3000',
    },
  },
});
