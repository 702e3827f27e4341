-- 0009: advisories (情報提供): the advisory with its content as JSON, published revisions, and one delivery record per recipient organisation.

CREATE TABLE advisories (
    id uuid NOT NULL,
    content text NOT NULL,
    tlp character varying(20) NOT NULL,
    urgency character varying(20) NOT NULL,
    state character varying(20) NOT NULL,
    owner_organisation_id uuid NOT NULL,
    created_by_user_id uuid NOT NULL,
    audience_id uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    published_at timestamp with time zone,
    version integer NOT NULL,
    revision integer NOT NULL,
    CONSTRAINT pk_advisories PRIMARY KEY (id),
    CONSTRAINT fk_advisories_audience_id FOREIGN KEY (audience_id) REFERENCES audiences (id) ON DELETE RESTRICT
);

CREATE TABLE advisory_deliveries (
    advisory_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    delivered_at timestamp with time zone NOT NULL,
    first_read_at timestamp with time zone,
    first_read_by_user_id uuid,
    acknowledged_at timestamp with time zone,
    acknowledged_by_user_id uuid,
    response character varying(20),
    response_note character varying(4000),
    responded_at timestamp with time zone,
    responded_by_user_id uuid,
    CONSTRAINT pk_advisory_deliveries PRIMARY KEY (advisory_id, organisation_id),
    CONSTRAINT fk_advisory_deliveries_advisory_id FOREIGN KEY (advisory_id) REFERENCES advisories (id) ON DELETE CASCADE
);

CREATE TABLE advisory_revisions (
    advisory_id uuid NOT NULL,
    number integer NOT NULL,
    content text NOT NULL,
    tlp character varying(20) NOT NULL,
    urgency character varying(20) NOT NULL,
    change_note character varying(2000),
    published_by_user_id uuid NOT NULL,
    published_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_advisory_revisions PRIMARY KEY (advisory_id, number),
    CONSTRAINT fk_advisory_revisions_advisory_id FOREIGN KEY (advisory_id) REFERENCES advisories (id) ON DELETE CASCADE
);

ALTER TABLE advisories ADD CONSTRAINT fk_advisories_created_by_user_id FOREIGN KEY (created_by_user_id) REFERENCES users (id) ON DELETE RESTRICT;

ALTER TABLE advisories ADD CONSTRAINT fk_advisories_owner_organisation_id FOREIGN KEY (owner_organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT;

ALTER TABLE advisory_deliveries ADD CONSTRAINT fk_advisory_deliveries_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE CASCADE;

ALTER TABLE advisory_revisions ADD CONSTRAINT fk_advisory_revisions_published_by_user_id FOREIGN KEY (published_by_user_id) REFERENCES users (id) ON DELETE RESTRICT;

CREATE INDEX ix_advisories_audience_id ON advisories (audience_id);

CREATE INDEX ix_advisories_created_by_user_id ON advisories (created_by_user_id);

CREATE INDEX ix_advisories_owner_organisation_id ON advisories (owner_organisation_id);

CREATE INDEX ix_advisories_state_published_at ON advisories (state, published_at);

CREATE INDEX ix_advisory_deliveries_organisation_id ON advisory_deliveries (organisation_id);

CREATE INDEX ix_advisory_revisions_published_by_user_id ON advisory_revisions (published_by_user_id);
