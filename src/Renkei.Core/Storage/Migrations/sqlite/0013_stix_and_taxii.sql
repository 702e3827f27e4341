-- 0013: machine sharing: STIX objects as served (one row per version, in arrival order, with the record they belong to), their TAXII collections, imported bundles (indicator sets) and TAXII post statuses.

CREATE TABLE "stix_objects" (
    "seq" INTEGER NOT NULL CONSTRAINT "pk_stix_objects" PRIMARY KEY,
    "source_kind" TEXT NOT NULL,
    "source_id" TEXT NOT NULL,
    "stix_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "spec_version" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "date_added" TEXT NOT NULL,
    "is_latest" INTEGER NOT NULL,
    "is_first" INTEGER NOT NULL,
    "json" TEXT NOT NULL
);

CREATE TABLE "stix_collection_entries" (
    "collection_key" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    CONSTRAINT "pk_stix_collection_entries" PRIMARY KEY ("collection_key", "seq"),
    CONSTRAINT "fk_stix_collection_entries_seq" FOREIGN KEY ("seq") REFERENCES "stix_objects" ("seq") ON DELETE CASCADE
);

CREATE TABLE "indicator_sets" (
    "id" TEXT NOT NULL CONSTRAINT "pk_indicator_sets" PRIMARY KEY,
    "title" TEXT NOT NULL,
    "tlp" TEXT NOT NULL,
    "owner_organisation_id" TEXT NOT NULL,
    "created_by_user_id" TEXT NOT NULL,
    "audience_id" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "bundle_id" TEXT NULL,
    "collection_key" TEXT NULL,
    "feed_id" TEXT NULL,
    "producer" TEXT NULL,
    "object_count" INTEGER NOT NULL,
    "indicator_count" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "imported_at" TEXT NOT NULL,
    CONSTRAINT "fk_indicator_sets_audience_id" FOREIGN KEY ("audience_id") REFERENCES "audiences" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_indicator_sets_created_by_user_id" FOREIGN KEY ("created_by_user_id") REFERENCES "users" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_indicator_sets_owner_organisation_id" FOREIGN KEY ("owner_organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "taxii_statuses" (
    "id" TEXT NOT NULL CONSTRAINT "pk_taxii_statuses" PRIMARY KEY,
    "user_id" TEXT NOT NULL,
    "collection_key" TEXT NOT NULL,
    "requested_at" TEXT NOT NULL,
    "total_count" INTEGER NOT NULL,
    "success_count" INTEGER NOT NULL,
    "failure_count" INTEGER NOT NULL,
    "details" TEXT NOT NULL,
    CONSTRAINT "fk_taxii_statuses_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_indicator_sets_audience_id" ON "indicator_sets" ("audience_id");

CREATE INDEX "ix_indicator_sets_created_by_user_id" ON "indicator_sets" ("created_by_user_id");

CREATE INDEX "ix_indicator_sets_imported_at" ON "indicator_sets" ("imported_at");

CREATE INDEX "ix_indicator_sets_owner_organisation_id" ON "indicator_sets" ("owner_organisation_id");

CREATE INDEX "ix_stix_collection_entries_seq" ON "stix_collection_entries" ("seq");

CREATE INDEX "ix_stix_objects_date_added" ON "stix_objects" ("date_added");

CREATE UNIQUE INDEX "ix_stix_objects_source_id_stix_id_version" ON "stix_objects" ("source_id", "stix_id", "version");

CREATE INDEX "ix_stix_objects_stix_id" ON "stix_objects" ("stix_id");

CREATE INDEX "ix_taxii_statuses_user_id_requested_at" ON "taxii_statuses" ("user_id", "requested_at");
