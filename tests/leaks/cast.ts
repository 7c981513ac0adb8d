// The cast of the leak suite: five structures in Amiens, seven viewers, and what each viewer
// may see of each structure — computed from shared/policy.ts, the single source.
import { createApiKey } from '../../api/src/modules/api-keys/create.ts';
import type { Visibility } from '../../shared/src/enums.ts';
import { type AccessLevel, canSee, type FieldGroup } from '../../shared/src/policy.ts';
import { createAccount, loginHeaders, rawId } from '../support/accounts.ts';
import type { TestApi } from '../support/api.ts';
import { fixture, seed } from '../support/fixtures.ts';

export type Key = 'P' | 'R' | 'C' | 'M' | 'D';

interface Cast {
  visibility: Visibility;
  online: boolean;
  point: { lat: number; lon: number };
  place: { postalCode: string; city: string; inseeCode: string };
  /** Values that must never come out to a viewer who may not see their group. */
  secrets: Partial<Record<FieldGroup, string[]>>;
}

// True points chosen off the grid's cell centres; each listing in a commune of its own, so that
// its postal code and INSEE code are values of its own (Amiens' 80000 is P's, public).
export const cast: Record<Key, Cast> = {
  P: {
    visibility: 'PUBLIC',
    online: true,
    point: { lat: 49.894, lon: 2.296 },
    place: { postalCode: '80000', city: 'Amiens', inseeCode: '80021' },
    secrets: { internal: ['Note interne verte'] },
  },
  R: {
    visibility: 'RESTRICTED',
    online: true,
    point: { lat: 49.8812, lon: 2.2718 },
    place: { postalCode: '80480', city: 'Dury', inseeCode: '80261' },
    secrets: {
      exactAddress: ['17 impasse Sentinelle-Rouge', '49.8812', '2.2718', '80480', '80261'],
      professional: ['pro.discrete@example.org', 'Admission rouge sur appel'],
      internal: ['Note interne rouge'],
    },
  },
  C: {
    visibility: 'CONFIDENTIAL',
    online: true,
    point: { lat: 49.9123, lon: 2.3377 },
    place: { postalCode: '80450', city: 'Camon', inseeCode: '80164' },
    secrets: {
      listed: ['Refuge Nébuleuse', 'répit nébuleuse'],
      exactAddress: ['4 allée Sentinelle-Noire', '49.9123', '2.3377', '80450', '80164'],
      // Kept for the record; CONFIDENTIAL listings have no public contact, for anyone.
      publicContact: [
        '+33322990011',
        'accueil@nebuleuse',
        'nebuleuse.example.org',
        'Mo 08:17-19:43',
        'Fermeture nébuleuse',
      ],
      professional: ['veilleur.nebuleuse@example.org', 'Admission sur orientation noire'],
      internal: ['Note interne noire'],
    },
  },
  M: {
    visibility: 'CONFIDENTIAL',
    online: true,
    point: { lat: 49.8671, lon: 2.3209 },
    place: { postalCode: '80136', city: 'Rivery', inseeCode: '80674' },
    secrets: {
      listed: ['Abri Mésange'],
      exactAddress: ['9 rue Sentinelle-Bleue', '49.8671', '2.3209', '80136', '80674'],
      professional: ['contact.mesange@example.org'],
      internal: ['Note interne bleue'],
    },
  },
  // A draft: listed for nobody through the public queries.
  D: {
    visibility: 'PUBLIC',
    online: false,
    point: { lat: 49.9001, lon: 2.2502 },
    place: { postalCode: '80330', city: 'Longueau', inseeCode: '80489' },
    secrets: { listed: ['Brouillon Invisible'], exactAddress: ['2 chemin Sentinelle-Grise'] },
  },
};

/** A coordinate to two decimals, as found in text (no digit before it): any finer one contains it. */
export function coordinatePatterns(key: Key): RegExp[] {
  const { lat, lon } = cast[key].point;
  const trunc = (v: number) => (Math.trunc(v * 100) / 100).toFixed(2).replace('.', '\\.');
  return [new RegExp(`(?<![\\d.])${trunc(lat)}`), new RegExp(`(?<![\\d.])${trunc(lon)}`)];
}

export const viewerNames = [
  'anonymous',
  'API key',
  'pending professional',
  'expired professional',
  'vetted professional',
  'member',
  'moderator',
] as const;
export type ViewerName = (typeof viewerNames)[number];

const generalLevel: Record<ViewerName, AccessLevel> = {
  anonymous: 'everyone',
  'API key': 'everyone',
  'pending professional': 'everyone',
  'expired professional': 'everyone',
  'vetted professional': 'professional',
  member: 'professional',
  moderator: 'moderator',
};

/**
 * DESIGN.md's table for this cast, written out by hand: every other expectation of the suite
 * is derived from shared/policy.ts, so this is what pins that file to the design.
 * `E` exact location and street, `A` approximate location and no street, `-` does not exist.
 */
export const designTable: Record<
  ViewerName,
  { where: Record<Exclude<Key, 'D'>, 'E' | 'A' | '-'>; professionalContact: boolean; internalNotes: boolean }
> = {
  anonymous: { where: { P: 'E', R: 'A', C: '-', M: '-' }, professionalContact: false, internalNotes: false },
  'API key': { where: { P: 'E', R: 'A', C: '-', M: '-' }, professionalContact: false, internalNotes: false },
  'pending professional': {
    where: { P: 'E', R: 'A', C: '-', M: '-' },
    professionalContact: false,
    internalNotes: false,
  },
  'expired professional': {
    where: { P: 'E', R: 'A', C: '-', M: '-' },
    professionalContact: false,
    internalNotes: false,
  },
  'vetted professional': {
    where: { P: 'E', R: 'E', C: 'A', M: 'A' },
    professionalContact: true,
    internalNotes: false,
  },
  member: { where: { P: 'E', R: 'E', C: 'A', M: 'E' }, professionalContact: true, internalNotes: false },
  moderator: { where: { P: 'E', R: 'E', C: 'E', M: 'E' }, professionalContact: true, internalNotes: true },
};

