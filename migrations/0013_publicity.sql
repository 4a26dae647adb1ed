CREATE TABLE "credit_events" (
	"agency_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"payload" jsonb NOT NULL,
	"occurred_on" date NOT NULL,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_events_pkey" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
CREATE TABLE "credit_list_entries" (
	"agency_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"list" text NOT NULL,
	"entity_name" text NOT NULL,
	"credit_code" text NOT NULL,
	"reason" text NOT NULL,
	"listed_on" date NOT NULL,
	"listed_by" text NOT NULL,
	"own_listing" boolean NOT NULL,
	"decision_ref" text NOT NULL,
	"removed_on" date,
	"removal_reason" text,
	"removal_restoration_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_list_entries_pkey" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
CREATE TABLE "credit_restorations" (
	"agency_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"applicant_name" text NOT NULL,
	"applicant_credit_code" text NOT NULL,
	"publication_id" uuid,
	"list_entry_id" uuid,
	"materials" jsonb NOT NULL,
	"status" text NOT NULL,
	"submitted_on" date NOT NULL,
	"accepted_on" date,
	"verified_on" date,
	"decided_on" date,
	"reasons" text,
	"eligibility" jsonb,
	"revoked_on" date,
	"revocation_reason" text,
	"recorded_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_restorations_pkey" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
CREATE TABLE "publications" (
	"agency_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"decision_number" text NOT NULL,
	"decided_on" date NOT NULL,
	"party_name" text NOT NULL,
	"party_credit_code" text,
	"summary" jsonb NOT NULL,
	"masked_text" text NOT NULL,
	"state" text NOT NULL,
	"due_on" date NOT NULL,
	"due_working_days" integer NOT NULL,
	"published_on" date,
	"external_ref" text,
	"period_months" integer NOT NULL,
	"period_basis" text NOT NULL,
	"expires_on" date,
	"expired_at" timestamp with time zone,
	"earliest_restoration_on" date,
	"withdrawal_due_on" date,
	"withdrawn_on" date,
	"withdrawal_reason" text,
	"status_change_id" uuid,
	"restored_on" date,
	"restoration_id" uuid,
	"corrected_on" date,
	"correction_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "publications_pkey" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_case_fk" FOREIGN KEY ("agency_id","case_id") REFERENCES "public"."cases"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_status_change_fk" FOREIGN KEY ("agency_id","status_change_id") REFERENCES "public"."decision_status_changes"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "credit_events_entity_idx" ON "credit_events" USING btree ("agency_id","entity_id");--> statement-breakpoint
CREATE INDEX "credit_events_undelivered_idx" ON "credit_events" USING btree ("agency_id","delivered_at");--> statement-breakpoint
CREATE INDEX "credit_list_entries_code_idx" ON "credit_list_entries" USING btree ("credit_code","list");--> statement-breakpoint
CREATE INDEX "credit_restorations_status_idx" ON "credit_restorations" USING btree ("agency_id","status");--> statement-breakpoint
CREATE INDEX "credit_restorations_decided_idx" ON "credit_restorations" USING btree ("agency_id","decided_on");--> statement-breakpoint
CREATE INDEX "credit_restorations_publication_idx" ON "credit_restorations" USING btree ("agency_id","publication_id");--> statement-breakpoint
CREATE UNIQUE INDEX "publications_decision_key" ON "publications" USING btree ("agency_id","decision_number");--> statement-breakpoint
CREATE INDEX "publications_state_idx" ON "publications" USING btree ("agency_id","state");--> statement-breakpoint
CREATE INDEX "publications_case_idx" ON "publications" USING btree ("agency_id","case_id");--> statement-breakpoint
CREATE INDEX "publications_credit_code_idx" ON "publications" USING btree ("agency_id","party_credit_code");--> statement-breakpoint
CREATE INDEX "publications_expires_idx" ON "publications" USING btree ("state","expires_on");