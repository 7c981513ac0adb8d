CREATE TYPE "access_mode" AS ENUM('WALK_IN', 'BY_PHONE', 'REMOTE', 'REFERRAL_ONLY');--> statement-breakpoint
CREATE TYPE "gender" AS ENUM('ANY', 'GIRLS', 'BOYS');--> statement-breakpoint
CREATE TYPE "helpline_channel" AS ENUM('PHONE', 'SMS', 'CHAT', 'EMAIL', 'APP');--> statement-breakpoint
CREATE TYPE "mobiliser" AS ENUM('YOUNG_PEOPLE', 'FAMILIES', 'PROFESSIONALS');--> statement-breakpoint
CREATE TYPE "notice_kind" AS ENUM('CLOSURE', 'CHANGED_HOURS', 'MESSAGE');--> statement-breakpoint
CREATE TYPE "service_category" AS ENUM('LISTENING_SUPPORT', 'SHELTER', 'RESPITE', 'HEALTH', 'SEXUAL_REPRODUCTIVE_HEALTH', 'LEGAL_AID', 'OUTREACH', 'EDUCATION_INTEGRATION', 'FAMILY_SUPPORT', 'PROFESSIONAL_TRAINING');--> statement-breakpoint
CREATE TYPE "structure_kind" AS ENUM('ASSOCIATION', 'DAY_CENTRE', 'SHELTER', 'RESPITE', 'HEALTH', 'LEGAL_JUSTICE', 'CHILD_WELFARE', 'POLICE_GENDARMERIE', 'HELPLINE_SERVICE', 'OTHER');--> statement-breakpoint
CREATE TYPE "structure_status" AS ENUM('DRAFT', 'ONLINE', 'OFFLINE', 'CLOSED');--> statement-breakpoint
CREATE TYPE "visibility" AS ENUM('PUBLIC', 'RESTRICTED', 'CONFIDENTIAL');--> statement-breakpoint
CREATE TABLE "commune_postal_codes" (
	"postal_code" text,
	"insee_code" text,
	CONSTRAINT "commune_postal_codes_pkey" PRIMARY KEY("postal_code","insee_code")
);
--> statement-breakpoint
CREATE TABLE "communes" (
	"insee_code" text PRIMARY KEY,
	"name" text NOT NULL,
	"department_code" text NOT NULL,
	"region_code" text NOT NULL,
	"population" integer
);
--> statement-breakpoint
CREATE TABLE "departments" (
	"code" text PRIMARY KEY,
	"name" text NOT NULL,
	"region_code" text NOT NULL,
	"zone" text NOT NULL,
	"chef_lieu" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" text PRIMARY KEY,
	"name" text NOT NULL,
	"zone" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "helplines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"slug" text NOT NULL UNIQUE,
	"number" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"opening_hours" text,
	"free" boolean NOT NULL,
	"cost" text,
	"channels" "helpline_channel"[] DEFAULT '{}'::"helpline_channel"[] NOT NULL,
	"audience" text,
	"website" text,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audience_policy" (
	"audience" text,
	"visibility" "visibility",
	"listed" boolean NOT NULL,
	"exact_location" boolean NOT NULL,
	"approximate_location" boolean NOT NULL,
	CONSTRAINT "audience_policy_pkey" PRIMARY KEY("audience","visibility")
);
--> statement-breakpoint
CREATE TABLE "structure_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"structure_id" uuid NOT NULL,
	"kind" "notice_kind" NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"message" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "structure_protected" (
	"structure_id" uuid PRIMARY KEY,
	"street" text,
	"complement" text,
	"location" geography(Point,4326),
	"professional_contact" jsonb,
	"intake_criteria" text,
	"capacity_places" integer,
	"capacity_updated_at" timestamp with time zone,
	"internal_notes" text
);
--> statement-breakpoint
CREATE TABLE "structures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"name" text NOT NULL,
	"kind" "structure_kind" NOT NULL,
	"description" text,
	"siret" text,
	"finess" text,
	"status" "structure_status" DEFAULT 'DRAFT'::"structure_status" NOT NULL,
	"visibility" "visibility" NOT NULL,
	"postal_code" text,
	"insee_code" text,
	"city" text,
	"department_code" text NOT NULL,
	"region_code" text NOT NULL,
	"street_public" text,
	"location_public" geography(Point,4326),
	"location_pro" geography(Point,4326),
	"search_public" tsvector,
	"search_pro" tsvector,
	"phone" text,
	"email" text,
	"website" text,
	"opening_hours" text,
	"hours_week" int4multirange,
	"hours_holiday" int4multirange,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"accessibility" text,
	"services" "service_category"[] DEFAULT '{}'::"service_category"[] NOT NULL,
	"age_min" smallint,
	"age_max" smallint,
	"gender" "gender" DEFAULT 'ANY'::"gender" NOT NULL,
	"situations" text[] DEFAULT '{}'::text[] NOT NULL,
	"access_modes" "access_mode"[] DEFAULT '{}'::"access_mode"[] NOT NULL,
	"mobilisers" "mobiliser"[] DEFAULT '{}'::"mobiliser"[] NOT NULL,
	"serves_nationwide" boolean DEFAULT false NOT NULL,
	"served_departments" text[] DEFAULT '{}'::text[] NOT NULL,
	"served_regions" text[] DEFAULT '{}'::text[] NOT NULL,
	"last_verified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "cpc_insee_idx" ON "commune_postal_codes" ("insee_code");--> statement-breakpoint
