// data·inclusion v1 records as Repère values: the inverse of the export (exports/data-inclusion.ts).
// A structure and its services make one listing. Lossy fields (a-distance, one thématique shared
// by two categories) map to one canonical value, so a listing exported and read back maps to
// the same values as the listing itself run through the export and back (see corrections.ts).
import type { ModeratorStructureInput } from '@repere/shared/curation';
import { type AccessMode, type Mobiliser, type ServiceCategory, serviceCategories } from '@repere/shared/enums';
import type { ErrorDetail, ErrorKey, ErrorParams } from '@repere/shared/errors';
import { departmentCode as departmentCodeSchema } from '@repere/shared/inputs';
import { categories } from '../exports/data-inclusion.ts';

export interface DiStructure {
  source: string;
  id: string;
  nom: string;
  date_maj: string;
  siret?: string | null;
  description?: string | null;
  adresse?: string | null;
  complement_adresse?: string | null;
  code_postal?: string | null;
  code_insee?: string | null;
  commune?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  telephone?: string | null;
  courriel?: string | null;
  site_web?: string | null;
  horaires_accueil?: string | null;
  accessibilite_lieu?: string | null;
  reseaux_porteurs?: string[] | null;
}

export interface DiService {
  source: string;
  structure_id: string;
  id: string;
  nom: string;
  description: string;
  type?: string | null;
  thematiques?: string[] | null;
  publics?: string[] | null;
  publics_precisions?: string | null;
  modes_accueil?: string[] | null;
  modes_mobilisation?: string[] | null;
  mobilisable_par?: string[] | null;
  frais?: string | null;
  frais_precisions?: string | null;
  zone_eligibilite?: string[] | null;
}

/** A value Repère cannot take, on a data·inclusion field (the caller's own data only). */
export interface FieldProblem {
  field: string;
  /** The API's English sentence; `detail` words it in any language (shared/src/errors.ts). */
  message: string;
  detail: ErrorDetail;
}

/** A problem on a record's field, with its catalogue key. */
export function problem<K extends ErrorKey>(
  message: string,
  key: K,
  params: ErrorParams<K> & { field: string },
): FieldProblem {
  return { field: params.field, message, detail: { key, params } as ErrorDetail };
}

/** What one structure and its services say, as Repère values; absent means "not said". */
export type Proposed = Partial<ModeratorStructureInput> & { notes: string[] };

/** A service's categories: the export's exact set first (lossless), else thématique by thématique. */
const byThematique: Record<string, ServiceCategory> = {
  'remobilisation--bien-etre-confiance-en-soi': 'LISTENING_SUPPORT',
  'sante--sante-mentale': 'LISTENING_SUPPORT',
  'logement-hebergement--rechercher-une-solution-dhebergement-temporaire': 'SHELTER',
  'sante--acces-aux-soins': 'HEALTH',
  'sante--sante-sexuelle': 'SEXUAL_REPRODUCTIVE_HEALTH',
  'difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits': 'LEGAL_AID',
  'difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire': 'LEGAL_AID',
  'difficultes-administratives-ou-juridiques--connaitre-ses-droits-face-a-une-discrimination': 'LEGAL_AID',
  'remobilisation--lien-social': 'OUTREACH',
  'se-former--trouver-sa-formation': 'EDUCATION_INTEGRATION',
  'famille--soutien-a-la-parentalite-et-a-leducation': 'FAMILY_SUPPORT',
  'famille--surmonter-conflits-separation-violence': 'FAMILY_SUPPORT',
};

/** Every thématique the import reads (the fixture covers each). */
export const mappedThematiques = Object.keys(byThematique);

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

export function serviceCategoriesOf(service: DiService): ServiceCategory[] {
  const thematiques = service.thematiques ?? [];
  const exact = serviceCategories.find((c) => sameSet(categories[c].thematiques, thematiques));
  if (exact) return [exact];
  return [...new Set(thematiques.flatMap((t) => byThematique[t] ?? []))];
}

