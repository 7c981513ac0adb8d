CREATE TYPE "report_reason" AS ENUM('CLOSED', 'WRONG_PHONE', 'WRONG_ADDRESS', 'WRONG_HOURS', 'OTHER');--> statement-breakpoint
CREATE TYPE "revision_action" AS ENUM('CREATE', 'IMPORT', 'UPDATE', 'ARCHIVE', 'VERIFY', 'RESTORE', 'SUBMISSION');--> statement-breakpoint
CREATE TYPE "submission_kind" AS ENUM('NEW_STRUCTURE', 'CORRECTION', 'REPORT');--> statement-breakpoint
CREATE TYPE "submission_status" AS ENUM('PENDING', 'APPROVED', 'REJECTED');--> statement-breakpoint
CREATE TABLE "revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"structure_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"action" "revision_action" NOT NULL,
	"submission_id" uuid,
	"before" jsonb,
	"after" jsonb NOT NULL,
	CONSTRAINT "revisions_structure_number_key" UNIQUE("structure_id","number")
);
--> statement-breakpoint
CREATE TABLE "submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"kind" "submission_kind" NOT NULL,
	"status" "submission_status" DEFAULT 'PENDING'::"submission_status" NOT NULL,
	"structure_id" uuid,
	"department_code" text,
	"proposed" jsonb,
	"base" jsonb,
	"reason" "report_reason",
	"comment" text,
	"submitter_contact" jsonb,
	"submitter_user_id" uuid,
	"idempotency_key" text UNIQUE,
	"request_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"decision_reason" text,
	"revision_number" integer
);
--> statement-breakpoint
CREATE INDEX "revisions_at_idx" ON "revisions" ("at");--> statement-breakpoint
CREATE INDEX "submissions_queue_idx" ON "submissions" ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "submissions_structure_idx" ON "submissions" ("structure_id");--> statement-breakpoint
ALTER TABLE "revisions" ADD CONSTRAINT "revisions_structure_id_structures_id_fkey" FOREIGN KEY ("structure_id") REFERENCES "structures"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_structure_id_structures_id_fkey" FOREIGN KEY ("structure_id") REFERENCES "structures"("id") ON DELETE SET NULL;