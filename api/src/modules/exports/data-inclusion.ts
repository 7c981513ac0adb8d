// The public directory in the national standard for inclusion services, data·inclusion v1
// (structures and services; JSON Schemas in the team's reference folder): one service per
// category a structure offers. Built from the anonymous view's rows only, so a RESTRICTED
// listing carries its approximate point and no address, exactly as the API gives it.
import type { ServiceCategory } from '@repere/shared/enums';
import { encodeId } from '../../ids.ts';
import type { StructureRow } from '../structures/store.ts';
import type { Removed } from './public.ts';

export const source = 'repere';

/** Each category: its French name, data·inclusion type and thématiques (from the v1 lists). */
export const categories: Record<ServiceCategory, { nom: string; type: string; thematiques: string[] }> = {
  LISTENING_SUPPORT: {
    nom: 'Écoute et accompagnement',
    type: 'accompagnement',
    thematiques: ['remobilisation--bien-etre-confiance-en-soi', 'sante--sante-mentale'],
  },
  SHELTER: {
    nom: 'Hébergement',
    type: 'aide-materielle',
    thematiques: ['logement-hebergement--rechercher-une-solution-dhebergement-temporaire'],
  },
  RESPITE: {
    nom: 'Répit',
    type: 'aide-materielle',
    thematiques: [
      'logement-hebergement--rechercher-une-solution-dhebergement-temporaire',
      'remobilisation--bien-etre-confiance-en-soi',
    ],
  },
  HEALTH: { nom: 'Santé', type: 'accompagnement', thematiques: ['sante--acces-aux-soins'] },
  SEXUAL_REPRODUCTIVE_HEALTH: { nom: 'Santé sexuelle', type: 'accompagnement', thematiques: ['sante--sante-sexuelle'] },
  LEGAL_AID: {
    nom: 'Aide juridique',
    type: 'accompagnement',
    thematiques: [
      'difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits',
      'difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire',
    ],
  },
  OUTREACH: { nom: 'Maraude', type: 'accompagnement', thematiques: ['remobilisation--lien-social'] },
  EDUCATION_INTEGRATION: {
    nom: 'Éducation et insertion',
    type: 'accompagnement',
    thematiques: ['se-former--trouver-sa-formation', 'remobilisation--lien-social'],
  },
  FAMILY_SUPPORT: {
    nom: 'Soutien aux familles',
    type: 'accompagnement',
    thematiques: [
      'famille--soutien-a-la-parentalite-et-a-leducation',
      'famille--surmonter-conflits-separation-violence',
    ],
  },
  PROFESSIONAL_TRAINING: {
    nom: 'Formation des professionnels',
    type: 'formation',
    thematiques: ['se-former--trouver-sa-formation'],
  },
};

const day = (iso: string | null) => (iso ?? new Date(0).toISOString()).slice(0, 10);
const publicId = (row: StructureRow) => `${source}--${encodeId('Structure', row.id)}`;

/** data·inclusion names must end without a full stop and hold 3 to 150 characters. */
const nom = (name: string) => name.replace(/\.+$/, '').slice(0, 150).padEnd(3, '·');

export function structureRecord(row: StructureRow) {
  return {
    source,
    id: publicId(row),
    nom: nom(row.name),
    date_maj: day(row.lastVerifiedAt),
    description: row.description && row.description.length >= 5 ? row.description.slice(0, 10_000) : null,
    adresse: row.street,
    code_postal: row.postalCode,
    commune: row.city,
    latitude: row.lat,
    longitude: row.lon,
    telephone: row.phone,
    courriel: row.email,
    site_web: row.website,
    horaires_accueil: row.openingHours,
    lien_source: null,
  };
}

export function serviceRecords(row: StructureRow) {
  const structure = structureRecord(row);
  const modesAccueil = [
    ...(row.accessModes.includes('WALK_IN') ? ['en-presentiel'] : []),
    ...(row.accessModes.some((m) => m === 'REMOTE' || m === 'BY_PHONE') ? ['a-distance'] : []),
  ];
  const modesMobilisation = [
    ...(row.accessModes.includes('WALK_IN') ? ['se-presenter'] : []),
    ...(row.phone ? ['telephoner'] : []),
    ...(row.email ? ['envoyer-un-courriel'] : []),
  ];
  const mobilisablePar = [
    ...(row.mobilisers.some((m) => m === 'YOUNG_PEOPLE' || m === 'FAMILIES') ? ['usagers'] : []),
    ...(row.mobilisers.includes('PROFESSIONALS') ? ['professionnels'] : []),
  ];
  const zone = row.servesNationwide
    ? ['france']
    : row.servedDepartments.length
      ? row.servedDepartments
      : [row.departmentCode];
  return row.services.map((category) => {
    const c = categories[category];
    const publics = [
      'jeunes',
      'personnes-en-situation-durgence',
      ...(row.gender === 'GIRLS' ? ['femmes'] : []),
      ...(category === 'FAMILY_SUPPORT' ? ['familles'] : []),
    ];
    return {
      source,
      structure_id: structure.id,
      id: `${structure.id}--${category.toLowerCase()}`,
      nom: c.nom,
      description: `${c.nom} — ${structure.nom}. ${row.description ?? ''}`.trim().slice(0, 10_000),
      date_maj: structure.date_maj,
      type: c.type,
      thematiques: c.thematiques,
      publics,
      publics_precisions:
        row.ageMin !== null || row.ageMax !== null
          ? `Âge : ${row.ageMin ?? 0} à ${row.ageMax ?? 25} ans.`
          : 'Mineurs et jeunes majeurs.',
      modes_accueil: modesAccueil.length ? modesAccueil : null,
      modes_mobilisation: modesMobilisation.length ? modesMobilisation : null,
      mobilisable_par: mobilisablePar.length ? mobilisablePar : null,
      adresse: structure.adresse,
      code_postal: structure.code_postal,
      commune: structure.commune,
      latitude: structure.latitude,
      longitude: structure.longitude,
      telephone: structure.telephone,
      courriel: structure.courriel,
      horaires_accueil: structure.horaires_accueil,
      zone_eligibilite: zone,
    };
  });
}

/** A JSON array streamed record by record. */
export async function* jsonArray<T>(rows: AsyncIterable<StructureRow>, records: (row: StructureRow) => T[]) {
  yield '[';
  let first = true;
  for await (const row of rows) {
    for (const record of records(row)) {
      yield `${first ? '' : ','}\n${JSON.stringify(record)}`;
      first = false;
    }
  }
  yield '\n]\n';
}

export const diStructures = (rows: AsyncIterable<StructureRow>) => jsonArray(rows, (row) => [structureRecord(row)]);
export const diServices = (rows: AsyncIterable<StructureRow>) => jsonArray(rows, serviceRecords);

/**
 * Departures from the public view (`/exports/data-inclusion/removed.json`), outside the v1
 * schemas, which have no deletion record: the structure's data·inclusion id and when, nothing
 * else. Its services go with it; a structure that changed comes whole in services.json, so
 * services of it missing there are gone.
 */
export async function* diRemovals(removals: AsyncIterable<Removed>): AsyncGenerator<string> {
  yield '[';
  let first = true;
  for await (const r of removals) {
    yield `${first ? '' : ','}\n${JSON.stringify({ source, id: `${source}--${r.id}`, removed_at: r.removedAt })}`;
    first = false;
  }
  yield '\n]\n';
}
