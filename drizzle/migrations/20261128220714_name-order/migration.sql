DROP INDEX "structures_name_id_idx";--> statement-breakpoint
CREATE INDEX "structures_name_id_idx" ON "structures" ("name" COLLATE "C","id");