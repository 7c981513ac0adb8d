CREATE TABLE "structure_feed" (
	"audience" text NOT NULL,
	"structure_id" uuid NOT NULL,
	"listed" boolean NOT NULL,
	"digest" text,
	"changed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "structure_feed_pkey" PRIMARY KEY("audience","structure_id")
);
--> statement-breakpoint
CREATE INDEX "structure_feed_changed_idx" ON "structure_feed" ("audience","changed_at","structure_id");--> statement-breakpoint
-- What each audience sees of some structures: one row per (audience, structure), `doc` NULL when
-- the audience may not list it. Replaced at every migrate by the version generated from the field
-- registry and the policy table (api/src/modules/structures/feed-document.ts); until then it lists
-- nothing for anyone (deny by default).
CREATE OR REPLACE FUNCTION repere_feed_documents(ids uuid[])
RETURNS TABLE (audience text, structure_id uuid, doc jsonb)
LANGUAGE sql STABLE AS $$
  SELECT NULL::text, NULL::uuid, NULL::jsonb WHERE false
$$;
--> statement-breakpoint
-- Records, for each audience, the structures whose document changed, entered or left. Written by
-- the triggers below, in the transaction of the write itself, whatever path the write took.
-- clock_timestamp(), not now(): a long transaction's change is stamped when written, so a reader's
-- checkpoint (the oldest write in flight) is never later than a change it has not yet seen.
CREATE OR REPLACE FUNCTION repere_feed_refresh(ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  at timestamptz := clock_timestamp();
BEGIN
  WITH docs AS MATERIALIZED (SELECT * FROM repere_feed_documents(ids)),
  listed AS (
    INSERT INTO structure_feed AS f (audience, structure_id, listed, digest, changed_at)
    SELECT d.audience, d.structure_id, true, md5(d.doc::text), at FROM docs d WHERE d.doc IS NOT NULL
    ON CONFLICT (audience, structure_id) DO UPDATE
      SET listed = true, digest = excluded.digest, changed_at = excluded.changed_at
      WHERE f.digest IS DISTINCT FROM excluded.digest
    RETURNING 1
  )
  -- Only a row that exists (the audience once listed it) becomes a tombstone: an id the
  -- audience never could see is never written here.
  UPDATE structure_feed f SET listed = false, digest = NULL, changed_at = at
  FROM docs d
  WHERE d.doc IS NULL AND f.audience = d.audience AND f.structure_id = d.structure_id AND f.listed;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION repere_feed_structures() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM repere_feed_refresh(ARRAY(SELECT id FROM old_rows));
  ELSE
    PERFORM repere_feed_refresh(ARRAY(SELECT id FROM new_rows));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER structures_feed_insert AFTER INSERT ON structures
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION repere_feed_structures();
--> statement-breakpoint
CREATE TRIGGER structures_feed_update AFTER UPDATE ON structures
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION repere_feed_structures();
--> statement-breakpoint
CREATE TRIGGER structures_feed_delete AFTER DELETE ON structures
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION repere_feed_structures();
--> statement-breakpoint
-- Notices are part of what an audience may see (public contact data): theirs change the document.
CREATE OR REPLACE FUNCTION repere_feed_notices() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM repere_feed_refresh(ARRAY(SELECT structure_id FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM repere_feed_refresh(ARRAY(SELECT structure_id FROM new_rows UNION SELECT structure_id FROM old_rows));
  ELSE
    PERFORM repere_feed_refresh(ARRAY(SELECT structure_id FROM old_rows));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER structure_notices_feed_insert AFTER INSERT ON structure_notices
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION repere_feed_notices();
--> statement-breakpoint
CREATE TRIGGER structure_notices_feed_update AFTER UPDATE ON structure_notices
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION repere_feed_notices();
--> statement-breakpoint
CREATE TRIGGER structure_notices_feed_delete AFTER DELETE ON structure_notices
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION repere_feed_notices();
--> statement-breakpoint
-- The protected rows' touch of their structures, once per statement rather than once per row: a
-- batch of inserted structures then records its feed documents in one pass, not one per row.
CREATE OR REPLACE FUNCTION repere_protected_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- Touching the rows re-runs repere_structures_audience with the new protected values.
  IF TG_OP = 'DELETE' THEN
    UPDATE structures SET updated_at = now() WHERE id IN (SELECT structure_id FROM old_rows);
  ELSE
    UPDATE structures SET updated_at = now() WHERE id IN (SELECT structure_id FROM new_rows);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER structure_protected_changed ON structure_protected;
--> statement-breakpoint
CREATE TRIGGER structure_protected_inserted AFTER INSERT ON structure_protected
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION repere_protected_changed();
--> statement-breakpoint
CREATE TRIGGER structure_protected_updated AFTER UPDATE ON structure_protected
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION repere_protected_changed();
--> statement-breakpoint
CREATE TRIGGER structure_protected_deleted AFTER DELETE ON structure_protected
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION repere_protected_changed();