/** French numbers (also overseas) in E.164; null when it is not one. */
export function phoneToE164(raw: string): string | null {
  const compact = raw.replace(/[\s.\-()]/g, '');
  if (/^\+[1-9]\d{6,14}$/.test(compact)) return compact;
  const national = compact.startsWith('0033') ? `0${compact.slice(4)}` : compact;
  if (!/^0[1-9]\d{8}$/.test(national)) return null;
  const overseas: [RegExp, string][] = [
    [/^0(262|263|692|693|269|639)/, '+262'],
    [/^0(590|690|691)/, '+590'],
    [/^0(596|696|697)/, '+596'],
    [/^0(594|694)/, '+594'],
  ];
  const code = overseas.find(([prefix]) => prefix.test(national))?.[1] ?? '+33';
  return `${code}${national.slice(1)}`;
}

/** "Âge : 11 à 21 ans." (the export's words) and the like. */
function agesOf(text: string | null | undefined): { ageMin?: number; ageMax?: number } {
  const found = /(\d{1,2})\s*(?:à|a|-|–)\s*(\d{1,2})\s*ans/i.exec(text ?? '');
  if (!found) return {};
  const min = Number(found[1]);
  const max = Number(found[2]);
  return min <= max && min <= 25 && max <= 30 ? { ageMin: min, ageMax: max } : {};
}

const union = <T>(lists: (T[] | null | undefined)[]): T[] => [...new Set(lists.flatMap((l) => l ?? []))];

const maxDescription = 5000;

/** One structure and its services as Repère values, with what cannot be taken, field by field. */
export function toRepere(
  structure: DiStructure,
  services: DiService[],
): { proposed: Proposed; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const notes: string[] = [];
  const p: Proposed = { notes };
  p.name = structure.nom.trim();
  if (structure.description) {
    p.description =
      structure.description.length > maxDescription
        ? `${structure.description.slice(0, maxDescription - 1)}…`
        : structure.description;
    if (structure.description.length > maxDescription)
      notes.push(`description tronquée à ${maxDescription} caractères`);
  }
  if (structure.siret) p.siret = structure.siret;
  if (structure.telephone) {
    const phone = phoneToE164(structure.telephone);
    if (phone) p.phone = phone;
    else
      problems.push(
        problem('not a French phone number (e.g. 03 22 00 00 00 or +33322000000)', 'importPhone', {
          field: 'telephone',
        }),
      );
  }
  if (structure.courriel) p.email = structure.courriel;
  if (structure.site_web) p.website = structure.site_web;
  if (structure.horaires_accueil) p.openingHours = structure.horaires_accueil;
  if (structure.accessibilite_lieu) p.accessibility = structure.accessibilite_lieu;
  const address = {
    ...(structure.adresse ? { street: structure.adresse } : {}),
    ...(structure.complement_adresse ? { complement: structure.complement_adresse } : {}),
    ...(structure.code_postal ? { postalCode: structure.code_postal } : {}),
    ...(structure.commune ? { city: structure.commune } : {}),
    ...(structure.code_insee ? { inseeCode: structure.code_insee } : {}),
  };
  if (Object.keys(address).length) p.address = address as ModeratorStructureInput['address'];
  if (typeof structure.latitude === 'number' && typeof structure.longitude === 'number') {
    p.location = { lat: structure.latitude, lon: structure.longitude };
  } else if (typeof structure.latitude === 'number' || typeof structure.longitude === 'number') {
    problems.push(problem('latitude and longitude go together', 'importLatLon', { field: 'latitude' }));
  }

  const categories = union(services.map(serviceCategoriesOf));
  if (categories.length) p.services = serviceCategories.filter((c) => categories.includes(c));
  const modes = union(services.map((s) => s.modes_accueil));
  const accessModes: AccessMode[] = [
    ...(modes.includes('en-presentiel') ? (['WALK_IN'] as const) : []),
    ...(modes.includes('a-distance') ? (['REMOTE'] as const) : []),
  ];
  if (accessModes.length) p.accessModes = accessModes;
  const by = union(services.map((s) => s.mobilisable_par));
  const mobilisers: Mobiliser[] = [
    ...(by.includes('usagers') ? (['YOUNG_PEOPLE'] as const) : []),
    ...(by.includes('professionnels') ? (['PROFESSIONALS'] as const) : []),
  ];
  if (mobilisers.length) p.mobilisers = mobilisers;
  // Only girls when every service says so; anything else says nothing about the gender.
  if (services.length && services.every((s) => s.publics?.includes('femmes'))) p.gender = 'GIRLS';
  const ages = services.map((s) => agesOf(s.publics_precisions)).find((a) => a.ageMin !== undefined);
  if (ages) Object.assign(p, ages);
  const zone = union(services.map((s) => s.zone_eligibilite));
  if (zone.includes('france')) p.servesNationwide = true;
  const departments = zone.filter((code) => departmentCodeSchema.safeParse(code).success);
  if (departments.length) p.servedDepartments = departments.sort();
  for (const s of services) {
    if (s.frais === 'payant')
      notes.push(`service « ${s.nom} » payant${s.frais_precisions ? ` : ${s.frais_precisions}` : ''}`);
  }
  return { proposed: p, problems };
}

