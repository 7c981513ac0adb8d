// Each protection layer proven alone. The store: what it returns to each of the seven viewers,
// the schema bypassed, holds no value the policy hides (every column). The schema: run over a
// deliberately over-sharing store (every protected value of every row), it still serves no
// hidden value. Then each layer is rebuilt from a registry with one field's rule loosened (or its
// row guard removed), and its test must find the leak: a test that cannot fail proves nothing.
import { canSee, type FieldGroup } from '@repere/shared/policy';
import { graphql } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Context, Viewer } from '../../api/src/context.ts';
import { createLogger } from '../../api/src/log.ts';
import { createMailer } from '../../api/src/mail/mailer.ts';
import { backOfficeLinks } from '../../api/src/mail/messages.ts';
import { createExchange } from '../../api/src/modules/accounts/exchange.ts';
import { createAuditTrail } from '../../api/src/modules/audit/trail.ts';
import { type FieldRegistry, type FieldSpec, structureFields } from '../../api/src/modules/structures/registry.ts';
import { findStructures, listStructures, type StructureRow } from '../../api/src/modules/structures/store.ts';
import { schemaLayer } from '../../api/src/modules/structures/types.ts';
import { type StructureView, viewFor } from '../../api/src/modules/structures/visibility.ts';
import { createRateLimits } from '../../api/src/rate-limits.ts';
import { schema } from '../../api/src/schema.ts';
import { rawId } from '../support/accounts.ts';
import { resetData, type TestApi, testApi } from '../support/api.ts';
import { limit } from '../support/time.ts';
import type { ViewerName } from './cast.ts';
import { cast, haversineKm, type Key, levelOf, type Seeded, secretsFor, seedCast, sees, viewerNames } from './cast.ts';

let api: TestApi;
let seeded: Seeded;
let raw: Record<Key, string>;
const keys = Object.keys(cast) as Key[];
const registry = structureFields as FieldRegistry;

beforeAll(async () => {
  api = await testApi();
  await resetData(api.db);
  seeded = await seedCast(api);
  raw = Object.fromEntries(keys.map((k) => [k, rawId(seeded.ids[k])])) as Record<Key, string>;
});

/** The seven viewers as the request would identify them. */
function viewerOf(name: ViewerName): Viewer {
  const user = (role: 'PROFESSIONAL' | 'MODERATOR', status: 'PENDING' | 'VETTED' | 'EXPIRED', own: Key[] = []) =>
    ({ kind: 'user', userId: '', sessionId: '', role, status, structureIds: own.map((k) => raw[k]) }) as const;
  const viewers: Record<ViewerName, Viewer> = {
    anonymous: { kind: 'anonymous' },
    'API key': { kind: 'partner', apiKeyId: '00000000-0000-4000-8000-000000000000' },
    'pending professional': user('PROFESSIONAL', 'PENDING'),
    'expired professional': user('PROFESSIONAL', 'EXPIRED'),
    'vetted professional': user('PROFESSIONAL', 'VETTED'),
    member: user('PROFESSIONAL', 'VETTED', ['M']),
    moderator: user('MODERATOR', 'VETTED'),
  };
  return viewers[name];
}

const hides = (viewer: ViewerName, key: Key, group: FieldGroup) =>
  !canSee(group, cast[key].visibility, levelOf(viewer, key));

// ----- the store alone -----

async function storeRows(view: StructureView): Promise<StructureRow[]> {
  const now = new Date();
  const pages = await Promise.all([
    listStructures(api.db, view, { filter: {}, first: 100, now }),
    listStructures(api.db, view, { filter: {}, near: cast.C.point, first: 100, now }),
    listStructures(api.db, view, { filter: { search: 'Sentinelle' }, first: 100, now }),
    listStructures(api.db, view, { filter: { statuses: ['DRAFT', 'ONLINE'] }, first: 100, now }),
  ]);
  return [...pages.flatMap((p) => p.rows), ...(await findStructures(api.db, view, Object.values(raw), now))];
}

/** Row keys the store adds beside the registry's columns (ordering and distance to the seen point). */
const storeExtras = new Set(['lat', 'lon', 'precision', 'notices', 'sortKey', 'stale', 'distanceM']);

