// Helplines edited by admins: created, changed, removed, audited; hours checked; open now.
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../api/src/db/seed.ts';
import { createAccount, loginHeaders } from '../support/accounts.ts';
import { resetData, type TestApi, testApi } from '../support/api.ts';

let api: TestApi;
let admin: Record<string, string>;

const save = `mutation ($input: HelplineInput!) { saveHelpline(input: $input) { id number name hours channels free openNow } }`;
const line = {
  id: 'essai-sms',
  number: '31 555',
  name: 'Ligne d’essai par SMS',
  hours: '24/7',
  free: true,
  channels: ['SMS', 'CHAT'],
};

beforeAll(async () => {
  api = await testApi();
  await resetData(api.db);
  await seedDemo(api.db);
  await createAccount(api.db, { email: 'admin@lines.fr', role: 'ADMIN' });
  admin = await loginHeaders(api, 'admin@lines.fr');
});

describe('helplines', () => {
  it('the national numbers are there, open now computed in Paris time; SMS and chat say so', async () => {
    const res = await api.gql('{ helplines { id number channels openNow } }');
    const ids = res.data.helplines.map((h: any) => h.id);
    expect(ids).toEqual(
      expect.arrayContaining(['119', '116000', '3018', '17', '112', '114', '3919', 'fil-sante-jeunes']),
    );
    expect(res.data.helplines.find((h: any) => h.id === '119').openNow).toBe(true);
    expect(res.data.helplines.find((h: any) => h.id === '114').channels).toContain('SMS');
  });

  it('admins create, change and remove one; each change is audited', async () => {
    const created = await api.gql(save, { input: line }, admin);
    expect(created.data.saveHelpline).toMatchObject({ id: 'essai-sms', channels: ['SMS', 'CHAT'], openNow: true });
    const changed = await api.gql(save, { input: { ...line, hours: 'Mo-Fr 09:00-18:00', free: false } }, admin);
    expect(changed.data.saveHelpline).toMatchObject({ hours: 'Mo-Fr 09:00-18:00', free: false });
    const all = await api.gql('{ helplines { id } }');
    expect(all.data.helplines.filter((h: any) => h.id === 'essai-sms')).toHaveLength(1);
    expect((await api.gql(`mutation { deleteHelpline(id: "essai-sms") }`, {}, admin)).data.deleteHelpline).toBe(true);
    expect(
      (await api.gql(`mutation { deleteHelpline(id: "essai-sms") }`, {}, admin)).errors?.[0]?.extensions?.code,
    ).toBe('NOT_FOUND');
    const audit = await api.gql(`{ auditLog(filter: { actions: [HELPLINE_CHANGED] }) { totalCount } }`, {}, admin);
    expect(audit.data.auditLog.totalCount).toBe(3);
  });

  it('refuses bad hours and non-admins', async () => {
    const bad = await api.gql(save, { input: { ...line, hours: 'toujours ou presque' } }, admin);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toMatch(/hours/);
    expect((await api.gql(save, { input: line })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
