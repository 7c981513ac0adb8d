-- PostGraphile's side of the product bench's queries (tests/bench/peer-queries/README.md): one
-- SQL function per query in schema bench_peer, each the product's rule for the same audience,
-- written by hand as a PostGraphile user would. PostGraphile (../shared/bench-peer/peer.mjs)
-- exposes every function of bench_peer; peer.mjs adds its own bench_nearest beside these.
--   psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -f tests/bench/peer-queries/functions.sql
-- Rules (shared/src/policy.ts, api/src/modules/structures/visibility.ts):
--   listed: status ONLINE; anonymous: PUBLIC and RESTRICTED; vetted professional: all three.
--   location: anonymous location_public, professional location_pro (non-members).
--   fresh first: rows verified within 365 days (shared/src/freshness.ts) before the others,
--   then distance (or search rank, descending), then id.
-- LANGUAGE sql, STABLE, one SELECT, no SET clause: PostgreSQL inlines them into PostGraphile's
-- query, as bench_nearest is.
CREATE SCHEMA IF NOT EXISTS bench_peer;

CREATE OR REPLACE FUNCTION bench_peer.fresh(verified timestamptz) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT verified IS NOT NULL AND verified >= now() - interval '365 days'
$$;
COMMENT ON FUNCTION bench_peer.fresh(timestamptz) IS E'@behavior -queryField';

-- Nearest n for an anonymous viewer (the headline's rule, freshness included).
CREATE OR REPLACE FUNCTION bench_peer.nearest_public(lat float8, lon float8, n int)
RETURNS TABLE (id uuid, name text, distance_km float8)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT u.id, u.name, u.d / 1000.0 FROM (
    (SELECT s.id, s.name, 0 AS stale,
            s.location_public <-> ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography AS d
     FROM public.structures s
     WHERE s.status = 'ONLINE' AND s.visibility IN ('PUBLIC', 'RESTRICTED') AND s.location_public IS NOT NULL
       AND bench_peer.fresh(s.last_verified_at)
     ORDER BY s.location_public <-> ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography LIMIT n)
    UNION ALL
    (SELECT s.id, s.name, 1 AS stale,
            s.location_public <-> ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography AS d
     FROM public.structures s
     WHERE s.status = 'ONLINE' AND s.visibility IN ('PUBLIC', 'RESTRICTED') AND s.location_public IS NOT NULL
       AND NOT bench_peer.fresh(s.last_verified_at)
     ORDER BY s.location_public <-> ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography LIMIT n)
  ) u ORDER BY u.stale, u.d, u.id LIMIT n
$$;
COMMENT ON FUNCTION bench_peer.nearest_public(float8, float8, int) IS
  E'@behavior -queryField:resource:connection +queryField:resource:list\nNearest n, anonymous viewer.';

-- Nearest n for a vetted professional who is a member of no structure (the `pro` audience).
CREATE OR REPLACE FUNCTION bench_peer.nearest_pro(lat float8, lon float8, n int)
RETURNS TABLE (id uuid, name text, distance_km float8)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT u.id, u.name, u.d / 1000.0 FROM (
    (SELECT s.id, s.name, 0 AS stale,
            s.location_pro <-> ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography AS d
     FROM public.structures s
     WHERE s.status = 'ONLINE' AND s.location_pro IS NOT NULL AND bench_peer.fresh(s.last_verified_at)
     ORDER BY s.location_pro <-> ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography LIMIT n)
    UNION ALL
    (SELECT s.id, s.name, 1 AS stale,
            s.location_pro <-> ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography AS d
     FROM public.structures s
     WHERE s.status = 'ONLINE' AND s.location_pro IS NOT NULL AND NOT bench_peer.fresh(s.last_verified_at)
     ORDER BY s.location_pro <-> ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography LIMIT n)
  ) u ORDER BY u.stale, u.d, u.id LIMIT n
$$;
COMMENT ON FUNCTION bench_peer.nearest_pro(float8, float8, int) IS
  E'@behavior -queryField:resource:connection +queryField:resource:list\nNearest n, vetted professional.';

-- A department's listings matching a French full-text search, anonymous viewer: the public
-- search vector or a name similar to the words, best rank first.
CREATE OR REPLACE FUNCTION bench_peer.department_search_public(department text, q text, n int)
RETURNS TABLE (id uuid, name text)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT u.id, u.name FROM (
    SELECT s.id, s.name, CASE WHEN bench_peer.fresh(s.last_verified_at) THEN 0 ELSE 1 END AS stale,
           coalesce(ts_rank(s.search_public, websearch_to_tsquery('french_unaccent', q)), 0)::float8
             + similarity(s.name, q)::float8 AS r
    FROM public.structures s
    WHERE s.status = 'ONLINE' AND s.visibility IN ('PUBLIC', 'RESTRICTED') AND s.department_code = department
      AND (s.search_public @@ websearch_to_tsquery('french_unaccent', q) OR s.name % q)
  ) u ORDER BY u.stale, u.r DESC, u.id LIMIT n
$$;
COMMENT ON FUNCTION bench_peer.department_search_public(text, text, int) IS
  E'@behavior -queryField:resource:connection +queryField:resource:list\nDepartment + search, anonymous viewer.';

-- One listing by id, anonymous viewer: what the product's structure(id) query selects.
DROP FUNCTION IF EXISTS bench_peer.structure_public(uuid);
DROP TYPE IF EXISTS bench_peer.structure_card;
CREATE TYPE bench_peer.structure_card AS (
  id uuid, name text, city text, phone text, lat float8, lon float8, precision text
);
CREATE FUNCTION bench_peer.structure_public(structure_id uuid) RETURNS bench_peer.structure_card
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT s.id, s.name, s.city, s.phone,
         ST_Y(s.location_public::geometry), ST_X(s.location_public::geometry),
         CASE WHEN s.location_public IS NULL THEN NULL WHEN s.visibility = 'PUBLIC' THEN 'EXACT' ELSE 'APPROXIMATE' END
  FROM public.structures s
  WHERE s.id = structure_id AND s.status = 'ONLINE' AND s.visibility IN ('PUBLIC', 'RESTRICTED')
$$;
COMMENT ON FUNCTION bench_peer.structure_public(uuid) IS E'One listing by id, anonymous viewer.';
