// The back office: built to admin/dist and served by the API at /admin (api/src/http/admin-static.ts).
// In development (`pnpm --filter @repere/admin dev`), /graphql goes to the API on port 4000
// (or REPERE_API_URL).
// VITE_TILE_URL chooses the map tiles at build time; index.html names them in a meta tag, from
// which the API allows their host (and nothing else) in the Content-Security-Policy's img-src.
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';

const defaultTiles = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

export default defineConfig(({ mode }) => {
  const tiles = loadEnv(mode, process.cwd(), 'VITE_').VITE_TILE_URL || defaultTiles;
  if (!/^https?:\/\/[^/\s"'<>]+\//.test(tiles)) throw new Error(`VITE_TILE_URL is not an http(s) URL: ${tiles}`);
  return {
    base: '/admin/',
    plugins: [
      react(),
      {
        name: 'repere-tile-meta',
        transformIndexHtml: () => [{ tag: 'meta', attrs: { name: 'repere-tiles', content: tiles }, injectTo: 'head' }],
      },
    ],
    // changeOrigin off: the API takes the session cookie only when Origin matches Host, so Host
    // must stay the dev server's (Vite's string shorthand would rewrite it to localhost:4000).
    server: {
      proxy: { '/graphql': { target: process.env.REPERE_API_URL || 'http://localhost:4000', changeOrigin: false } },
    },
    build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  };
});
