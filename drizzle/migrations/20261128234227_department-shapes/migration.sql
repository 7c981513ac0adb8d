CREATE TABLE "department_shapes" (
	"code" text PRIMARY KEY,
	"shape" geography(MultiPolygon,4326) NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "department_shapes_shape_idx" ON "department_shapes" USING gist ("shape");--> statement-breakpoint
ALTER TABLE "department_shapes" ADD CONSTRAINT "department_shapes_code_departments_code_fkey" FOREIGN KEY ("code") REFERENCES "departments"("code");