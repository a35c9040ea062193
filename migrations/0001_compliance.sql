CREATE TABLE "certificates" (
	"id" text PRIMARY KEY NOT NULL,
	"seller_id" text NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"issuer" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"file_id" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"reason" text,
	"reviewed_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"reviewed_at" timestamp with time zone,
	"expiry_notified_at" timestamp with time zone,
	CONSTRAINT "certificates_kind" CHECK ("certificates"."kind" in ('organic', 'green_food', 'geo_indication', 'sc_licence', 'compliance_cert')),
	CONSTRAINT "certificates_status" CHECK ("certificates"."status" in ('pending', 'approved', 'rejected')),
	CONSTRAINT "certificates_dates" CHECK ("certificates"."valid_until" >= "certificates"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "claim_rule_sets" (
	"version" integer PRIMARY KEY NOT NULL,
	"rules" jsonb NOT NULL,
	"note" text,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "certificates_seller" ON "certificates" USING btree ("seller_id");--> statement-breakpoint
CREATE INDEX "certificates_status" ON "certificates" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "certificates_expiry" ON "certificates" USING btree ("expires_at") WHERE "certificates"."status" = 'approved' and "certificates"."expiry_notified_at" is null;--> statement-breakpoint
CREATE INDEX "notifications_user" ON "notifications" USING btree ("user_id","id");