/** Every value of these rows the policy hides from this viewer (an empty list: none). */
function storeLeaks(viewer: ViewerName, rows: StructureRow[]): string[] {
  const leaks: string[] = [];
  const registered = new Set(
    Object.values(registry).flatMap((spec) => spec.columns.map((c) => ('table' in c ? c.key : c.special))),
  );
  for (const row of rows) {
    const key = keys.find((k) => raw[k] === row.id);
    if (!key) throw new Error(`unknown row ${row.id}`);
    if (!sees(viewer, key, 'listed')) leaks.push(`${key}: row`);
    for (const column of Object.keys(row)) {
      if (!registered.has(column) && !storeExtras.has(column)) leaks.push(`${key}: ${column} not in the registry`);
    }
    for (const [name, spec] of Object.entries(registry)) {
      if (!hides(viewer, key, spec.group)) continue;
      for (const column of spec.columns) {
        if ('table' in column && row[column.key as keyof StructureRow] != null) leaks.push(`${key}: ${name}`);
        if ('special' in column && column.special === 'street' && row.street != null) leaks.push(`${key}: street`);
        if ('special' in column && column.special === 'location' && row.lat != null) {
          const approximate = spec.approximate && !hides(viewer, key, spec.approximate);
          const far = haversineKm({ lat: row.lat, lon: row.lon as number }, cast[key].point) > 0.2;
          if (!approximate || row.precision !== 'APPROXIMATE' || !far) leaks.push(`${key}: location`);
        }
      }
      if (name === 'notices' && row.notices.length > 0) leaks.push(`${key}: notices`);
    }
  }
  const text = JSON.stringify(rows);
  for (const secret of secretsFor(viewer)) if (text.includes(secret)) leaks.push(`value ${secret}`);
  return leaks;
}

async function storeCheck(fields: FieldRegistry, raise = false): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const viewer of viewerNames) {
    const view = { ...viewFor(viewerOf(viewer)), fields };
    out[viewer] = storeLeaks(viewer, await storeRows(raise ? { ...view, level: 'moderator' } : view));
  }
  return out;
}

// ----- the schema alone -----

const full = `id name visibility city postalCode departmentCode services description location { lat lon precision }
  address { street postalCode city } phone email website openingHours notices { message }
  professionalContact { name phone email } intakeCriteria capacity { places } internalNotes`;

/** A request context whose store gives every row and every protected value, whoever asks. */
function overSharing(viewer: Viewer): Context {
  const open = Object.fromEntries(Object.entries(registry).map(([n, s]) => [n, { ...s, group: 'listed' }]));
  return {
    viewer,
    view: { audience: 'staff', level: 'moderator', own: [], fields: open as FieldRegistry },
    apiKeyId: null,
    db: api.db,
    log: createLogger('silent'),
    requestId: 'layers',
    audit: createAuditTrail(api.db, () => null),
    http: createExchange('127.0.0.1', false).exchange,
    limits: createRateLimits(api.db, 1000),
    geocoder: null,
    mailer: createMailer({ kind: 'none' }, 'test', createLogger('silent')),
    links: backOfficeLinks('http://localhost'),
  };
}

const graphqlField: Record<string, (node: any) => unknown> = {
  postalCode: (n) => n.postalCode ?? n.address?.postalCode ?? null,
  address: (n) => n.address?.street ?? null,
  capacity: (n) => n.capacity,
  notices: (n) => (n.notices.length ? n.notices : null),
};

/** Every hidden value the schema served over the over-sharing store, and what it granted. */
async function schemaCheck(): Promise<{ leaks: Record<string, string[]>; granted: number }> {
  const leaks: Record<string, string[]> = {};
  let granted = 0;
  for (const viewer of viewerNames) {
    const contextValue = overSharing(viewerOf(viewer));
    const bodies: unknown[] = [];
    const found: { key: Key; node: any }[] = [];
    for (const key of keys) {
      for (const source of [
        `query ($id: ID!) { structure(id: $id) { ${full} } }`,
        `query ($id: ID!) { node(id: $id) { ... on Structure { ${full} } } }`,
      ]) {
        const body = await graphql({ schema, source, contextValue, variableValues: { id: seeded.ids[key] } });
        bodies.push(body);
        const node = (body.data as any)?.structure ?? (body.data as any)?.node;
        if (node) found.push({ key, node });
      }
    }
    bodies.push(
      await graphql({ schema, source: `{ structures(first: 100) { edges { node { ${full} } } } }`, contextValue }),
    );
    const out: string[] = [];
    for (const { key, node } of found) {
      if (!sees(viewer, key, 'listed')) out.push(`${key}: row`);
      for (const [name, spec] of Object.entries(registry) as [string, FieldSpec][]) {
        if (!spec.graphql || name === 'id' || !(name in node || name in graphqlField)) continue;
        const value = name in graphqlField ? graphqlField[name]?.(node) : node[name];
        if (name === 'location') {
          if (value && (value as any).precision === 'EXACT' && hides(viewer, key, spec.group))
            out.push(`${key}: location`);
          continue;
        }
        if (hides(viewer, key, spec.group)) {
          if (value != null) out.push(`${key}: ${name}`);
        } else if (value != null && spec.group !== 'listed') {
          granted++;
        }
      }
    }
    const text = JSON.stringify(bodies);
    for (const secret of secretsFor(viewer)) if (text.includes(secret)) out.push(`value ${secret}`);
    leaks[viewer] = out;
  }
  return { leaks, granted };
}

