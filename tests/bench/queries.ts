// `pnpm bench` (third part): throughput of the queries partners send most, under load, against
// the API started as in production (a child process: NODE_ENV=production, the configured
// database). For each query: req/s, p50, p99 and the API's RSS at the end. Load a database first:
//   createdb repere_bench && export DATABASE_URL=postgres://postgres@127.0.0.1:5432/repere_bench
//   pnpm repere db migrate && pnpm repere db seed --synthetic 100000 && pnpm bench
// BENCH_SECONDS (default 10) and BENCH_CONNECTIONS (default 32) tune the load; 500 points rotate
// over France as variables, as ../shared/bench-peer sends them (POST, no response cache). The
// API's CPU per request is its user + system time over the measured seconds (/proc), divided by
// the answers. The same queries beside PostGraphile written for the same rule:
// tests/bench/peer-queries/README.md (run.sh there).
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { openDb } from '../../api/src/db/client.ts';
import { parseEnv } from '../../api/src/env.ts';
import { hashPassword } from '../../api/src/modules/accounts/secrets.ts';
import { insertUser } from '../../api/src/modules/accounts/store.ts';

const env = parseEnv();
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const port = 4600 + Math.floor(Math.random() * 300);
const url = `http://127.0.0.1:${port}/graphql`;
const db = await openDb({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
const [{ n } = { n: 0 }] = await db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM structures`);
if (!env.DATABASE_URL) console.log('(embedded database: the API child process cannot share it; set DATABASE_URL)');

// A vetted professional, for the `pro` audience.
const email = `bench-queries-${port}@example.org`;
const password = 'banc-d-essai-mot-de-passe';
await insertUser(db, {
  email,
  passwordHash: await hashPassword(password),
  role: 'PROFESSIONAL',
  status: 'VETTED',
  name: 'bench',
  vettedMonths: 12,
});
const [some] = await db.rows<{ id: string; department: string; word: string }>(sql`SELECT s.id,
  s.department_code AS department, split_part(s.name, ' ', 1) AS word FROM structures s
  WHERE s.status = 'ONLINE' AND s.visibility = 'PUBLIC' ORDER BY s.id LIMIT 1`);
if (!some) throw new Error('no structure: seed the database first');
await db.close();

// As `pnpm start` runs it: bundled to JavaScript first (api/build-if-changed.mjs).
execFileSync(process.execPath, ['api/build-if-changed.mjs'], { stdio: 'inherit' });
const api = spawn(process.execPath, ['--max-old-space-size=256', 'api/dist/server.mjs'], {
  env: {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    RATE_LIMIT_MULTIPLIER: '100000',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
/** The API process's CPU seconds so far (user + system; Linux /proc, clock ticks of 1/100 s). */
const cpuSeconds = () => {
  const fields = readFileSync(`/proc/${api.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
const rss = () => {
  const line = readFileSync(`/proc/${api.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/);
  return line ? Math.round(Number(line[1]) / 1024) : Number.NaN;
};

async function post(query: string, variables: object, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: unknown };
  if (res.status !== 200 || body.errors) throw new Error(`${res.status} ${JSON.stringify(body.errors)}`);
  return body.data;
}

for (let i = 0; ; i++) {
  try {
    if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) break;
  } catch {}
  if (i > 120) throw new Error('the API did not start');
  await new Promise((resolve) => setTimeout(resolve, 500));
}
const login = await post('mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
  e: email,
  p: password,
});
const pro = { authorization: `Bearer ${login.login.token}` };

// 500 points over metropolitan France, fixed (a linear congruential sequence).
let state = 1;
const random = () => {
  state = (state * 1103515245 + 12345) % 2 ** 31;
  return state / 2 ** 31;
};
const points = Array.from({ length: 500 }, () => ({ lat: 43 + random() * 7, lon: -1.5 + random() * 9 }));
const nearest = `query Nearest($near: GeoPointInput!, $first: Int) {
  structures(near: $near, first: $first) { edges { distanceKm node { id name } } } }`;
const globalId = Buffer.from(`Structure:${some.id}`).toString('base64');

const cases: { name: string; query: string; variables: (i: number) => object; headers?: Record<string, string> }[] = [
  { name: 'nearest 20, anonymous', query: nearest, variables: (i) => ({ near: points[i % 500], first: 20 }) },
  {
    name: 'nearest 20, professional',
    query: nearest,
    variables: (i) => ({ near: points[i % 500], first: 20 }),
    headers: pro,
  },
  {
    name: 'department + search, anonymous',
    query: `query ($d: String!, $q: String!) { structures(filter: { departmentCode: $d, search: $q }, first: 20) {
      edges { node { id name } } } }`,
    variables: () => ({ d: some.department, q: some.word }),
  },
  {
    name: 'structure(id), anonymous',
    query: 'query ($id: ID!) { structure(id: $id) { id name city phone location { lat lon precision } } }',
    variables: () => ({ id: globalId }),
  },
];

async function load(c: (typeof cases)[number], ms: number) {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const end = Date.now() + ms;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < end) {
        const started = performance.now();
        try {
          await post(c.query, c.variables(next++), c.headers);
          latencies.push(performance.now() - started);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { rps: latencies.length / (ms / 1000), p50: at(0.5), p99: at(0.99), errors };
}

console.log(
  `database: ${env.DATABASE_URL ? 'postgres' : 'pglite'}, ${n} structures; API pid ${api.pid} (production mode)`,
);
console.log(`${connections} connections, ${seconds} s per query after 3 s of warm-up, POST, 500 rotating points`);
console.log(`load average before: ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
console.log('| query | req/s | p50 ms | p99 ms | errors | API CPU ms/req | API RSS MiB |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const c of cases) {
  await load(c, 3000);
  const cpu = cpuSeconds();
  const r = await load(c, seconds * 1000);
  const cpuMs = ((cpuSeconds() - cpu) * 1000) / Math.max(1, r.rps * seconds);
  console.log(
    `| ${c.name} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.errors} | ${cpuMs.toFixed(2)} | ${rss()} |`,
  );
}
console.log(`load average after: ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
api.kill('SIGTERM');
