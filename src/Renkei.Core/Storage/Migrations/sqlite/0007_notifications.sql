-- 0007: notifications: events written with the changes they announce, per-user in-app notifications, and the e-mail outbox.

CREATE TABLE "notification_events" (
    "id" TEXT NOT NULL CONSTRAINT "pk_notification_events" PRIMARY KEY,
    "topic" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "actor_organisation_id" TEXT NOT NULL,
    "actor_user_id" TEXT NULL,
    "organisations" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "dispatched_at" TEXT NULL,
    "failed_attempts" INTEGER NOT NULL,
    "last_error" TEXT NULL
);

CREATE TABLE "notifications" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_notifications" PRIMARY KEY AUTOINCREMENT,
    "user_id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "subject_type" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "title_ja" TEXT NOT NULL,
    "title_en" TEXT NOT NULL,
    "detail_ja" TEXT NULL,
    "detail_en" TEXT NULL,
    "link" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "read_at" TEXT NULL,
    CONSTRAINT "fk_notifications_event_id" FOREIGN KEY ("event_id") REFERENCES "notification_events" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_notifications_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "outbound_emails" (
    "id" TEXT NOT NULL CONSTRAINT "pk_outbound_emails" PRIMARY KEY,
    "delivery_key" TEXT NOT NULL,
    "to_address" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "next_attempt_at" TEXT NOT NULL,
    "sent_at" TEXT NULL,
    "failed_at" TEXT NULL,
    "last_error" TEXT NULL
);

CREATE INDEX "ix_notification_events_dispatched_at_created_at" ON "notification_events" ("dispatched_at", "created_at");

CREATE UNIQUE INDEX "ix_notifications_event_id_user_id" ON "notifications" ("event_id", "user_id");

CREATE INDEX "ix_notifications_user_id_read_at" ON "notifications" ("user_id", "read_at");

CREATE UNIQUE INDEX "ix_outbound_emails_delivery_key" ON "outbound_emails" ("delivery_key");

CREATE INDEX "ix_outbound_emails_sent_at_next_attempt_at" ON "outbound_emails" ("sent_at", "next_attempt_at");
