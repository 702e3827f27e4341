-- 0003: audiences (who a shareable record is for) and notices, the first TLP-labelled records.

CREATE TABLE audiences (
    id uuid NOT NULL,
    CONSTRAINT pk_audiences PRIMARY KEY (id)
);

CREATE TABLE audience_members (
    audience_id uuid NOT NULL,
    kind character varying(20) NOT NULL,
    key character varying(64) NOT NULL,
    CONSTRAINT pk_audience_members PRIMARY KEY (audience_id, kind, key),
    CONSTRAINT fk_audience_members_audience_id FOREIGN KEY (audience_id) REFERENCES audiences (id) ON DELETE CASCADE
);

CREATE TABLE notices (
    id uuid NOT NULL,
    title character varying(300) NOT NULL,
    body character varying(20000) NOT NULL,
    tlp character varying(20) NOT NULL,
    owner_organisation_id uuid NOT NULL,
    created_by_user_id uuid NOT NULL,
    audience_id uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    version integer NOT NULL,
    CONSTRAINT pk_notices PRIMARY KEY (id),
    CONSTRAINT fk_notices_audience_id FOREIGN KEY (audience_id) REFERENCES audiences (id) ON DELETE RESTRICT
);

CREATE INDEX ix_audience_members_kind_key ON audience_members (kind, key);

CREATE INDEX ix_notices_audience_id ON notices (audience_id);

CREATE INDEX ix_notices_created_at ON notices (created_at);

CREATE INDEX ix_notices_created_by_user_id ON notices (created_by_user_id);

CREATE INDEX ix_notices_owner_organisation_id ON notices (owner_organisation_id);

ALTER TABLE notices ADD CONSTRAINT fk_notices_created_by_user_id FOREIGN KEY (created_by_user_id) REFERENCES users (id) ON DELETE RESTRICT;

ALTER TABLE notices ADD CONSTRAINT fk_notices_owner_organisation_id FOREIGN KEY (owner_organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT;
