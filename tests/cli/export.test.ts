// `pnpm repere export`: the public directory written to files, the same records as GET
// /exports/… (what an anonymous caller may see), with a progress line and a count per file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../api/src/db/client.ts';
import { embeddedDatabase } from '../support/cli.ts';
import { fixture, restrictedFixture, seed } from '../support/fixtures.ts';
import { limit } from '../support/time.ts';

let ids: string[] = [];
const db = embeddedDatabase('export', async (dataDir) => {
  const opened = await openDb({ pgliteDir: dataDir });
  try {
    ids = await seed(opened, [
      fixture({ name: 'Accueil Export CLI', services: ['LISTENING_SUPPORT', 'HEALTH'] }),
      restrictedFixture('Relais Restreint CLI'),
      fixture({ name: 'Abri Confidentiel CLI', visibility: 'CONFIDENTIAL' }),
    ]);
  } finally {
    await opened.close();
  }
});
const repere = (args: string[]) => db.repere(args);
const dir = db.dir;

describe('pnpm repere export', { timeout: limit(180_000) }, () => {
  it('writes data·inclusion structures and services, and CSV, with only the public listing', async () => {
    const out = join(dir, 'out');
    const di = await repere(['export', '--format', 'data-inclusion', '--out', out]);
    expect(di.status).toBe(0);
    expect(di.stdout).toContain(`${join(out, 'data-inclusion-structures.json')}: 2 structures.`);
    const structures = JSON.parse(readFileSync(join(out, 'data-inclusion-structures.json'), 'utf8'));
    expect(structures.map((s: any) => s.id).sort()).toEqual([`repere--${ids[0]}`, `repere--${ids[1]}`].sort());
    const services = JSON.parse(readFileSync(join(out, 'data-inclusion-services.json'), 'utf8'));
    expect(services).toHaveLength(3);
    const csv = await repere(['export', '--format', 'csv', '--out', out]);
    expect(csv.status).toBe(0);
    const lines = readFileSync(join(out, 'structures.csv'), 'utf8').trim().split('\r\n');
    expect(lines).toHaveLength(3);
    const written = readFileSync(join(out, 'structures.csv'), 'utf8') + JSON.stringify(structures);
    for (const hidden of ['Abri Confidentiel CLI', '12 rue Réservée', '80480']) expect(written).not.toContain(hidden);
  });

  it('explains its options', async () => {
    const res = await repere(['export', '--format', 'pdf', '--out', dir]);
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('export takes --format data-inclusion|geojson|csv --out DIR.');
  });
});
