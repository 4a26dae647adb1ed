CREATE TABLE "case_interviews" (
	"agency_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"attendee_ids" uuid[] NOT NULL,
	"counterpart_name" text NOT NULL,
	"counterpart_role" text NOT NULL,
	"subject" text NOT NULL,
	"summary" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_interviews_pkey" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
CREATE TABLE "correction_orders" (
	"agency_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"document_number" text NOT NULL,
	"issued_on" date NOT NULL,
	"requirements" text NOT NULL,
	"deadline" date NOT NULL,
	"legal_basis" text NOT NULL,
	"follow_ups" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"last_checked_on" date,
	"corrected_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "correction_orders_pkey" PRIMARY KEY("agency_id","id"),
	CONSTRAINT "correction_orders_deadline" CHECK ("correction_orders"."deadline" >= "correction_orders"."issued_on")
);
--> statement-breakpoint
CREATE TABLE "criminal_transfers" (
	"agency_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"from_lead" boolean NOT NULL,
	"status" text NOT NULL,
	"reported_on" date NOT NULL,
	"team_officer_ids" uuid[] NOT NULL,
	"suspected_offence" text NOT NULL,
	"facts" text NOT NULL,
	"seized_items" text,
	"decision_result" text,
	"approver_id" uuid,
	"decided_at" timestamp with time zone,
	"decision_opinion" text,
	"transferred_at" timestamp with time zone,
	"transferred_on" date,
	"police_agency" text,
	"document_number" text,
	"police_received_on" date,
	"receipt_ref" text,
	"police_decision" text,
	"police_decided_on" date,
	"police_notified_on" date,
	"police_letter_ref" text,
	"police_reason" text,
	"review_requested_on" date,
	"review_reason" text,
	"review_result" text,
	"review_result_on" date,
	"review_letter_ref" text,
	"police_filed_on" date,
	"handed_over_on" date,
	"handover_note" text,
	"returned_on" date,
	"return_letter_ref" text,
	"return_reason" text,
	"return_outcome" text,
	"new_lead_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "criminal_transfers_pkey" PRIMARY KEY("agency_id","id"),
	CONSTRAINT "criminal_transfers_team" CHECK (cardinality("criminal_transfers"."team_officer_ids") >= 1)
);
--> statement-breakpoint
CREATE TABLE "document_spot_checks" (
	"agency_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"document_kind" text NOT NULL,
	"document_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"document_year" integer NOT NULL,
	"checked_on" date NOT NULL,
	"checker_id" uuid NOT NULL,
	"problems" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_spot_checks_pkey" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
CREATE TABLE "police_joint_cases" (
	"agency_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"police_agency" text NOT NULL,
	"started_on" date NOT NULL,
	"summary" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "police_joint_cases_pkey" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
ALTER TABLE "case_interviews" ADD CONSTRAINT "case_interviews_case_fk" FOREIGN KEY ("agency_id","case_id") REFERENCES "public"."cases"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correction_orders" ADD CONSTRAINT "correction_orders_case_fk" FOREIGN KEY ("agency_id","case_id") REFERENCES "public"."cases"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criminal_transfers" ADD CONSTRAINT "criminal_transfers_case_fk" FOREIGN KEY ("agency_id","case_id") REFERENCES "public"."cases"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_spot_checks" ADD CONSTRAINT "document_spot_checks_case_fk" FOREIGN KEY ("agency_id","case_id") REFERENCES "public"."cases"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "police_joint_cases" ADD CONSTRAINT "police_joint_cases_case_fk" FOREIGN KEY ("agency_id","case_id") REFERENCES "public"."cases"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_interviews_case_idx" ON "case_interviews" USING btree ("agency_id","case_id");--> statement-breakpoint
CREATE INDEX "correction_orders_case_idx" ON "correction_orders" USING btree ("agency_id","case_id");--> statement-breakpoint
CREATE INDEX "correction_orders_deadline_idx" ON "correction_orders" USING btree ("agency_id","deadline");--> statement-breakpoint
CREATE INDEX "criminal_transfers_case_idx" ON "criminal_transfers" USING btree ("agency_id","case_id");--> statement-breakpoint
CREATE INDEX "criminal_transfers_status_idx" ON "criminal_transfers" USING btree ("agency_id","status");--> statement-breakpoint
CREATE INDEX "criminal_transfers_transferred_idx" ON "criminal_transfers" USING btree ("agency_id","transferred_on");--> statement-breakpoint
CREATE INDEX "document_spot_checks_document_idx" ON "document_spot_checks" USING btree ("agency_id","document_kind","document_id");--> statement-breakpoint
CREATE INDEX "document_spot_checks_year_idx" ON "document_spot_checks" USING btree ("agency_id","document_year");--> statement-breakpoint
CREATE INDEX "police_joint_cases_started_idx" ON "police_joint_cases" USING btree ("agency_id","started_on");