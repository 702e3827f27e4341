-- 0021: the registry of safety standards (安全基準等, seed 002 l.1117-1177): per sector and business
-- scope, documents of the four kinds (① mandatory, ② recommended, ③ industry, ④ an operator's own
-- internal rules, owner_organisation_id set), and relations between documents. The 2008 list is
-- reference data in Standards/Data/safety-standards-2008.json, loaded at start-up.

CREATE TABLE "safety_standards" (
    "id" TEXT NOT NULL CONSTRAINT "pk_safety_standards" PRIMARY KEY,
    "code" TEXT NULL,
    "sector_code" TEXT NOT NULL,
    "business_scope_code" TEXT NULL,
    "kind" TEXT NOT NULL,
    "title_ja" TEXT NOT NULL,
    "title_en" TEXT NULL,
    "issuer_name" TEXT NULL,
    "issuer_organisation_id" TEXT NULL,
    "owner_organisation_id" TEXT NULL,
    "edition" TEXT NULL,
    "issued_on" TEXT NULL,
    "revised_on" TEXT NULL,
    "url" TEXT NULL,
    "status" TEXT NOT NULL,
    "notes" TEXT NULL,
    "seed" TEXT NULL,
    "as_of" TEXT NULL,
    "version" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "updated_by_user_id" TEXT NULL,
    CONSTRAINT "fk_safety_standards_sector_code" FOREIGN KEY ("sector_code") REFERENCES "sectors" ("code") ON DELETE RESTRICT,
    CONSTRAINT "fk_safety_standards_business_scope_code" FOREIGN KEY ("business_scope_code") REFERENCES "business_scopes" ("code") ON DELETE RESTRICT,
    CONSTRAINT "fk_safety_standards_issuer_organisation_id" FOREIGN KEY ("issuer_organisation_id") REFERENCES "organisations" ("id") ON DELETE SET NULL,
    CONSTRAINT "fk_safety_standards_owner_organisation_id" FOREIGN KEY ("owner_organisation_id") REFERENCES "organisations" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_safety_standards_updated_by_user_id" FOREIGN KEY ("updated_by_user_id") REFERENCES "users" ("id") ON DELETE SET NULL
);

CREATE UNIQUE INDEX "ix_safety_standards_code" ON "safety_standards" ("code");
CREATE INDEX "ix_safety_standards_sector_code_kind" ON "safety_standards" ("sector_code", "kind");
CREATE INDEX "ix_safety_standards_business_scope_code" ON "safety_standards" ("business_scope_code");
CREATE INDEX "ix_safety_standards_issuer_organisation_id" ON "safety_standards" ("issuer_organisation_id");
CREATE INDEX "ix_safety_standards_owner_organisation_id" ON "safety_standards" ("owner_organisation_id");
CREATE INDEX "ix_safety_standards_updated_by_user_id" ON "safety_standards" ("updated_by_user_id");

CREATE TABLE "safety_standard_relations" (
    "id" TEXT NOT NULL CONSTRAINT "pk_safety_standard_relations" PRIMARY KEY,
    "from_id" TEXT NOT NULL,
    "to_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "created_by_user_id" TEXT NULL,
    CONSTRAINT "fk_safety_standard_relations_from_id" FOREIGN KEY ("from_id") REFERENCES "safety_standards" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_safety_standard_relations_to_id" FOREIGN KEY ("to_id") REFERENCES "safety_standards" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_safety_standard_relations_created_by_user_id" FOREIGN KEY ("created_by_user_id") REFERENCES "users" ("id") ON DELETE SET NULL
);

CREATE UNIQUE INDEX "ix_safety_standard_relations_from_id_to_id_kind" ON "safety_standard_relations" ("from_id", "to_id", "kind");
CREATE INDEX "ix_safety_standard_relations_to_id" ON "safety_standard_relations" ("to_id");
CREATE INDEX "ix_safety_standard_relations_created_by_user_id" ON "safety_standard_relations" ("created_by_user_id");
