-- 0024: the guideline (指針, seed 002 l.982-1036, l.1187-1205) on the assessment engine. Items gain
-- the guideline's classification (to_consider 要検討事項 / reference 参考事項) and concrete content
-- (具体的内容; the item text is the abstract content); other frameworks leave them empty, so
-- existing items are carried over unchanged. guideline_revisions says how each version of the
-- nisc-guideline framework came about (initial, revision 改定, addendum 追補版); guideline_coverage
-- records how each sector's safety standards document takes up each item, as assessed by the
-- ministry in charge or NISC against a guideline version.

ALTER TABLE "assessment_items" ADD COLUMN "classification" TEXT NULL;
ALTER TABLE "assessment_items" ADD COLUMN "concrete_ja" TEXT NULL;
ALTER TABLE "assessment_items" ADD COLUMN "concrete_en" TEXT NULL;

CREATE TABLE "guideline_revisions" (
    "id" TEXT NOT NULL CONSTRAINT "pk_guideline_revisions" PRIMARY KEY,
    "framework_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "published_on" TEXT NOT NULL,
    "note_ja" TEXT NOT NULL,
    "note_en" TEXT NOT NULL,
    "seed" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "published_by_user_id" TEXT NULL,
    CONSTRAINT "fk_guideline_revisions_framework_id" FOREIGN KEY ("framework_id") REFERENCES "assessment_frameworks" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_guideline_revisions_published_by_user_id" FOREIGN KEY ("published_by_user_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);
CREATE UNIQUE INDEX "ix_guideline_revisions_framework_id" ON "guideline_revisions" ("framework_id");
CREATE UNIQUE INDEX "ix_guideline_revisions_version" ON "guideline_revisions" ("version");
CREATE INDEX "ix_guideline_revisions_published_by_user_id" ON "guideline_revisions" ("published_by_user_id");

CREATE TABLE "guideline_coverage" (
    "id" TEXT NOT NULL CONSTRAINT "pk_guideline_coverage" PRIMARY KEY,
    "standard_id" TEXT NOT NULL,
    "sector_code" TEXT NOT NULL,
    "item_code" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "note" TEXT NULL,
    "assessed_version" INTEGER NOT NULL,
    "assessed_at" TEXT NOT NULL,
    "assessed_by_user_id" TEXT NOT NULL,
    "assessed_by_organisation_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_guideline_coverage_standard_id" FOREIGN KEY ("standard_id") REFERENCES "safety_standards" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_guideline_coverage_sector_code" FOREIGN KEY ("sector_code") REFERENCES "sectors" ("code") ON DELETE RESTRICT,
    CONSTRAINT "fk_guideline_coverage_assessed_by_user_id" FOREIGN KEY ("assessed_by_user_id") REFERENCES "users" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_guideline_coverage_assessed_by_organisation_id" FOREIGN KEY ("assessed_by_organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);
CREATE UNIQUE INDEX "ix_guideline_coverage_standard_id_item_code" ON "guideline_coverage" ("standard_id", "item_code");
CREATE INDEX "ix_guideline_coverage_sector_code" ON "guideline_coverage" ("sector_code");
CREATE INDEX "ix_guideline_coverage_assessed_by_user_id" ON "guideline_coverage" ("assessed_by_user_id");
CREATE INDEX "ix_guideline_coverage_assessed_by_organisation_id" ON "guideline_coverage" ("assessed_by_organisation_id");
