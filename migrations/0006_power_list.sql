CREATE TABLE "power_item_versions" (
	"agency_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"status" text NOT NULL,
	"change_type" text NOT NULL,
	"adjustment_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"data" jsonb NOT NULL,
	"search_text" text NOT NULL,
	"laws" text[] NOT NULL,
	"unit_ids" uuid[] NOT NULL,
	"counterpart" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "power_item_versions_pkey" PRIMARY KEY("agency_id","item_id","version_no"),
	CONSTRAINT "power_item_versions_interval" CHECK ("power_item_versions"."valid_to" is null or "power_item_versions"."valid_to" >= "power_item_versions"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "power_items" (
	"agency_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "power_items_pkey" PRIMARY KEY("agency_id","id"),
	CONSTRAINT "power_items_agency_code_key" UNIQUE("agency_id","code")
);
--> statement-breakpoint
CREATE TABLE "power_list_adjustments" (
	"agency_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"effective_on" date NOT NULL,
	"trigger" text NOT NULL,
	"document_number" text NOT NULL,
	"approved_by" text NOT NULL,
	"laws" text[] NOT NULL,
	"summary" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "power_list_adjustments_pkey" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
CREATE TABLE "power_list_changes" (
	"agency_id" uuid NOT NULL,
	"adjustment_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"change_type" text NOT NULL,
	"item_id" uuid NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"counterpart" text,
	CONSTRAINT "power_list_changes_pkey" PRIMARY KEY("agency_id","adjustment_id","seq")
);
--> statement-breakpoint
ALTER TABLE "power_item_versions" ADD CONSTRAINT "power_item_versions_item_fk" FOREIGN KEY ("agency_id","item_id") REFERENCES "public"."power_items"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "power_item_versions" ADD CONSTRAINT "power_item_versions_adjustment_fk" FOREIGN KEY ("agency_id","adjustment_id") REFERENCES "public"."power_list_adjustments"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "power_items" ADD CONSTRAINT "power_items_agency_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "power_list_adjustments" ADD CONSTRAINT "power_list_adjustments_agency_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "power_list_changes" ADD CONSTRAINT "power_list_changes_adjustment_fk" FOREIGN KEY ("agency_id","adjustment_id") REFERENCES "public"."power_list_adjustments"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "power_item_versions_as_of_idx" ON "power_item_versions" USING btree ("agency_id","valid_from","valid_to");--> statement-breakpoint
CREATE INDEX "power_item_versions_search_idx" ON "power_item_versions" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "power_item_versions_laws_idx" ON "power_item_versions" USING gin ("laws");--> statement-breakpoint
CREATE INDEX "power_item_versions_units_idx" ON "power_item_versions" USING gin ("unit_ids");--> statement-breakpoint
CREATE INDEX "power_list_adjustments_effective_idx" ON "power_list_adjustments" USING btree ("agency_id","effective_on");--> statement-breakpoint
CREATE INDEX "power_list_changes_item_idx" ON "power_list_changes" USING btree ("agency_id","item_id");