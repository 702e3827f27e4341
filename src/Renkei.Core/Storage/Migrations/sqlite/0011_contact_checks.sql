-- 0011: contact checks (情報疎通確認): the check with its audience and schedule, one row per round, and one target per (organisation, point of contact) with its hashed link secret and confirmation.

CREATE TABLE "contact_checks" (
    "id" TEXT NOT NULL CONSTRAINT "pk_contact_checks" PRIMARY KEY,
    "owner_organisation_id" TEXT NOT NULL,
    "created_by_user_id" TEXT NOT NULL,
    "audience_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "message" TEXT NULL,
    "deadline_hours" INTEGER NOT NULL,
    "schedule" TEXT NOT NULL,
    "repeat_days" INTEGER NULL,
    "next_round_at" TEXT NULL,
    "round_count" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "cancelled_at" TEXT NULL,
    CONSTRAINT "fk_contact_checks_audience_id" FOREIGN KEY ("audience_id") REFERENCES "audiences" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_contact_checks_created_by_user_id" FOREIGN KEY ("created_by_user_id") REFERENCES "users" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_contact_checks_owner_organisation_id" FOREIGN KEY ("owner_organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "contact_check_rounds" (
    "id" TEXT NOT NULL CONSTRAINT "pk_contact_check_rounds" PRIMARY KEY,
    "check_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "started_at" TEXT NOT NULL,
    "deadline_at" TEXT NOT NULL,
    CONSTRAINT "fk_contact_check_rounds_check_id" FOREIGN KEY ("check_id") REFERENCES "contact_checks" ("id") ON DELETE CASCADE
);

CREATE TABLE "contact_check_targets" (
    "id" TEXT NOT NULL CONSTRAINT "pk_contact_check_targets" PRIMARY KEY,
    "round_id" TEXT NOT NULL,
    "check_id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "contact_id" TEXT NULL,
    "email" TEXT NULL,
    "token_hash" TEXT NULL,
    "sent_at" TEXT NOT NULL,
    "confirmed_at" TEXT NULL,
    "confirmed_via" TEXT NULL,
    "confirmed_by_user_id" TEXT NULL,
    CONSTRAINT "fk_contact_check_targets_round_id" FOREIGN KEY ("round_id") REFERENCES "contact_check_rounds" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_contact_check_targets_check_id" FOREIGN KEY ("check_id") REFERENCES "contact_checks" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_contact_check_targets_contact_id" FOREIGN KEY ("contact_id") REFERENCES "points_of_contact" ("id") ON DELETE SET NULL,
    CONSTRAINT "fk_contact_check_targets_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_contact_checks_audience_id" ON "contact_checks" ("audience_id");

CREATE INDEX "ix_contact_checks_created_by_user_id" ON "contact_checks" ("created_by_user_id");

CREATE INDEX "ix_contact_checks_next_round_at" ON "contact_checks" ("next_round_at");

CREATE INDEX "ix_contact_checks_owner_organisation_id" ON "contact_checks" ("owner_organisation_id");

CREATE UNIQUE INDEX "ix_contact_check_rounds_check_id_number" ON "contact_check_rounds" ("check_id", "number");

CREATE INDEX "ix_contact_check_targets_check_id" ON "contact_check_targets" ("check_id");

CREATE INDEX "ix_contact_check_targets_contact_id" ON "contact_check_targets" ("contact_id");

CREATE INDEX "ix_contact_check_targets_organisation_id_check_id" ON "contact_check_targets" ("organisation_id", "check_id");

CREATE INDEX "ix_contact_check_targets_round_id_organisation_id" ON "contact_check_targets" ("round_id", "organisation_id");

CREATE UNIQUE INDEX "ix_contact_check_targets_token_hash" ON "contact_check_targets" ("token_hash");
