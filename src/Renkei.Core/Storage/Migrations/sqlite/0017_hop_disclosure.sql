-- 0017: who may know the reporter is decided per hop (report_hops.reporter_disclosed), so that a
-- law-obliged report filed via a CEPTOAR or a security agency names its reporter to the ministry
-- in charge, and a referral to the police or an incident-handling agency keeps the report's
-- anonymity (Reports/Data/routes.json; seed 000 l.1811-1847). Existing data is carried over with
-- the meaning it had: on a report that is not anonymised every hop knows the reporter; on an
-- anonymised one only the hop of the relaying secretariat or agency (the anonymity holder) does.

ALTER TABLE "report_hops" ADD COLUMN "reporter_disclosed" INTEGER NOT NULL DEFAULT 0;

UPDATE "report_hops" SET "reporter_disclosed" = 1
WHERE EXISTS (
    SELECT 1 FROM "reports" r
    WHERE r."id" = "report_hops"."report_id"
      AND (r."anonymous" = 0 OR r."anonymity_holder_id" = "report_hops"."recipient_organisation_id"));
