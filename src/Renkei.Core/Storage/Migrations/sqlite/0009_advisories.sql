-- 0009: advisories (情報提供): the advisory with its content as JSON, published revisions, and one delivery record per recipient organisation.

CREATE TABLE "advisories" (
    "id" TEXT NOT NULL CONSTRAINT "pk_advisories" PRIMARY KEY,
    "content" TEXT NOT NULL,
    "tlp" TEXT NOT NULL,
    "urgency" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "owner_organisation_id" TEXT NOT NULL,
    "created_by_user_id" TEXT NOT NULL,
    "audience_id" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "published_at" TEXT NULL,
    "version" INTEGER NOT NULL,
    "revision" INTEGER NOT NULL,
    CONSTRAINT "fk_advisories_audience_id" FOREIGN KEY ("audience_id") REFERENCES "audiences" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_advisories_created_by_user_id" FOREIGN KEY ("created_by_user_id") REFERENCES "users" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_advisories_owner_organisation_id" FOREIGN KEY ("owner_organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "advisory_deliveries" (
    "advisory_id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "delivered_at" TEXT NOT NULL,
    "first_read_at" TEXT NULL,
    "first_read_by_user_id" TEXT NULL,
    "acknowledged_at" TEXT NULL,
    "acknowledged_by_user_id" TEXT NULL,
    "response" TEXT NULL,
    "response_note" TEXT NULL,
    "responded_at" TEXT NULL,
    "responded_by_user_id" TEXT NULL,
    CONSTRAINT "pk_advisory_deliveries" PRIMARY KEY ("advisory_id", "organisation_id"),
    CONSTRAINT "fk_advisory_deliveries_advisory_id" FOREIGN KEY ("advisory_id") REFERENCES "advisories" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_advisory_deliveries_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE CASCADE
);

CREATE TABLE "advisory_revisions" (
    "advisory_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "content" TEXT NOT NULL,
    "tlp" TEXT NOT NULL,
    "urgency" TEXT NOT NULL,
    "change_note" TEXT NULL,
    "published_by_user_id" TEXT NOT NULL,
    "published_at" TEXT NOT NULL,
    CONSTRAINT "pk_advisory_revisions" PRIMARY KEY ("advisory_id", "number"),
    CONSTRAINT "fk_advisory_revisions_advisory_id" FOREIGN KEY ("advisory_id") REFERENCES "advisories" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_advisory_revisions_published_by_user_id" FOREIGN KEY ("published_by_user_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_advisories_audience_id" ON "advisories" ("audience_id");

CREATE INDEX "ix_advisories_created_by_user_id" ON "advisories" ("created_by_user_id");

CREATE INDEX "ix_advisories_owner_organisation_id" ON "advisories" ("owner_organisation_id");

CREATE INDEX "ix_advisories_state_published_at" ON "advisories" ("state", "published_at");

CREATE INDEX "ix_advisory_deliveries_organisation_id" ON "advisory_deliveries" ("organisation_id");

CREATE INDEX "ix_advisory_revisions_published_by_user_id" ON "advisory_revisions" ("published_by_user_id");
