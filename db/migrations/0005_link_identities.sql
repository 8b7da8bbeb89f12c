CREATE TABLE "activation_codes" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text DEFAULT 'user' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"used_by" uuid,
	CONSTRAINT "activation_codes_role_check" CHECK (role in ('user', 'editor', 'admin', 'servicedesk'))
);
--> statement-breakpoint
CREATE TABLE "pending_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"browser_binding" text NOT NULL,
	"scheme" text NOT NULL,
	"issuer" text NOT NULL,
	"subject" text NOT NULL,
	"legal_subject" text,
	"broker" text,
	"level" text NOT NULL,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"return_to" text NOT NULL,
	"locale" text,
	"pin_user_id" uuid,
	"pin_hash" text,
	"pin_expires_at" timestamp with time zone,
	"pin_attempts" integer DEFAULT 0 NOT NULL,
	"pins_sent" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
DROP INDEX "identities_scheme_subject_key";--> statement-breakpoint
ALTER TABLE "identities" ADD COLUMN "issuer" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "contact_email" text;--> statement-breakpoint
ALTER TABLE "activation_codes" ADD CONSTRAINT "activation_codes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activation_codes" ADD CONSTRAINT "activation_codes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activation_codes" ADD CONSTRAINT "activation_codes_used_by_users_id_fk" FOREIGN KEY ("used_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_links" ADD CONSTRAINT "pending_links_pin_user_id_users_id_fk" FOREIGN KEY ("pin_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activation_codes_organisation_idx" ON "activation_codes" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "pending_links_binding_idx" ON "pending_links" USING btree ("browser_binding");--> statement-breakpoint
CREATE UNIQUE INDEX "identities_scheme_issuer_subject_key" ON "identities" USING btree ("scheme","issuer","subject");--> statement-breakpoint
CREATE INDEX "identities_user_idx" ON "identities" USING btree ("user_id");