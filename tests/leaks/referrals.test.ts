// Referrals over GraphQL: a member in Amiens tells a Lyon structure a young person is coming;
// its members see it, acknowledge and close it; the sender follows its status; every read is
// audited; it is purged 90 days after closing. A professional of a third structure, other
// professionals, moderators and admins try every path and get nothing.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../api/src/db/client.ts';
import { createLogger } from '../../api/src/log.ts';
import { startReferralPurge } from '../../api/src/modules/referrals/purge.ts';
import { purgeLockKey, purgeReferrals } from '../../api/src/modules/referrals/store.ts';
import { createAccount, loginHeaders, rawId } from '../support/accounts.ts';
import { resetData, type TestApi, testApi } from '../support/api.ts';
import { fixture, seed } from '../support/fixtures.ts';
import { freePort } from '../support/pg-cluster.ts';

let api: TestApi;
let amiens: string;
let lyon: string;
let third: string;
const h: Record<string, Record<string, string>> = {};
const secret = 'Arrivée prévue jeudi, suivie depuis mars (essai-confidentiel-42).';

const send = `mutation ($to: ID!, $message: String!) {
  sendReferral(toStructureId: $to, message: $message, urgency: SOON) { referral { id status direction } } }`;
const inbox = `query ($box: ReferralBox) { referrals(box: $box) { edges { node { id message status direction urgency
  fromStructure { name } toStructure { name } } } } }`;

beforeAll(async () => {
  api = await testApi();
  await resetData(api.db);
  [amiens, lyon, third] = (await seed(api.db, [
    fixture({ name: 'Service Somme' }),
    fixture({
      name: 'Répit Rhône',
      visibility: 'CONFIDENTIAL',
      departmentCode: '69',
      address: { postalCode: '69004', city: 'Lyon' },
      location: { lat: 45.7791, lon: 4.8283 },
    }),
    fixture({
      name: 'Troisième Structure',
      departmentCode: '13',
      address: { postalCode: '13001', city: 'Marseille' },
      location: { lat: 43.2965, lon: 5.3698 },
    }),
  ])) as [string, string, string];
  const accounts: [string, Parameters<typeof createAccount>[1]][] = [
    ['sender', { email: 'envoi@ref.fr', role: 'PROFESSIONAL', structureIds: [rawId(amiens)] }],
    ['receiver', { email: 'accueil@ref.fr', role: 'PROFESSIONAL', structureIds: [rawId(lyon)] }],
    ['third', { email: 'tiers@ref.fr', role: 'PROFESSIONAL', structureIds: [rawId(third)] }],
    ['pro', { email: 'pro@ref.fr', role: 'PROFESSIONAL' }],
    ['moderator', { email: 'modo@ref.fr', role: 'MODERATOR' }],
    ['admin', { email: 'admin@ref.fr', role: 'ADMIN' }],
  ];
  for (const [name, spec] of accounts) {
    await createAccount(api.db, spec);
    h[name] = await loginHeaders(api, spec.email);
  }
});

