// Synthetic structures for load and benchmarks: deterministic, fictional, spread around
// every department's préfecture, with the demo's visibility mix.
import { prefectureCoordinates } from '@repere/drizzle/seed/demo-data';
import { serviceCategories, structureKinds, type Visibility } from '@repere/shared/enums';
import type { StructureValues } from '@repere/shared/inputs';

const places = Object.entries(prefectureCoordinates);
const hours = [
  'Mo-Fr 09:00-17:30; PH off',
  '24/7',
  'Mo-Fr 09:00-12:30,13:30-18:00; Sa 10:00-13:00; PH off',
  'Tu,Th 14:00-19:00',
];

/** A small fast PRNG keyed by the index, so structure i is the same on every run. */
function random(seed: number): () => number {
  let a = seed * 2654435761;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticStructure(i: number): StructureValues {
  const r = random(i + 1);
  const [department, place] = places[Math.floor(r() * places.length)] ?? places[0]!;
  const roll = r();
  const visibility: Visibility = roll < 0.07 ? 'CONFIDENTIAL' : roll < 0.2 ? 'RESTRICTED' : 'PUBLIC';
  // Up to ~25 km around the préfecture.
  const lat = place.lat + (r() - 0.5) * 0.45;
  const lon = place.lon + (r() - 0.5) * 0.6;
  const services = serviceCategories.filter(() => r() < 0.25);
  return {
    name: `Structure synthétique n° ${i + 1} — ${place.city}`,
    kind: structureKinds[Math.floor(r() * (structureKinds.length - 1))] ?? 'ASSOCIATION',
    description: 'Fiche synthétique générée pour les tests de charge (fictive).',
    status: 'ONLINE',
    visibility,
    address: { street: `${1 + (i % 200)} rue de la Simulation`, postalCode: place.postalCode, city: place.city },
    departmentCode: department,
    location: { lat, lon },
    phone: `+3319900${String(i % 10000).padStart(4, '0')}`,
    email: `synthetique-${i + 1}@example.org`,
    openingHours: hours[i % hours.length],
    languages: ['fr'],
    services: services.length ? services : ['LISTENING_SUPPORT'],
    gender: 'ANY',
    situations: [],
    accessModes: ['WALK_IN'],
    mobilisers: ['YOUNG_PEOPLE'],
    servesNationwide: false,
    servedDepartments: [department],
    servedRegions: [],
    notices: [],
    professionalContact: { name: 'Contact synthétique', email: `pro-${i + 1}@example.org` },
    lastVerifiedAt: new Date('2026-06-01T00:00:00Z'),
  };
}
