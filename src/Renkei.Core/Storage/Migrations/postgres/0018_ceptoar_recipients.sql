-- 0018: the 展開先 — organisations NISC's information reaches through a CEPTOAR without being its
-- members (セプター特性把握マップ, "NISCからの情報の展開先 (構成員以外)", seed 001 l.365) — are held in the
-- directory, each with whether it always receives or is chosen by content (the water CEPTOAR's
-- "内容に応じ 1,314事業体へ展開"). Until now only the published count existed
-- (ceptoars.extra_recipients), and it stays as published; there are no rows to carry over. The
-- content-chosen groups of l.366 are communities of kind 'recipient_group', seeded from
-- communities.json; audiences name a CEPTOAR's 展開先 with kind 'ceptoar_recipients'.

CREATE TABLE ceptoar_recipients (
    ceptoar_code character varying(64) NOT NULL,
    organisation_id uuid NOT NULL,
    selection character varying(20) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_ceptoar_recipients PRIMARY KEY (ceptoar_code, organisation_id)
);

CREATE INDEX ix_ceptoar_recipients_organisation_id ON ceptoar_recipients (organisation_id);

ALTER TABLE ceptoar_recipients ADD CONSTRAINT fk_ceptoar_recipients_ceptoar_code FOREIGN KEY (ceptoar_code) REFERENCES ceptoars (code) ON DELETE RESTRICT;

ALTER TABLE ceptoar_recipients ADD CONSTRAINT fk_ceptoar_recipients_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE CASCADE;