describe('referrals', () => {
  let referralId: string;

  it('sent by a member, seen by the receiving members, acknowledged and closed; the sender follows it', async () => {
    const sent = await api.gql(send, { to: lyon, message: secret }, h.sender);
    expect(sent.errors).toBeUndefined();
    referralId = sent.data.sendReferral.referral.id;
    expect(sent.data.sendReferral.referral).toMatchObject({ status: 'SENT', direction: 'SENT' });
    const received = await api.gql(inbox, { box: 'INBOX' }, h.receiver);
    expect(received.data.referrals.edges).toEqual([
      {
        node: {
          id: referralId,
          message: secret,
          status: 'SENT',
          direction: 'INBOX',
          urgency: 'SOON',
          fromStructure: { name: 'Service Somme' },
          toStructure: { name: 'Répit Rhône' },
        },
      },
    ]);
    const ack = await api.gql(
      `mutation ($id: ID!) { acknowledgeReferral(id: $id) { referral { status } } }`,
      { id: referralId },
      h.receiver,
    );
    expect(ack.data.acknowledgeReferral.referral.status).toBe('ACKNOWLEDGED');
    const mine = await api.gql(inbox, { box: 'SENT' }, h.sender);
    expect(mine.data.referrals.edges[0].node.status).toBe('ACKNOWLEDGED');
    // The sender follows it but does not close it.
    const senderClose = await api.gql(
      `mutation ($id: ID!) { closeReferral(id: $id) { referral { status } } }`,
      { id: referralId },
      h.sender,
    );
    expect(senderClose.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const closed = await api.gql(
      `mutation ($id: ID!) { closeReferral(id: $id) { referral { status purgeAt } } }`,
      { id: referralId },
      h.receiver,
    );
    expect(closed.data.closeReferral.referral.status).toBe('CLOSED');
    const days = (Date.parse(closed.data.closeReferral.referral.purgeAt) - Date.now()) / 86_400_000;
    expect(Math.round(days)).toBe(90);
  });

  it('every read is audited: who, when, which referral; never the message', async () => {
    const audit = await api.gql(
      `{ auditLog(filter: { actions: [REFERRAL_READ] }, first: 100) { totalCount edges { node { actorId referralId structureId fields } } } }`,
      {},
      h.admin,
    );
    const receiverId = (await api.gql('{ viewer { id } }', {}, h.receiver)).data.viewer.id;
    const senderId = (await api.gql('{ viewer { id } }', {}, h.sender)).data.viewer.id;
    const actors = new Set(audit.data.auditLog.edges.map((e: any) => e.node.actorId));
    expect(actors).toEqual(new Set([receiverId, senderId]));
    for (const e of audit.data.auditLog.edges)
      expect(e.node).toMatchObject({ referralId, structureId: lyon, fields: ['message'] });
    expect(audit.data.auditLog.totalCount).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(audit)).not.toContain('essai-confidentiel-42');
  });

  it('a third structure, other professionals, moderators, admins and the public get nothing, by any path', async () => {
    const unknown = Buffer.from('Referral:00000000-0000-4000-8000-000000000000').toString('base64');
    const paths = [
      { query: inbox, variables: {} },
      { query: inbox, variables: { box: 'INBOX' } },
      { query: inbox, variables: { box: 'SENT' } },
      { query: `query ($id: ID!) { node(id: $id) { id } }`, variables: { id: referralId } },
      {
        query: `mutation ($id: ID!) { acknowledgeReferral(id: $id) { referral { message } } }`,
        variables: { id: referralId },
      },
      {
        query: `mutation ($id: ID!) { closeReferral(id: $id) { referral { message } } }`,
        variables: { id: referralId },
      },
      { query: `query ($id: ID!) { structure(id: $id) { id name } }`, variables: { id: lyon } },
    ];
    for (const who of ['third', 'pro', 'moderator', 'admin', 'anonymous']) {
      const headers = h[who] ?? {};
      const bodies: unknown[] = [];
      for (const { query, variables } of paths) bodies.push(await api.gql(query, variables, headers));
      const text = JSON.stringify(bodies);
      expect(text, who).not.toContain('essai-confidentiel-42');
      if (who === 'third' || who === 'pro') {
        // Professionals: empty lists; a referral that is not theirs answers like an unknown one.
        const list = await api.gql(inbox, {}, headers);
        expect(list.data.referrals.edges).toEqual([]);
        for (const mutation of ['acknowledgeReferral', 'closeReferral']) {
          const q = `mutation ($id: ID!) { ${mutation}(id: $id) { referral { id } } }`;
          expect(await api.gql(q, { id: referralId }, headers)).toEqual(await api.gql(q, { id: unknown }, headers));
        }
      } else {
        const list = await api.gql(inbox, {}, headers);
        expect(list.errors?.[0]?.extensions?.code).toBe(who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
        expect(list.data ?? null).toBeNull();
      }
    }
    expect(api.logs.join('\n')).not.toContain('essai-confidentiel-42');
  });

  it('refuses what it must: no membership, a hidden or own structure, an overlong message', async () => {
    expect((await api.gql(send, { to: lyon, message: 'x' }, h.pro)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await api.gql(send, { to: amiens, message: 'x' }, h.sender)).errors?.[0]?.message).toMatch(
      /your own structure/,
    );
    const long = await api.gql(send, { to: lyon, message: 'x'.repeat(1001) }, h.sender);
    expect(long.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(long.errors?.[0]?.message).toMatch(/message must have at most 1000 characters/);
    const unknown = Buffer.from('Structure:00000000-0000-4000-8000-000000000000').toString('base64');
    expect((await api.gql(send, { to: unknown, message: 'x' }, h.sender)).errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
  });

  it('a database failure logs the statement, never the message it carried', async () => {
    await api.db.exec('ALTER TABLE referrals RENAME TO referrals_away');
    try {
      const res = await api.gql(send, { to: lyon, message: 'Message très privé (essai-journal-7).' }, h.sender);
      expect(res.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await api.db.exec('ALTER TABLE referrals_away RENAME TO referrals');
    }
    const logged = api.logs.filter((l) => l.includes('referral-insert'));
    expect(logged.length).toBeGreaterThan(0);
    expect(api.logs.join('\n')).not.toContain('essai-journal-7');
  });

  it('is purged 90 days after closing (or sending) by the server timer', async () => {
    const fresh = (await api.gql(send, { to: lyon, message: 'Toujours utile.' }, h.sender)).data.sendReferral.referral
      .id;
    await api.db.exec(`UPDATE referrals SET closed_at = now() - interval '91 days' WHERE status = 'CLOSED'`);
    // The timer's first run logs what it did: the test waits for that line, not for a delay.
    let logged: (line: string) => void = () => {};
    const ran = new Promise<string>((resolve) => {
      logged = resolve;
    });
    const log = createLogger('info', {
      write: (line: string) => {
        if (/referrals purged|referral purge failed/.test(line)) logged(line);
      },
    });
    const stop = startReferralPurge(api.db, log, 60_000);
    try {
      expect(await ran).toMatch(/"msg":"referrals purged"/);
    } finally {
      await stop();
    }
    const left = await api.db.rows<{ id: string }>(sql`SELECT id::text FROM referrals`);
    expect(left.map((r) => r.id)).toEqual([rawId(fresh)]);
  });

  // A purge that finds the database down (a restart, a failover) is an outage that requests
  // report already: a warning, not an error. Connections to a port where nothing listens.
  it('a purge that cannot reach the database logs a warning, not an error', async () => {
    const down = await openDb({ databaseUrl: `postgres://postgres@127.0.0.1:${await freePort()}/repere`, poolSize: 1 });
    const lines: string[] = [];
    let logged: () => void = () => {};
    const ran = new Promise<void>((resolve) => {
      logged = resolve;
    });
    const log = createLogger('info', {
      write: (line: string) => {
        lines.push(line);
        if (/referral purge/.test(line)) logged();
      },
    });
    const stop = startReferralPurge(down, log, 60_000);
    try {
      await ran;
    } finally {
      await stop();
      await down.close();
    }
    expect(lines.join('')).toMatch(/"level":40[^\n]*"msg":"referral purge skipped: database unreachable"/);
    expect(lines.join('')).not.toMatch(/"level":(50|60)/);
  });

  // Several API instances each run the timer: one purges at a time. A second connection stands
  // for another instance (the embedded database has one connection, held by one process).
  it('purges in one instance at a time: a held purge lock makes another purge skip', async (ctx) => {
    if (api.db.kind !== 'postgres') ctx.skip();
    await api.db.exec(`UPDATE referrals SET closed_at = now() - interval '91 days', status = 'CLOSED'`);
    const skipped = await api.db.transaction(async (tx) => {
      await tx.rows(sql`SELECT pg_advisory_xact_lock(${purgeLockKey}::bigint)`);
      return purgeReferrals(api.db);
    });
    expect(skipped).toBeNull();
    expect((await api.db.rows(sql`SELECT id FROM referrals`)).length).toBeGreaterThan(0);
    expect(await purgeReferrals(api.db)).toBeGreaterThan(0);
    expect(await api.db.rows(sql`SELECT id FROM referrals`)).toEqual([]);
  });
});
