CREATE TABLE "structure_counts" (
	"status" "structure_status",
	"visibility" "visibility",
	"department_code" text,
	"region_code" text,
	"located_public" boolean,
	"located_pro" boolean,
	"n" integer NOT NULL,
	CONSTRAINT "structure_counts_pkey" PRIMARY KEY("status","visibility","department_code","region_code","located_public","located_pro")
);
--> statement-breakpoint
-- `structure_counts` follows every write to `structures` in the writer's own transaction, so a
-- count read from it is exact in any snapshot. Statement triggers: one upsert per statement
-- (a batch of 2,000 inserts is one), and an update that moves no row to another group (most
-- edits) writes nothing, so it takes no lock on the shared count rows.
CREATE OR REPLACE FUNCTION repere_structures_counts() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO structure_counts AS c
      (status, visibility, department_code, region_code, located_public, located_pro, n)
    SELECT status, visibility, department_code, region_code, location_public IS NOT NULL,
      location_pro IS NOT NULL, count(*)::int
    FROM new_rows GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (status, visibility, department_code, region_code, located_public, located_pro)
    DO UPDATE SET n = c.n + excluded.n;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO structure_counts AS c
      (status, visibility, department_code, region_code, located_public, located_pro, n)
    SELECT status, visibility, department_code, region_code, located_public, located_pro, sum(d)::int
    FROM (
      SELECT status, visibility, department_code, region_code, location_public IS NOT NULL AS located_public,
        location_pro IS NOT NULL AS located_pro, 1 AS d FROM new_rows
      UNION ALL
      SELECT status, visibility, department_code, region_code, location_public IS NOT NULL,
        location_pro IS NOT NULL, -1 FROM old_rows
    ) moved GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(d) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (status, visibility, department_code, region_code, located_public, located_pro)
    DO UPDATE SET n = c.n + excluded.n;
  ELSE
    UPDATE structure_counts c SET n = c.n - gone.n
    FROM (
      SELECT status, visibility, department_code, region_code, location_public IS NOT NULL AS located_public,
        location_pro IS NOT NULL AS located_pro, count(*)::int AS n
      FROM old_rows GROUP BY 1, 2, 3, 4, 5, 6
    ) gone
    WHERE (c.status, c.visibility, c.department_code, c.region_code, c.located_public, c.located_pro)
      = (gone.status, gone.visibility, gone.department_code, gone.region_code, gone.located_public, gone.located_pro);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION repere_structures_counts_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM structure_counts;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER structures_counts_insert AFTER INSERT ON structures
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION repere_structures_counts();
--> statement-breakpoint
CREATE TRIGGER structures_counts_update AFTER UPDATE ON structures
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION repere_structures_counts();
--> statement-breakpoint
CREATE TRIGGER structures_counts_delete AFTER DELETE ON structures
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION repere_structures_counts();
--> statement-breakpoint
CREATE TRIGGER structures_counts_truncate AFTER TRUNCATE ON structures
FOR EACH STATEMENT EXECUTE FUNCTION repere_structures_counts_truncate();
--> statement-breakpoint
INSERT INTO structure_counts (status, visibility, department_code, region_code, located_public, located_pro, n)
SELECT status, visibility, department_code, region_code, location_public IS NOT NULL, location_pro IS NOT NULL,
  count(*)::int
FROM structures GROUP BY 1, 2, 3, 4, 5, 6;
