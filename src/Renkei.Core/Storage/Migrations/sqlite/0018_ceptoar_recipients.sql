-- 0018: the 展開先 — organisations NISC's information reaches through a CEPTOAR without being its
-- members (セプター特性把握マップ, "NISCからの情報の展開先 (構成員以外)", seed 001 l.365) — are held in the
-- directory, each with whether it always receives or is chosen by content (the water CEPTOAR's
-- "内容に応じ 1,314事業体へ展開"). Until now only the published count existed
-- (ceptoars.extra_recipients), and it stays as published; there are no rows to carry over. The
-- content-chosen groups of l.366 are communities of kind 'recipient_group', seeded from
-- communities.json; audiences name a CEPTOAR's 展開先 with kind 'ceptoar_recipients'.

CREATE TABLE "ceptoar_recipients" (
    "ceptoar_code" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "selection" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "pk_ceptoar_recipients" PRIMARY KEY ("ceptoar_code", "organisation_id"),
    CONSTRAINT "fk_ceptoar_recipients_ceptoar_code" FOREIGN KEY ("ceptoar_code") REFERENCES "ceptoars" ("code") ON DELETE RESTRICT,
    CONSTRAINT "fk_ceptoar_recipients_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_ceptoar_recipients_organisation_id" ON "ceptoar_recipients" ("organisation_id");
