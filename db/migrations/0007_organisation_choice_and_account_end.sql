ALTER TABLE "sessions" ADD COLUMN "organisation_choice_pending" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "local_account_until" timestamp with time zone;