CREATE TYPE "account_status" AS ENUM('PENDING', 'VETTED', 'REJECTED', 'REVOKED');--> statement-breakpoint
CREATE TYPE "audit_action" AS ENUM('CONFIDENTIAL_READ', 'PROFESSIONAL_APPROVED', 'PROFESSIONAL_REJECTED', 'PROFESSIONAL_REVOKED', 'USER_CREATED', 'API_KEY_CREATED', 'API_KEY_REVOKED', 'LOGIN_FAILURE_BURST');--> statement-breakpoint
CREATE TYPE "role" AS ENUM('PROFESSIONAL', 'MODERATOR', 'ADMIN');--> statement-breakpoint
CREATE TYPE "session_transport" AS ENUM('COOKIE', 'TOKEN');--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"name" text NOT NULL,
	"key_hash" text NOT NULL UNIQUE,
	"prefix" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"revoked_at" timestamp with time zone,
	"usage_count" bigint DEFAULT 0 NOT NULL,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"action" "audit_action" NOT NULL,
	"actor_id" uuid,
	"structure_id" uuid,
	"subject_user_id" uuid,
	"api_key_id" uuid,
	"fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"count" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"user_id" uuid,
	"structure_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_pkey" PRIMARY KEY("user_id","structure_id")
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY,
	"points" integer DEFAULT 0 NOT NULL,
	"expire" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"token_hash" text NOT NULL UNIQUE,
	"user_id" uuid NOT NULL,
	"transport" "session_transport" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"email" text NOT NULL UNIQUE,
	"password_hash" text NOT NULL,
	"role" "role" NOT NULL,
	"status" "account_status" NOT NULL,
	"name" text NOT NULL,
	"organisation" text,
	"job_title" text,
	"justification" text,
	"claimed_structure_id" uuid,
	"vetted_at" timestamp with time zone,
	"vetted_until" timestamp with time zone,
	"vetted_by" uuid,
	"vetting_note" text,
	"decision_reason" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" ("at","id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" ("actor_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_structure_idx" ON "audit_log" ("structure_id","at");--> statement-breakpoint
CREATE INDEX "memberships_structure_idx" ON "memberships" ("structure_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" ("user_id");--> statement-breakpoint
CREATE INDEX "users_status_idx" ON "users" ("role","status","created_at");--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_structure_id_structures_id_fkey" FOREIGN KEY ("structure_id") REFERENCES "structures"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_claimed_structure_id_structures_id_fkey" FOREIGN KEY ("claimed_structure_id") REFERENCES "structures"("id") ON DELETE SET NULL;