-- 0006: consolidation of reports: question threads between desks and reporters, and incidents (事案) that link reports.

CREATE TABLE "incidents" (
    "id" TEXT NOT NULL CONSTRAINT "pk_incidents" PRIMARY KEY,
    "title" TEXT NOT NULL,
    "summary" TEXT NULL,
    "state" TEXT NOT NULL,
    "owner_organisation_id" TEXT NOT NULL,
    "created_by_user_id" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_incidents_owner_organisation_id" FOREIGN KEY ("owner_organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "incident_reports" (
    "incident_id" TEXT NOT NULL,
    "report_id" TEXT NOT NULL,
    "linked_at" TEXT NOT NULL,
    "linked_by_user_id" TEXT NOT NULL,
    CONSTRAINT "pk_incident_reports" PRIMARY KEY ("incident_id", "report_id"),
    CONSTRAINT "fk_incident_reports_incident_id" FOREIGN KEY ("incident_id") REFERENCES "incidents" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_incident_reports_report_id" FOREIGN KEY ("report_id") REFERENCES "reports" ("id") ON DELETE RESTRICT
);

CREATE TABLE "report_messages" (
    "id" TEXT NOT NULL CONSTRAINT "pk_report_messages" PRIMARY KEY,
    "report_id" TEXT NOT NULL,
    "author_organisation_id" TEXT NOT NULL,
    "author_user_id" TEXT NOT NULL,
    "on_behalf_of_reporter" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_report_messages_author_organisation_id" FOREIGN KEY ("author_organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_report_messages_report_id" FOREIGN KEY ("report_id") REFERENCES "reports" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_incident_reports_report_id" ON "incident_reports" ("report_id");

CREATE INDEX "ix_incidents_created_at" ON "incidents" ("created_at");

CREATE INDEX "ix_incidents_owner_organisation_id" ON "incidents" ("owner_organisation_id");

CREATE INDEX "ix_report_messages_author_organisation_id" ON "report_messages" ("author_organisation_id");

CREATE INDEX "ix_report_messages_report_id_created_at" ON "report_messages" ("report_id", "created_at");
