CREATE TABLE "flash_sale_buyers" (
	"sale_id" text NOT NULL,
	"buyer_id" text NOT NULL,
	"quantity" integer NOT NULL,
	"per_buyer_limit" integer NOT NULL,
	CONSTRAINT "flash_sale_buyers_sale_id_buyer_id_pk" PRIMARY KEY("sale_id","buyer_id"),
	CONSTRAINT "flash_sale_buyers_limit" CHECK ("flash_sale_buyers"."quantity" >= 0 and "flash_sale_buyers"."quantity" <= "flash_sale_buyers"."per_buyer_limit")
);
--> statement-breakpoint
CREATE TABLE "flash_sales" (
	"id" text PRIMARY KEY NOT NULL,
	"seller_id" text NOT NULL,
	"live_id" text NOT NULL,
	"room_id" text NOT NULL,
	"product_id" text NOT NULL,
	"sku_id" text NOT NULL,
	"title" text NOT NULL,
	"sku_name" text NOT NULL,
	"price_fen" integer NOT NULL,
	"quantity" integer NOT NULL,
	"remaining" integer NOT NULL,
	"per_buyer_limit" integer NOT NULL,
	"duration_seconds" integer NOT NULL,
	"status" text DEFAULT 'ready' NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "flash_sales_remaining" CHECK ("flash_sales"."remaining" >= 0 and "flash_sales"."remaining" <= "flash_sales"."quantity"),
	CONSTRAINT "flash_sales_status" CHECK ("flash_sales"."status" in ('ready', 'running', 'ended'))
);
--> statement-breakpoint
CREATE TABLE "order_history" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"by" text NOT NULL,
	"note" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_items" (
	"order_id" text NOT NULL,
	"sku_id" text NOT NULL,
	"product_id" text NOT NULL,
	"title" text NOT NULL,
	"sku_name" text NOT NULL,
	"price_fen" integer NOT NULL,
	"quantity" integer NOT NULL,
	CONSTRAINT "order_items_order_id_sku_id_pk" PRIMARY KEY("order_id","sku_id"),
	CONSTRAINT "order_items_quantity" CHECK ("order_items"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" text PRIMARY KEY NOT NULL,
	"buyer_id" text NOT NULL,
	"seller_id" text NOT NULL,
	"status" text NOT NULL,
	"subtotal_fen" integer NOT NULL,
	"discount_fen" integer DEFAULT 0 NOT NULL,
	"total_fen" integer NOT NULL,
	"address" jsonb NOT NULL,
	"flash_sale_id" text,
	"room_id" text,
	"idempotency_key" text,
	"pay_by" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"payment_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "orders_status" CHECK ("orders"."status" in ('created', 'paid', 'packed', 'shipped', 'delivered', 'completed', 'cancelled', 'refunding', 'refunded')),
	CONSTRAINT "orders_total" CHECK ("orders"."total_fen" >= 0 and "orders"."total_fen" = "orders"."subtotal_fen" - "orders"."discount_fen")
);
--> statement-breakpoint
ALTER TABLE "order_history" ADD CONSTRAINT "order_history_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_items" ADD CONSTRAINT "order_items_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "flash_sales_live" ON "flash_sales" USING btree ("live_id");--> statement-breakpoint
CREATE INDEX "order_history_order" ON "order_history" USING btree ("order_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_buyer_idempotency" ON "orders" USING btree ("buyer_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "orders_buyer" ON "orders" USING btree ("buyer_id","id");--> statement-breakpoint
CREATE INDEX "orders_seller" ON "orders" USING btree ("seller_id","id");--> statement-breakpoint
CREATE INDEX "orders_unpaid" ON "orders" USING btree ("pay_by") WHERE "orders"."status" = 'created';