-- 0023: year-on-year comparison of assessment campaigns (定点調査, issue 16): a campaign may name
-- the campaign it is compared with (assessment_campaigns.previous_campaign_id; null means the
-- owner's latest earlier closed campaign of the same framework code). Existing campaigns keep
-- null, so they compare with that one. No data changes.

ALTER TABLE "assessment_campaigns" ADD COLUMN "previous_campaign_id" TEXT NULL
    CONSTRAINT "fk_assessment_campaigns_previous_campaign_id" REFERENCES "assessment_campaigns" ("id") ON DELETE RESTRICT;
CREATE INDEX "ix_assessment_campaigns_previous_campaign_id" ON "assessment_campaigns" ("previous_campaign_id");
