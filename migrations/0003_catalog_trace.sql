CREATE TABLE "coop_members" (
	"coop_id" text NOT NULL,
	"member_id" text NOT NULL,
	"status" text DEFAULT 'invited' NOT NULL,
	"invited_at" timestamp with time zone NOT NULL,
	"joined_at" timestamp with time zone,
	CONSTRAINT "coop_members_coop_id_member_id_pk" PRIMARY KEY("coop_id","member_id"),
	CONSTRAINT "coop_members_status" CHECK ("coop_members"."status" in ('invited', 'active')),
	CONSTRAINT "coop_members_not_self" CHECK ("coop_members"."coop_id" <> "coop_members"."member_id"),
	CONSTRAINT "coop_members_joined" CHECK ("coop_members"."status" <> 'active' or "coop_members"."joined_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" text PRIMARY KEY NOT NULL,
	"seller_id" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"category" text NOT NULL,
	"image_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"certificate_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"origin_province" text NOT NULL,
	"origin_city" text NOT NULL,
	"origin_county" text NOT NULL,
	"origin_township" text,
	"origin_village" text NOT NULL,
	"origin_latitude" double precision,
	"origin_longitude" double precision,
	"shelf_life_days" integer NOT NULL,
	"storage" text NOT NULL,
	"perishable" boolean NOT NULL,
	"weight_grams" integer NOT NULL,
	"min_price_fen" integer NOT NULL,
	"sales_count" integer DEFAULT 0 NOT NULL,
	"search_text" text NOT NULL,
	"removed_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "products_status" CHECK ("products"."status" in ('draft', 'on_sale', 'off_sale', 'removed')),
	CONSTRAINT "products_weight" CHECK ("products"."weight_grams" > 0)
);
--> statement-breakpoint
CREATE TABLE "skus" (
	"id" text PRIMARY KEY NOT NULL,
	"product_id" text NOT NULL,
	"name" text NOT NULL,
	"price_fen" integer NOT NULL,
	"stock" integer NOT NULL,
	"position" integer NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "skus_price" CHECK ("skus"."price_fen" > 0),
	CONSTRAINT "skus_stock" CHECK ("skus"."stock" >= 0)
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"purpose" text NOT NULL,
	"content_type" text NOT NULL,
	"bytes" integer NOT NULL,
	"width" integer,
	"height" integer,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "files_purpose" CHECK ("files"."purpose" in ('product_image', 'lot_photo', 'inspection_report', 'certificate_scan', 'cover', 'review_photo', 'evidence')),
	CONSTRAINT "files_content_type" CHECK ("files"."content_type" in ('image/jpeg', 'image/png', 'application/pdf'))
);
--> statement-breakpoint
CREATE TABLE "lot_events" (
	"id" text PRIMARY KEY NOT NULL,
	"lot_id" text NOT NULL,
	"kind" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"who" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"photo_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"report_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" text,
	CONSTRAINT "lot_events_kind" CHECK ("lot_events"."kind" in ('planting', 'picking', 'processing', 'packing', 'inspection', 'other')),
	CONSTRAINT "lot_events_reports" CHECK ("lot_events"."kind" = 'inspection' or jsonb_array_length("lot_events"."report_ids") = 0)
);
--> statement-breakpoint
CREATE TABLE "lots" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"product_id" text NOT NULL,
	"seller_id" text NOT NULL,
	"harvest_date" date NOT NULL,
	"quantity" numeric(12, 2) NOT NULL,
	"unit" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "lots_quantity" CHECK ("lots"."quantity" > 0),
	CONSTRAINT "lots_unit" CHECK ("lots"."unit" in ('kg', 'jin', 'g', 't', 'box', 'bag', 'can', 'piece', 'basket'))
);
--> statement-breakpoint
ALTER TABLE "coop_members" ADD CONSTRAINT "coop_members_coop_id_users_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coop_members" ADD CONSTRAINT "coop_members_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skus" ADD CONSTRAINT "skus_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lot_events" ADD CONSTRAINT "lot_events_lot_id_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coop_members_member" ON "coop_members" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "coop_members_one_active" ON "coop_members" USING btree ("member_id") WHERE "coop_members"."status" = 'active';--> statement-breakpoint
CREATE INDEX "products_seller" ON "products" USING btree ("seller_id","id");--> statement-breakpoint
CREATE INDEX "products_on_sale" ON "products" USING btree ("category","published_at") WHERE "products"."status" = 'on_sale';--> statement-breakpoint
CREATE INDEX "products_origin" ON "products" USING btree ("origin_province","origin_county") WHERE "products"."status" = 'on_sale';--> statement-breakpoint
CREATE INDEX "products_search" ON "products" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "skus_product" ON "skus" USING btree ("product_id","position");--> statement-breakpoint
CREATE INDEX "files_owner" ON "files" USING btree ("owner_id","id");--> statement-breakpoint
CREATE INDEX "lot_events_lot" ON "lot_events" USING btree ("lot_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "lots_code" ON "lots" USING btree ("code");--> statement-breakpoint
CREATE INDEX "lots_product" ON "lots" USING btree ("product_id","harvest_date");--> statement-breakpoint
CREATE INDEX "lots_seller" ON "lots" USING btree ("seller_id","id");