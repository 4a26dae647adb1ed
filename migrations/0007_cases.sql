CREATE TABLE "case_events" (
	"agency_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"action" text NOT NULL,
	"occurred_on" date NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text NOT NULL,
	"data" jsonb NOT NULL,
	"document_number" text,
	CONSTRAINT "case_events_pkey" PRIMARY KEY("agency_id","case_id","seq")
);
--> statement-breakpoint
CREATE TABLE "case_evidence" (
	"agency_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"collected_on" date NOT NULL,
	"collected_by" uuid[] NOT NULL,
	"file_ref" text,
	"content_hash" text,
	"hash_algorithm" text,
	"av_recorded" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_evidence_pkey" PRIMARY KEY("agency_id","case_id","id")
);
--> statement-breakpoint
CREATE TABLE "case_measures" (
	"agency_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"items" text NOT NULL,
	"approval" text NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"started_at" timestamp with time zone NOT NULL,
	"started_on" date NOT NULL,
	"officer_ids" uuid[] NOT NULL,
	"extended_days" integer DEFAULT 0 NOT NULL,
	"ended_on" date,
	"outcome" text,
	"av_recorded" boolean NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_measures_pkey" PRIMARY KEY("agency_id","case_id","id")
);
--> statement-breakpoint
CREATE TABLE "case_officers" (
	"agency_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"officer_id" uuid NOT NULL,
	"assigned_on" date NOT NULL,
	CONSTRAINT "case_officers_pkey" PRIMARY KEY("agency_id","case_id","officer_id")
);
--> statement-breakpoint
CREATE TABLE "case_parties" (
	"agency_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"resident_id" text,
	"credit_code" text,
	"legal_representative" text,
	"address" text,
	"phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_parties_pkey" PRIMARY KEY("agency_id","case_id","id")
);
--> statement-breakpoint
CREATE TABLE "case_pauses" (
	"agency_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"reason" text NOT NULL,
	CONSTRAINT "case_pauses_pkey" PRIMARY KEY("agency_id","case_id","seq"),
	CONSTRAINT "case_pauses_interval" CHECK ("case_pauses"."to_date" is null or "case_pauses"."to_date" >= "case_pauses"."from_date")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"agency_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"stage" text NOT NULL,
	"suspended" boolean DEFAULT false NOT NULL,
	"major" boolean DEFAULT false NOT NULL,
	"complex" boolean DEFAULT false NOT NULL,
	"source" text NOT NULL,
	"source_ref" text,
	"received_on" date NOT NULL,
	"summary" text NOT NULL,
	"violation_on" date,
	"power_item_id" uuid,
	"unit_id" uuid,
	"filed_on" date,
	"filing_number" text,
	"limitation_basis" text,
	"limitation_reason" text,
	"concluded_on" date,
	"proposal" jsonb,
	"proposal_version" integer DEFAULT 0 NOT NULL,
	"decided_on" date,
	"decision_number" text,
	"decision" jsonb,
	"closing_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_pkey" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_fk" FOREIGN KEY ("agency_id","case_id") REFERENCES "public"."cases"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_evidence" ADD CONSTRAINT "case_evidence_case_fk" FOREIGN KEY ("agency_id","case_id") REFERENCES "public"."cases"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_measures" ADD CONSTRAINT "case_measures_case_fk" FOREIGN KEY ("agency_id","case_id") REFERENCES "public"."cases"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_officers" ADD CONSTRAINT "case_officers_case_fk" FOREIGN KEY ("agency_id","case_id") REFERENCES "public"."cases"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_officers" ADD CONSTRAINT "case_officers_officer_fk" FOREIGN KEY ("agency_id","officer_id") REFERENCES "public"."officers"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_parties" ADD CONSTRAINT "case_parties_case_fk" FOREIGN KEY ("agency_id","case_id") REFERENCES "public"."cases"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_pauses" ADD CONSTRAINT "case_pauses_case_fk" FOREIGN KEY ("agency_id","case_id") REFERENCES "public"."cases"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_agency_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_officers_officer_idx" ON "case_officers" USING btree ("agency_id","officer_id");--> statement-breakpoint
CREATE INDEX "case_parties_name_idx" ON "case_parties" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "case_parties_credit_code_idx" ON "case_parties" USING btree ("agency_id","credit_code");--> statement-breakpoint
CREATE INDEX "cases_stage_idx" ON "cases" USING btree ("agency_id","stage");--> statement-breakpoint
CREATE INDEX "cases_filed_idx" ON "cases" USING btree ("agency_id","filed_on");