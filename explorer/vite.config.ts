// The explorer: built to explorer/dist and served by the API (api/src/http/explorer-static.ts),
// the page at GET /graphql (browsers), its files under /explorer/. Everything it loads is in the
// build: Monaco's workers as files of their own, and the fonts GraphiQL's CSS inlines as data:
// URLs written out as files, so the page runs under font-src 'self' with no network.
import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { readmeExamples } from './readme-examples.ts';

const readme = new URL('../README.md', import.meta.url).pathname;
const schema = new URL('../schema.graphql', import.meta.url).pathname;
const base = '/explorer/';

/**
 * `virtual:readme-examples`: the README's example queries; `virtual:schema`: the committed
 * schema.graphql, given to GraphiQL so that it never introspects (the full introspection
 * query is deeper than the API's depth limit, and the page needs no request to start).
 */
function sourcesPlugin(): Plugin {
  const modules: Record<string, () => unknown> = {
    'virtual:readme-examples': () => readmeExamples(readFileSync(readme, 'utf8')),
    'virtual:schema': () => readFileSync(schema, 'utf8'),
  };
  return {
    name: 'repere-explorer-sources',
    resolveId: (source) => (source in modules ? `\0${source}` : undefined),
    load(id) {
      const make = id.startsWith('\0') ? modules[id.slice(1)] : undefined;
      if (!make) return;
      this.addWatchFile(id === '\0virtual:schema' ? schema : readme);
      return `export default ${JSON.stringify(make())};`;
    },
  };
}

/** Fonts inlined in CSS as data: URLs become files of the build (font-src 'self', no data:). */
function fontFilesPlugin(): Plugin {
  const dataFont = /url\((["']?)data:font\/([a-z0-9]+);base64,([A-Za-z0-9+/=]+)\1\)/g;
  return {
    name: 'repere-font-files',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !file.fileName.endsWith('.css')) continue;
        file.source = String(file.source).replace(dataFont, (_match, _quote, ext: string, data: string) => {
          const ref = this.emitFile({ type: 'asset', name: `font.${ext}`, source: Buffer.from(data, 'base64') });
          return `url(${base}${this.getFileName(ref)})`;
        });
      }
    },
  };
}

export default defineConfig({
  base,
  plugins: [react(), sourcesPlugin(), fontFilesPlugin()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Nothing inlined as data: URLs (the CSP allows data: only for images).
    assetsInlineLimit: 0,
    // Monaco is one large chunk, loaded once and cached for a year.
    chunkSizeWarningLimit: 3000,
    rolldownOptions: {
      // GraphiQL's React Compiler output starts modules with "use no memo", which bundling drops harmlessly.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
