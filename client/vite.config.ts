import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      // The zod schemas shared with the server (pure modules, no Node imports).
      '@contracts': fileURLToPath(new URL('../src/contracts', import.meta.url)),
    },
  },
  server: {
    port: 3001,
    strictPort: true,
    // Same origin as the page, so the session cookie stays first-party in development too.
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  preview: { port: 3001, proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // scripts/bundle-size.mjs reads the manifest to measure the first load.
    manifest: true,
    // No preload helper in every dynamic import: it keeps the landing page's first load under its
    // 120 kB budget. A page's own chunks still arrive in parallel with the icon set and the shell
    // (see lazyPage in app/router.tsx); a shared chunk a page imports costs one more round trip the
    // first time that page opens.
    modulePreload: false,
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      preserveEntrySignatures: 'allow-extension',
      output: {
        codeSplitting: {
          // The libraries every screen runs on in two chunks: compressed together they are smaller than
          // the pieces automatic splitting cuts them into once many pages share them, and they stay the
          // same from one release to the next (cached). `core` is what the landing page needs (React
          // and the strings); `app-core` (router, query cache) comes with the app after the landing.
          groups: [
            { name: 'core', test: /node_modules[\\/](react|react-dom|scheduler|i18next|react-i18next)[\\/]/ },
            { name: 'app-core', test: /node_modules[\\/](react-router|@tanstack)[\\/]/ },
          ],
        },
      },
    },
  },
});
