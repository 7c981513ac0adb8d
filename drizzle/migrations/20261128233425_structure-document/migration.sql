-- One structure as a whole document (the shape of shared/inputs.ts' structureInput), from its
-- three tables: what revisions store before and after every change, and what diffs compare.
CREATE OR REPLACE FUNCTION repere_structure_document(sid uuid) RETURNS jsonb
LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object(
    'name', s.name, 'kind', s.kind, 'description', s.description, 'siret', s.siret, 'finess', s.finess,
    'status', s.status, 'visibility', s.visibility,
    'address', jsonb_build_object('street', p.street, 'complement', p.complement, 'postalCode', s.postal_code,
      'city', s.city, 'inseeCode', s.insee_code),
    'departmentCode', s.department_code,
    'location', CASE WHEN p.location IS NULL THEN NULL
      ELSE jsonb_build_object('lat', ST_Y(p.location::geometry), 'lon', ST_X(p.location::geometry)) END,
    'phone', s.phone, 'email', s.email, 'website', s.website, 'openingHours', s.opening_hours,
    'languages', to_jsonb(s.languages), 'accessibility', s.accessibility, 'services', to_jsonb(s.services),
    'ageMin', s.age_min, 'ageMax', s.age_max, 'gender', s.gender, 'situations', to_jsonb(s.situations),
    'accessModes', to_jsonb(s.access_modes), 'mobilisers', to_jsonb(s.mobilisers),
    'servesNationwide', s.serves_nationwide, 'servedDepartments', to_jsonb(s.served_departments),
    'servedRegions', to_jsonb(s.served_regions),
    'professionalContact', p.professional_contact, 'intakeCriteria', p.intake_criteria,
    'capacityPlaces', p.capacity_places, 'internalNotes', p.internal_notes,
    'notices', coalesce((SELECT jsonb_agg(jsonb_build_object('kind', n.kind, 'startsOn', n.starts_on,
        'endsOn', n.ends_on, 'message', n.message) ORDER BY n.starts_on, n.id)
      FROM structure_notices n WHERE n.structure_id = s.id), '[]'::jsonb),
    'lastVerifiedAt', to_char(s.last_verified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
  FROM structures s LEFT JOIN structure_protected p ON p.structure_id = s.id
  WHERE s.id = sid
$$;
