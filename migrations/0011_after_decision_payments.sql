CREATE TABLE "case_payments" (
	"agency_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"paid_on" date NOT NULL,
	"amount_fen" bigint NOT NULL,
	"bank_reference" text NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_payments_pkey" PRIMARY KEY("agency_id","case_id","id"),
	CONSTRAINT "case_payments_amount" CHECK ("case_payments"."amount_fen" > 0)
);
--> statement-breakpoint
ALTER TABLE "case_payments" ADD CONSTRAINT "case_payments_case_fk" FOREIGN KEY ("agency_id","case_id") REFERENCES "public"."cases"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_payments_reference_idx" ON "case_payments" USING btree ("agency_id","bank_reference");