-- 0025: assessments (issue 16), the engine's second part: reminders, good practices, evidence files.
-- A campaign remembers when its owner last reminded the organisations that had not submitted (at
-- most once a day). Existing campaigns were never reminded: the column starts empty.

ALTER TABLE assessment_campaigns ADD COLUMN reminded_at timestamp with time zone NULL;

-- Good practices: an answer the campaign owner proposes, in words it anonymised, listed by sector
-- to the national centre and the ministries once the answering organisation consents. New table.
CREATE TABLE assessment_good_practices (
    id uuid NOT NULL,
    campaign_id uuid NOT NULL,
    response_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    item_id uuid NOT NULL,
    sector_code character varying(64) NULL,
    text character varying(4000) NOT NULL,
    state character varying(20) NOT NULL,
    version integer NOT NULL,
    proposed_at timestamp with time zone NOT NULL,
    proposed_by_user_id uuid NOT NULL,
    decided_at timestamp with time zone NULL,
    decided_by_user_id uuid NULL,
    CONSTRAINT pk_assessment_good_practices PRIMARY KEY (id),
    CONSTRAINT fk_assessment_good_practices_campaign_id FOREIGN KEY (campaign_id) REFERENCES assessment_campaigns (id) ON DELETE CASCADE,
    CONSTRAINT fk_assessment_good_practices_response_id FOREIGN KEY (response_id) REFERENCES assessment_responses (id) ON DELETE CASCADE,
    CONSTRAINT fk_assessment_good_practices_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE CASCADE,
    CONSTRAINT fk_assessment_good_practices_item_id FOREIGN KEY (item_id) REFERENCES assessment_items (id) ON DELETE RESTRICT,
    CONSTRAINT fk_assessment_good_practices_proposed_by_user_id FOREIGN KEY (proposed_by_user_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT fk_assessment_good_practices_decided_by_user_id FOREIGN KEY (decided_by_user_id) REFERENCES users (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_assessment_good_practices_response_id_item_id ON assessment_good_practices (response_id, item_id);
CREATE INDEX ix_assessment_good_practices_campaign_id_state ON assessment_good_practices (campaign_id, state);
CREATE INDEX ix_assessment_good_practices_state_item_id ON assessment_good_practices (state, item_id);
CREATE INDEX ix_assessment_good_practices_organisation_id ON assessment_good_practices (organisation_id);
CREATE INDEX ix_assessment_good_practices_item_id ON assessment_good_practices (item_id);
CREATE INDEX ix_assessment_good_practices_proposed_by_user_id ON assessment_good_practices (proposed_by_user_id);
CREATE INDEX ix_assessment_good_practices_decided_by_user_id ON assessment_good_practices (decided_by_user_id);

-- Evidence files of answers, stored in the database as report attachments are. New table.
CREATE TABLE assessment_evidence (
    id uuid NOT NULL,
    campaign_id uuid NOT NULL,
    response_id uuid NOT NULL,
    item_id uuid NOT NULL,
    file_name character varying(200) NOT NULL,
    content_type character varying(100) NOT NULL,
    size bigint NOT NULL,
    sha256 character varying(64) NOT NULL,
    content bytea NOT NULL,
    uploaded_by_user_id uuid NOT NULL,
    uploaded_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_assessment_evidence PRIMARY KEY (id),
    CONSTRAINT fk_assessment_evidence_response_id FOREIGN KEY (response_id) REFERENCES assessment_responses (id) ON DELETE CASCADE,
    CONSTRAINT fk_assessment_evidence_item_id FOREIGN KEY (item_id) REFERENCES assessment_items (id) ON DELETE RESTRICT,
    CONSTRAINT fk_assessment_evidence_uploaded_by_user_id FOREIGN KEY (uploaded_by_user_id) REFERENCES users (id) ON DELETE RESTRICT
);
CREATE INDEX ix_assessment_evidence_response_id_uploaded_at ON assessment_evidence (response_id, uploaded_at);
CREATE INDEX ix_assessment_evidence_item_id ON assessment_evidence (item_id);
CREATE INDEX ix_assessment_evidence_uploaded_by_user_id ON assessment_evidence (uploaded_by_user_id);
