-- 0010: advisories travel the relay chain (distribution; per delivery who passed it on, the holder's relay decision, note or hold reason, and escalation),
-- and organisations' webhook endpoints with their durable outbox.

ALTER TABLE "advisories" ADD COLUMN "distribution" TEXT NOT NULL DEFAULT 'direct';

ALTER TABLE "advisory_deliveries" ADD COLUMN "received_from_organisation_id" TEXT NULL;
ALTER TABLE "advisory_deliveries" ADD COLUMN "relay_state" TEXT NULL;
ALTER TABLE "advisory_deliveries" ADD COLUMN "relay_note" TEXT NULL;
ALTER TABLE "advisory_deliveries" ADD COLUMN "hold_reason" TEXT NULL;
ALTER TABLE "advisory_deliveries" ADD COLUMN "relay_decided_at" TEXT NULL;
ALTER TABLE "advisory_deliveries" ADD COLUMN "relay_decided_by_user_id" TEXT NULL;
ALTER TABLE "advisory_deliveries" ADD COLUMN "escalated_at" TEXT NULL;

CREATE TABLE "webhook_subscriptions" (
    "id" TEXT NOT NULL CONSTRAINT "pk_webhook_subscriptions" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "description" TEXT NULL,
    "protected_secret" TEXT NOT NULL,
    "created_by_user_id" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "disabled_at" TEXT NULL,
    CONSTRAINT "fk_webhook_subscriptions_created_by_user_id" FOREIGN KEY ("created_by_user_id") REFERENCES "users" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_webhook_subscriptions_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE CASCADE
);

CREATE TABLE "outbound_webhooks" (
    "id" TEXT NOT NULL CONSTRAINT "pk_outbound_webhooks" PRIMARY KEY,
    "delivery_key" TEXT NOT NULL,
    "subscription_id" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "next_attempt_at" TEXT NOT NULL,
    "sent_at" TEXT NULL,
    "failed_at" TEXT NULL,
    "last_status" INTEGER NULL,
    "last_error" TEXT NULL,
    CONSTRAINT "fk_outbound_webhooks_subscription_id" FOREIGN KEY ("subscription_id") REFERENCES "webhook_subscriptions" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "ix_outbound_webhooks_delivery_key" ON "outbound_webhooks" ("delivery_key");
CREATE INDEX "ix_outbound_webhooks_sent_at_next_attempt_at" ON "outbound_webhooks" ("sent_at", "next_attempt_at");
CREATE INDEX "ix_outbound_webhooks_subscription_id" ON "outbound_webhooks" ("subscription_id");
CREATE INDEX "ix_webhook_subscriptions_created_by_user_id" ON "webhook_subscriptions" ("created_by_user_id");
CREATE INDEX "ix_webhook_subscriptions_organisation_id" ON "webhook_subscriptions" ("organisation_id");
