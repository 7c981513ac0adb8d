ALTER TABLE "submissions" DROP CONSTRAINT "submissions_idempotency_key_key";--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "idempotency_scope" text;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_idempotency_key" UNIQUE("idempotency_scope","idempotency_key");