-- A moderator's or an admin's nearest totalCount counted rows (a join of every protected row:
-- ~90 ms at 100,000 structures): the exact point's presence now has its flag on `structures`,
-- set by the audience trigger (which already reads the protected row, and runs again on every
-- protected write), and its place in `structure_counts`' groups.
DELETE FROM "structure_counts";--> statement-breakpoint
ALTER TABLE "structure_counts" ADD COLUMN "located_exact" boolean NOT NULL;--> statement-breakpoint
ALTER TABLE "structures" ADD COLUMN "located_exact" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "structure_counts" DROP CONSTRAINT "structure_counts_pkey";--> statement-breakpoint
ALTER TABLE "structure_counts" ADD PRIMARY KEY ("status","visibility","department_code","region_code","located_public","located_pro","located_exact");
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
  NEW.located_exact := prot.location IS NOT NULL;
  NEW.street_public := CASE WHEN pub.listed AND pub.exact_location THEN prot.street END;
  NEW.search_public := CASE WHEN pub.listed THEN
    repere_search_vector(NEW, prot.street, coalesce(pub.exact_location, false)) END;
  NEW.search_pro := CASE WHEN pro.listed THEN
    repere_search_vector(NEW, prot.street, coalesce(pro.exact_location, false)) END;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION repere_structures_counts() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO structure_counts AS c
      (status, visibility, department_code, region_code, located_public, located_pro, located_exact, n)
    SELECT status, visibility, department_code, region_code, location_public IS NOT NULL,
      location_pro IS NOT NULL, located_exact, count(*)::int
    FROM new_rows GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT (status, visibility, department_code, region_code, located_public, located_pro, located_exact)
    DO UPDATE SET n = c.n + excluded.n;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO structure_counts AS c
      (status, visibility, department_code, region_code, located_public, located_pro, located_exact, n)
    SELECT status, visibility, department_code, region_code, located_public, located_pro, located_exact, sum(d)::int
    FROM (
      SELECT status, visibility, department_code, region_code, location_public IS NOT NULL AS located_public,
        location_pro IS NOT NULL AS located_pro, located_exact, 1 AS d FROM new_rows
      UNION ALL
      SELECT status, visibility, department_code, region_code, location_public IS NOT NULL,
        location_pro IS NOT NULL, located_exact, -1 FROM old_rows
    ) moved GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(d) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT (status, visibility, department_code, region_code, located_public, located_pro, located_exact)
    DO UPDATE SET n = c.n + excluded.n;
  ELSE
    UPDATE structure_counts c SET n = c.n - gone.n
    FROM (
      SELECT status, visibility, department_code, region_code, location_public IS NOT NULL AS located_public,
        location_pro IS NOT NULL AS located_pro, located_exact, count(*)::int AS n
      FROM old_rows GROUP BY 1, 2, 3, 4, 5, 6, 7
    ) gone
    WHERE (c.status, c.visibility, c.department_code, c.region_code, c.located_public, c.located_pro, c.located_exact)
      = (gone.status, gone.visibility, gone.department_code, gone.region_code, gone.located_public,
        gone.located_pro, gone.located_exact);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Sets the flag (the audience trigger computes it from the protected row). The flag is in no
-- audience's document, so the change feed has nothing to record; the groups are rebuilt below.
ALTER TABLE structures DISABLE TRIGGER structures_feed_update;
--> statement-breakpoint
ALTER TABLE structures DISABLE TRIGGER structures_counts_update;
--> statement-breakpoint
UPDATE structures s SET located_exact = true FROM structure_protected p
WHERE p.structure_id = s.id AND p.location IS NOT NULL;
--> statement-breakpoint
ALTER TABLE structures ENABLE TRIGGER structures_feed_update;
--> statement-breakpoint
ALTER TABLE structures ENABLE TRIGGER structures_counts_update;
--> statement-breakpoint
INSERT INTO structure_counts
  (status, visibility, department_code, region_code, located_public, located_pro, located_exact, n)
SELECT status, visibility, department_code, region_code, location_public IS NOT NULL, location_pro IS NOT NULL,
  located_exact, count(*)::int
FROM structures GROUP BY 1, 2, 3, 4, 5, 6, 7;
