import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './schema/index.ts',
  out: './migrations',
  // PostGIS owns spatial_ref_sys and friends: never let drizzle-kit touch them.
  extensionsFilters: ['postgis'],
});
