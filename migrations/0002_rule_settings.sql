CREATE TABLE "rule_settings" (
	"agency_id" uuid NOT NULL,
	"key" text NOT NULL,
	"effective_from" date NOT NULL,
	"value" jsonb NOT NULL,
	"basis" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rule_settings_pkey" PRIMARY KEY("agency_id","key","effective_from")
);
--> statement-breakpoint
ALTER TABLE "rule_settings" ADD CONSTRAINT "rule_settings_agency_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;