CREATE TABLE "lives" (
	"id" text PRIMARY KEY NOT NULL,
	"room_id" text NOT NULL,
	"seller_id" text NOT NULL,
	"title" text NOT NULL,
	"cover_id" text,
	"scheduled_at" timestamp with time zone NOT NULL,
	"product_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"script" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"ingest" text,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "lives_status" CHECK ("lives"."status" in ('scheduled', 'live', 'ended', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "recordings" (
	"id" text PRIMARY KEY NOT NULL,
	"live_id" text NOT NULL,
	"room_id" text NOT NULL,
	"file" text NOT NULL,
	"url" text NOT NULL,
	"bytes" bigint,
	"duration_ms" integer,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rooms" (
	"id" text PRIMARY KEY NOT NULL,
	"seller_id" text NOT NULL,
	"stream_key_hash" text,
	"stream_key_hint" text,
	"stream_key_created_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rooms_seller_id_unique" UNIQUE("seller_id")
);
--> statement-breakpoint
ALTER TABLE "lives" ADD CONSTRAINT "lives_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recordings" ADD CONSTRAINT "recordings_live_id_lives_id_fk" FOREIGN KEY ("live_id") REFERENCES "public"."lives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "lives_one_live_per_room" ON "lives" USING btree ("room_id") WHERE "lives"."status" = 'live';--> statement-breakpoint
CREATE INDEX "lives_room" ON "lives" USING btree ("room_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "lives_status" ON "lives" USING btree ("status","scheduled_at");--> statement-breakpoint
CREATE INDEX "lives_seller" ON "lives" USING btree ("seller_id","id");--> statement-breakpoint
CREATE INDEX "recordings_live" ON "recordings" USING btree ("live_id");--> statement-breakpoint
CREATE INDEX "recordings_expiry" ON "recordings" USING btree ("expires_at");