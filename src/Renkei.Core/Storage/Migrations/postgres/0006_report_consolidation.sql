-- 0006: consolidation of reports: question threads between desks and reporters, and incidents (事案) that link reports.

CREATE TABLE incidents (
    id uuid NOT NULL,
    title character varying(300) NOT NULL,
    summary character varying(8000),
    state character varying(20) NOT NULL,
    owner_organisation_id uuid NOT NULL,
    created_by_user_id uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    version integer NOT NULL,
    CONSTRAINT pk_incidents PRIMARY KEY (id)
);

CREATE TABLE incident_reports (
    incident_id uuid NOT NULL,
    report_id uuid NOT NULL,
    linked_at timestamp with time zone NOT NULL,
    linked_by_user_id uuid NOT NULL,
    CONSTRAINT pk_incident_reports PRIMARY KEY (incident_id, report_id)
);

CREATE TABLE report_messages (
    id uuid NOT NULL,
    report_id uuid NOT NULL,
    author_organisation_id uuid NOT NULL,
    author_user_id uuid NOT NULL,
    on_behalf_of_reporter boolean NOT NULL,
    body character varying(8000) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_report_messages PRIMARY KEY (id),
    CONSTRAINT fk_report_messages_author_organisation_id FOREIGN KEY (author_organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_report_messages_report_id FOREIGN KEY (report_id) REFERENCES reports (id) ON DELETE CASCADE
);

CREATE INDEX ix_incident_reports_report_id ON incident_reports (report_id);

CREATE INDEX ix_incidents_created_at ON incidents (created_at);

CREATE INDEX ix_incidents_owner_organisation_id ON incidents (owner_organisation_id);

CREATE INDEX ix_report_messages_author_organisation_id ON report_messages (author_organisation_id);

CREATE INDEX ix_report_messages_report_id_created_at ON report_messages (report_id, created_at);

ALTER TABLE incident_reports ADD CONSTRAINT fk_incident_reports_incident_id FOREIGN KEY (incident_id) REFERENCES incidents (id) ON DELETE CASCADE;

ALTER TABLE incident_reports ADD CONSTRAINT fk_incident_reports_report_id FOREIGN KEY (report_id) REFERENCES reports (id) ON DELETE RESTRICT;

ALTER TABLE incidents ADD CONSTRAINT fk_incidents_owner_organisation_id FOREIGN KEY (owner_organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT;
