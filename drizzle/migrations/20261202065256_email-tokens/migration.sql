CREATE TYPE "email_token_purpose" AS ENUM('VERIFY', 'RESET');--> statement-breakpoint
ALTER TYPE "audit_action" ADD VALUE 'EMAIL_VERIFIED';--> statement-breakpoint
ALTER TYPE "audit_action" ADD VALUE 'PASSWORD_RESET';--> statement-breakpoint
CREATE TABLE "email_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"token_hash" text NOT NULL UNIQUE,
	"user_id" uuid NOT NULL,
	"purpose" "email_token_purpose" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email_verified_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "email_tokens_user_idx" ON "email_tokens" ("user_id","purpose");--> statement-breakpoint
ALTER TABLE "email_tokens" ADD CONSTRAINT "email_tokens_user_id_users_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE;--> statement-breakpoint
-- Accounts made before verification existed keep working: staff were created by an admin, and
-- professionals already in the queue were registered under the old rule.
UPDATE "users" SET "email_verified_at" = "created_at";
