CREATE TYPE "referral_status" AS ENUM('SENT', 'ACKNOWLEDGED', 'CLOSED');--> statement-breakpoint
CREATE TYPE "scale_band" AS ENUM('GREEN', 'ORANGE', 'RED', 'BLACK');--> statement-breakpoint
CREATE TYPE "urgency" AS ENUM('ROUTINE', 'SOON', 'URGENT');--> statement-breakpoint
ALTER TYPE "audit_action" ADD VALUE 'REFERRAL_READ';--> statement-breakpoint
ALTER TYPE "audit_action" ADD VALUE 'SCALE_PUBLISHED';--> statement-breakpoint
ALTER TYPE "audit_action" ADD VALUE 'HELPLINE_CHANGED';--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"from_structure_id" uuid NOT NULL,
	"to_structure_id" uuid NOT NULL,
	"sender_id" uuid,
	"urgency" "urgency" NOT NULL,
	"message" text NOT NULL,
	"status" "referral_status" DEFAULT 'SENT'::"referral_status" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"closed_at" timestamp with time zone,
	"closed_by" uuid
);
--> statement-breakpoint
CREATE TABLE "assessment_daily_counts" (
	"day" date,
	"band" "scale_band",
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "assessment_daily_counts_pkey" PRIMARY KEY("day","band")
);
--> statement-breakpoint
CREATE TABLE "assessment_scales" (
	"version" integer PRIMARY KEY,
	"content" jsonb NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "referral_id" uuid;--> statement-breakpoint
CREATE INDEX "referrals_to_idx" ON "referrals" ("to_structure_id","created_at");--> statement-breakpoint
CREATE INDEX "referrals_sender_idx" ON "referrals" ("sender_id","created_at");--> statement-breakpoint
CREATE INDEX "referrals_purge_idx" ON "referrals" ("closed_at","created_at");--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_from_structure_id_structures_id_fkey" FOREIGN KEY ("from_structure_id") REFERENCES "structures"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_to_structure_id_structures_id_fkey" FOREIGN KEY ("to_structure_id") REFERENCES "structures"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_sender_id_users_id_fkey" FOREIGN KEY ("sender_id") REFERENCES "users"("id") ON DELETE SET NULL;