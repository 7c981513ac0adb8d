// Scale-out under faults, on loopback: a PostgreSQL primary and a streaming replica (made by the
// test), two API instances behind a round-robin front, Redis. 60 s of load at 50 clients
// (anonymous reads, logins, contributions with idempotency keys, referrals) while one instance
// is killed (SIGKILL) and started again, and the primary is restarted. Afterwards: every
// contribution and referral that was answered is in the database, one submission per key and
// every replay answered with the first one, writes answered again within 5 s of the primary's
// return, no answer holding another viewer's data, and every error a clean 503 with
// Retry-After (or a connection the killed instance dropped): never a 500, never a hang.
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { type Db, openDb } from '../../api/src/db/client.ts';
import { migrate } from '../../api/src/db/migrate.ts';
import { connectRedis } from '../../api/src/redis.ts';
import { createAccount, rawId, testPassword } from '../support/accounts.ts';
import { fixture, seed } from '../support/fixtures.ts';
import { type Cluster, clustersAvailable, freePort, startPrimary, startReplica } from '../support/pg-cluster.ts';
import { type Started, start, stopChildren } from '../support/processes.ts';
import { type Balancer, roundRobin } from '../support/tcp-proxy.ts';
import { limit } from '../support/time.ts';

const root = new URL('../..', import.meta.url).pathname;
afterAll(stopChildren);

const loadMs = 60_000;
const clientCount = 50;
const proCount = 20;
/** A request not answered by then is a hang (the test fails). */
const clientTimeoutMs = limit(30_000);
const run = `load-${process.pid}-${Date.now().toString(36)}`;

type Op = 'nearest' | 'structure' | 'own-data' | 'login' | 'contribution' | 'replay' | 'referral';
type Outcome = 'ok' | 'unavailable' | 'dropped' | 'timeout' | 'bad';

interface Answer {
  op: Op;
  client: number;
  outcome: Outcome;
  /** HTTP status, or what happened to the connection. */
  status: string;
  started: number;
  ended: number;
  data?: any;
  detail?: string;
}

interface Raw {
  status: number | 'dropped' | 'timeout';
  retryAfter: string | null;
  text: string;
}

/** One POST /graphql on a new connection (a client of the front, as a browser behind a NAT). */
function post(port: number, body: string, headers: Record<string, string>): Promise<Raw> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (raw: Raw) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(raw);
    };
    const req = request({
      host: '127.0.0.1',
      port,
      path: '/graphql',
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
    });
    const timer = setTimeout(() => {
      finish({ status: 'timeout', retryAfter: null, text: '' });
      req.destroy();
    }, clientTimeoutMs);
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () =>
        finish({ status: res.statusCode ?? 0, retryAfter: (res.headers['retry-after'] as string) ?? null, text }),
      );
      res.on('error', () => finish({ status: 'dropped', retryAfter: null, text }));
      res.on('aborted', () => finish({ status: 'dropped', retryAfter: null, text }));
    });
    req.on('error', () => finish({ status: 'dropped', retryAfter: null, text: '' }));
    req.end(body);
  });
}

const nearestQuery = `query ($lat: Float!, $lon: Float!) { structures(near: { lat: $lat, lon: $lon }, first: 5) {
  edges { distanceKm node { id name } } } }`;
const structureQuery = `query ($id: ID!) { viewer { email } structure(id: $id) { id name } }`;
const ownDataQuery = `{ viewer { email }
  sent: referrals(box: SENT, first: 5) { edges { node { message direction } } }
  inbox: referrals(box: INBOX, first: 5) { edges { node { direction toStructure { id } } } } }`;
const loginMutation = `mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token viewer { email } } }`;
const reportMutation = `mutation ($id: ID!, $comment: String!, $key: String!) {
  reportStructure(structureId: $id, reason: OTHER, comment: $comment, idempotencyKey: $key) { submission { id kind } } }`;
const referralMutation = `mutation ($to: ID!, $message: String!) {
  sendReferral(toStructureId: $to, message: $message, urgency: SOON) { referral { id direction message } } }`;

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number;
}

const pick = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)] as T;

