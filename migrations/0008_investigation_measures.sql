ALTER TABLE "case_measures" ADD COLUMN "approval_result" text;--> statement-breakpoint
ALTER TABLE "case_measures" ADD COLUMN "approval_opinion" text;--> statement-breakpoint
ALTER TABLE "case_measures" ADD COLUMN "extension_approved_by" uuid;--> statement-breakpoint
ALTER TABLE "case_measures" ADD COLUMN "extension_approved_on" date;--> statement-breakpoint
ALTER TABLE "case_measures" ADD COLUMN "extension_reason" text;--> statement-breakpoint
ALTER TABLE "case_measures" ADD COLUMN "end_reason" text;--> statement-breakpoint
ALTER TABLE "case_measures" ADD COLUMN "end_note" text;--> statement-breakpoint
ALTER TABLE "case_measures" ADD COLUMN "document_number" text;--> statement-breakpoint
CREATE INDEX "case_measures_agency_idx" ON "case_measures" USING btree ("agency_id","id");--> statement-breakpoint
ALTER TABLE "case_evidence" ADD CONSTRAINT "case_evidence_hash_pair" CHECK (("case_evidence"."content_hash" is null) = ("case_evidence"."hash_algorithm" is null));--> statement-breakpoint
ALTER TABLE "case_measures" ADD CONSTRAINT "case_measures_extension" CHECK ("case_measures"."extended_days" >= 0);--> statement-breakpoint
ALTER TABLE "case_measures" ADD CONSTRAINT "case_measures_ended" CHECK ("case_measures"."ended_on" is null or "case_measures"."ended_on" >= "case_measures"."started_on");