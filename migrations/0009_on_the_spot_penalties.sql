CREATE TABLE "on_the_spot_penalties" (
	"agency_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"decision_number" text NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	"decided_on" date NOT NULL,
	"place" text NOT NULL,
	"officer_ids" uuid[] NOT NULL,
	"party_kind" text NOT NULL,
	"party_name" text NOT NULL,
	"party_resident_id" text,
	"party_credit_code" text,
	"party_legal_representative" text,
	"party_address" text,
	"party_phone" text,
	"facts" text NOT NULL,
	"legal_basis" text NOT NULL,
	"power_item_id" uuid NOT NULL,
	"penalties" jsonb NOT NULL,
	"payment" jsonb,
	"remedies_notice" text NOT NULL,
	"filing_working_days" integer NOT NULL,
	"filed_on" date,
	"filed_recorded_by" text,
	"filing_note" text,
	"recorded_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "on_the_spot_penalties_pkey" PRIMARY KEY("agency_id","id"),
	CONSTRAINT "on_the_spot_penalties_number_key" UNIQUE("agency_id","decision_number"),
	CONSTRAINT "on_the_spot_penalties_filed" CHECK ("on_the_spot_penalties"."filed_on" is null or "on_the_spot_penalties"."filed_on" >= "on_the_spot_penalties"."decided_on"),
	CONSTRAINT "on_the_spot_penalties_filing_days" CHECK ("on_the_spot_penalties"."filing_working_days" > 0)
);
--> statement-breakpoint
CREATE TABLE "on_the_spot_reviews" (
	"agency_id" uuid NOT NULL,
	"penalty_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"reviewed_on" date NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"problems" jsonb NOT NULL,
	"problem_count" integer NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "on_the_spot_reviews_pkey" PRIMARY KEY("agency_id","penalty_id","id"),
	CONSTRAINT "on_the_spot_reviews_problem_count" CHECK ("on_the_spot_reviews"."problem_count" >= 0)
);
--> statement-breakpoint
ALTER TABLE "on_the_spot_penalties" ADD CONSTRAINT "on_the_spot_penalties_agency_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "on_the_spot_reviews" ADD CONSTRAINT "on_the_spot_reviews_penalty_fk" FOREIGN KEY ("agency_id","penalty_id") REFERENCES "public"."on_the_spot_penalties"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "on_the_spot_reviews" ADD CONSTRAINT "on_the_spot_reviews_reviewer_fk" FOREIGN KEY ("agency_id","reviewer_id") REFERENCES "public"."officers"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "on_the_spot_penalties_decided_idx" ON "on_the_spot_penalties" USING btree ("agency_id","decided_on");--> statement-breakpoint
CREATE INDEX "on_the_spot_penalties_credit_code_idx" ON "on_the_spot_penalties" USING btree ("agency_id","party_credit_code");--> statement-breakpoint
CREATE INDEX "on_the_spot_penalties_party_name_idx" ON "on_the_spot_penalties" USING gin ("party_name" gin_trgm_ops);