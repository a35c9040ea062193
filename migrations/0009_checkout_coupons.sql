CREATE TABLE "cart_items" (
	"buyer_id" text NOT NULL,
	"sku_id" text NOT NULL,
	"quantity" integer NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "cart_items_buyer_id_sku_id_pk" PRIMARY KEY("buyer_id","sku_id"),
	CONSTRAINT "cart_items_quantity" CHECK ("cart_items"."quantity" > 0 and "cart_items"."quantity" <= 99)
);
--> statement-breakpoint
CREATE TABLE "checkouts" (
	"id" text PRIMARY KEY NOT NULL,
	"buyer_id" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"order_ids" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coupon_claims" (
	"coupon_id" text NOT NULL,
	"buyer_id" text NOT NULL,
	"claimed_at" timestamp with time zone NOT NULL,
	"order_id" text,
	CONSTRAINT "coupon_claims_coupon_id_buyer_id_pk" PRIMARY KEY("coupon_id","buyer_id")
);
--> statement-breakpoint
CREATE TABLE "coupons" (
	"id" text PRIMARY KEY NOT NULL,
	"seller_id" text,
	"title" text NOT NULL,
	"threshold_fen" integer NOT NULL,
	"discount_fen" integer NOT NULL,
	"total" integer NOT NULL,
	"claimed" integer DEFAULT 0 NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "coupons_amounts" CHECK ("coupons"."discount_fen" > 0 and "coupons"."discount_fen" < "coupons"."threshold_fen"),
	CONSTRAINT "coupons_claimed" CHECK ("coupons"."claimed" >= 0 and "coupons"."claimed" <= "coupons"."total")
);
--> statement-breakpoint
ALTER TABLE "coupon_claims" ADD CONSTRAINT "coupon_claims_coupon_id_coupons_id_fk" FOREIGN KEY ("coupon_id") REFERENCES "public"."coupons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "checkouts_buyer_key" ON "checkouts" USING btree ("buyer_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "coupon_claims_buyer" ON "coupon_claims" USING btree ("buyer_id");--> statement-breakpoint
CREATE INDEX "coupons_seller" ON "coupons" USING btree ("seller_id","ends_at");