// The back office: built to admin/dist and served by the API at /admin (api/src/http/admin-static.ts).
// In development (`pnpm --filter @repere/admin dev`), /graphql goes to the API on port 4000.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  server: { proxy: { '/graphql': 'http://localhost:4000' } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
});
