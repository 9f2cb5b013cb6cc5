/// <reference types="vite/client" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API the dev server forwards to (`nx serve api` listens here by default).
const api = process.env.API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/apps/client',
  resolve: { tsconfigPaths: true },
  plugins: [react()],
  server: {
    host: 'localhost',
    port: 4200,
    // Same origin in dev and production: the client always calls io() with no URL.
    proxy: {
      '/socket.io': { target: api, ws: true },
      '/health': api,
      '/metrics': api,
    },
  },
  preview: { host: 'localhost', port: 4300 },
  build: {
    outDir: '../../dist/apps/client',
    emptyOutDir: true,
    reportCompressedSize: true,
    // The one lazy chunk (the French catalogue) imports nothing: Vite's preload helper and
    // polyfill would add 1 kB to every first load and preload nothing.
    modulePreload: false,
  },
});
