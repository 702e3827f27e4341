-- 0008: files attached to reports (content kept in the database with its SHA-256).

CREATE TABLE report_attachments (
    id uuid NOT NULL,
    report_id uuid NOT NULL,
    file_name character varying(200) NOT NULL,
    content_type character varying(100) NOT NULL,
    size bigint NOT NULL,
    sha256 character varying(64) NOT NULL,
    content bytea NOT NULL,
    submission integer NOT NULL,
    uploaded_by_user_id uuid NOT NULL,
    uploaded_by_organisation_id uuid NOT NULL,
    uploaded_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_report_attachments PRIMARY KEY (id),
    CONSTRAINT fk_report_attachments_report_id FOREIGN KEY (report_id) REFERENCES reports (id) ON DELETE CASCADE,
    CONSTRAINT fk_report_attachments_uploaded_by_organisation_id FOREIGN KEY (uploaded_by_organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_report_attachments_uploaded_by_user_id FOREIGN KEY (uploaded_by_user_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE INDEX ix_report_attachments_report_id_uploaded_at ON report_attachments (report_id, uploaded_at);

CREATE INDEX ix_report_attachments_uploaded_by_organisation_id ON report_attachments (uploaded_by_organisation_id);

CREATE INDEX ix_report_attachments_uploaded_by_user_id ON report_attachments (uploaded_by_user_id);
