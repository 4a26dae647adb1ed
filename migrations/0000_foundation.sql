CREATE TABLE "agencies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"code" text NOT NULL,
	"region_code" char(6) NOT NULL,
	"province" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agencies_region_name_key" UNIQUE("region_code","name"),
	CONSTRAINT "agencies_region_code_digits" CHECK ("agencies"."region_code" ~ '^[1-9][0-9]{5}$')
);
--> statement-breakpoint
CREATE TABLE "calendar_changes" (
	"version" integer PRIMARY KEY NOT NULL,
	"change" text NOT NULL,
	"scope" text NOT NULL,
	"detail" jsonb NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_days" (
	"scope" text NOT NULL,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_days_pkey" PRIMARY KEY("scope","date")
);
--> statement-breakpoint
CREATE TABLE "calendar_notices" (
	"scope" text NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"document_number" text,
	"published_on" date,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_notices_pkey" PRIMARY KEY("scope","year")
);
--> statement-breakpoint
CREATE TABLE "calendar_state" (
	"singleton" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"version" integer NOT NULL,
	CONSTRAINT "calendar_state_singleton" CHECK ("calendar_state"."singleton")
);
--> statement-breakpoint
CREATE TABLE "document_counters" (
	"agency_id" uuid NOT NULL,
	"document_type" text NOT NULL,
	"year" integer NOT NULL,
	"last_serial" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_counters_pkey" PRIMARY KEY("agency_id","document_type","year")
);
--> statement-breakpoint
CREATE TABLE "document_number_formats" (
	"agency_id" uuid NOT NULL,
	"document_type" text NOT NULL,
	"type_code" text NOT NULL,
	"template" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_number_formats_pkey" PRIMARY KEY("agency_id","document_type")
);
--> statement-breakpoint
CREATE TABLE "document_numbers" (
	"agency_id" uuid NOT NULL,
	"document_type" text NOT NULL,
	"year" integer NOT NULL,
	"serial" integer NOT NULL,
	"number" text NOT NULL,
	"issued_on" date NOT NULL,
	"purpose" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_numbers_pkey" PRIMARY KEY("agency_id","document_type","year","serial"),
	CONSTRAINT "document_numbers_agency_number_key" UNIQUE("agency_id","number")
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"fingerprint" text NOT NULL,
	"status" integer NOT NULL,
	"headers" jsonb NOT NULL,
	"body" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY("scope","key")
);
--> statement-breakpoint
CREATE TABLE "units" (
	"agency_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"dissolved_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "units_pkey" PRIMARY KEY("agency_id","id"),
	CONSTRAINT "units_agency_name_key" UNIQUE("agency_id","name"),
	CONSTRAINT "units_kind_check" CHECK ("units"."kind" in ('section', 'station', 'team', 'office')),
	CONSTRAINT "units_status_check" CHECK (("units"."status" = 'active' and "units"."dissolved_on" is null) or ("units"."status" = 'dissolved' and "units"."dissolved_on" is not null))
);
--> statement-breakpoint
ALTER TABLE "document_counters" ADD CONSTRAINT "document_counters_agency_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_number_formats" ADD CONSTRAINT "document_number_formats_agency_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_numbers" ADD CONSTRAINT "document_numbers_agency_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_agency_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;