-- 0013: machine sharing: STIX objects as served (one row per version, in arrival order, with the record they belong to), their TAXII collections, imported bundles (indicator sets) and TAXII post statuses.

CREATE TABLE stix_objects (
    seq bigint NOT NULL,
    source_kind character varying(20) NOT NULL,
    source_id uuid NOT NULL,
    stix_id character varying(300) NOT NULL,
    type character varying(250) NOT NULL,
    spec_version character varying(10) NOT NULL,
    version timestamp with time zone NOT NULL,
    date_added timestamp with time zone NOT NULL,
    is_latest boolean NOT NULL,
    is_first boolean NOT NULL,
    json text NOT NULL,
    CONSTRAINT pk_stix_objects PRIMARY KEY (seq)
);

CREATE TABLE stix_collection_entries (
    collection_key character varying(120) NOT NULL,
    seq bigint NOT NULL,
    CONSTRAINT pk_stix_collection_entries PRIMARY KEY (collection_key, seq),
    CONSTRAINT fk_stix_collection_entries_seq FOREIGN KEY (seq) REFERENCES stix_objects (seq) ON DELETE CASCADE
);

CREATE TABLE indicator_sets (
    id uuid NOT NULL,
    title character varying(300) NOT NULL,
    tlp character varying(20) NOT NULL,
    owner_organisation_id uuid NOT NULL,
    created_by_user_id uuid NOT NULL,
    audience_id uuid NOT NULL,
    channel character varying(20) NOT NULL,
    bundle_id character varying(300),
    collection_key character varying(120),
    feed_id uuid,
    producer character varying(300),
    object_count integer NOT NULL,
    indicator_count integer NOT NULL,
    sha256 character varying(64) NOT NULL,
    imported_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_indicator_sets PRIMARY KEY (id),
    CONSTRAINT fk_indicator_sets_audience_id FOREIGN KEY (audience_id) REFERENCES audiences (id) ON DELETE RESTRICT
);

CREATE TABLE taxii_statuses (
    id uuid NOT NULL,
    user_id uuid NOT NULL,
    collection_key character varying(120) NOT NULL,
    requested_at timestamp with time zone NOT NULL,
    total_count integer NOT NULL,
    success_count integer NOT NULL,
    failure_count integer NOT NULL,
    details text NOT NULL,
    CONSTRAINT pk_taxii_statuses PRIMARY KEY (id),
    CONSTRAINT fk_taxii_statuses_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX ix_indicator_sets_audience_id ON indicator_sets (audience_id);

CREATE INDEX ix_indicator_sets_created_by_user_id ON indicator_sets (created_by_user_id);

CREATE INDEX ix_indicator_sets_imported_at ON indicator_sets (imported_at);

CREATE INDEX ix_indicator_sets_owner_organisation_id ON indicator_sets (owner_organisation_id);

CREATE INDEX ix_stix_collection_entries_seq ON stix_collection_entries (seq);

CREATE INDEX ix_stix_objects_date_added ON stix_objects (date_added);

CREATE UNIQUE INDEX ix_stix_objects_source_id_stix_id_version ON stix_objects (source_id, stix_id, version);

CREATE INDEX ix_stix_objects_stix_id ON stix_objects (stix_id);

CREATE INDEX ix_taxii_statuses_user_id_requested_at ON taxii_statuses (user_id, requested_at);

ALTER TABLE indicator_sets ADD CONSTRAINT fk_indicator_sets_created_by_user_id FOREIGN KEY (created_by_user_id) REFERENCES users (id) ON DELETE RESTRICT;

ALTER TABLE indicator_sets ADD CONSTRAINT fk_indicator_sets_owner_organisation_id FOREIGN KEY (owner_organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT;
