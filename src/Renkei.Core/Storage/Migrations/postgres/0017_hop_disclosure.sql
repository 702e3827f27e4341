-- 0017: who may know the reporter is decided per hop (report_hops.reporter_disclosed), so that a
-- law-obliged report filed via a CEPTOAR or a security agency names its reporter to the ministry
-- in charge, and a referral to the police or an incident-handling agency keeps the report's
-- anonymity (Reports/Data/routes.json; seed 000 l.1811-1847). Existing data is carried over with
-- the meaning it had: on a report that is not anonymised every hop knows the reporter; on an
-- anonymised one only the hop of the relaying secretariat or agency (the anonymity holder) does.

ALTER TABLE report_hops ADD COLUMN reporter_disclosed boolean NOT NULL DEFAULT false;

UPDATE report_hops h SET reporter_disclosed = true
FROM reports r
WHERE r.id = h.report_id
  AND (NOT r.anonymous OR r.anonymity_holder_id = h.recipient_organisation_id);
