-- 0002: the append-only, hash-chained audit trail.

CREATE TABLE audit_events (
    seq bigint NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    actor_user_id uuid,
    actor character varying(254) NOT NULL,
    actor_organisation_id uuid,
    action character varying(40) NOT NULL,
    resource_type character varying(64) NOT NULL,
    resource_id character varying(200),
    remote_address character varying(64),
    details text,
    prev_hash character varying(64) NOT NULL,
    hash character varying(64) NOT NULL,
    CONSTRAINT pk_audit_events PRIMARY KEY (seq)
);

CREATE INDEX ix_audit_events_actor_organisation_id ON audit_events (actor_organisation_id);

CREATE INDEX ix_audit_events_occurred_at ON audit_events (occurred_at);

CREATE INDEX ix_audit_events_resource_type_resource_id ON audit_events (resource_type, resource_id);

-- Append-only: the application never updates or deletes audit events, and the database refuses
-- to. Anyone able to drop these triggers can alter rows, which `renkei audit verify` detects.
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only';
END
$$;

CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();

CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
