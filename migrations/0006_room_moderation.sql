CREATE TABLE "room_moderators" (
	"room_id" text NOT NULL,
	"user_id" text NOT NULL,
	"appointed_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "room_moderators_room_id_user_id_pk" PRIMARY KEY("room_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "room_sanctions" (
	"room_id" text NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"until" timestamp with time zone,
	"reason" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "room_sanctions_room_id_user_id_pk" PRIMARY KEY("room_id","user_id"),
	CONSTRAINT "room_sanctions_kind" CHECK ("room_sanctions"."kind" in ('mute', 'ban'))
);
--> statement-breakpoint
CREATE INDEX "room_moderators_user" ON "room_moderators" USING btree ("user_id");