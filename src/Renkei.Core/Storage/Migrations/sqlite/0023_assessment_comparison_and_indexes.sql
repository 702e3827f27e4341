-- 0023: year-on-year comparison of assessment campaigns (定点調査, issue 16): a campaign may name
-- the campaign it is compared with (assessment_campaigns.previous_campaign_id; null means the
-- owner's latest earlier closed campaign of the same framework code). Existing campaigns keep
-- null, so they compare with that one. No data changes.

ALTER TABLE "assessment_campaigns" ADD COLUMN "previous_campaign_id" TEXT NULL
    CONSTRAINT "fk_assessment_campaigns_previous_campaign_id" REFERENCES "assessment_campaigns" ("id") ON DELETE RESTRICT;
CREATE INDEX "ix_assessment_campaigns_previous_campaign_id" ON "assessment_campaigns" ("previous_campaign_id");

-- The aggregate's cell counts, kept at each submission (per campaign × sector × item × answer key;
-- key '' holds the item's respondents and numbers; sector '' organisations without one), so an
-- aggregate reads a few thousand rows instead of every answer. Carried over: every response
-- submitted before this version is counted here once, as the submission does from now on.
CREATE TABLE "assessment_cell_counts" (
    "campaign_id" TEXT NOT NULL,
    "sector_code" TEXT NOT NULL,
    "item_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "number_sum" REAL NOT NULL,
    "numbers" INTEGER NOT NULL,
    CONSTRAINT "pk_assessment_cell_counts" PRIMARY KEY ("campaign_id", "sector_code", "item_id", "key"),
    CONSTRAINT "fk_assessment_cell_counts_campaign_id" FOREIGN KEY ("campaign_id") REFERENCES "assessment_campaigns" ("id") ON DELETE CASCADE
);

INSERT INTO "assessment_cell_counts" ("campaign_id", "sector_code", "item_id", "key", "count", "number_sum", "numbers")
SELECT a."campaign_id", COALESCE(r."sector_code", ''), a."item_id", '', COUNT(*), COALESCE(SUM(a."number_value"), 0), COUNT(a."number_value")
FROM "assessment_answers" a JOIN "assessment_responses" r ON r."id" = a."response_id"
WHERE r."state" <> 'draft'
GROUP BY a."campaign_id", COALESCE(r."sector_code", ''), a."item_id";

INSERT INTO "assessment_cell_counts" ("campaign_id", "sector_code", "item_id", "key", "count", "number_sum", "numbers")
SELECT k."campaign_id", COALESCE(r."sector_code", ''), k."item_id", k."key", COUNT(*), 0, 0
FROM "assessment_answer_keys" k JOIN "assessment_responses" r ON r."id" = k."response_id"
WHERE r."state" <> 'draft'
GROUP BY k."campaign_id", COALESCE(r."sector_code", ''), k."item_id", k."key";

-- A submission reads its response's keys to count them.
CREATE INDEX "ix_assessment_answer_keys_response_id" ON "assessment_answer_keys" ("response_id");