/** What a new listing needs beyond what data·inclusion requires. */
export function newListingProblems(p: Proposed): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!p.address?.postalCode) {
    problems.push(problem('a new listing needs a postal code', 'importNewNeeds', { field: 'code_postal' }));
  }
  if (!p.address?.city) problems.push(problem('a new listing needs a commune', 'importNewNeeds', { field: 'commune' }));
  if (!p.services?.length) {
    problems.push(
      problem('none of its services has a thématique Repère lists', 'importNoThematique', { field: 'thematiques' }),
    );
  }
  return problems;
}

const kindByNetwork: Record<string, ModeratorStructureInput['kind']> = {
  ase: 'CHILD_WELFARE',
  pjj: 'LEGAL_JUSTICE',
  spip: 'LEGAL_JUSTICE',
  'points-justice': 'LEGAL_JUSTICE',
  cidff: 'LEGAL_JUSTICE',
  chrs: 'SHELTER',
  chu: 'SHELTER',
  cmp: 'HEALTH',
  cms: 'HEALTH',
  csapa: 'HEALTH',
  caarud: 'HEALTH',
};

/**
 * A new listing from what a source says. data·inclusion has no kind nor visibility: the kind
 * comes from the network or the services (else OTHER); a shelter or respite place comes in
 * RESTRICTED (its street and exact point for professionals) until a moderator decides.
 * Nothing from outside ever makes a listing CONFIDENTIAL, nor public when it shelters.
 */
export function newListing(structure: DiStructure, p: Proposed): ModeratorStructureInput {
  const { notes: _notes, ...values } = p;
  const services = p.services ?? [];
  const network = (structure.reseaux_porteurs ?? []).map((r) => kindByNetwork[r]).find(Boolean);
  const only = (list: ServiceCategory[]) => services.length > 0 && services.every((s) => list.includes(s));
  const kind =
    network ??
    (services.includes('RESPITE')
      ? 'RESPITE'
      : only(['SHELTER'])
        ? 'SHELTER'
        : only(['HEALTH', 'SEXUAL_REPRODUCTIVE_HEALTH'])
          ? 'HEALTH'
          : only(['LEGAL_AID'])
            ? 'LEGAL_JUSTICE'
            : 'OTHER');
  const shelters = services.includes('SHELTER') || services.includes('RESPITE');
  return {
    ...(values as ModeratorStructureInput),
    kind,
    visibility: shelters ? 'RESTRICTED' : 'PUBLIC',
  };
}
