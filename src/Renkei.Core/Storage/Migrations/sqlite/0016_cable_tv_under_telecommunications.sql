-- 0016: the business scope 'cable-tv' (ケーブルテレビ) was Renkei's invention: the seeds' CEPTOAR maps
-- give the information-and-communications sector only the scopes 電気通信 and 放送 (seed 001 l.360,
-- an empty merged cell after 電気通信; seed 000 l.2449). The cable-TV CEPTOAR (code 'cable-tv', kept)
-- now sits under 電気通信 ('telecommunications'). Existing data is carried over:
-- - organisations in the old scope move to 電気通信 and become members of the cable-TV CEPTOAR (unless
--   they already belong to it), so they keep being reachable as cable-TV operators;
-- - audiences that named the old scope name the cable-TV CEPTOAR instead (not the whole of 電気通信,
--   which would widen who can read them);
-- - the CEPTOAR, reports and verification rules that named the old scope name 電気通信;
-- - the scope row itself goes (its reference revisions stay as history).

INSERT INTO ceptoar_memberships (ceptoar_code, organisation_id, role, unit, created_at)
SELECT 'cable-tv', o.id, 'member', NULL, o.created_at
FROM organisations o
WHERE o.business_scope_code = 'cable-tv'
  AND EXISTS (SELECT 1 FROM ceptoars c WHERE c.code = 'cable-tv')
  AND NOT EXISTS (SELECT 1 FROM ceptoar_memberships m WHERE m.ceptoar_code = 'cable-tv' AND m.organisation_id = o.id);

UPDATE organisations SET business_scope_code = 'telecommunications' WHERE business_scope_code = 'cable-tv';

UPDATE ceptoars SET business_scope_code = 'telecommunications' WHERE business_scope_code = 'cable-tv';

UPDATE reports SET business_scope_code = 'telecommunications' WHERE business_scope_code = 'cable-tv';

INSERT INTO audience_members (audience_id, kind, key)
SELECT a.audience_id, 'ceptoar', 'cable-tv'
FROM audience_members a
WHERE a.kind = 'business_scope' AND a.key = 'cable-tv'
  AND NOT EXISTS (SELECT 1 FROM audience_members b WHERE b.audience_id = a.audience_id AND b.kind = 'ceptoar' AND b.key = 'cable-tv');

DELETE FROM audience_members WHERE kind = 'business_scope' AND key = 'cable-tv';

-- Scopes are stored ';'-separated: drop 'cable-tv' where 電気通信 is already listed, else rename it.
UPDATE verification_rules SET scopes = trim(replace(';' || scopes || ';', ';cable-tv;', ';'), ';')
WHERE (';' || scopes || ';') LIKE '%;cable-tv;%' AND (';' || scopes || ';') LIKE '%;telecommunications;%';

UPDATE verification_rules SET scopes = trim(replace(';' || scopes || ';', ';cable-tv;', ';telecommunications;'), ';')
WHERE (';' || scopes || ';') LIKE '%;cable-tv;%';

DELETE FROM business_scopes WHERE code = 'cable-tv';