// It builds its own primary and replica, so the server-database pass would only repeat it.
describe.runIf(clustersAvailable && !process.env.DATABASE_URL)(
  'two instances over a primary and a replica, under load and faults',
  () => {
    it('loses no contribution, duplicates none, recovers within 5 s, leaks nothing', {
      timeout: limit(900_000),
    }, async () => {
      const t = Date.now();
      const step = (what: string) => console.log(`[load] ${what} at ${((Date.now() - t) / 1000).toFixed(1)} s`);
      let primary: Cluster | undefined;
      let replica: Cluster | undefined;
      let db: Db | undefined;
      let front: Balancer | undefined;
      const instances: (Started | undefined)[] = [undefined, undefined];
      const redis = connectRedis('redis://127.0.0.1:6379');
      redis.on('error', () => {});
      // Set when the test ends early (a failed step): clients stop at once instead of spinning.
      let halted = false;
      let load: Promise<unknown> | undefined;
      try {
        primary = await startPrimary();
        db = await openDb({ databaseUrl: primary.url('repere'), poolSize: 2 });
        await migrate(db);
        const structures = await seed(
          db,
          Array.from({ length: proCount + 4 }, (_, i) =>
            fixture({ name: `Accueil Charge ${i}`, location: { lat: 49.8 + i * 0.01, lon: 2.2 + i * 0.01 } }),
          ),
        );
        const pros = Array.from({ length: proCount }, (_, i) => ({
          email: `pro${i}@charge.fr`,
          structureId: structures[i] as string,
        }));
        for (const pro of pros) {
          await createAccount(db, { email: pro.email, role: 'PROFESSIONAL', structureIds: [rawId(pro.structureId)] });
        }
        replica = await startReplica(primary);
        step('primary and replica ready');

        const ports = [await freePort(), await freePort()];
        const { DATABASE_URL: _a, DATABASE_REPLICA_URLS: _b, REDIS_URL: _c, ...rest } = process.env;
        const env = (port: number) => ({
          ...rest,
          NODE_ENV: 'production' as const,
          DATABASE_URL: (primary as Cluster).url('repere'),
          DATABASE_REPLICA_URLS: (replica as Cluster).url('repere'),
          REDIS_URL: 'redis://127.0.0.1:6379',
          REDIS_KEY_PREFIX: run,
          PORT: String(port),
          HOST: '127.0.0.1',
          RATE_LIMIT_MULTIPLIER: '1000',
          DATABASE_CONNECT_TIMEOUT_MS: '2000',
        });
        const startInstance = async (i: number) => {
          const port = ports[i] as number;
          const instance = start('node', ['--import', 'tsx', 'api/src/server.ts'], { cwd: root, env: env(port) });
          instances[i] = instance;
          await instance.waitFor(/Repère API listening/);
        };
        await Promise.all([startInstance(0), startInstance(1)]);
        front = await roundRobin(ports);
        const frontPort = front.port;
        step('two instances up behind the front');

        // Everything every client saw, and waiters on it (faults are paced by what clients see).
        const answers: Answer[] = [];
        const waiters: { test: () => boolean; resolve: () => void }[] = [];
        const record = (a: Answer) => {
          answers.push(a);
          for (const w of [...waiters]) {
            if (w.test()) {
              waiters.splice(waiters.indexOf(w), 1);
              w.resolve();
            }
          }
        };
        const until = (what: string, test: () => boolean) =>
          new Promise<void>((resolve, reject) => {
            if (test()) return resolve();
            const timer = setTimeout(() => reject(new Error(`load: no ${what} within the time limit`)), limit(120_000));
            waiters.push({
              test,
              resolve: () => {
                clearTimeout(timer);
                resolve();
              },
            });
          });

        /** Sends one operation through the front and classifies the answer. */
        async function send(client: number, op: Op, query: string, variables: object, headers: Record<string, string>) {
          const started = Date.now();
          const raw = await post(frontPort, JSON.stringify({ query, variables }), headers);
          const ended = Date.now();
          const base = { op, client, started, ended, status: String(raw.status) };
          if (raw.status === 'dropped' || raw.status === 'timeout') {
            const a: Answer = { ...base, outcome: raw.status };
            record(a);
            return a;
          }
          let body: any;
          try {
            body = JSON.parse(raw.text);
          } catch {
            body = null;
          }
          const code = body?.errors?.[0]?.extensions?.code;
          let outcome: Outcome = 'bad';
          if (raw.status === 200 && body?.data && !body.errors) outcome = 'ok';
          else if (raw.status === 503 && raw.retryAfter && code === 'SERVICE_UNAVAILABLE') outcome = 'unavailable';
          const a: Answer = {
            ...base,
            outcome,
            data: body?.data,
            detail: outcome === 'bad' ? raw.text.slice(0, 300) : undefined,
          };
          record(a);
          return a;
        }

        // What the clients were told, checked against the database afterwards.
        const contributions = new Map<string, { ids: string[]; attempts: number }>();
        const referrals: string[] = [];
        let referralsUnanswered = 0;
        const leaks: string[] = [];
        const stopAt = Date.now() + loadMs;
        const giveUpAt = stopAt + limit(120_000);

        /** Honours Retry-After (a dropped connection is retried at once, through the other instance). */
        const backOff = (a: Answer) =>
          a.outcome === 'unavailable' ? new Promise((resolve) => setTimeout(resolve, 1000)) : Promise.resolve();

        /** A report with an idempotency key, retried with the same key until answered; sometimes sent again. */
        async function contribute(client: number, n: number, headers: Record<string, string>) {
          const key = `${run}-c${client}-n${n}`;
          const entry = { ids: [] as string[], attempts: 0 };
          contributions.set(key, entry);
          const variables = { id: pick(structures), comment: key, key };
          const once = async (op: Op) => {
            for (;;) {
              entry.attempts++;
              const a = await send(client, op, reportMutation, variables, headers);
              if (a.outcome === 'ok') {
                entry.ids.push(a.data.reportStructure.submission.id);
                return true;
              }
              if (a.outcome === 'bad' || a.outcome === 'timeout' || halted || Date.now() > giveUpAt) return false;
              await backOff(a);
            }
          };
          if ((await once('contribution')) && Math.random() < 0.25) await once('replay');
        }

        async function anonymous(client: number) {
          let n = 0;
          while (!halted && Date.now() < stopAt) {
            const roll = Math.random();
            if (roll < 0.45) {
              await send(client, 'nearest', nearestQuery, { lat: 49.85 + Math.random() / 10, lon: 2.25 }, {});
            } else if (roll < 0.8) {
              const a = await send(client, 'structure', structureQuery, { id: pick(structures) }, {});
              if (a.outcome === 'ok' && a.data.viewer !== null) leaks.push(`anonymous client ${client} saw a viewer`);
            } else {
              await contribute(client, n++, {});
            }
          }
        }

        async function professional(client: number, pro: { email: string; structureId: string }) {
          let headers: Record<string, string> | null = null;
          let n = 0;
          const tag = `${run} c${client} `;
          while (!halted && Date.now() < stopAt) {
            const roll = Math.random();
            if (!headers || roll < 0.04) {
              const a = await send(client, 'login', loginMutation, { e: pro.email, p: testPassword }, {});
              if (a.outcome === 'ok') {
                headers = { authorization: `Bearer ${a.data.login.token}` };
                if (a.data.login.viewer.email !== pro.email)
                  leaks.push(`login of ${pro.email} answered another account`);
              } else await backOff(a);
            } else if (roll < 0.4) {
              const a = await send(client, 'own-data', ownDataQuery, {}, headers);
              if (a.outcome !== 'ok') continue;
              if (a.data.viewer?.email !== pro.email) leaks.push(`${pro.email} saw viewer ${a.data.viewer?.email}`);
              for (const { node } of a.data.sent.edges) {
                if (!node.message.startsWith(tag) || node.direction !== 'SENT')
                  leaks.push(`${pro.email} saw a referral it did not send`);
              }
              for (const { node } of a.data.inbox.edges) {
                if (node.toStructure?.id !== pro.structureId)
                  leaks.push(`${pro.email} saw a referral to another structure`);
              }
            } else if (roll < 0.55) {
              await send(client, 'nearest', nearestQuery, { lat: 49.85, lon: 2.25 + Math.random() / 10 }, headers);
            } else if (roll < 0.75) {
              await contribute(client, n++, headers);
            } else {
              const to = pick(pros.filter((p) => p !== pro)).structureId;
              const a = await send(client, 'referral', referralMutation, { to, message: `${tag}r${n++}` }, headers);
              if (a.outcome === 'ok') {
                const sent = a.data.sendReferral.referral;
                referrals.push(sent.id);
                if (!sent.message.startsWith(tag)) leaks.push(`${pro.email} was answered another referral`);
              } else referralsUnanswered++;
            }
          }
        }

        // The load, and the faults in its middle, paced by the clock and by what clients saw.
        const t0 = Date.now();
        const since = (at: number) => ((at - t0) / 1000).toFixed(1);
        load = Promise.all(
          Array.from({ length: clientCount }, (_, client) =>
            client < proCount ? professional(client, pros[client] as (typeof pros)[number]) : anonymous(client),
          ),
        );
        const at = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, t0 + ms - Date.now())));
        const okCount = () => answers.filter((a) => a.outcome === 'ok').length;

        await at(15_000);
        await until('answers before the faults', () => okCount() >= 100);
        const killAt = Date.now();
        await instances[1]?.stop('SIGKILL');
        const killedAt = Date.now();
        step(`instance 2 killed (SIGKILL) at +${since(killAt)} s`);
        // Started again meanwhile (a slow start must not push the primary's restart past the load).
        let instanceBackAt = Number.NaN;
        const restarted = startInstance(1).then(() => {
          instanceBackAt = Date.now();
          step(`instance 2 back at +${since(instanceBackAt)} s`);
        });
        restarted.catch(() => {}); // awaited below; a failure is reported there

        await at(30_000);
        const stopPrimaryAt = Date.now();
        await primary.stop();
        step(`primary stopped (fast) at +${since(stopPrimaryAt)} s`);
        // Down until a contribution is refused (then retried with its key once the primary is back).
        const seenDown = answers.length;
        await until('contribution refused while the primary was down', () =>
          answers.slice(seenDown).some((a) => a.op === 'contribution' && a.outcome === 'unavailable'),
        );
        await primary.start();
        const primaryBackAt = Date.now();
        step(`primary back at +${since(primaryBackAt)} s`);
        const wrote = (a: Answer) =>
          a.outcome === 'ok' && (a.op === 'contribution' || a.op === 'login' || a.op === 'referral');
        await until('write sent and answered after the primary came back', () =>
          answers.some((a) => wrote(a) && a.started >= primaryBackAt),
        );
        // Recovery is when the service took writes again: the earliest write sent after the primary's
        // return that succeeded (by when it was sent, so the machine's response time is not counted
        // as an outage); when its answer came is printed too.
        const firstWrite = answers
          .filter((a) => wrote(a) && a.started >= primaryBackAt)
          .sort((a, b) => a.started - b.started)[0];
        const recoveredAt = firstWrite?.started ?? Number.POSITIVE_INFINITY;
        const firstAnswerAt = Math.min(
          ...answers.filter((a) => wrote(a) && a.ended >= primaryBackAt).map((a) => a.ended),
        );
        await load;
        await restarted;
        step('load over');

        // The figures.
        const byOp = new Map<Op, number>();
        const byStatus = new Map<string, number>();
        for (const a of answers) {
          byOp.set(a.op, (byOp.get(a.op) ?? 0) + 1);
          byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1);
        }
        const latencies = (from: number, to: number) =>
          answers.filter((a) => a.started >= from && a.started < to).map((a) => a.ended - a.started);
        const p99 = (from: number, to: number) => `${percentile(latencies(from, to), 0.99)} ms`;
        console.log(
          [
            `[load] ${clientCount} clients (${proCount} professionals) for ${loadMs / 1000} s through a round-robin front over 2 instances; loadavg ${readFileSync('/proc/loadavg', 'utf8').trim()}`,
            `[load] requests: ${answers.length} (${[...byOp].map(([op, n]) => `${op} ${n}`).join(', ')})`,
            `[load] answers by status: ${[...byStatus].map(([s, n]) => `${s}: ${n}`).join(', ')}`,
            `[load] p99: before the faults ${p99(0, killAt)}, during ${p99(killAt, recoveredAt)}, after ${p99(recoveredAt, Number.POSITIVE_INFINITY)}`,
            `[load] instance 2 killed at +${since(killAt)} s, listening again at +${since(instanceBackAt)} s; primary stopped at +${since(stopPrimaryAt)} s, back at +${since(primaryBackAt)} s`,
            `[load] recovery: first write sent ${recoveredAt - primaryBackAt} ms after the primary was back succeeded (answered at +${firstAnswerAt - primaryBackAt} ms); 503s to requests sent after it was back: ${answers.filter((a) => a.outcome === 'unavailable' && a.started >= primaryBackAt).length}; p50 after ${percentile(latencies(recoveredAt, Number.POSITIVE_INFINITY), 0.5)} ms`,
            `[load] connections by instance: ${front.served().join(' / ')}; instances still running: ${instances.map((i) => (i?.child.exitCode === null && i.child.signalCode === null ? 'yes' : `no (${i?.child.exitCode ?? i?.child.signalCode})`)).join(' / ')}`,
          ].join('\n'),
        );

        for (const [i, instance] of instances.entries()) {
          const errors = `${instance?.stderr() ?? ''}${(instance?.stdout() ?? '')
            .split('\n')
            .filter((l) => /"level":(50|60)/.test(l))
            .slice(0, 5)
            .join('\n')}`;
          if (errors) console.log(`[load] instance ${i + 1} errors:\n${errors.slice(0, 3000)}`);
        }
        // Errors: only clean 503s, or connections in flight on the instance when it was killed.
        const bad = answers.filter((a) => a.outcome === 'bad');
        expect(bad.map((a) => `${a.op} ${a.status} ${a.detail}`).slice(0, 5)).toEqual([]);
        expect(answers.filter((a) => a.outcome === 'timeout')).toHaveLength(0);
        const strayDrops = answers.filter(
          (a) => a.outcome === 'dropped' && !(a.started <= killedAt && a.ended >= killAt),
        );
        expect(strayDrops.map((a) => `${a.op} +${since(a.started)}..+${since(a.ended)} s`)).toEqual([]);
        const strayUnavailable = answers.filter((a) => a.outcome === 'unavailable' && a.ended < stopPrimaryAt);
        expect(strayUnavailable.map((a) => `${a.op} +${since(a.started)} s`)).toEqual([]);
        // Normal answers within 5 s of the primary's return: none refused that started later.
        expect(recoveredAt - primaryBackAt).toBeLessThan(limit(5000));
        const lateUnavailable = answers.filter(
          (a) => a.outcome === 'unavailable' && a.started > primaryBackAt + limit(5000),
        );
        expect(lateUnavailable.map((a) => `${a.op} +${since(a.started)} s`)).toEqual([]);
        expect(leaks).toEqual([]);

        // Nothing answered is missing; one submission per key, the one every answer named.
        const rows = await db.rows<{ id: string; comment: string }>(
          sql`SELECT id::text, comment FROM submissions WHERE comment LIKE ${`${run}-%`}`,
        );
        const stored = new Map<string, string[]>();
        for (const row of rows) stored.set(row.comment, [...(stored.get(row.comment) ?? []), row.id]);
        let answered = 0;
        let retried = 0;
        let replayed = 0;
        const lost: string[] = [];
        const duplicated: string[] = [];
        const differing: string[] = [];
        for (const [key, entry] of contributions) {
          const ids = stored.get(key) ?? [];
          if (ids.length > 1) duplicated.push(key);
          if (entry.ids.length === 0) continue;
          answered++;
          if (entry.attempts > entry.ids.length) retried++;
          if (entry.ids.length > 1) replayed++;
          if (new Set(entry.ids).size !== 1) differing.push(key);
          if (ids.length === 0 || !ids.includes(rawId(entry.ids[0] as string))) lost.push(key);
        }
        const unanswered = contributions.size - answered;
        const referralRows = await db.rows<{ id: string }>(
          sql`SELECT id::text FROM referrals WHERE message LIKE ${`${run} %`}`,
        );
        const storedReferrals = new Set(referralRows.map((r) => r.id));
        const lostReferrals = referrals.filter((id) => !storedReferrals.has(rawId(id)));
        console.log(
          [
            `[load] contributions: ${contributions.size} keys, ${answered} answered (${retried} after a retry, ${replayed} sent again and answered again), ${unanswered} never answered; in the database: ${rows.length} rows; lost ${lost.length}, duplicated ${duplicated.length}, replays answered with another id ${differing.length}`,
            `[load] referrals: ${referrals.length} answered, ${referralsUnanswered} not answered; in the database: ${referralRows.length}; lost ${lostReferrals.length}`,
          ].join('\n'),
        );
        expect(answered).toBeGreaterThan(0);
        expect(retried).toBeGreaterThan(0);
        expect(unanswered).toBe(0);
        expect(lost).toEqual([]);
        expect(duplicated).toEqual([]);
        expect(differing).toEqual([]);
        expect(lostReferrals).toEqual([]);
        // Neither instance logged an unexpected error.
        // (One started while the primary was down says so: that is expected.)
        for (const instance of instances) {
          expect(instance?.stdout() ?? '').not.toMatch(/"level":(50|60)(?!.*database unreachable)/);
        }
      } finally {
        halted = true;
        await load?.catch(() => {});
        await front?.close();
        await Promise.allSettled(instances.map((instance) => instance?.stop()));
        await db?.close().catch(() => {});
        await Promise.allSettled([replica?.remove()]);
        await Promise.allSettled([primary?.remove()]);
        const keys = await redis.keys(`${run}:*`).catch(() => [] as string[]);
        if (keys.length) await redis.del(...keys).catch(() => {});
        redis.disconnect();
      }
    });
  },
);
