CREATE TABLE "payment_orders" (
	"payment_id" text NOT NULL,
	"order_id" text NOT NULL,
	"live" boolean DEFAULT true NOT NULL,
	CONSTRAINT "payment_orders_payment_id_order_id_pk" PRIMARY KEY("payment_id","order_id")
);
--> statement-breakpoint
CREATE TABLE "payment_outbox" (
	"id" text PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"type" text NOT NULL,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"claimed_until" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "payment_outbox_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "payment_webhook_events" (
	"provider" text NOT NULL,
	"event_id" text NOT NULL,
	"type" text NOT NULL,
	"payment_id" text,
	"outcome" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "payment_webhook_events_provider_event_id_pk" PRIMARY KEY("provider","event_id")
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" text PRIMARY KEY NOT NULL,
	"buyer_id" text NOT NULL,
	"provider" text NOT NULL,
	"provider_ref" text,
	"pay_url" text,
	"amount_fen" integer NOT NULL,
	"subject" text NOT NULL,
	"status" text NOT NULL,
	"refund_committed_fen" integer DEFAULT 0 NOT NULL,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"return_url" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"check_after" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"close_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "payments_status" CHECK ("payments"."status" in ('pending', 'paid', 'closed')),
	CONSTRAINT "payments_amount_positive" CHECK ("payments"."amount_fen" > 0),
	CONSTRAINT "payments_refund_within_amount" CHECK ("payments"."refund_committed_fen" >= 0 and "payments"."refund_committed_fen" <= "payments"."amount_fen")
);
--> statement-breakpoint
CREATE TABLE "refunds" (
	"id" text PRIMARY KEY NOT NULL,
	"payment_id" text NOT NULL,
	"order_id" text NOT NULL,
	"amount_fen" integer NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"provider_refund_ref" text,
	"failure" text,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"check_after" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"settled_at" timestamp with time zone,
	CONSTRAINT "refunds_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "refunds_status" CHECK ("refunds"."status" in ('pending', 'succeeded', 'failed')),
	CONSTRAINT "refunds_amount_positive" CHECK ("refunds"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "sandbox_charges" (
	"ref" text PRIMARY KEY NOT NULL,
	"merchant_payment_id" text NOT NULL,
	"amount_fen" integer NOT NULL,
	"subject" text NOT NULL,
	"status" text NOT NULL,
	"refunded_fen" integer DEFAULT 0 NOT NULL,
	"return_url" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	CONSTRAINT "sandbox_charges_merchant_payment_id_unique" UNIQUE("merchant_payment_id"),
	CONSTRAINT "sandbox_charges_status" CHECK ("sandbox_charges"."status" in ('pending', 'paid', 'closed')),
	CONSTRAINT "sandbox_charges_refund_within_amount" CHECK ("sandbox_charges"."refunded_fen" >= 0 and "sandbox_charges"."refunded_fen" <= "sandbox_charges"."amount_fen")
);
--> statement-breakpoint
CREATE TABLE "sandbox_notifications" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"body" jsonb NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"deliveries" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone,
	CONSTRAINT "sandbox_notifications_status" CHECK ("sandbox_notifications"."status" in ('queued', 'delivered', 'abandoned', 'dropped'))
);
--> statement-breakpoint
CREATE TABLE "sandbox_refunds" (
	"ref" text PRIMARY KEY NOT NULL,
	"charge_ref" text NOT NULL,
	"merchant_refund_id" text NOT NULL,
	"amount_fen" integer NOT NULL,
	"status" text NOT NULL,
	"failure" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sandbox_refunds_merchant_refund_id_unique" UNIQUE("merchant_refund_id"),
	CONSTRAINT "sandbox_refunds_status" CHECK ("sandbox_refunds"."status" in ('succeeded', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "payment_orders" ADD CONSTRAINT "payment_orders_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_refunds" ADD CONSTRAINT "sandbox_refunds_charge_ref_sandbox_charges_ref_fk" FOREIGN KEY ("charge_ref") REFERENCES "public"."sandbox_charges"("ref") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payment_orders_one_live_per_order" ON "payment_orders" USING btree ("order_id") WHERE "payment_orders"."live";--> statement-breakpoint
CREATE INDEX "payment_outbox_unpublished" ON "payment_outbox" USING btree ("claimed_until") WHERE "payment_outbox"."published_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "payments_buyer_idempotency_key" ON "payments" USING btree ("buyer_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_provider_ref" ON "payments" USING btree ("provider","provider_ref");--> statement-breakpoint
CREATE INDEX "payments_pending_check" ON "payments" USING btree ("check_after") WHERE "payments"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "payments_buyer" ON "payments" USING btree ("buyer_id","created_at");--> statement-breakpoint
CREATE INDEX "refunds_payment" ON "refunds" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "refunds_pending_check" ON "refunds" USING btree ("check_after") WHERE "refunds"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "sandbox_notifications_due" ON "sandbox_notifications" USING btree ("next_attempt_at") WHERE "sandbox_notifications"."status" = 'queued';