CREATE INDEX "communes_department_idx" ON "communes" ("department_code");--> statement-breakpoint
CREATE INDEX "departments_region_idx" ON "departments" ("region_code");--> statement-breakpoint
CREATE INDEX "structure_notices_structure_idx" ON "structure_notices" ("structure_id","starts_on");--> statement-breakpoint
CREATE INDEX "structure_protected_location_idx" ON "structure_protected" USING gist ("location");--> statement-breakpoint
CREATE INDEX "structures_location_public_idx" ON "structures" USING gist ("location_public");--> statement-breakpoint
CREATE INDEX "structures_location_pro_idx" ON "structures" USING gist ("location_pro");--> statement-breakpoint
CREATE INDEX "structures_search_public_idx" ON "structures" USING gin ("search_public");--> statement-breakpoint
CREATE INDEX "structures_search_pro_idx" ON "structures" USING gin ("search_pro");--> statement-breakpoint
CREATE INDEX "structures_name_trgm_idx" ON "structures" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "structures_department_idx" ON "structures" ("department_code","status","visibility");--> statement-breakpoint
CREATE INDEX "structures_region_idx" ON "structures" ("region_code");--> statement-breakpoint
CREATE INDEX "structures_postal_code_idx" ON "structures" ("postal_code");--> statement-breakpoint
CREATE INDEX "structures_name_id_idx" ON "structures" ("name","id");--> statement-breakpoint
CREATE INDEX "structures_services_idx" ON "structures" USING gin ("services");--> statement-breakpoint
ALTER TABLE "commune_postal_codes" ADD CONSTRAINT "commune_postal_codes_insee_code_communes_insee_code_fkey" FOREIGN KEY ("insee_code") REFERENCES "communes"("insee_code");--> statement-breakpoint
ALTER TABLE "communes" ADD CONSTRAINT "communes_department_code_departments_code_fkey" FOREIGN KEY ("department_code") REFERENCES "departments"("code");--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_region_code_regions_code_fkey" FOREIGN KEY ("region_code") REFERENCES "regions"("code");--> statement-breakpoint
ALTER TABLE "structure_notices" ADD CONSTRAINT "structure_notices_structure_id_structures_id_fkey" FOREIGN KEY ("structure_id") REFERENCES "structures"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "structure_protected" ADD CONSTRAINT "structure_protected_structure_id_structures_id_fkey" FOREIGN KEY ("structure_id") REFERENCES "structures"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "structures" ADD CONSTRAINT "structures_department_code_departments_code_fkey" FOREIGN KEY ("department_code") REFERENCES "departments"("code");