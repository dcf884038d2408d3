import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev -w @blockloom/web` serves the app with hot reload and forwards the API to a running
// `blockloom serve` (BLOCKLOOM_API, default http://127.0.0.1:8006). `npm run build:web` writes dist/, which
// the server serves at `/`.
const api = process.env.BLOCKLOOM_API ?? 'http://127.0.0.1:8006';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 800 },
  server: {
    proxy: {
      '/api': api,
      '/external-api': api,
      '/openapi.json': api,
      '/ws': { target: api.replace(/^http/, 'ws'), ws: true },
    },
  },
});
