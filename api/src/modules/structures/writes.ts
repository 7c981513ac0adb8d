// All SQL writing structures. Audience columns are never written here: the database
// computes them (migration `audience`) from the protected row and the policy mirror.
import type { RevisionAction } from '@repere/shared/enums';
import type { StructureValues } from '@repere/shared/inputs';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { badInput } from '../../errors.ts';
import { checkOpeningHours, weeklySchedule } from './opening-hours.ts';

/** Columns of the three tables for each structure, with hours ranges computed on write. */
function toRows(values: StructureValues[], ids?: string[]) {
  const schedules = new Map<string, ReturnType<typeof weeklySchedule>>();
  const schedule = (value: string) => {
    let found = schedules.get(value);
    if (!found) {
      checkOpeningHours(value, 'openingHours');
      found = weeklySchedule(value);
      schedules.set(value, found);
    }
    return found;
  };
  return values.map((v, i) => {
    const hours = v.openingHours ? schedule(v.openingHours) : { week: null, holiday: null };
    return {
      id: ids?.[i] ?? crypto.randomUUID(),
      name: v.name,
      kind: v.kind,
      description: v.description ?? null,
      siret: v.siret ?? null,
      finess: v.finess ?? null,
      status: v.status,
      visibility: v.visibility,
      postal_code: v.address.postalCode,
      insee_code: v.address.inseeCode ?? null,
      city: v.address.city,
      department_code: v.departmentCode ?? null,
      phone: v.phone ?? null,
      email: v.email ?? null,
      website: v.website ?? null,
      opening_hours: v.openingHours ?? null,
      hours_week: hours.week,
      hours_holiday: hours.holiday,
      languages: v.languages,
      accessibility: v.accessibility ?? null,
      services: v.services,
      age_min: v.ageMin ?? null,
      age_max: v.ageMax ?? null,
      gender: v.gender,
      situations: v.situations,
      access_modes: v.accessModes,
      mobilisers: v.mobilisers,
      serves_nationwide: v.servesNationwide,
      served_departments: v.servedDepartments,
      served_regions: v.servedRegions,
      last_verified_at: v.lastVerifiedAt?.toISOString() ?? null,
      street: v.address.street ?? null,
      complement: v.address.complement ?? null,
      lat: v.location.lat,
      lon: v.location.lon,
      professional_contact: v.professionalContact ?? null,
      intake_criteria: v.intakeCriteria ?? null,
      capacity_places: v.capacityPlaces ?? null,
      internal_notes: v.internalNotes ?? null,
    };
  });
}

export interface RevisionSource {
  action: RevisionAction;
  actorId: string | null;
  submissionId?: string | null;
}

/**
 * Inserts structures in batches (seeds, imports, moderators); returns their new ids in input
 * order. Each gets revision 1 unless `revision` is null (synthetic benchmark volume only).
 */
export async function insertStructures(
  db: Db,
  values: StructureValues[],
  revision: RevisionSource | null = { action: 'IMPORT', actorId: null },
): Promise<string[]> {
  if (values.length === 0) return [];
  const rows = toRows(values);
  const notices = values.flatMap((v, i) =>
    v.notices.map((n) => ({ structure_id: rows[i]?.id, ...n, endsOn: n.endsOn ?? null })),
  );
  const json = JSON.stringify(rows);
  await db.transaction(async (tx) => {
    // The department comes from the postal code's commune when not given.
    const inserted = await tx.rows(sql`/* structures-insert */
      INSERT INTO structures (id, name, kind, description, siret, finess, status, visibility, postal_code,
        insee_code, city, department_code, region_code, phone, email, website, opening_hours, hours_week,
        hours_holiday, languages, accessibility, services, age_min, age_max, gender, situations, access_modes,
        mobilisers, serves_nationwide, served_departments, served_regions, last_verified_at)
      SELECT x.id, x.name, x.kind, x.description, x.siret, x.finess, x.status, x.visibility, x.postal_code,
        x.insee_code, x.city, d.code, d.region_code, x.phone, x.email, x.website, x.opening_hours,
        x.hours_week::int4multirange, x.hours_holiday::int4multirange, x.languages, x.accessibility,
        x.services, x.age_min, x.age_max, x.gender, x.situations, x.access_modes, x.mobilisers,
        x.serves_nationwide, x.served_departments, x.served_regions, x.last_verified_at
      FROM jsonb_to_recordset(${json}::text::jsonb) AS x(id uuid, name text, kind structure_kind,
        description text, siret text, finess text, status structure_status, visibility visibility,
        postal_code text, insee_code text, city text, department_code text, phone text, email text,
        website text, opening_hours text, hours_week text, hours_holiday text, languages text[],
        accessibility text, services service_category[], age_min smallint, age_max smallint, gender gender,
        situations text[], access_modes access_mode[], mobilisers mobiliser[], serves_nationwide boolean,
        served_departments text[], served_regions text[], last_verified_at timestamptz)
      JOIN departments d ON d.code = coalesce(x.department_code, (
        SELECT c.department_code FROM commune_postal_codes pc JOIN communes c ON c.insee_code = pc.insee_code
        WHERE pc.postal_code = x.postal_code ORDER BY c.population DESC NULLS LAST LIMIT 1))
      RETURNING id`);
    if (inserted.length !== rows.length) {
      const known = new Set(inserted.map((r) => (r as { id: string }).id));
      const index = rows.findIndex((r) => !known.has(r.id));
      throw badInput(`structure ${index + 1}: unknown department or postal code.`, {
        key: 'unknownPlace',
        params: { field: 'departmentCode', index: index + 1 },
      });
    }
    await tx.rows(sql`/* structure-protected-insert */
      INSERT INTO structure_protected (structure_id, street, complement, location, professional_contact,
        intake_criteria, capacity_places, capacity_updated_at, internal_notes)
      SELECT x.id, x.street, x.complement, ST_SetSRID(ST_MakePoint(x.lon, x.lat), 4326)::geography,
        x.professional_contact, x.intake_criteria, x.capacity_places,
        CASE WHEN x.capacity_places IS NOT NULL THEN now() END, x.internal_notes
      FROM jsonb_to_recordset(${json}::text::jsonb) AS x(id uuid, street text, complement text, lat float8,
        lon float8, professional_contact jsonb, intake_criteria text, capacity_places int, internal_notes text)`);
    if (notices.length > 0) {
      await tx.rows(sql`/* structure-notices-insert */
        INSERT INTO structure_notices (structure_id, kind, starts_on, ends_on, message)
        SELECT x.structure_id, x.kind, x."startsOn", x."endsOn", x.message
        FROM jsonb_to_recordset(${JSON.stringify(notices)}::text::jsonb) AS x(structure_id uuid,
          kind notice_kind, "startsOn" date, "endsOn" date, message text)`);
    }
    if (revision) {
      await tx.rows(sql`/* revisions-insert-first */
        INSERT INTO revisions (structure_id, number, action, actor_id, submission_id, after)
        SELECT x.id::uuid, 1, ${revision.action}::revision_action, ${revision.actorId}::uuid,
          ${revision.submissionId ?? null}::uuid, repere_structure_document(x.id::uuid)
        FROM jsonb_array_elements_text(${JSON.stringify(rows.map((r) => r.id))}::text::jsonb) AS x(id)`);
    }
  });
  return rows.map((r) => r.id);
}

