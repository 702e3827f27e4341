-- 0012: interdependency analysis: saved scenarios (the scenario document as written) and their runs, each with the exact input it ran, the engine version and the result.

CREATE TABLE analysis_scenarios (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    created_by_user_id uuid NOT NULL,
    name character varying(200) NOT NULL,
    model character varying(20) NOT NULL,
    document text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    version integer NOT NULL,
    CONSTRAINT pk_analysis_scenarios PRIMARY KEY (id)
);

CREATE TABLE analysis_runs (
    id uuid NOT NULL,
    scenario_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    run_by_user_id uuid NOT NULL,
    ran_at timestamp with time zone NOT NULL,
    engine character varying(100) NOT NULL,
    input_sha256 character varying(64) NOT NULL,
    input text NOT NULL,
    result text NOT NULL,
    duration_ms double precision NOT NULL,
    CONSTRAINT pk_analysis_runs PRIMARY KEY (id)
);

ALTER TABLE analysis_scenarios ADD CONSTRAINT fk_analysis_scenarios_created_by_user_id FOREIGN KEY (created_by_user_id) REFERENCES users (id) ON DELETE RESTRICT;

ALTER TABLE analysis_scenarios ADD CONSTRAINT fk_analysis_scenarios_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE CASCADE;

ALTER TABLE analysis_runs ADD CONSTRAINT fk_analysis_runs_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE CASCADE;

ALTER TABLE analysis_runs ADD CONSTRAINT fk_analysis_runs_run_by_user_id FOREIGN KEY (run_by_user_id) REFERENCES users (id) ON DELETE RESTRICT;

ALTER TABLE analysis_runs ADD CONSTRAINT fk_analysis_runs_scenario_id FOREIGN KEY (scenario_id) REFERENCES analysis_scenarios (id) ON DELETE CASCADE;

CREATE INDEX ix_analysis_runs_organisation_id ON analysis_runs (organisation_id);

CREATE INDEX ix_analysis_runs_run_by_user_id ON analysis_runs (run_by_user_id);

CREATE INDEX ix_analysis_runs_scenario_id_ran_at ON analysis_runs (scenario_id, ran_at);

CREATE INDEX ix_analysis_scenarios_created_by_user_id ON analysis_scenarios (created_by_user_id);

CREATE INDEX ix_analysis_scenarios_organisation_id_updated_at ON analysis_scenarios (organisation_id, updated_at);