/** The member viewer belongs to M only. */
export function levelOf(viewer: ViewerName, key: Key): AccessLevel {
  return viewer === 'member' && key === 'M' ? 'member' : generalLevel[viewer];
}

/** What a viewer gets of a structure looked up by id: moderators also find drafts. */
export function sees(viewer: ViewerName, key: Key, group: FieldGroup): boolean {
  if (!cast[key].online && levelOf(viewer, key) !== 'moderator') return false;
  return canSee(group, cast[key].visibility, levelOf(viewer, key));
}

/** What a viewer's default listing holds: online structures only. */
export function listedKeys(viewer: ViewerName): Key[] {
  return (Object.keys(cast) as Key[]).filter((k) => cast[k].online && sees(viewer, k, 'listed'));
}

/** Every value this viewer must never receive. */
export function secretsFor(viewer: ViewerName): string[] {
  const out: string[] = [];
  for (const key of Object.keys(cast) as Key[]) {
    for (const [group, values] of Object.entries(cast[key].secrets)) {
      const visible = sees(viewer, key, group as FieldGroup) && sees(viewer, key, 'listed');
      if (!visible) out.push(...(values ?? []));
    }
  }
  return out;
}

/** The structure this viewer sees at an APPROXIMATE location (null: none). */
export function approximateTarget(viewer: ViewerName): Key | null {
  const keys = (['R', 'C'] as Key[]).filter((k) => sees(viewer, k, 'listed') && !sees(viewer, k, 'exactAddress'));
  return keys[0] ?? null;
}

export interface Seeded {
  ids: Record<Key, string>;
  headers: Record<ViewerName, Record<string, string>>;
}

export async function seedCast(api: TestApi): Promise<Seeded> {
  const address = (k: Key) => ({ street: cast[k].secrets.exactAddress?.[0], ...cast[k].place });
  const ids = await seed(api.db, [
    fixture({ name: 'Point Accueil Lumière', location: cast.P.point, internalNotes: 'Note interne verte' }),
    fixture({
      name: 'Maison Discrète',
      kind: 'SHELTER',
      visibility: 'RESTRICTED',
      services: ['SHELTER'],
      address: address('R'),
      location: cast.R.point,
      professionalContact: { email: 'pro.discrete@example.org' },
      intakeCriteria: 'Admission rouge sur appel',
      capacityPlaces: 4913,
      internalNotes: 'Note interne rouge',
    }),
    fixture({
      name: 'Refuge Nébuleuse',
      kind: 'RESPITE',
      visibility: 'CONFIDENTIAL',
      services: ['RESPITE'],
      description: 'Structure de répit nébuleuse (essai).',
      address: address('C'),
      location: cast.C.point,
      phone: '+33322990011',
      email: 'accueil@nebuleuse.example.org',
      website: 'https://nebuleuse.example.org',
      openingHours: 'Mo 08:17-19:43',
      notices: [{ kind: 'CLOSURE', startsOn: '2020-01-01', message: 'Fermeture nébuleuse' }],
      professionalContact: { email: 'veilleur.nebuleuse@example.org' },
      intakeCriteria: 'Admission sur orientation noire',
      capacityPlaces: 6,
      internalNotes: 'Note interne noire',
    }),
    fixture({
      name: 'Abri Mésange',
      kind: 'RESPITE',
      visibility: 'CONFIDENTIAL',
      services: ['RESPITE'],
      address: address('M'),
      location: cast.M.point,
      professionalContact: { email: 'contact.mesange@example.org' },
      internalNotes: 'Note interne bleue',
    }),
    fixture({ name: 'Brouillon Invisible', status: 'DRAFT', address: address('D'), location: cast.D.point }),
  ]);
  const [P, R, C, M, D] = ids as [string, string, string, string, string];
  const account = async (email: string, extra: Omit<Parameters<typeof createAccount>[1], 'email'>) => {
    await createAccount(api.db, { email, ...extra });
    return loginHeaders(api, email);
  };
  const { key } = await createApiKey({ db: api.db }, 'leak suite', null);
  const expired = await account('expire@leak.fr', { role: 'PROFESSIONAL' });
  await api.db.exec(`UPDATE users SET vetted_until = now() - interval '1 minute' WHERE email = 'expire@leak.fr'`);
  return {
    ids: { P, R, C, M, D },
    headers: {
      anonymous: {},
      'API key': { 'x-api-key': key },
      'pending professional': await account('pending@leak.fr', { role: 'PROFESSIONAL', status: 'PENDING' }),
      'expired professional': expired,
      'vetted professional': await account('pro@leak.fr', { role: 'PROFESSIONAL' }),
      member: await account('membre@leak.fr', { role: 'PROFESSIONAL', structureIds: [rawId(M)] }),
      moderator: await account('modo@leak.fr', { role: 'MODERATOR' }),
    },
  };
}

export function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

/**
 * Answers and log lines as text to search for hidden values, with what is not data taken out:
 * durations, times, uuids and opaque ids could hold a postal code's or a coordinate's digits.
 */
export function searchable(bodies: unknown[], logs: string[]): string {
  return (JSON.stringify(bodies) + logs.join('\n'))
    .replace(/"ms":[\d.]+/g, '"ms":0')
    .replace(/"time":\d+/g, '"time":0')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, 'uuid')
    .replace(/[A-Za-z0-9+/]{40,}={0,2}/g, 'id');
}
