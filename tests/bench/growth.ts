// `pnpm bench` (fourth part): how the nearest query's cost grows with the table, and what
// `totalCount` adds. Sequential POSTs through the API (in this process, as amiens.ts), p50s:
// - KNN growth: nearest-20 anonymous at BENCH_LARGE_URL / at BENCH_SMALL_URL (databases of
//   1,000,000 and 1,000 synthetic structures; skipped when either is unset);
// - totalCount cost on DATABASE_URL (100,000 structures): a page with it / the page without it,
//   for a nearest and a department query.
//   createdb knn_1k && DATABASE_URL=postgres://postgres@127.0.0.1:5432/knn_1k pnpm repere db seed --synthetic 1000
//   BENCH_SMALL_URL=…/knn_1k BENCH_LARGE_URL=…/knn_1m DATABASE_URL=…/bench pnpm exec tsx tests/bench/growth.ts
import { sql } from 'drizzle-orm';
import { openDb } from '../../api/src/db/client.ts';
import { parseEnv } from '../../api/src/env.ts';
import { createApp } from '../../api/src/http/app.ts';
import { createLogger } from '../../api/src/log.ts';

const env = parseEnv();
const runs = Number(process.env.BENCH_RUNS ?? 300);

// 500 points over metropolitan France, fixed (the same sequence as queries.ts).
let state = 1;
const random = () => {
  state = (state * 1103515245 + 12345) % 2 ** 31;
  return state / 2 ** 31;
};
const points = Array.from({ length: 500 }, () => ({ lat: 43 + random() * 7, lon: -1.5 + random() * 9 }));

interface Target {
  name: string;
  structures: number;
  url: string;
  close: () => Promise<void>;
}

async function start(name: string, databaseUrl: string | undefined): Promise<Target> {
  const db = await openDb({ databaseUrl, pgliteDir: env.PGLITE_DIR });
  const [{ n } = { n: 0 }] = await db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM structures`);
  const app = await createApp(db, createLogger('silent'), {
    rateLimitMultiplier: Math.max(env.RATE_LIMIT_MULTIPLIER, 100000),
    rateLimitsInMemory: true,
  });
  const port = await app.listen(0, '127.0.0.1');
  return {
    name,
    structures: n,
    url: `http://127.0.0.1:${port}/graphql`,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}

async function post(target: Target, query: string, variables: object): Promise<number> {
  const started = performance.now();
  const res = await fetch(target.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { errors?: unknown };
  if (res.status !== 200 || body.errors)
    throw new Error(`${target.name}: ${res.status} ${JSON.stringify(body.errors)}`);
  return performance.now() - started;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** p50 of each query, interleaved (one request of each in turn) so that drift hits all alike. */
async function interleaved(cases: { target: Target; query: string; variables: (i: number) => object }[]) {
  const times = cases.map(() => [] as number[]);
  for (let i = 0; i < 30; i++) for (const c of cases) await post(c.target, c.query, c.variables(i));
  for (let i = 0; i < runs; i++) {
    for (const [k, c] of cases.entries()) times[k]?.push(await post(c.target, c.query, c.variables(i)));
  }
  return times.map(median);
}

const nearest = (count: boolean) => `query ($near: GeoPointInput!) {
  structures(near: $near, first: 20) { ${count ? 'totalCount ' : ''}edges { distanceKm node { id name } } } }`;
const department = (count: boolean) => `query ($d: String!) {
  structures(filter: { departmentCode: $d }, first: 20) { ${count ? 'totalCount ' : ''}edges { node { id name } } } }`;
const departmentSearch = (count: boolean) => `query ($d: String!, $q: String!) {
  structures(filter: { departmentCode: $d, search: $q }, first: 20) { ${count ? 'totalCount ' : ''}edges { node { id name } } } }`;
const departments = ['80', '75', '13', '33', '59', '69', '2A', '974'];
const near = (i: number) => ({ near: points[i % points.length] });

console.log(
  `load before: ${(await import('node:os'))
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
const main = await start('main', env.DATABASE_URL);
try {
  console.log(`totalCount cost, ${main.structures} structures, ${runs} sequential requests each (p50 ms):`);
  const [nearPage, nearCount, deptPage, deptCount, searchPage, searchCount] = await interleaved([
    { target: main, query: nearest(false), variables: near },
    { target: main, query: nearest(true), variables: near },
    { target: main, query: department(false), variables: (i) => ({ d: departments[i % departments.length] }) },
    { target: main, query: department(true), variables: (i) => ({ d: departments[i % departments.length] }) },
    {
      target: main,
      query: departmentSearch(false),
      variables: (i) => ({ d: departments[i % departments.length], q: 'structure' }),
    },
    {
      target: main,
      query: departmentSearch(true),
      variables: (i) => ({ d: departments[i % departments.length], q: 'structure' }),
    },
  ]);
  const ratio = (a = Number.NaN, b = Number.NaN) => `${a.toFixed(2)} / ${b.toFixed(2)} = ${(a / b).toFixed(2)}×`;
  console.log(`  nearest 20:            with / without totalCount ${ratio(nearCount, nearPage)}`);
  console.log(`  department:            with / without totalCount ${ratio(deptCount, deptPage)}`);
  console.log(`  department + search:   with / without totalCount ${ratio(searchCount, searchPage)}`);
} finally {
  await main.close();
}

const smallUrl = process.env.BENCH_SMALL_URL;
const largeUrl = process.env.BENCH_LARGE_URL;
if (!smallUrl || !largeUrl) {
  console.log('KNN growth: skipped (set BENCH_SMALL_URL and BENCH_LARGE_URL to databases of 1,000 and 1,000,000)');
} else {
  const small = await start('small', smallUrl);
  const large = await start('large', largeUrl);
  try {
    const cases = [
      { target: small, query: nearest(false), variables: near },
      { target: large, query: nearest(false), variables: near },
    ];
    // Twice over the same points: the first pass reads the large table's pages from outside
    // PostgreSQL's buffers (1M rows are ~3 GB, shared_buffers 128 MB by default), the second
    // finds the pages those points need in its buffers, as a running directory's hot set is.
    const growth = (pass: string, [p50Small = Number.NaN, p50Large = Number.NaN]: number[]) =>
      console.log(
        `KNN growth, ${pass} (nearest 20, anonymous, through the API, ${runs} sequential requests each): p50 ` +
          `${p50Large.toFixed(2)} ms at ${large.structures} / ${p50Small.toFixed(2)} ms at ${small.structures} = ` +
          `${(p50Large / p50Small).toFixed(2)}×`,
      );
    growth('first pass', await interleaved(cases));
    growth('second pass', await interleaved(cases));
  } finally {
    await small.close();
    await large.close();
  }
}
console.log(
  `load after: ${(await import('node:os'))
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
