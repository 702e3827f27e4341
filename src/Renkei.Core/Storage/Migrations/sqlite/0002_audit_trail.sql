-- 0002: the append-only, hash-chained audit trail.

CREATE TABLE "audit_events" (
    "seq" INTEGER NOT NULL CONSTRAINT "pk_audit_events" PRIMARY KEY,
    "occurred_at" TEXT NOT NULL,
    "actor_user_id" TEXT NULL,
    "actor" TEXT NOT NULL,
    "actor_organisation_id" TEXT NULL,
    "action" TEXT NOT NULL,
    "resource_type" TEXT NOT NULL,
    "resource_id" TEXT NULL,
    "remote_address" TEXT NULL,
    "details" TEXT NULL,
    "prev_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL
);

CREATE INDEX "ix_audit_events_actor_organisation_id" ON "audit_events" ("actor_organisation_id");

CREATE INDEX "ix_audit_events_occurred_at" ON "audit_events" ("occurred_at");

CREATE INDEX "ix_audit_events_resource_type_resource_id" ON "audit_events" ("resource_type", "resource_id");

-- Append-only: the application never updates or deletes audit events, and the database refuses
-- to. Anyone able to drop these triggers can alter rows, which `renkei audit verify` detects.
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only');
END;

CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only');
END;
