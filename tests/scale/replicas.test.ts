// Read replicas on loopback: a PostgreSQL 15 primary and a streaming hot standby made by the
// test (initdb + pg_basebackup), the API over both. Anonymous reads are counted in the
// replica's own statement log; an account reads its own write at once (the session marker on
// the primary), even while the replica is held back; a replica late beyond the bound, or
// down, is skipped and /readyz says so, and reads go on from the primary.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDb } from '../../api/src/db/client.ts';
import { migrate } from '../../api/src/db/migrate.ts';
import { openReplicas, type Replicas } from '../../api/src/db/replicas.ts';
import { type App, createApp } from '../../api/src/http/app.ts';
import { createLogger } from '../../api/src/log.ts';
import { createAccount, rawId, testPassword } from '../support/accounts.ts';
import { fixture, seed } from '../support/fixtures.ts';
import { type Cluster, clustersAvailable, startPrimary, startReplica } from '../support/pg-cluster.ts';

const log = createLogger('silent');
let primary: Cluster;
let replica: Cluster;
let primaryDb: Db;
let replicaDb: Db;
let replicas: Replicas;
let app: App;
let url: string;
let structureId: string;

async function gql(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: any; errors?: unknown[] };
}

/** Structure reads the replica ran so far (its log has every statement, named by its comment). */
const replicaReads = () => replica.log().match(/(?:statement|execute [^:]*): \/\* structures-/g)?.length ?? 0;

const metricsToken = 'jeton-des-metriques-replique';
const nameQuery = `query ($id: ID!) { structure(id: $id) { name } }`;

describe.runIf(clustersAvailable)('read replicas', () => {
  beforeAll(async () => {
    const t0 = Date.now();
    const step = (what: string) => console.log(`[replicas] ${what} at ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    primary = await startPrimary();
    step('primary started');
    primaryDb = await openDb({ databaseUrl: primary.url('repere'), poolSize: 5 });
    await migrate(primaryDb);
    step('primary migrated');
    [structureId] = (await seed(primaryDb, [fixture({ name: 'Accueil Réplique' })])) as [string];
    await createAccount(primaryDb, { email: 'modo@replique.fr', role: 'MODERATOR' });
    replica = await startReplica(primary, { logStatements: true });
    step('replica started');
    replicaDb = await openDb({ databaseUrl: replica.url('repere'), poolSize: 1 });
    // A generous lag bound: the replica held back below stays "up", so reads there are stale.
    replicas = await openReplicas(primaryDb, {
      urls: [replica.url('repere')],
      maxLagSeconds: 60,
      probeEveryMs: 200,
      log,
    });
    app = await createApp(primaryDb, log, {
      rateLimitMultiplier: 1000,
      rateLimitsInMemory: true,
      replicas,
      replicaMaxLagSeconds: 60,
      metricsToken: metricsToken,
    });
    url = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
  });

  afterAll(async () => {
    // Each part stopped even when another fails to.
    await Promise.allSettled([app?.close(1000)]);
    await Promise.allSettled([replicas?.close(), replicaDb?.close(), primaryDb?.close()]);
    await Promise.allSettled([replica?.remove(), primary?.remove()]);
  });

  it('sends anonymous and account reads to the replica, counted there, and /readyz reports it', async () => {
    await expect.poll(() => replicas.states()[0]?.status).toBe('up');
    const before = replicaReads();
    const res = await gql(nameQuery, { id: structureId });
    expect(res.data?.structure?.name).toBe('Accueil Réplique');
    await expect.poll(replicaReads).toBeGreaterThan(before);

    const ready = await (await fetch(`${url}/readyz`)).json();
    expect(ready).toMatchObject({ status: 'ok', database: 'up', replicas: [{ name: 'replica1', status: 'up' }] });
    expect(JSON.stringify(ready)).not.toContain(String(replica.port));

    const metrics = await (
      await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } })
    ).text();
    expect(metrics).toMatch(/^repere_db_replica_up\{replica="replica1"\} 1$/m);
    expect(metrics).toMatch(/^repere_db_replica_lag_seconds\{replica="replica1"\} [\d.]+$/m);
  });

  it("reads an account's own write in its next request, while the replica is held back", async () => {
    const login = await gql(`mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, {
      e: 'modo@replique.fr',
      p: testPassword,
    });
    const headers = { authorization: `Bearer ${login.data.login.token}` };
    // Before any write, the account's reads go to the replica too.
    const before = replicaReads();
    expect((await gql(nameQuery, { id: structureId }, headers)).data.structure.name).toBe('Accueil Réplique');
    await expect.poll(replicaReads).toBeGreaterThan(before);

    await replicaDb.rows(sql`SELECT pg_wal_replay_pause()`);
    try {
      const updated = await gql(
        `mutation ($id: ID!) { updateStructure(id: $id, input: { name: "Accueil Réplique Modifié" }) { structure { name } } }`,
        { id: structureId },
        headers,
      );
      expect(updated.errors).toBeUndefined();
      // The replica has not replayed the change, and is still within its bound: anonymous
      // callers read the old name there; the account that wrote reads its write.
      expect((await gql(nameQuery, { id: structureId })).data.structure.name).toBe('Accueil Réplique');
      expect((await gql(nameQuery, { id: structureId }, headers)).data.structure.name).toBe('Accueil Réplique Modifié');
    } finally {
      await replicaDb.rows(sql`SELECT pg_wal_replay_resume()`);
    }
    await expect
      .poll(async () => (await gql(nameQuery, { id: structureId })).data.structure.name)
      .toBe('Accueil Réplique Modifié');
  });

  it('skips a replica late beyond the bound: reads come from the primary', async () => {
    const strict = await openReplicas(primaryDb, {
      urls: [replica.url('repere')],
      maxLagSeconds: 0.5,
      probeEveryMs: 100,
      log,
    });
    const strictApp = await createApp(primaryDb, log, {
      rateLimitMultiplier: 1000,
      rateLimitsInMemory: true,
      replicas: strict,
      replicaMaxLagSeconds: 0.5,
    });
    const strictUrl = `http://127.0.0.1:${await strictApp.listen(0, '127.0.0.1')}`;
    await replicaDb.rows(sql`SELECT pg_wal_replay_pause()`);
    try {
      await primaryDb.rows(
        sql`UPDATE structures SET name = 'Accueil Réplique Récent' WHERE id = ${rawId(structureId)}::uuid`,
      );
      await expect.poll(() => strict.states()[0]?.status).toBe('lagging');
      const res = await fetch(`${strictUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: nameQuery, variables: { id: structureId } }),
      });
      expect(((await res.json()) as any).data.structure.name).toBe('Accueil Réplique Récent');
      const ready = await (await fetch(`${strictUrl}/readyz`)).json();
      expect(ready).toMatchObject({ status: 'ok', replicas: [{ name: 'replica1', status: 'lagging' }] });
    } finally {
      await replicaDb.rows(sql`SELECT pg_wal_replay_resume()`);
      await strictApp.close(1000);
      await strict.close();
    }
  });

  it('skips a replica that is down, and takes it back when it returns', async () => {
    await replicaDb.close();
    await replica.stop();
    await replicas.probe();
    expect(replicas.states()[0]?.status).toBe('down');
    expect((await gql(nameQuery, { id: structureId })).data.structure.name).toMatch(/^Accueil Réplique/);
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ replicas: [{ status: 'down' }] });
    await replica.start();
    await expect
      .poll(
        async () => {
          await replicas.probe();
          return replicas.states()[0]?.status;
        },
        { timeout: 60_000 },
      )
      .toBe('up');
  });
});
