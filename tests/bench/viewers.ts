// `pnpm bench` (second part): what an account costs. The Amiens query (near, first: 20, with
// totalCount and the fields each viewer may see) over HTTP, for the anonymous, a vetted
// professional, a member of two confidential structures and a moderator, 100 interleaved
// runs each after 10 warm-up; prints medians and the added latency over the anonymous.
import { sql } from 'drizzle-orm';
import { openDb } from '../../api/src/db/client.ts';
import { parseEnv } from '../../api/src/env.ts';
import { createApp } from '../../api/src/http/app.ts';
import { createLogger } from '../../api/src/log.ts';
import { hashPassword } from '../../api/src/modules/accounts/secrets.ts';
import { insertUser, setMemberships } from '../../api/src/modules/accounts/store.ts';

const env = parseEnv();
const db = await openDb({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
const [{ n } = { n: 0 }] = await db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM structures`);
// Rate limits stay on, scaled up as the contract says load benchmarks do.
const app = await createApp(db, createLogger('silent'), {
  rateLimitMultiplier: Math.max(env.RATE_LIMIT_MULTIPLIER, 1000),
});
const port = await app.listen(0, '127.0.0.1');
const url = `http://127.0.0.1:${port}/graphql`;
const password = 'banc-d-essai-mot-de-passe';

async function post(query: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { data?: any; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function account(email: string, role: 'PROFESSIONAL' | 'MODERATOR', structureIds: string[] = []) {
  const id = await insertUser(db, {
    email,
    passwordHash: await hashPassword(password),
    role,
    status: 'VETTED',
    name: email,
    vettedMonths: role === 'PROFESSIONAL' ? 12 : null,
  });
  if (id) await setMemberships(db, id, structureIds);
  const data = await post(`mutation { login(email: "${email}", password: "${password}") { token } }`);
  return { authorization: `Bearer ${data.login.token}` };
}

const nearest = await db.rows<{ id: string }>(sql`SELECT s.id FROM structures s
  WHERE s.visibility = 'CONFIDENTIAL' AND s.status = 'ONLINE'
  ORDER BY s.location_pro <-> ST_SetSRID(ST_MakePoint(2.296, 49.894), 4326)::geography LIMIT 2`);
const viewers: [string, Record<string, string>][] = [
  ['anonymous', {}],
  ['vetted professional', await account('bench-pro@example.org', 'PROFESSIONAL')],
  [
    'member of 2 structures',
    await account(
      'bench-member@example.org',
      'PROFESSIONAL',
      nearest.map((r) => r.id),
    ),
  ],
  ['moderator', await account('bench-modo@example.org', 'MODERATOR')],
];

const query = `{ structures(near: { lat: 49.894, lon: 2.296 }, first: 20) { totalCount edges { distanceKm node {
  id name city visibility location { lat lon precision } phone address { street } professionalContact { phone } } } } }`;

async function timed(headers: Record<string, string>): Promise<number> {
  const started = process.hrtime.bigint();
  await post(query, headers);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

for (let i = 0; i < 10; i++) for (const [, headers] of viewers) await timed(headers);
const runs = new Map<string, number[]>(viewers.map(([name]) => [name, []]));
for (let i = 0; i < 100; i++) for (const [name, headers] of viewers) runs.get(name)?.push(await timed(headers));

const stat = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;
const base = stat(runs.get('anonymous') ?? [], 0.5);
console.log(`database: ${db.kind}, ${n} structures`);
console.log('Amiens query (near, first: 20, totalCount) over HTTP POST, 100 interleaved runs each after 10 warm-up:');
for (const [name, xs] of runs) {
  const median = stat(xs, 0.5);
  const added = name === 'anonymous' ? '' : `, +${(median - base).toFixed(1)} ms over anonymous`;
  console.log(`  ${name.padEnd(24)} median ${median.toFixed(1)} ms, p95 ${stat(xs, 0.95).toFixed(1)} ms${added}`);
}

await app.close();
await db.close();
