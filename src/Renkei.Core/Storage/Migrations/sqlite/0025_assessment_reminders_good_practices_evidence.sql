-- 0025: assessments (issue 16), the engine's second part: reminders, good practices, evidence files.
-- A campaign remembers when its owner last reminded the organisations that had not submitted (at
-- most once a day). Existing campaigns were never reminded: the column starts empty.

ALTER TABLE "assessment_campaigns" ADD COLUMN "reminded_at" TEXT NULL;

-- Good practices: an answer the campaign owner proposes, in words it anonymised, listed by sector
-- to the national centre and the ministries once the answering organisation consents. New table.
CREATE TABLE "assessment_good_practices" (
    "id" TEXT NOT NULL CONSTRAINT "pk_assessment_good_practices" PRIMARY KEY,
    "campaign_id" TEXT NOT NULL,
    "response_id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "item_id" TEXT NOT NULL,
    "sector_code" TEXT NULL,
    "text" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "proposed_at" TEXT NOT NULL,
    "proposed_by_user_id" TEXT NOT NULL,
    "decided_at" TEXT NULL,
    "decided_by_user_id" TEXT NULL,
    CONSTRAINT "fk_assessment_good_practices_campaign_id" FOREIGN KEY ("campaign_id") REFERENCES "assessment_campaigns" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_assessment_good_practices_response_id" FOREIGN KEY ("response_id") REFERENCES "assessment_responses" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_assessment_good_practices_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_assessment_good_practices_item_id" FOREIGN KEY ("item_id") REFERENCES "assessment_items" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_assessment_good_practices_proposed_by_user_id" FOREIGN KEY ("proposed_by_user_id") REFERENCES "users" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_assessment_good_practices_decided_by_user_id" FOREIGN KEY ("decided_by_user_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);
CREATE UNIQUE INDEX "ix_assessment_good_practices_response_id_item_id" ON "assessment_good_practices" ("response_id", "item_id");
CREATE INDEX "ix_assessment_good_practices_campaign_id_state" ON "assessment_good_practices" ("campaign_id", "state");
CREATE INDEX "ix_assessment_good_practices_state_item_id" ON "assessment_good_practices" ("state", "item_id");
CREATE INDEX "ix_assessment_good_practices_organisation_id" ON "assessment_good_practices" ("organisation_id");
CREATE INDEX "ix_assessment_good_practices_item_id" ON "assessment_good_practices" ("item_id");
CREATE INDEX "ix_assessment_good_practices_proposed_by_user_id" ON "assessment_good_practices" ("proposed_by_user_id");
CREATE INDEX "ix_assessment_good_practices_decided_by_user_id" ON "assessment_good_practices" ("decided_by_user_id");

-- Evidence files of answers, stored in the database as report attachments are. New table.
CREATE TABLE "assessment_evidence" (
    "id" TEXT NOT NULL CONSTRAINT "pk_assessment_evidence" PRIMARY KEY,
    "campaign_id" TEXT NOT NULL,
    "response_id" TEXT NOT NULL,
    "item_id" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BLOB NOT NULL,
    "uploaded_by_user_id" TEXT NOT NULL,
    "uploaded_at" TEXT NOT NULL,
    CONSTRAINT "fk_assessment_evidence_response_id" FOREIGN KEY ("response_id") REFERENCES "assessment_responses" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_assessment_evidence_item_id" FOREIGN KEY ("item_id") REFERENCES "assessment_items" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_assessment_evidence_uploaded_by_user_id" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);
CREATE INDEX "ix_assessment_evidence_response_id_uploaded_at" ON "assessment_evidence" ("response_id", "uploaded_at");
CREATE INDEX "ix_assessment_evidence_item_id" ON "assessment_evidence" ("item_id");
CREATE INDEX "ix_assessment_evidence_uploaded_by_user_id" ON "assessment_evidence" ("uploaded_by_user_id");
