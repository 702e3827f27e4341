-- 0014: partner TAXII feeds: what Renkei pulls from whom on which schedule (credentials encrypted), each pull's outcome, and which indicator sets a feed brought.

CREATE TABLE "taxii_feeds" (
    "id" TEXT NOT NULL CONSTRAINT "pk_taxii_feeds" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "api_root_url" TEXT NOT NULL,
    "collection_id" TEXT NOT NULL,
    "auth" TEXT NOT NULL,
    "username" TEXT NULL,
    "protected_secret" TEXT NULL,
    "tlp" TEXT NOT NULL,
    "audience_id" TEXT NOT NULL,
    "interval_minutes" INTEGER NOT NULL,
    "enabled" INTEGER NOT NULL,
    "acting_user_id" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "checkpoint" TEXT NULL,
    "next_run_at" TEXT NOT NULL,
    "leased_until" TEXT NULL,
    "last_attempt_at" TEXT NULL,
    "last_success_at" TEXT NULL,
    "last_error" TEXT NULL,
    "consecutive_failures" INTEGER NOT NULL,
    "objects_received" INTEGER NOT NULL,
    "objects_added" INTEGER NOT NULL,
    CONSTRAINT "fk_taxii_feeds_acting_user_id" FOREIGN KEY ("acting_user_id") REFERENCES "users" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_taxii_feeds_audience_id" FOREIGN KEY ("audience_id") REFERENCES "audiences" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_taxii_feeds_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE CASCADE
);

CREATE TABLE "taxii_feed_runs" (
    "id" TEXT NOT NULL CONSTRAINT "pk_taxii_feed_runs" PRIMARY KEY,
    "feed_id" TEXT NOT NULL,
    "started_at" TEXT NOT NULL,
    "finished_at" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "pages" INTEGER NOT NULL,
    "requests" INTEGER NOT NULL,
    "objects_received" INTEGER NOT NULL,
    "objects_added" INTEGER NOT NULL,
    "sets_created" INTEGER NOT NULL,
    "checkpoint_before" TEXT NULL,
    "checkpoint_after" TEXT NULL,
    "error" TEXT NULL,
    CONSTRAINT "fk_taxii_feed_runs_feed_id" FOREIGN KEY ("feed_id") REFERENCES "taxii_feeds" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_indicator_sets_feed_id" ON "indicator_sets" ("feed_id");

CREATE INDEX "ix_taxii_feed_runs_feed_id_started_at" ON "taxii_feed_runs" ("feed_id", "started_at");

CREATE INDEX "ix_taxii_feeds_acting_user_id" ON "taxii_feeds" ("acting_user_id");

CREATE INDEX "ix_taxii_feeds_audience_id" ON "taxii_feeds" ("audience_id");

CREATE INDEX "ix_taxii_feeds_enabled_next_run_at" ON "taxii_feeds" ("enabled", "next_run_at");

CREATE INDEX "ix_taxii_feeds_organisation_id" ON "taxii_feeds" ("organisation_id");
