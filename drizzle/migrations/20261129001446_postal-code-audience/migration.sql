-- The postal code (and, through it, an arrondissement in Paris, Lyon or Marseille) says more
-- than the 5.5 km grid: it goes with the street, to the audiences that see the exact address.
-- The search vectors follow: a postal code is searchable only where it is visible.
CREATE OR REPLACE FUNCTION repere_search_vector(s structures, street text, exact boolean) RETURNS tsvector
LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector('french_unaccent', coalesce(s.name, '')), 'A')
    || setweight(to_tsvector('french_unaccent', concat_ws(' ', s.city, CASE WHEN exact THEN s.postal_code END)), 'B')
    || setweight(to_tsvector('french_unaccent', coalesce(s.description, '')), 'C')
    || setweight(to_tsvector('french_unaccent', coalesce(CASE WHEN exact THEN street END, '')), 'D')
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
    repere_search_vector(NEW, prot.street, coalesce(pub.exact_location, false)) END;
  NEW.search_pro := CASE WHEN pro.listed THEN
    repere_search_vector(NEW, prot.street, coalesce(pro.exact_location, false)) END;
  RETURN NEW;
END $$;
--> statement-breakpoint
DROP FUNCTION IF EXISTS repere_search_vector(structures, text);
--> statement-breakpoint
UPDATE structures SET updated_at = updated_at;
