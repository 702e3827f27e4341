-- 0021: the registry of safety standards (安全基準等, seed 002 l.1117-1177): per sector and business
-- scope, documents of the four kinds (① mandatory, ② recommended, ③ industry, ④ an operator's own
-- internal rules, owner_organisation_id set), and relations between documents. The 2008 list is
-- reference data in Standards/Data/safety-standards-2008.json, loaded at start-up.

CREATE TABLE safety_standards (
    id uuid NOT NULL,
    code character varying(64) NULL,
    sector_code character varying(64) NOT NULL,
    business_scope_code character varying(64) NULL,
    kind character varying(20) NOT NULL,
    title_ja character varying(500) NOT NULL,
    title_en character varying(500) NULL,
    issuer_name character varying(300) NULL,
    issuer_organisation_id uuid NULL,
    owner_organisation_id uuid NULL,
    edition character varying(100) NULL,
    issued_on date NULL,
    revised_on date NULL,
    url character varying(2000) NULL,
    status character varying(20) NOT NULL,
    notes character varying(8000) NULL,
    seed character varying(200) NULL,
    as_of date NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    updated_by_user_id uuid NULL,
    CONSTRAINT pk_safety_standards PRIMARY KEY (id),
    CONSTRAINT fk_safety_standards_sector_code FOREIGN KEY (sector_code) REFERENCES sectors (code) ON DELETE RESTRICT,
    CONSTRAINT fk_safety_standards_business_scope_code FOREIGN KEY (business_scope_code) REFERENCES business_scopes (code) ON DELETE RESTRICT,
    CONSTRAINT fk_safety_standards_issuer_organisation_id FOREIGN KEY (issuer_organisation_id) REFERENCES organisations (id) ON DELETE SET NULL,
    CONSTRAINT fk_safety_standards_owner_organisation_id FOREIGN KEY (owner_organisation_id) REFERENCES organisations (id) ON DELETE CASCADE,
    CONSTRAINT fk_safety_standards_updated_by_user_id FOREIGN KEY (updated_by_user_id) REFERENCES users (id) ON DELETE SET NULL
);

CREATE UNIQUE INDEX ix_safety_standards_code ON safety_standards (code);
CREATE INDEX ix_safety_standards_sector_code_kind ON safety_standards (sector_code, kind);
CREATE INDEX ix_safety_standards_business_scope_code ON safety_standards (business_scope_code);
CREATE INDEX ix_safety_standards_issuer_organisation_id ON safety_standards (issuer_organisation_id);
CREATE INDEX ix_safety_standards_owner_organisation_id ON safety_standards (owner_organisation_id);
CREATE INDEX ix_safety_standards_updated_by_user_id ON safety_standards (updated_by_user_id);

CREATE TABLE safety_standard_relations (
    id uuid NOT NULL,
    from_id uuid NOT NULL,
    to_id uuid NOT NULL,
    kind character varying(20) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    created_by_user_id uuid NULL,
    CONSTRAINT pk_safety_standard_relations PRIMARY KEY (id),
    CONSTRAINT fk_safety_standard_relations_from_id FOREIGN KEY (from_id) REFERENCES safety_standards (id) ON DELETE CASCADE,
    CONSTRAINT fk_safety_standard_relations_to_id FOREIGN KEY (to_id) REFERENCES safety_standards (id) ON DELETE CASCADE,
    CONSTRAINT fk_safety_standard_relations_created_by_user_id FOREIGN KEY (created_by_user_id) REFERENCES users (id) ON DELETE SET NULL
);

CREATE UNIQUE INDEX ix_safety_standard_relations_from_id_to_id_kind ON safety_standard_relations (from_id, to_id, kind);
CREATE INDEX ix_safety_standard_relations_to_id ON safety_standard_relations (to_id);
CREATE INDEX ix_safety_standard_relations_created_by_user_id ON safety_standard_relations (created_by_user_id);
