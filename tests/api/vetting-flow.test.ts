// The acceptance path, through the API only: a professional in Amiens registers, is
// vetted by an admin, finds a confidential shelter near Lyon with its professional contact but
// not its address; the audit log shows those reads; once revoked, the token opens nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, loginHeaders, registerVerified, testPassword } from '../support/accounts.ts';
import { resetData, type TestApi, testApi } from '../support/api.ts';
import { fixture, seed } from '../support/fixtures.ts';

let api: TestApi;
let admin: Record<string, string>;
let amiens: string;
let lyonShelter: string;

beforeAll(async () => {
  api = await testApi();
  await resetData(api.db);
  [amiens, lyonShelter] = (await seed(api.db, [
    fixture({ name: 'Service Prévention Somme' }),
    fixture({
      name: 'Répit Rhône',
      kind: 'RESPITE',
      visibility: 'CONFIDENTIAL',
      services: ['RESPITE'],
      departmentCode: '69',
      address: { street: '3 montée Secrète', postalCode: '69004', city: 'Lyon' },
      location: { lat: 45.7791, lon: 4.8283 },
      professionalContact: { name: 'Permanence', phone: '+33478000000', email: 'permanence@repit-rhone.example.org' },
      intakeCriteria: 'Filles de 13 à 17 ans, sur orientation.',
    }),
  ])) as [string, string];
  await createAccount(api.db, { email: 'admin@flow.fr', role: 'ADMIN' });
  admin = await loginHeaders(api, 'admin@flow.fr');
});

const search = `{ structures(filter: { departmentCode: "69" }) { totalCount edges { node {
  id name visibility departmentCode services location { precision } address { street }
  professionalContact { phone email } intakeCriteria } } } }`;

describe('register → approve → find counterparts → audit → revoke', () => {
  it('works end to end through GraphQL', async () => {
    // Registered, then the address confirmed with the mailed token (over SMTP).
    const registered = await registerVerified(api, {
      email: 'educatrice@somme.example.org',
      password: testPassword,
      name: 'Inès Essai',
      organisation: 'Service Prévention Somme',
      jobTitle: 'Éducatrice spécialisée',
      structureId: amiens,
      justification: 'Courriel professionnel, cheffe de service joignable.',
    });
    expect(registered.data.registerProfessional.status).toBe('PENDING');
    const pro = await loginHeaders(api, 'educatrice@somme.example.org');
    // Pending: nothing more than the public.
    expect((await api.gql(search, {}, pro)).data.structures.totalCount).toBe(0);

    const pending = await api.gql('{ professionals(status: PENDING) { edges { node { id email } } } }', {}, admin);
    const userId = pending.data.professionals.edges[0].node.id;
    await api.gql(
      `mutation ($id: ID!) { approveProfessional(userId: $id, note: "Appel à la cheffe de service") { user { status } } }`,
      { id: userId },
      admin,
    );

    const found = await api.gql(search, {}, pro);
    expect(found.data.structures.totalCount).toBe(1);
    expect(found.data.structures.edges[0].node).toEqual({
      id: lyonShelter,
      name: 'Répit Rhône',
      visibility: 'CONFIDENTIAL',
      departmentCode: '69',
      services: ['RESPITE'],
      location: { precision: 'APPROXIMATE' },
      address: null,
      professionalContact: { phone: '+33478000000', email: 'permanence@repit-rhone.example.org' },
      intakeCriteria: 'Filles de 13 à 17 ans, sur orientation.',
    });
    expect(JSON.stringify(found)).not.toContain('montée Secrète');

    const proId = (await api.gql('{ viewer { id } }', {}, pro)).data.viewer.id;
    const audit = await api.gql(
      `query ($f: AuditFilter) { auditLog(filter: $f) { totalCount edges { node { action actorId structureId fields } } } }`,
      { f: { actions: ['CONFIDENTIAL_READ'], structureId: lyonShelter } },
      admin,
    );
    expect(audit.data.auditLog.edges).toEqual([
      {
        node: {
          action: 'CONFIDENTIAL_READ',
          actorId: proId,
          structureId: lyonShelter,
          fields: ['intakeCriteria', 'professionalContact'],
        },
      },
    ]);
    // The audit holds ids and field names, never the values read.
    const [row] = await api.db.rows<{ text: string }>(
      (await import('drizzle-orm')).sql`SELECT string_agg(a::text, ' ') AS text FROM audit_log a`,
    );
    expect(row?.text).not.toMatch(/permanence|33478|Filles|Répit/);

    await api.gql(
      `mutation ($id: ID!) { revokeProfessional(userId: $id, reason: "Départ du service") { user { status } } }`,
      { id: userId },
      admin,
    );
    const after = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...pro },
      body: JSON.stringify({ query: search }),
    });
    expect(after.status).toBe(401);
    const body = await after.json();
    expect(body.data ?? null).toBeNull();
    expect(JSON.stringify(body)).not.toContain('Répit');
  });

  it('moderators read everything without a CONFIDENTIAL_READ entry; an audit that cannot be written returns no value', async () => {
    await createAccount(api.db, { email: 'modo@flow.fr', role: 'MODERATOR' });
    const modo = await loginHeaders(api, 'modo@flow.fr');
    const before = await api.gql('{ auditLog { totalCount } }', {}, admin);
    const read = await api.gql(search, {}, modo);
    expect(read.data.structures.edges[0].node.address.street).toBe('3 montée Secrète');
    expect((await api.gql('{ auditLog { totalCount } }', {}, admin)).data.auditLog.totalCount).toBe(
      before.data.auditLog.totalCount,
    );
    // Fail closed: with the audit table unwritable, a professional's read yields null and an error.
    await createAccount(api.db, { email: 'pro2@flow.fr', role: 'PROFESSIONAL' });
    const pro = await loginHeaders(api, 'pro2@flow.fr');
    await api.db.exec('ALTER TABLE audit_log RENAME TO audit_log_away');
    try {
      const res = await api.gql(search, {}, pro);
      expect(res.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(res)).not.toContain('permanence@');
    } finally {
      await api.db.exec('ALTER TABLE audit_log_away RENAME TO audit_log');
    }
  });
});
