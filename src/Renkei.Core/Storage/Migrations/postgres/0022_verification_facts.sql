-- 0022: the qualitative verification facts (seed 004 l.1380-1388: government "recovery not within
-- the time that keeps residents safe", water "impede supply", medical "records preservation
-- impaired") may be stated or corrected by the desk reviewing the report (the ministry in charge,
-- NISC), not only by the reporter. reports.desk_verification_facts holds the desk's statements
-- (JSON: condition, answer, stating organisation and user, time); the reporter's answers stay in
-- the content as given. Existing data is carried over unchanged: no desk had stated a fact before
-- this version, so every existing report starts with an empty list and keeps its evaluation.

ALTER TABLE reports ADD COLUMN desk_verification_facts text NOT NULL DEFAULT '[]';
