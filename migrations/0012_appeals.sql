CREATE TABLE "decision_status_changes" (
	"agency_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid,
	"on_the_spot_penalty_id" uuid,
	"decision_number" text NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"penalties" jsonb,
	"reopened" boolean NOT NULL,
	"effective_on" date NOT NULL,
	"source_kind" text NOT NULL,
	"source_id" uuid NOT NULL,
	"source_reference" text NOT NULL,
	"withdrawal_due_on" date,
	"withdrawn_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decision_status_changes_pkey" PRIMARY KEY("agency_id","id"),
	CONSTRAINT "decision_status_changes_one_decision" CHECK (("decision_status_changes"."case_id" is null) <> ("decision_status_changes"."on_the_spot_penalty_id" is null))
);
--> statement-breakpoint
CREATE TABLE "litigation_hearings" (
	"agency_id" uuid NOT NULL,
	"litigation_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"instance" text NOT NULL,
	"attendees" jsonb NOT NULL,
	"head_appeared" boolean NOT NULL,
	"head_absence_reason" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "litigation_hearings_pkey" PRIMARY KEY("agency_id","litigation_id","id"),
	CONSTRAINT "litigation_hearings_attendees" CHECK (jsonb_array_length("litigation_hearings"."attendees") >= 1)
);
--> statement-breakpoint
CREATE TABLE "litigations" (
	"agency_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid,
	"on_the_spot_penalty_id" uuid,
	"decision_number" text NOT NULL,
	"reconsideration_id" uuid,
	"co_defendant" text,
	"court" text NOT NULL,
	"court_case_number" text NOT NULL,
	"plaintiff_kind" text NOT NULL,
	"plaintiff_name" text NOT NULL,
	"plaintiff_credit_code" text,
	"plaintiff_resident_id" text,
	"claims" text NOT NULL,
	"filed_on" date NOT NULL,
	"complaint_received_on" date NOT NULL,
	"instance" text NOT NULL,
	"status" text NOT NULL,
	"defence_filed_on" date,
	"defence_reference" text,
	"defence_items" jsonb,
	"judgment_kind" text,
	"outcome" text,
	"judgment_on" date,
	"judgment_served_on" date,
	"judgment_reference" text,
	"revocation_scope" text,
	"redo" boolean,
	"outcome_penalties" jsonb,
	"first_instance" jsonb,
	"effective_on" date,
	"surcharge_frozen" boolean DEFAULT false NOT NULL,
	"recorded_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "litigations_pkey" PRIMARY KEY("agency_id","id"),
	CONSTRAINT "litigations_one_decision" CHECK (("litigations"."case_id" is null) <> ("litigations"."on_the_spot_penalty_id" is null))
);
--> statement-breakpoint
CREATE TABLE "reconsiderations" (
	"agency_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid,
	"on_the_spot_penalty_id" uuid,
	"decision_number" text NOT NULL,
	"applicant_kind" text NOT NULL,
	"applicant_name" text NOT NULL,
	"applicant_credit_code" text,
	"applicant_resident_id" text,
	"reviewing_body" text NOT NULL,
	"reference" text NOT NULL,
	"procedure" text NOT NULL,
	"applied_on" date NOT NULL,
	"copy_received_on" date,
	"claims" text NOT NULL,
	"status" text NOT NULL,
	"accepted_on" date,
	"reply_submitted_on" date,
	"reply_reference" text,
	"reply_items" jsonb,
	"sessions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"suspensions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"extension_days" integer,
	"extended_on" date,
	"outcome" text,
	"decided_on" date,
	"outcome_reference" text,
	"outcome_reason" text,
	"revocation_scope" text,
	"redo" boolean,
	"outcome_penalties" jsonb,
	"surcharge_frozen" boolean DEFAULT false NOT NULL,
	"recorded_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reconsiderations_pkey" PRIMARY KEY("agency_id","id"),
	CONSTRAINT "reconsiderations_one_decision" CHECK (("reconsiderations"."case_id" is null) <> ("reconsiderations"."on_the_spot_penalty_id" is null))
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "decision_status" text;--> statement-breakpoint
ALTER TABLE "on_the_spot_penalties" ADD COLUMN "decision_status" text DEFAULT 'in_force' NOT NULL;--> statement-breakpoint
ALTER TABLE "on_the_spot_penalties" ADD COLUMN "penalties_in_force" jsonb;--> statement-breakpoint
ALTER TABLE "decision_status_changes" ADD CONSTRAINT "decision_status_changes_case_fk" FOREIGN KEY ("agency_id","case_id") REFERENCES "public"."cases"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_status_changes" ADD CONSTRAINT "decision_status_changes_spot_fk" FOREIGN KEY ("agency_id","on_the_spot_penalty_id") REFERENCES "public"."on_the_spot_penalties"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "litigation_hearings" ADD CONSTRAINT "litigation_hearings_litigation_fk" FOREIGN KEY ("agency_id","litigation_id") REFERENCES "public"."litigations"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "litigations" ADD CONSTRAINT "litigations_case_fk" FOREIGN KEY ("agency_id","case_id") REFERENCES "public"."cases"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "litigations" ADD CONSTRAINT "litigations_spot_fk" FOREIGN KEY ("agency_id","on_the_spot_penalty_id") REFERENCES "public"."on_the_spot_penalties"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "litigations" ADD CONSTRAINT "litigations_reconsideration_fk" FOREIGN KEY ("agency_id","reconsideration_id") REFERENCES "public"."reconsiderations"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconsiderations" ADD CONSTRAINT "reconsiderations_case_fk" FOREIGN KEY ("agency_id","case_id") REFERENCES "public"."cases"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconsiderations" ADD CONSTRAINT "reconsiderations_spot_fk" FOREIGN KEY ("agency_id","on_the_spot_penalty_id") REFERENCES "public"."on_the_spot_penalties"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "decision_status_changes_case_idx" ON "decision_status_changes" USING btree ("agency_id","case_id");--> statement-breakpoint
CREATE INDEX "decision_status_changes_spot_idx" ON "decision_status_changes" USING btree ("agency_id","on_the_spot_penalty_id");--> statement-breakpoint
CREATE INDEX "decision_status_changes_withdrawal_idx" ON "decision_status_changes" USING btree ("agency_id","withdrawal_due_on");--> statement-breakpoint
CREATE INDEX "litigation_hearings_held_idx" ON "litigation_hearings" USING btree ("agency_id","held_on");--> statement-breakpoint
CREATE INDEX "litigations_case_idx" ON "litigations" USING btree ("agency_id","case_id");--> statement-breakpoint
CREATE INDEX "litigations_spot_idx" ON "litigations" USING btree ("agency_id","on_the_spot_penalty_id");--> statement-breakpoint
CREATE INDEX "litigations_filed_idx" ON "litigations" USING btree ("agency_id","filed_on");--> statement-breakpoint
CREATE INDEX "litigations_status_idx" ON "litigations" USING btree ("agency_id","status");--> statement-breakpoint
CREATE INDEX "reconsiderations_case_idx" ON "reconsiderations" USING btree ("agency_id","case_id");--> statement-breakpoint
CREATE INDEX "reconsiderations_spot_idx" ON "reconsiderations" USING btree ("agency_id","on_the_spot_penalty_id");--> statement-breakpoint
CREATE INDEX "reconsiderations_applied_idx" ON "reconsiderations" USING btree ("agency_id","applied_on");--> statement-breakpoint
CREATE INDEX "reconsiderations_status_idx" ON "reconsiderations" USING btree ("agency_id","status");