-- 0020: the assessment engine (issue 16): versioned frameworks of requirement items, campaigns to
-- an audience, each organisation's response with its answers, the answers' categorical keys the
-- sector aggregate counts, and every earlier value of an answer. No existing data to carry over.

CREATE TABLE assessment_frameworks (
    id uuid NOT NULL,
    code character varying(64) NOT NULL,
    version integer NOT NULL,
    title_ja character varying(300) NOT NULL,
    title_en character varying(300) NOT NULL,
    kind character varying(20) NOT NULL,
    seed character varying(300) NULL,
    created_at timestamp with time zone NOT NULL,
    created_by_user_id uuid NULL,
    CONSTRAINT pk_assessment_frameworks PRIMARY KEY (id),
    CONSTRAINT fk_assessment_frameworks_created_by_user_id FOREIGN KEY (created_by_user_id) REFERENCES users (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_assessment_frameworks_code_version ON assessment_frameworks (code, version);
CREATE INDEX ix_assessment_frameworks_created_by_user_id ON assessment_frameworks (created_by_user_id);

CREATE TABLE assessment_items (
    id uuid NOT NULL,
    framework_id uuid NOT NULL,
    code character varying(64) NOT NULL,
    parent_code character varying(64) NULL,
    position integer NOT NULL,
    text_ja character varying(2000) NOT NULL,
    text_en character varying(2000) NOT NULL,
    guidance_ja character varying(4000) NULL,
    guidance_en character varying(4000) NULL,
    answer_type character varying(20) NOT NULL,
    choices text NOT NULL,
    scores text NOT NULL,
    required boolean NOT NULL,
    seed character varying(300) NULL,
    CONSTRAINT pk_assessment_items PRIMARY KEY (id),
    CONSTRAINT fk_assessment_items_framework_id FOREIGN KEY (framework_id) REFERENCES assessment_frameworks (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ix_assessment_items_framework_id_code ON assessment_items (framework_id, code);

CREATE TABLE assessment_campaigns (
    id uuid NOT NULL,
    framework_id uuid NOT NULL,
    owner_organisation_id uuid NOT NULL,
    audience_id uuid NOT NULL,
    title_ja character varying(300) NOT NULL,
    title_en character varying(300) NOT NULL,
    opens_at timestamp with time zone NOT NULL,
    closes_at timestamp with time zone NOT NULL,
    state character varying(20) NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    created_by_user_id uuid NOT NULL,
    CONSTRAINT pk_assessment_campaigns PRIMARY KEY (id),
    CONSTRAINT fk_assessment_campaigns_framework_id FOREIGN KEY (framework_id) REFERENCES assessment_frameworks (id) ON DELETE RESTRICT,
    CONSTRAINT fk_assessment_campaigns_owner_organisation_id FOREIGN KEY (owner_organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_assessment_campaigns_audience_id FOREIGN KEY (audience_id) REFERENCES audiences (id) ON DELETE RESTRICT,
    CONSTRAINT fk_assessment_campaigns_created_by_user_id FOREIGN KEY (created_by_user_id) REFERENCES users (id) ON DELETE RESTRICT
);
CREATE INDEX ix_assessment_campaigns_framework_id ON assessment_campaigns (framework_id);
CREATE INDEX ix_assessment_campaigns_owner_organisation_id ON assessment_campaigns (owner_organisation_id);
CREATE INDEX ix_assessment_campaigns_audience_id ON assessment_campaigns (audience_id);
CREATE INDEX ix_assessment_campaigns_created_by_user_id ON assessment_campaigns (created_by_user_id);

CREATE TABLE assessment_responses (
    id uuid NOT NULL,
    campaign_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    sector_code character varying(64) NULL,
    state character varying(20) NOT NULL,
    shared_with_owner boolean NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    submitted_at timestamp with time zone NULL,
    reviewed_at timestamp with time zone NULL,
    reviewed_by_user_id uuid NULL,
    CONSTRAINT pk_assessment_responses PRIMARY KEY (id),
    CONSTRAINT fk_assessment_responses_campaign_id FOREIGN KEY (campaign_id) REFERENCES assessment_campaigns (id) ON DELETE CASCADE,
    CONSTRAINT fk_assessment_responses_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE CASCADE,
    CONSTRAINT fk_assessment_responses_reviewed_by_user_id FOREIGN KEY (reviewed_by_user_id) REFERENCES users (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_assessment_responses_campaign_id_organisation_id ON assessment_responses (campaign_id, organisation_id);
CREATE INDEX ix_assessment_responses_campaign_id_state_sector_code ON assessment_responses (campaign_id, state, sector_code);
CREATE INDEX ix_assessment_responses_organisation_id ON assessment_responses (organisation_id);
CREATE INDEX ix_assessment_responses_reviewed_by_user_id ON assessment_responses (reviewed_by_user_id);

CREATE TABLE assessment_answers (
    id uuid NOT NULL,
    response_id uuid NOT NULL,
    campaign_id uuid NOT NULL,
    item_id uuid NOT NULL,
    value character varying(8000) NOT NULL,
    number_value double precision NULL,
    version integer NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    updated_by_user_id uuid NOT NULL,
    CONSTRAINT pk_assessment_answers PRIMARY KEY (id),
    CONSTRAINT fk_assessment_answers_response_id FOREIGN KEY (response_id) REFERENCES assessment_responses (id) ON DELETE CASCADE,
    CONSTRAINT fk_assessment_answers_item_id FOREIGN KEY (item_id) REFERENCES assessment_items (id) ON DELETE RESTRICT,
    CONSTRAINT fk_assessment_answers_updated_by_user_id FOREIGN KEY (updated_by_user_id) REFERENCES users (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_assessment_answers_response_id_item_id ON assessment_answers (response_id, item_id);
CREATE INDEX ix_assessment_answers_campaign_id_item_id ON assessment_answers (campaign_id, item_id);
CREATE INDEX ix_assessment_answers_item_id ON assessment_answers (item_id);
CREATE INDEX ix_assessment_answers_updated_by_user_id ON assessment_answers (updated_by_user_id);

CREATE TABLE assessment_answer_keys (
    answer_id uuid NOT NULL,
    key character varying(64) NOT NULL,
    response_id uuid NOT NULL,
    campaign_id uuid NOT NULL,
    item_id uuid NOT NULL,
    CONSTRAINT pk_assessment_answer_keys PRIMARY KEY (answer_id, key),
    CONSTRAINT fk_assessment_answer_keys_answer_id FOREIGN KEY (answer_id) REFERENCES assessment_answers (id) ON DELETE CASCADE
);
CREATE INDEX ix_assessment_answer_keys_campaign_id_item_id_key_response_id ON assessment_answer_keys (campaign_id, item_id, key, response_id);

CREATE TABLE assessment_answer_changes (
    id uuid NOT NULL,
    answer_id uuid NOT NULL,
    response_id uuid NOT NULL,
    version integer NOT NULL,
    value character varying(8000) NOT NULL,
    changed_at timestamp with time zone NOT NULL,
    changed_by_user_id uuid NOT NULL,
    CONSTRAINT pk_assessment_answer_changes PRIMARY KEY (id),
    CONSTRAINT fk_assessment_answer_changes_answer_id FOREIGN KEY (answer_id) REFERENCES assessment_answers (id) ON DELETE CASCADE,
    CONSTRAINT fk_assessment_answer_changes_changed_by_user_id FOREIGN KEY (changed_by_user_id) REFERENCES users (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_assessment_answer_changes_answer_id_version ON assessment_answer_changes (answer_id, version);
CREATE INDEX ix_assessment_answer_changes_response_id ON assessment_answer_changes (response_id);
CREATE INDEX ix_assessment_answer_changes_changed_by_user_id ON assessment_answer_changes (changed_by_user_id);
