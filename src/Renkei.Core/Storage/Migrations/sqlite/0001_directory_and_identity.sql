-- 0001: the CI community directory (sectors, business scopes, CEPTOARs, communities, organisations, points of contact), ASP.NET Core Identity, API tokens and versioned reference data.

CREATE TABLE "communities" (
    "code" TEXT NOT NULL CONSTRAINT "pk_communities" PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "name_ja" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "description_ja" TEXT NULL,
    "description_en" TEXT NULL,
    "sort_order" INTEGER NOT NULL,
    "updated_at" TEXT NOT NULL,
    "version" INTEGER NOT NULL
);

CREATE TABLE "reference_revisions" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_reference_revisions" PRIMARY KEY AUTOINCREMENT,
    "entity_type" TEXT NOT NULL,
    "entity_key" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "data" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "changed_by_user_id" TEXT NULL,
    "reason" TEXT NULL,
    "changed_at" TEXT NOT NULL
);

CREATE TABLE "roles" (
    "id" TEXT NOT NULL CONSTRAINT "pk_roles" PRIMARY KEY,
    "name" TEXT NULL,
    "normalized_name" TEXT NULL,
    "concurrency_stamp" TEXT NULL
);

CREATE TABLE "role_claims" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_role_claims" PRIMARY KEY AUTOINCREMENT,
    "role_id" TEXT NOT NULL,
    "claim_type" TEXT NULL,
    "claim_value" TEXT NULL,
    CONSTRAINT "fk_role_claims_role_id" FOREIGN KEY ("role_id") REFERENCES "roles" ("id") ON DELETE CASCADE
);

CREATE TABLE "api_tokens" (
    "id" TEXT NOT NULL CONSTRAINT "pk_api_tokens" PRIMARY KEY,
    "user_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "secret_hash" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "expires_at" TEXT NOT NULL,
    "revoked_at" TEXT NULL,
    "last_used_at" TEXT NULL,
    CONSTRAINT "fk_api_tokens_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "business_scopes" (
    "code" TEXT NOT NULL CONSTRAINT "pk_business_scopes" PRIMARY KEY,
    "sector_code" TEXT NOT NULL,
    "name_ja" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL,
    "updated_at" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_business_scopes_sector_code" FOREIGN KEY ("sector_code") REFERENCES "sectors" ("code") ON DELETE RESTRICT
);

CREATE TABLE "ceptoar_member_figures" (
    "ceptoar_code" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,
    "unit" TEXT NOT NULL,
    CONSTRAINT "pk_ceptoar_member_figures" PRIMARY KEY ("ceptoar_code", "ordinal"),
    CONSTRAINT "fk_ceptoar_member_figures_ceptoar_code" FOREIGN KEY ("ceptoar_code") REFERENCES "ceptoars" ("code") ON DELETE CASCADE
);

CREATE TABLE "ceptoar_memberships" (
    "ceptoar_code" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "unit" TEXT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "pk_ceptoar_memberships" PRIMARY KEY ("ceptoar_code", "organisation_id"),
    CONSTRAINT "fk_ceptoar_memberships_ceptoar_code" FOREIGN KEY ("ceptoar_code") REFERENCES "ceptoars" ("code") ON DELETE RESTRICT,
    CONSTRAINT "fk_ceptoar_memberships_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE CASCADE
);

CREATE TABLE "ceptoars" (
    "code" TEXT NOT NULL CONSTRAINT "pk_ceptoars" PRIMARY KEY,
    "name_ja" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "sector_code" TEXT NOT NULL,
    "business_scope_code" TEXT NULL,
    "extra_recipients" INTEGER NULL,
    "extra_recipients_note_ja" TEXT NULL,
    "extra_recipients_note_en" TEXT NULL,
    "figures_as_of" TEXT NULL,
    "sort_order" INTEGER NOT NULL,
    "updated_at" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_ceptoars_business_scope_code" FOREIGN KEY ("business_scope_code") REFERENCES "business_scopes" ("code") ON DELETE RESTRICT,
    CONSTRAINT "fk_ceptoars_sector_code" FOREIGN KEY ("sector_code") REFERENCES "sectors" ("code") ON DELETE RESTRICT
);

CREATE TABLE "community_memberships" (
    "community_code" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "pk_community_memberships" PRIMARY KEY ("community_code", "organisation_id"),
    CONSTRAINT "fk_community_memberships_community_code" FOREIGN KEY ("community_code") REFERENCES "communities" ("code") ON DELETE RESTRICT,
    CONSTRAINT "fk_community_memberships_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE CASCADE
);

CREATE TABLE "organisations" (
    "id" TEXT NOT NULL CONSTRAINT "pk_organisations" PRIMARY KEY,
    "code" TEXT NULL,
    "name_ja" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sector_code" TEXT NULL,
    "business_scope_code" TEXT NULL,
    "website" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_organisations_business_scope_code" FOREIGN KEY ("business_scope_code") REFERENCES "business_scopes" ("code") ON DELETE RESTRICT,
    CONSTRAINT "fk_organisations_sector_code" FOREIGN KEY ("sector_code") REFERENCES "sectors" ("code") ON DELETE RESTRICT
);

