-- 0011: contact checks (情報疎通確認): the check with its audience and schedule, one row per round, and one target per (organisation, point of contact) with its hashed link secret and confirmation.

CREATE TABLE contact_checks (
    id uuid NOT NULL,
    owner_organisation_id uuid NOT NULL,
    created_by_user_id uuid NOT NULL,
    audience_id uuid NOT NULL,
    title character varying(200) NOT NULL,
    message character varying(4000),
    deadline_hours integer NOT NULL,
    schedule character varying(20) NOT NULL,
    repeat_days integer,
    next_round_at timestamp with time zone,
    round_count integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    cancelled_at timestamp with time zone,
    CONSTRAINT pk_contact_checks PRIMARY KEY (id),
    CONSTRAINT fk_contact_checks_audience_id FOREIGN KEY (audience_id) REFERENCES audiences (id) ON DELETE RESTRICT
);

CREATE TABLE contact_check_rounds (
    id uuid NOT NULL,
    check_id uuid NOT NULL,
    number integer NOT NULL,
    started_at timestamp with time zone NOT NULL,
    deadline_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_contact_check_rounds PRIMARY KEY (id)
);

CREATE TABLE contact_check_targets (
    id uuid NOT NULL,
    round_id uuid NOT NULL,
    check_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    contact_id uuid,
    email character varying(320),
    token_hash character varying(64),
    sent_at timestamp with time zone NOT NULL,
    confirmed_at timestamp with time zone,
    confirmed_via character varying(20),
    confirmed_by_user_id uuid,
    CONSTRAINT pk_contact_check_targets PRIMARY KEY (id),
    CONSTRAINT fk_contact_check_targets_round_id FOREIGN KEY (round_id) REFERENCES contact_check_rounds (id) ON DELETE CASCADE
);

ALTER TABLE contact_checks ADD CONSTRAINT fk_contact_checks_created_by_user_id FOREIGN KEY (created_by_user_id) REFERENCES users (id) ON DELETE RESTRICT;

ALTER TABLE contact_checks ADD CONSTRAINT fk_contact_checks_owner_organisation_id FOREIGN KEY (owner_organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT;

ALTER TABLE contact_check_rounds ADD CONSTRAINT fk_contact_check_rounds_check_id FOREIGN KEY (check_id) REFERENCES contact_checks (id) ON DELETE CASCADE;

ALTER TABLE contact_check_targets ADD CONSTRAINT fk_contact_check_targets_check_id FOREIGN KEY (check_id) REFERENCES contact_checks (id) ON DELETE CASCADE;

ALTER TABLE contact_check_targets ADD CONSTRAINT fk_contact_check_targets_contact_id FOREIGN KEY (contact_id) REFERENCES points_of_contact (id) ON DELETE SET NULL;

ALTER TABLE contact_check_targets ADD CONSTRAINT fk_contact_check_targets_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE CASCADE;

CREATE INDEX ix_contact_checks_audience_id ON contact_checks (audience_id);

CREATE INDEX ix_contact_checks_created_by_user_id ON contact_checks (created_by_user_id);

CREATE INDEX ix_contact_checks_next_round_at ON contact_checks (next_round_at);

CREATE INDEX ix_contact_checks_owner_organisation_id ON contact_checks (owner_organisation_id);

CREATE UNIQUE INDEX ix_contact_check_rounds_check_id_number ON contact_check_rounds (check_id, number);

CREATE INDEX ix_contact_check_targets_check_id ON contact_check_targets (check_id);

CREATE INDEX ix_contact_check_targets_contact_id ON contact_check_targets (contact_id);

CREATE INDEX ix_contact_check_targets_organisation_id_check_id ON contact_check_targets (organisation_id, check_id);

CREATE INDEX ix_contact_check_targets_round_id_organisation_id ON contact_check_targets (round_id, organisation_id);

CREATE UNIQUE INDEX ix_contact_check_targets_token_hash ON contact_check_targets (token_hash);
