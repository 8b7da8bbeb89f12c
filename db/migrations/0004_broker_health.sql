CREATE TABLE "broker_health" (
	"broker" text PRIMARY KEY NOT NULL,
	"metadata_failed_since" timestamp with time zone,
	"metadata_reason" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
