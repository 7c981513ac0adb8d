ALTER TABLE "communes" ADD COLUMN "centre" geography(Point,4326);--> statement-breakpoint
ALTER TABLE "communes" ADD COLUMN "centre_source" text;--> statement-breakpoint
ALTER TABLE "communes" ADD COLUMN "name_key" text;--> statement-breakpoint
CREATE INDEX "communes_name_key_idx" ON "communes" USING gin ("name_key" gin_trgm_ops);