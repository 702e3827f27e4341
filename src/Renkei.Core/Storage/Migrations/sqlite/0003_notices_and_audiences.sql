-- 0003: audiences (who a shareable record is for) and notices, the first TLP-labelled records.

CREATE TABLE "audiences" (
    "id" TEXT NOT NULL CONSTRAINT "pk_audiences" PRIMARY KEY
);

CREATE TABLE "audience_members" (
    "audience_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    CONSTRAINT "pk_audience_members" PRIMARY KEY ("audience_id", "kind", "key"),
    CONSTRAINT "fk_audience_members_audience_id" FOREIGN KEY ("audience_id") REFERENCES "audiences" ("id") ON DELETE CASCADE
);

CREATE TABLE "notices" (
    "id" TEXT NOT NULL CONSTRAINT "pk_notices" PRIMARY KEY,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "tlp" TEXT NOT NULL,
    "owner_organisation_id" TEXT NOT NULL,
    "created_by_user_id" TEXT NOT NULL,
    "audience_id" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_notices_audience_id" FOREIGN KEY ("audience_id") REFERENCES "audiences" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_notices_created_by_user_id" FOREIGN KEY ("created_by_user_id") REFERENCES "users" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_notices_owner_organisation_id" FOREIGN KEY ("owner_organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_audience_members_kind_key" ON "audience_members" ("kind", "key");

CREATE INDEX "ix_notices_audience_id" ON "notices" ("audience_id");

CREATE INDEX "ix_notices_created_at" ON "notices" ("created_at");

CREATE INDEX "ix_notices_created_by_user_id" ON "notices" ("created_by_user_id");

CREATE INDEX "ix_notices_owner_organisation_id" ON "notices" ("owner_organisation_id");
