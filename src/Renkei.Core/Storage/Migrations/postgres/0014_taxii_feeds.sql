-- 0014: partner TAXII feeds: what Renkei pulls from whom on which schedule (credentials encrypted), each pull's outcome, and which indicator sets a feed brought.

CREATE TABLE taxii_feeds (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    name character varying(200) NOT NULL,
    api_root_url character varying(500) NOT NULL,
    collection_id character varying(200) NOT NULL,
    auth character varying(20) NOT NULL,
    username character varying(254),
    protected_secret character varying(4000),
    tlp character varying(20) NOT NULL,
    audience_id uuid NOT NULL,
    interval_minutes integer NOT NULL,
    enabled boolean NOT NULL,
    acting_user_id uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    version integer NOT NULL,
    checkpoint character varying(64),
    next_run_at timestamp with time zone NOT NULL,
    leased_until timestamp with time zone,
    last_attempt_at timestamp with time zone,
    last_success_at timestamp with time zone,
    last_error character varying(2000),
    consecutive_failures integer NOT NULL,
    objects_received bigint NOT NULL,
    objects_added bigint NOT NULL,
    CONSTRAINT pk_taxii_feeds PRIMARY KEY (id),
    CONSTRAINT fk_taxii_feeds_acting_user_id FOREIGN KEY (acting_user_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT fk_taxii_feeds_audience_id FOREIGN KEY (audience_id) REFERENCES audiences (id) ON DELETE RESTRICT,
    CONSTRAINT fk_taxii_feeds_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE CASCADE
);

CREATE TABLE taxii_feed_runs (
    id uuid NOT NULL,
    feed_id uuid NOT NULL,
    started_at timestamp with time zone NOT NULL,
    finished_at timestamp with time zone NOT NULL,
    outcome character varying(20) NOT NULL,
    pages integer NOT NULL,
    requests integer NOT NULL,
    objects_received integer NOT NULL,
    objects_added integer NOT NULL,
    sets_created integer NOT NULL,
    checkpoint_before character varying(64),
    checkpoint_after character varying(64),
    error character varying(2000),
    CONSTRAINT pk_taxii_feed_runs PRIMARY KEY (id),
    CONSTRAINT fk_taxii_feed_runs_feed_id FOREIGN KEY (feed_id) REFERENCES taxii_feeds (id) ON DELETE CASCADE
);

CREATE INDEX ix_indicator_sets_feed_id ON indicator_sets (feed_id);

CREATE INDEX ix_taxii_feed_runs_feed_id_started_at ON taxii_feed_runs (feed_id, started_at);

CREATE INDEX ix_taxii_feeds_acting_user_id ON taxii_feeds (acting_user_id);

CREATE INDEX ix_taxii_feeds_audience_id ON taxii_feeds (audience_id);

CREATE INDEX ix_taxii_feeds_enabled_next_run_at ON taxii_feeds (enabled, next_run_at);

CREATE INDEX ix_taxii_feeds_organisation_id ON taxii_feeds (organisation_id);
