-- 0005: assessment of reports: severity assessments, sector verification levels (検証レベル) and reporting clocks as data; their results on reports.

ALTER TABLE reports ADD severity_suggested integer;

ALTER TABLE reports ADD severity integer;

ALTER TABLE reports ADD verification_exceeded boolean;

ALTER TABLE reports ADD verification_reason character varying(1000);

ALTER TABLE reports ADD verification_rule_code character varying(64);

ALTER TABLE reports ADD verification_rule_version integer;

ALTER TABLE reports ADD verification_evaluated_at timestamp with time zone;

ALTER TABLE reports ADD first_due_at timestamp with time zone;

ALTER TABLE reports ADD final_due_at timestamp with time zone;

CREATE TABLE deadline_rules (
    code character varying(64) NOT NULL,
    kind character varying(40),
    route character varying(40),
    stage character varying(20) NOT NULL,
    hours integer NOT NULL,
    description_ja character varying(1000) NOT NULL,
    description_en character varying(1000) NOT NULL,
    sort_order integer NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    version integer NOT NULL,
    CONSTRAINT pk_deadline_rules PRIMARY KEY (code)
);

CREATE TABLE verification_rules (
    code character varying(64) NOT NULL,
    sector_code character varying(64) NOT NULL,
    scopes character varying(400) NOT NULL,
    description_ja character varying(1000) NOT NULL,
    description_en character varying(1000) NOT NULL,
    any_outage boolean NOT NULL,
    min_users bigint,
    min_duration_minutes integer,
    min_kw bigint,
    min_households bigint,
    min_flights_cancelled integer,
    min_trains_cancelled integer,
    sort_order integer NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    version integer NOT NULL,
    CONSTRAINT pk_verification_rules PRIMARY KEY (code),
    CONSTRAINT fk_verification_rules_sector_code FOREIGN KEY (sector_code) REFERENCES sectors (code) ON DELETE RESTRICT
);

CREATE TABLE report_assessments (
    report_id uuid NOT NULL,
    number integer NOT NULL,
    continuity integer NOT NULL,
    safety integer NOT NULL,
    trust integer NOT NULL,
    overall integer NOT NULL,
    suggested integer NOT NULL,
    reason character varying(2000),
    assessed_by_user_id uuid NOT NULL,
    assessed_by_organisation_id uuid NOT NULL,
    assessed_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_report_assessments PRIMARY KEY (report_id, number),
    CONSTRAINT fk_report_assessments_report_id FOREIGN KEY (report_id) REFERENCES reports (id) ON DELETE CASCADE
);

CREATE INDEX ix_reports_verification_exceeded_submitted_at ON reports (verification_exceeded, submitted_at);

CREATE INDEX ix_verification_rules_sector_code ON verification_rules (sector_code);
