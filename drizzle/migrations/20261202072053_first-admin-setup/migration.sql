CREATE TABLE "first_admin_setup" (
	"id" integer PRIMARY KEY DEFAULT 1,
	"code_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "first_admin_setup" ADD CONSTRAINT "first_admin_setup_single_row" CHECK ("id" = 1);
