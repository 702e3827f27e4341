-- 0010: advisories travel the relay chain (distribution; per delivery who passed it on, the holder's relay decision, note or hold reason, and escalation),
-- and organisations' webhook endpoints with their durable outbox.

ALTER TABLE advisories ADD COLUMN distribution character varying(20) NOT NULL DEFAULT 'direct';
ALTER TABLE advisories ALTER COLUMN distribution DROP DEFAULT;

ALTER TABLE advisory_deliveries
    ADD COLUMN received_from_organisation_id uuid,
    ADD COLUMN relay_state character varying(20),
    ADD COLUMN relay_note character varying(4000),
    ADD COLUMN hold_reason character varying(2000),
    ADD COLUMN relay_decided_at timestamp with time zone,
    ADD COLUMN relay_decided_by_user_id uuid,
    ADD COLUMN escalated_at timestamp with time zone;

CREATE TABLE webhook_subscriptions (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    url character varying(500) NOT NULL,
    description character varying(200),
    protected_secret character varying(1000) NOT NULL,
    created_by_user_id uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    disabled_at timestamp with time zone,
    CONSTRAINT pk_webhook_subscriptions PRIMARY KEY (id),
    CONSTRAINT fk_webhook_subscriptions_created_by_user_id FOREIGN KEY (created_by_user_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT fk_webhook_subscriptions_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE CASCADE
);

CREATE TABLE outbound_webhooks (
    id uuid NOT NULL,
    delivery_key character varying(200) NOT NULL,
    subscription_id uuid NOT NULL,
    topic character varying(100) NOT NULL,
    payload text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    attempts integer NOT NULL,
    next_attempt_at timestamp with time zone NOT NULL,
    sent_at timestamp with time zone,
    failed_at timestamp with time zone,
    last_status integer,
    last_error character varying(2000),
    CONSTRAINT pk_outbound_webhooks PRIMARY KEY (id),
    CONSTRAINT fk_outbound_webhooks_subscription_id FOREIGN KEY (subscription_id) REFERENCES webhook_subscriptions (id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX ix_outbound_webhooks_delivery_key ON outbound_webhooks (delivery_key);
CREATE INDEX ix_outbound_webhooks_sent_at_next_attempt_at ON outbound_webhooks (sent_at, next_attempt_at);
CREATE INDEX ix_outbound_webhooks_subscription_id ON outbound_webhooks (subscription_id);
CREATE INDEX ix_webhook_subscriptions_created_by_user_id ON webhook_subscriptions (created_by_user_id);
CREATE INDEX ix_webhook_subscriptions_organisation_id ON webhook_subscriptions (organisation_id);
