-- 0005: assessment of reports: severity assessments, sector verification levels (検証レベル) and reporting clocks as data; their results on reports.

ALTER TABLE "reports" ADD COLUMN "severity_suggested" INTEGER NULL;

ALTER TABLE "reports" ADD COLUMN "severity" INTEGER NULL;

ALTER TABLE "reports" ADD COLUMN "verification_exceeded" INTEGER NULL;

ALTER TABLE "reports" ADD COLUMN "verification_reason" TEXT NULL;

ALTER TABLE "reports" ADD COLUMN "verification_rule_code" TEXT NULL;

ALTER TABLE "reports" ADD COLUMN "verification_rule_version" INTEGER NULL;

ALTER TABLE "reports" ADD COLUMN "verification_evaluated_at" TEXT NULL;

ALTER TABLE "reports" ADD COLUMN "first_due_at" TEXT NULL;

ALTER TABLE "reports" ADD COLUMN "final_due_at" TEXT NULL;

CREATE TABLE "deadline_rules" (
    "code" TEXT NOT NULL CONSTRAINT "pk_deadline_rules" PRIMARY KEY,
    "kind" TEXT NULL,
    "route" TEXT NULL,
    "stage" TEXT NOT NULL,
    "hours" INTEGER NOT NULL,
    "description_ja" TEXT NOT NULL,
    "description_en" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL,
    "updated_at" TEXT NOT NULL,
    "version" INTEGER NOT NULL
);

CREATE TABLE "verification_rules" (
    "code" TEXT NOT NULL CONSTRAINT "pk_verification_rules" PRIMARY KEY,
    "sector_code" TEXT NOT NULL,
    "scopes" TEXT NOT NULL,
    "description_ja" TEXT NOT NULL,
    "description_en" TEXT NOT NULL,
    "any_outage" INTEGER NOT NULL,
    "min_users" INTEGER NULL,
    "min_duration_minutes" INTEGER NULL,
    "min_kw" INTEGER NULL,
    "min_households" INTEGER NULL,
    "min_flights_cancelled" INTEGER NULL,
    "min_trains_cancelled" INTEGER NULL,
    "sort_order" INTEGER NOT NULL,
    "updated_at" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_verification_rules_sector_code" FOREIGN KEY ("sector_code") REFERENCES "sectors" ("code") ON DELETE RESTRICT
);

CREATE TABLE "report_assessments" (
    "report_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "continuity" INTEGER NOT NULL,
    "safety" INTEGER NOT NULL,
    "trust" INTEGER NOT NULL,
    "overall" INTEGER NOT NULL,
    "suggested" INTEGER NOT NULL,
    "reason" TEXT NULL,
    "assessed_by_user_id" TEXT NOT NULL,
    "assessed_by_organisation_id" TEXT NOT NULL,
    "assessed_at" TEXT NOT NULL,
    CONSTRAINT "pk_report_assessments" PRIMARY KEY ("report_id", "number"),
    CONSTRAINT "fk_report_assessments_report_id" FOREIGN KEY ("report_id") REFERENCES "reports" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_reports_verification_exceeded_submitted_at" ON "reports" ("verification_exceeded", "submitted_at");

CREATE INDEX "ix_verification_rules_sector_code" ON "verification_rules" ("sector_code");
