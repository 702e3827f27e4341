-- 0004: incident reports (情報連絡): reports, their frozen versions and route hops; anonymity columns on the audit trail.

ALTER TABLE "audit_events" ADD COLUMN "actor_pseudonym" TEXT NULL;

ALTER TABLE "audit_events" ADD COLUMN "disclosed_to_organisation_id" TEXT NULL;

CREATE TABLE "reports" (
    "id" TEXT NOT NULL CONSTRAINT "pk_reports" PRIMARY KEY,
    "reporting_organisation_id" TEXT NOT NULL,
    "reporter_user_id" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "stage" TEXT NULL,
    "route" TEXT NOT NULL,
    "via_ceptoar_code" TEXT NULL,
    "via_agency_id" TEXT NULL,
    "anonymous" INTEGER NOT NULL,
    "anonymity_holder_id" TEXT NULL,
    "shared_with_sector" INTEGER NOT NULL,
    "tlp" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sector_code" TEXT NOT NULL,
    "business_scope_code" TEXT NULL,
    "threat_category" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "aware_at" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "submitted_at" TEXT NULL,
    "final_at" TEXT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_reports_anonymity_holder_id" FOREIGN KEY ("anonymity_holder_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_reports_reporter_user_id" FOREIGN KEY ("reporter_user_id") REFERENCES "users" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_reports_reporting_organisation_id" FOREIGN KEY ("reporting_organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_reports_via_agency_id" FOREIGN KEY ("via_agency_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_reports_via_ceptoar_code" FOREIGN KEY ("via_ceptoar_code") REFERENCES "ceptoars" ("code") ON DELETE RESTRICT
);

CREATE TABLE "report_hops" (
    "report_id" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "recipient_organisation_id" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "received_at" TEXT NULL,
    "acknowledged_at" TEXT NULL,
    "acknowledged_by_user_id" TEXT NULL,
    "forwarded_at" TEXT NULL,
    "forwarded_by_user_id" TEXT NULL,
    "annotation" TEXT NULL,
    CONSTRAINT "pk_report_hops" PRIMARY KEY ("report_id", "ordinal"),
    CONSTRAINT "fk_report_hops_recipient_organisation_id" FOREIGN KEY ("recipient_organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_report_hops_report_id" FOREIGN KEY ("report_id") REFERENCES "reports" ("id") ON DELETE CASCADE
);

CREATE TABLE "report_versions" (
    "report_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "stage" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "submitted_by_user_id" TEXT NOT NULL,
    "submitted_at" TEXT NOT NULL,
    CONSTRAINT "pk_report_versions" PRIMARY KEY ("report_id", "number"),
    CONSTRAINT "fk_report_versions_report_id" FOREIGN KEY ("report_id") REFERENCES "reports" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_report_hops_recipient_organisation_id_received_at" ON "report_hops" ("recipient_organisation_id", "received_at");

CREATE INDEX "ix_reports_anonymity_holder_id" ON "reports" ("anonymity_holder_id");

CREATE INDEX "ix_reports_reporter_user_id" ON "reports" ("reporter_user_id");

CREATE INDEX "ix_reports_reporting_organisation_id" ON "reports" ("reporting_organisation_id");

CREATE INDEX "ix_reports_sector_code_kind" ON "reports" ("sector_code", "kind");

CREATE INDEX "ix_reports_state" ON "reports" ("state");

CREATE INDEX "ix_reports_submitted_at" ON "reports" ("submitted_at");

CREATE INDEX "ix_reports_via_agency_id" ON "reports" ("via_agency_id");

CREATE INDEX "ix_reports_via_ceptoar_code" ON "reports" ("via_ceptoar_code");