/** Fields with a rule to loosen: every one not already shown with its row. */
const guarded = Object.entries(registry).filter(([, s]) => s.group !== 'listed');
const loosened = (name: string): FieldRegistry => ({
  ...registry,
  [name]: { ...registry[name], group: 'listed' } as FieldSpec,
});

describe('each protection layer alone', () => {
  it('the store: no row or column the policy hides from any of the seven viewers', async () => {
    const leaks = await storeCheck(registry);
    expect(leaks).toEqual(Object.fromEntries(viewerNames.map((v) => [v, []])));
    // And it does give what the policy grants (a store giving nothing would pass the above).
    const pro = await storeRows(viewFor(viewerOf('vetted professional')));
    const r = pro.find((row) => row.id === raw.R);
    expect(r?.street).toBe(cast.R.secrets.exactAddress?.[0]);
    expect(r?.intakeCriteria).toBe('Admission rouge sur appel');
    const member = await storeRows(viewFor(viewerOf('member')));
    expect(member.find((row) => row.id === raw.M)?.precision).toBe('EXACT');
  });

  it('the schema: over a store that gives everything, no hidden value is served', async () => {
    const { leaks, granted } = await schemaCheck();
    expect(leaks).toEqual(Object.fromEntries(viewerNames.map((v) => [v, []])));
    expect(granted).toBeGreaterThan(20);
  });

  // Every sabotage reruns a whole check: minutes of CPU on a busy machine.
  it('each layer, rebuilt with one rule loosened or its row guard removed, fails its test', {
    timeout: limit(300_000),
  }, async () => {
    const report: string[] = [];
    const caught = (byViewer: Record<string, string[]>) =>
      Object.entries(byViewer)
        .filter(([, l]) => l.length)
        .map(([v, l]) => `${v} (${l[0]})`);
    for (const [name] of guarded) {
      const store = caught(await storeCheck(loosened(name)));
      report.push(`store  ${name}: ${store.length ? `caught for ${store.join(', ')}` : 'NOT CAUGHT'}`);
      expect(store.length, `store sabotage of ${name}`).toBeGreaterThan(0);
    }
    const rows = caught(await storeCheck(registry, true));
    report.push(`store  rows (every view raised to moderator): caught for ${rows.join(', ')}`);
    expect(rows.length).toBeGreaterThan(0);
    const saved = { rules: schemaLayer.rules, rowAllowed: schemaLayer.rowAllowed };
    try {
      for (const [name, spec] of guarded) {
        if (!spec.graphql) continue;
        schemaLayer.rules = loosened(name);
        const schemaCaught = caught((await schemaCheck()).leaks);
        report.push(`schema ${name}: ${schemaCaught.length ? `caught for ${schemaCaught.join(', ')}` : 'NOT CAUGHT'}`);
        expect(schemaCaught.length, `schema sabotage of ${name}`).toBeGreaterThan(0);
      }
      schemaLayer.rules = saved.rules;
      schemaLayer.rowAllowed = () => true;
      const rowCaught = caught((await schemaCheck()).leaks);
      report.push(`schema row guard removed: caught for ${rowCaught.join(', ')}`);
      expect(rowCaught.length).toBeGreaterThan(0);
    } finally {
      schemaLayer.rules = saved.rules;
      schemaLayer.rowAllowed = saved.rowAllowed;
    }
    console.log(`[leaks] sabotages:\n  ${report.join('\n  ')}`);
  });
});

describe('the registry covers every structure field', () => {
  it('every GraphQL field of Structure, and every path an input writes, has an entry', async () => {
    const { structureInput } = await import('../../shared/src/inputs.ts');
    const { writeGroups } = await import('../../api/src/modules/structures/registry.ts');
    const served = Object.keys((schema.getType('Structure') as any).getFields()).sort();
    const listedInRegistry = Object.entries(registry)
      .filter(([, s]) => s.graphql)
      .map(([n]) => n)
      .sort();
    expect(served).toEqual(listedInRegistry);
    const shape = structureInput.shape as Record<string, unknown>;
    const address = Object.keys((structureInput.shape.address as any).shape).map((k) => `address.${k}`);
    const paths = [...Object.keys(shape).filter((k) => k !== 'address' && k !== 'lastVerifiedAt'), ...address].sort();
    expect(Object.keys(writeGroups()).sort()).toEqual(paths);
  });
});
