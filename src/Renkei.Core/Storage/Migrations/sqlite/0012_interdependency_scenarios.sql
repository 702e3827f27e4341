-- 0012: interdependency analysis: saved scenarios (the scenario document as written) and their runs, each with the exact input it ran, the engine version and the result.

CREATE TABLE "analysis_scenarios" (
    "id" TEXT NOT NULL CONSTRAINT "pk_analysis_scenarios" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "created_by_user_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "document" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_analysis_scenarios_created_by_user_id" FOREIGN KEY ("created_by_user_id") REFERENCES "users" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_analysis_scenarios_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE CASCADE
);

CREATE TABLE "analysis_runs" (
    "id" TEXT NOT NULL CONSTRAINT "pk_analysis_runs" PRIMARY KEY,
    "scenario_id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "run_by_user_id" TEXT NOT NULL,
    "ran_at" TEXT NOT NULL,
    "engine" TEXT NOT NULL,
    "input_sha256" TEXT NOT NULL,
    "input" TEXT NOT NULL,
    "result" TEXT NOT NULL,
    "duration_ms" REAL NOT NULL,
    CONSTRAINT "fk_analysis_runs_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_analysis_runs_run_by_user_id" FOREIGN KEY ("run_by_user_id") REFERENCES "users" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_analysis_runs_scenario_id" FOREIGN KEY ("scenario_id") REFERENCES "analysis_scenarios" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_analysis_runs_organisation_id" ON "analysis_runs" ("organisation_id");

CREATE INDEX "ix_analysis_runs_run_by_user_id" ON "analysis_runs" ("run_by_user_id");

CREATE INDEX "ix_analysis_runs_scenario_id_ran_at" ON "analysis_runs" ("scenario_id", "ran_at");

CREATE INDEX "ix_analysis_scenarios_created_by_user_id" ON "analysis_scenarios" ("created_by_user_id");

CREATE INDEX "ix_analysis_scenarios_organisation_id_updated_at" ON "analysis_scenarios" ("organisation_id", "updated_at");
