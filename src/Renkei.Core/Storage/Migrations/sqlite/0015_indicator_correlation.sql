-- 0015: indicator correlation ("seen before"): where each typed indicator appears (reports, advisories, imported sets), and which backfill rules version has been applied.

CREATE TABLE "indicator_occurrences" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_indicator_occurrences" PRIMARY KEY,
    "indicator_type" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "source_kind" TEXT NOT NULL,
    "source_id" TEXT NOT NULL,
    "stix_id" TEXT NULL,
    "first_seen_at" TEXT NOT NULL
);

CREATE TABLE "indicator_backfills" (
    "version" INTEGER NOT NULL CONSTRAINT "pk_indicator_backfills" PRIMARY KEY,
    "completed_at" TEXT NOT NULL
);

CREATE INDEX "ix_indicator_occurrences_indicator_type_value" ON "indicator_occurrences" ("indicator_type", "value");

CREATE INDEX "ix_indicator_occurrences_source_id" ON "indicator_occurrences" ("source_id");
