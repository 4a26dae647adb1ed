CREATE TABLE "api_keys" (
	"agency_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"secret_hash" text NOT NULL,
	"scopes" text[] NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_by" text,
	CONSTRAINT "api_keys_pkey" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
CREATE TABLE "audit_chain_heads" (
	"chain_id" text PRIMARY KEY NOT NULL,
	"last_seq" bigint NOT NULL,
	"last_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"chain_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"changes" jsonb NOT NULL,
	"request_id" text NOT NULL,
	"client_address" text,
	"hash_algorithm" text NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_events_pkey" PRIMARY KEY("chain_id","seq")
);
--> statement-breakpoint
CREATE TABLE "certificate_status_changes" (
	"agency_id" uuid NOT NULL,
	"certificate_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"status" text NOT NULL,
	"effective_on" date NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "certificate_status_changes_pkey" PRIMARY KEY("agency_id","certificate_id","seq")
);
--> statement-breakpoint
CREATE TABLE "certificates" (
	"agency_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"officer_id" uuid NOT NULL,
	"number" text NOT NULL,
	"issuing_authority" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "certificates_pkey" PRIMARY KEY("agency_id","id"),
	CONSTRAINT "certificates_validity_check" CHECK ("certificates"."valid_from" <= "certificates"."valid_to")
);
--> statement-breakpoint
CREATE TABLE "officers" (
	"agency_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"unit_id" uuid,
	"roles" text[] NOT NULL,
	"employment_status" text DEFAULT 'active' NOT NULL,
	"left_on" date,
	"left_reason" text,
	"legal_qualification" boolean DEFAULT false NOT NULL,
	"legal_qualification_number" text,
	"resident_id" text,
	"phone" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "officers_pkey" PRIMARY KEY("agency_id","id"),
	CONSTRAINT "officers_left_check" CHECK (("officers"."employment_status" = 'active') = ("officers"."left_on" is null))
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_agency_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_status_changes" ADD CONSTRAINT "certificate_status_changes_certificate_fk" FOREIGN KEY ("agency_id","certificate_id") REFERENCES "public"."certificates"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_officer_fk" FOREIGN KEY ("agency_id","officer_id") REFERENCES "public"."officers"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "officers" ADD CONSTRAINT "officers_agency_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "officers" ADD CONSTRAINT "officers_unit_fk" FOREIGN KEY ("agency_id","unit_id") REFERENCES "public"."units"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_keys_id_idx" ON "api_keys" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_agency_number_key" ON "certificates" USING btree ("agency_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_one_active_per_officer" ON "certificates" USING btree ("agency_id","officer_id") WHERE status = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "officers_agency_resident_id_key" ON "officers" USING btree ("agency_id","resident_id");--> statement-breakpoint
CREATE INDEX "officers_id_idx" ON "officers" USING btree ("id");