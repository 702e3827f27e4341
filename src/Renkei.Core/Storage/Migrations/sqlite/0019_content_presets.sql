-- 0019: each organisation's own content presets per advisory kind and report threat category
-- (事案に応じた提供内容をあらかじめ設定, seed 003 l.20-24). Renkei's defaults are reference data in
-- Presets/Data/content-presets.json and are not stored; there is no existing data to carry over.

CREATE TABLE "content_presets" (
    "id" TEXT NOT NULL CONSTRAINT "pk_content_presets" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "updated_by_user_id" TEXT NOT NULL,
    CONSTRAINT "fk_content_presets_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_content_presets_updated_by_user_id" FOREIGN KEY ("updated_by_user_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "ix_content_presets_organisation_id_target_kind_language" ON "content_presets" ("organisation_id", "target", "kind", "language");
CREATE INDEX "ix_content_presets_updated_by_user_id" ON "content_presets" ("updated_by_user_id");