CREATE TABLE "points_of_contact" (
    "id" TEXT NOT NULL CONSTRAINT "pk_points_of_contact" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "priority" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "phone" TEXT NULL,
    "hours" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_points_of_contact_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE CASCADE
);

CREATE TABLE "sectors" (
    "code" TEXT NOT NULL CONSTRAINT "pk_sectors" PRIMARY KEY,
    "name_ja" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "ministry_id" TEXT NULL,
    "sort_order" INTEGER NOT NULL,
    "updated_at" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_sectors_ministry_id" FOREIGN KEY ("ministry_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "users" (
    "id" TEXT NOT NULL CONSTRAINT "pk_users" PRIMARY KEY,
    "display_name" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "preferred_language" TEXT NOT NULL,
    "must_change_password" INTEGER NOT NULL,
    "deactivated_at" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "user_name" TEXT NULL,
    "normalized_user_name" TEXT NULL,
    "email" TEXT NULL,
    "normalized_email" TEXT NULL,
    "email_confirmed" INTEGER NOT NULL,
    "password_hash" TEXT NULL,
    "security_stamp" TEXT NULL,
    "concurrency_stamp" TEXT NULL,
    "phone_number" TEXT NULL,
    "phone_number_confirmed" INTEGER NOT NULL,
    "two_factor_enabled" INTEGER NOT NULL,
    "lockout_end" TEXT NULL,
    "lockout_enabled" INTEGER NOT NULL,
    "access_failed_count" INTEGER NOT NULL,
    CONSTRAINT "fk_users_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "user_claims" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_user_claims" PRIMARY KEY AUTOINCREMENT,
    "user_id" TEXT NOT NULL,
    "claim_type" TEXT NULL,
    "claim_value" TEXT NULL,
    CONSTRAINT "fk_user_claims_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "user_logins" (
    "login_provider" TEXT NOT NULL,
    "provider_key" TEXT NOT NULL,
    "provider_display_name" TEXT NULL,
    "user_id" TEXT NOT NULL,
    CONSTRAINT "pk_user_logins" PRIMARY KEY ("login_provider", "provider_key"),
    CONSTRAINT "fk_user_logins_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "user_roles" (
    "user_id" TEXT NOT NULL,
    "role_id" TEXT NOT NULL,
    CONSTRAINT "pk_user_roles" PRIMARY KEY ("user_id", "role_id"),
    CONSTRAINT "fk_user_roles_role_id" FOREIGN KEY ("role_id") REFERENCES "roles" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_user_roles_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "user_tokens" (
    "user_id" TEXT NOT NULL,
    "login_provider" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "value" TEXT NULL,
    CONSTRAINT "pk_user_tokens" PRIMARY KEY ("user_id", "login_provider", "name"),
    CONSTRAINT "fk_user_tokens_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "ix_api_tokens_secret_hash" ON "api_tokens" ("secret_hash");

CREATE INDEX "ix_api_tokens_user_id" ON "api_tokens" ("user_id");

CREATE INDEX "ix_business_scopes_sector_code" ON "business_scopes" ("sector_code");

CREATE INDEX "ix_ceptoar_memberships_organisation_id" ON "ceptoar_memberships" ("organisation_id");

CREATE INDEX "ix_ceptoars_business_scope_code" ON "ceptoars" ("business_scope_code");

CREATE INDEX "ix_ceptoars_sector_code" ON "ceptoars" ("sector_code");

CREATE INDEX "ix_community_memberships_organisation_id" ON "community_memberships" ("organisation_id");

CREATE INDEX "ix_organisations_business_scope_code" ON "organisations" ("business_scope_code");

CREATE UNIQUE INDEX "ix_organisations_code" ON "organisations" ("code");

CREATE INDEX "ix_organisations_name_ja" ON "organisations" ("name_ja");

CREATE INDEX "ix_organisations_sector_code" ON "organisations" ("sector_code");

CREATE INDEX "ix_points_of_contact_organisation_id" ON "points_of_contact" ("organisation_id");

CREATE UNIQUE INDEX "ix_reference_revisions_entity_type_entity_key_version" ON "reference_revisions" ("entity_type", "entity_key", "version");

CREATE INDEX "ix_role_claims_role_id" ON "role_claims" ("role_id");

CREATE UNIQUE INDEX "ix_roles_normalized_name" ON "roles" ("normalized_name");

CREATE INDEX "ix_sectors_ministry_id" ON "sectors" ("ministry_id");

CREATE INDEX "ix_user_claims_user_id" ON "user_claims" ("user_id");

CREATE INDEX "ix_user_logins_user_id" ON "user_logins" ("user_id");

CREATE INDEX "ix_user_roles_role_id" ON "user_roles" ("role_id");

CREATE UNIQUE INDEX "ix_users_normalized_email" ON "users" ("normalized_email");

CREATE UNIQUE INDEX "ix_users_normalized_user_name" ON "users" ("normalized_user_name");

CREATE INDEX "ix_users_organisation_id" ON "users" ("organisation_id");
