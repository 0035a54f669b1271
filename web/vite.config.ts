// Vite configuration: Preact, output to web/dist, and /api proxied to a local Acogida server in dev.
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

const apiTarget = 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [preact()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: { proxy: { '/api': apiTarget } },
  preview: { proxy: { '/api': apiTarget } },
});
