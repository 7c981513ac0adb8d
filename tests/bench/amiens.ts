// `pnpm bench`: latency of the Amiens query (nearest public help) over real HTTP, median of
// 100 runs, against the configured database (PGLITE_DIR or DATABASE_URL). Load it first:
//   PGLITE_DIR=.data/bench pnpm repere db seed --synthetic 100000 && PGLITE_DIR=.data/bench pnpm bench
import { sql } from 'drizzle-orm';
import { openDb } from '../../api/src/db/client.ts';
import { parseEnv } from '../../api/src/env.ts';
import { createApp } from '../../api/src/http/app.ts';
import { createLogger } from '../../api/src/log.ts';

const env = parseEnv();
const opened = Date.now();
const db = await openDb({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
const openMs = Date.now() - opened;
const [{ n } = { n: 0 }] = await db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM structures`);
// Rate limits stay on, scaled up as the contract says load benchmarks do.
const app = await createApp(db, createLogger('silent'), {
  rateLimitMultiplier: Math.max(env.RATE_LIMIT_MULTIPLIER, 1000),
});
const port = await app.listen(0, '127.0.0.1');

const query = `{ structures(near: { lat: 49.894, lon: 2.296 }, first: 5) {
  totalCount edges { distanceKm node { id name city location { lat lon precision } phone } } } }`;
const url = `http://127.0.0.1:${port}/graphql?query=${encodeURIComponent(query)}`;

async function timed(): Promise<number> {
  const started = process.hrtime.bigint();
  const res = await fetch(url);
  const body = (await res.json()) as { errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const warmup = [];
for (let i = 0; i < 10; i++) warmup.push(await timed());
const runs: number[] = [];
for (let i = 0; i < 100; i++) runs.push(await timed());
runs.sort((a, b) => a - b);
const at = (q: number) => runs[Math.min(runs.length - 1, Math.floor(q * runs.length))]?.toFixed(1);

console.log(`database: ${db.kind}, ${n} structures, opened in ${openMs} ms`);
console.log(`Amiens query (near, first: 5, with totalCount) over HTTP, 100 runs after 10 warm-up:`);
console.log(
  `  first warm-up ${warmup[0]?.toFixed(1)} ms; median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(0.999)} ms`,
);

await app.close();
await db.close();
