ALTER TABLE "submissions" ADD COLUMN "source" text;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "source_id" text;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "source_digest" text;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_source_record" UNIQUE("source","source_id","source_digest");