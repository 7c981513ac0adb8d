-- Audience columns of `structures`, computed here on every write (and nowhere else) from
-- `structure_protected` and `audience_policy` (the mirror of shared/policy.ts).

-- Deterministic snapping to a fixed grid: rows 0.05° of latitude high (≥ 5.5 km), columns
-- 0.05°/cos(poleward edge) wide (≥ 5.5 km everywhere in the cell); the snapped point is the
-- cell's centre. No jitter: a fixed answer cannot be averaged away.
CREATE OR REPLACE FUNCTION repere_snap(p geography) RETURNS geography
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  WITH c AS (SELECT ST_Y(p::geometry) AS lat, ST_X(p::geometry) AS lon),
  r AS (SELECT lat, lon, floor(lat / 0.05) AS i FROM c),
  b AS (
    SELECT lon, (i + 0.5) * 0.05 AS clat,
      0.05 / cos(radians(least(89.9, greatest(abs(i * 0.05), abs((i + 1) * 0.05))))) AS dlon
    FROM r
  )
  SELECT ST_SetSRID(ST_MakePoint((floor(lon / dlon) + 0.5) * dlon, clat), 4326)::geography FROM b
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION repere_search_vector(s structures, street text) RETURNS tsvector
LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector('french_unaccent', coalesce(s.name, '')), 'A')
    || setweight(to_tsvector('french_unaccent', concat_ws(' ', s.city, s.postal_code)), 'B')
    || setweight(to_tsvector('french_unaccent', coalesce(s.description, '')), 'C')
    || setweight(to_tsvector('french_unaccent', coalesce(street, '')), 'D')
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION repere_structures_audience() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  prot record;
  pub record;
  pro record;
BEGIN
  SELECT street, location INTO prot FROM structure_protected WHERE structure_id = NEW.id;
  SELECT * INTO pub FROM audience_policy WHERE audience = 'public' AND visibility = NEW.visibility;
  SELECT * INTO pro FROM audience_policy WHERE audience = 'pro' AND visibility = NEW.visibility;
  -- A missing policy row leaves every audience column NULL: deny by default.
  NEW.location_public := CASE
    WHEN pub.listed AND pub.exact_location THEN prot.location
    WHEN pub.listed AND pub.approximate_location THEN repere_snap(prot.location) END;
  NEW.location_pro := CASE
    WHEN pro.listed AND pro.exact_location THEN prot.location
    WHEN pro.listed AND pro.approximate_location THEN repere_snap(prot.location) END;
  NEW.street_public := CASE WHEN pub.listed AND pub.exact_location THEN prot.street END;
  NEW.search_public := CASE WHEN pub.listed THEN
    repere_search_vector(NEW, CASE WHEN pub.exact_location THEN prot.street END) END;
  NEW.search_pro := CASE WHEN pro.listed THEN
    repere_search_vector(NEW, CASE WHEN pro.exact_location THEN prot.street END) END;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER structures_audience BEFORE INSERT OR UPDATE ON structures
FOR EACH ROW EXECUTE FUNCTION repere_structures_audience();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION repere_protected_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- Touching the row re-runs repere_structures_audience with the new protected values.
  UPDATE structures SET updated_at = now() WHERE id = coalesce(NEW.structure_id, OLD.structure_id);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER structure_protected_changed AFTER INSERT OR UPDATE OR DELETE ON structure_protected
FOR EACH ROW EXECUTE FUNCTION repere_protected_changed();
