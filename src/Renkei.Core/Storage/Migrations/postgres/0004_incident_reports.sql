-- 0004: incident reports (情報連絡): reports, their frozen versions and route hops; anonymity columns on the audit trail.

ALTER TABLE audit_events ADD actor_pseudonym character varying(300);

ALTER TABLE audit_events ADD disclosed_to_organisation_id uuid;

CREATE TABLE reports (
    id uuid NOT NULL,
    reporting_organisation_id uuid NOT NULL,
    reporter_user_id uuid NOT NULL,
    state character varying(40) NOT NULL,
    stage character varying(20),
    route character varying(40) NOT NULL,
    via_ceptoar_code character varying(64),
    via_agency_id uuid,
    anonymous boolean NOT NULL,
    anonymity_holder_id uuid,
    shared_with_sector boolean NOT NULL,
    tlp character varying(20) NOT NULL,
    content text NOT NULL,
    kind character varying(40) NOT NULL,
    sector_code character varying(64) NOT NULL,
    business_scope_code character varying(64),
    threat_category character varying(64) NOT NULL,
    title character varying(300) NOT NULL,
    aware_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    submitted_at timestamp with time zone,
    final_at timestamp with time zone,
    version integer NOT NULL,
    CONSTRAINT pk_reports PRIMARY KEY (id),
    CONSTRAINT fk_reports_anonymity_holder_id FOREIGN KEY (anonymity_holder_id) REFERENCES organisations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_reports_reporter_user_id FOREIGN KEY (reporter_user_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT fk_reports_reporting_organisation_id FOREIGN KEY (reporting_organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_reports_via_agency_id FOREIGN KEY (via_agency_id) REFERENCES organisations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_reports_via_ceptoar_code FOREIGN KEY (via_ceptoar_code) REFERENCES ceptoars (code) ON DELETE RESTRICT
);

CREATE TABLE report_hops (
    report_id uuid NOT NULL,
    ordinal integer NOT NULL,
    recipient_organisation_id uuid NOT NULL,
    role character varying(40) NOT NULL,
    received_at timestamp with time zone,
    acknowledged_at timestamp with time zone,
    acknowledged_by_user_id uuid,
    forwarded_at timestamp with time zone,
    forwarded_by_user_id uuid,
    annotation character varying(4000),
    CONSTRAINT pk_report_hops PRIMARY KEY (report_id, ordinal),
    CONSTRAINT fk_report_hops_recipient_organisation_id FOREIGN KEY (recipient_organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_report_hops_report_id FOREIGN KEY (report_id) REFERENCES reports (id) ON DELETE CASCADE
);

CREATE TABLE report_versions (
    report_id uuid NOT NULL,
    number integer NOT NULL,
    stage character varying(20) NOT NULL,
    content text NOT NULL,
    submitted_by_user_id uuid NOT NULL,
    submitted_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_report_versions PRIMARY KEY (report_id, number),
    CONSTRAINT fk_report_versions_report_id FOREIGN KEY (report_id) REFERENCES reports (id) ON DELETE CASCADE
);

CREATE INDEX ix_report_hops_recipient_organisation_id_received_at ON report_hops (recipient_organisation_id, received_at);

CREATE INDEX ix_reports_anonymity_holder_id ON reports (anonymity_holder_id);

CREATE INDEX ix_reports_reporter_user_id ON reports (reporter_user_id);

CREATE INDEX ix_reports_reporting_organisation_id ON reports (reporting_organisation_id);

CREATE INDEX ix_reports_sector_code_kind ON reports (sector_code, kind);

CREATE INDEX ix_reports_state ON reports (state);

CREATE INDEX ix_reports_submitted_at ON reports (submitted_at);

CREATE INDEX ix_reports_via_agency_id ON reports (via_agency_id);

CREATE INDEX ix_reports_via_ceptoar_code ON reports (via_ceptoar_code);
