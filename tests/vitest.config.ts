import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';
import { limit } from './support/time.ts';

const require = createRequire(new URL('../api/package.json', import.meta.url));

// One database per worker (PGlite from a dump made once, or a server database cloned from
// a migrated template), reused by the worker's files: hence isolate: false.
export default defineConfig({
  // One graphql module for our sources and the libraries (Pothos, Apollo load its CJS build).
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    root: new URL('.', import.meta.url).pathname,
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', 'bench/**'],
    globalSetup: ['./support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    isolate: false,
    // Last guards against a hang, not waits: tests wait on events (see support/processes.ts).
    testTimeout: limit(120_000),
    hookTimeout: limit(300_000),
    expect: { poll: { timeout: limit(30_000) } },
    reporters: ['default', './support/suite-times.ts'],
  },
});