/** Rewrites every value of one structure (the caller holds its row lock and records the revision). */
export async function replaceStructure(tx: Db, id: string, values: StructureValues): Promise<void> {
  const [row] = toRows([values], [id]);
  const json = JSON.stringify(row);
  // Protected values first: their trigger recomputes the audience columns, and so does ours below.
  await tx.rows(sql`/* structure-protected-replace */
    UPDATE structure_protected p SET street = x.street, complement = x.complement,
      location = ST_SetSRID(ST_MakePoint(x.lon, x.lat), 4326)::geography,
      professional_contact = x.professional_contact, intake_criteria = x.intake_criteria,
      capacity_updated_at = CASE WHEN x.capacity_places IS DISTINCT FROM p.capacity_places THEN now()
        ELSE p.capacity_updated_at END,
      capacity_places = x.capacity_places, internal_notes = x.internal_notes
    FROM jsonb_to_record(${json}::text::jsonb) AS x(street text, complement text, lat float8, lon float8,
      professional_contact jsonb, intake_criteria text, capacity_places int, internal_notes text)
    WHERE p.structure_id = ${id}::uuid`);
  await tx.rows(sql`/* structure-replace */
    UPDATE structures s SET name = x.name, kind = x.kind, description = x.description, siret = x.siret,
      finess = x.finess, status = x.status, visibility = x.visibility, postal_code = x.postal_code,
      insee_code = x.insee_code, city = x.city, department_code = d.code, region_code = d.region_code,
      phone = x.phone, email = x.email, website = x.website, opening_hours = x.opening_hours,
      hours_week = x.hours_week::int4multirange, hours_holiday = x.hours_holiday::int4multirange,
      languages = x.languages, accessibility = x.accessibility, services = x.services, age_min = x.age_min,
      age_max = x.age_max, gender = x.gender, situations = x.situations, access_modes = x.access_modes,
      mobilisers = x.mobilisers, serves_nationwide = x.serves_nationwide,
      served_departments = x.served_departments, served_regions = x.served_regions,
      last_verified_at = x.last_verified_at, updated_at = now()
    FROM jsonb_to_record(${json}::text::jsonb) AS x(name text, kind structure_kind, description text,
      siret text, finess text, status structure_status, visibility visibility, postal_code text, insee_code text,
      city text, department_code text, phone text, email text, website text, opening_hours text,
      hours_week text, hours_holiday text, languages text[], accessibility text, services service_category[],
      age_min smallint, age_max smallint, gender gender, situations text[], access_modes access_mode[],
      mobilisers mobiliser[], serves_nationwide boolean, served_departments text[], served_regions text[],
      last_verified_at timestamptz)
    JOIN departments d ON d.code = x.department_code
    WHERE s.id = ${id}::uuid`);
  await tx.rows(sql`/* structure-notices-clear */ DELETE FROM structure_notices WHERE structure_id = ${id}::uuid`);
  if (values.notices.length > 0) {
    await tx.rows(sql`/* structure-notices-insert */
      INSERT INTO structure_notices (structure_id, kind, starts_on, ends_on, message)
      SELECT ${id}::uuid, x.kind, x."startsOn", x."endsOn", x.message
      FROM jsonb_to_recordset(${JSON.stringify(values.notices.map((n) => ({ ...n, endsOn: n.endsOn ?? null })))}::text::jsonb)
        AS x(kind notice_kind, "startsOn" date, "endsOn" date, message text)`);
  }
}
