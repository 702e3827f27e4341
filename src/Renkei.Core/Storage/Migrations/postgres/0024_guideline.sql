-- 0024: the guideline (指針, seed 002 l.982-1036, l.1187-1205) on the assessment engine. Items gain
-- the guideline's classification (to_consider 要検討事項 / reference 参考事項) and concrete content
-- (具体的内容; the item text is the abstract content); other frameworks leave them empty, so
-- existing items are carried over unchanged. guideline_revisions says how each version of the
-- nisc-guideline framework came about (initial, revision 改定, addendum 追補版); guideline_coverage
-- records how each sector's safety standards document takes up each item, as assessed by the
-- ministry in charge or NISC against a guideline version.

ALTER TABLE assessment_items ADD COLUMN classification character varying(20) NULL;
ALTER TABLE assessment_items ADD COLUMN concrete_ja character varying(4000) NULL;
ALTER TABLE assessment_items ADD COLUMN concrete_en character varying(4000) NULL;

CREATE TABLE guideline_revisions (
    id uuid NOT NULL,
    framework_id uuid NOT NULL,
    version integer NOT NULL,
    kind character varying(20) NOT NULL,
    published_on date NOT NULL,
    note_ja character varying(2000) NOT NULL,
    note_en character varying(2000) NOT NULL,
    seed character varying(300) NULL,
    created_at timestamp with time zone NOT NULL,
    published_by_user_id uuid NULL,
    CONSTRAINT pk_guideline_revisions PRIMARY KEY (id),
    CONSTRAINT fk_guideline_revisions_framework_id FOREIGN KEY (framework_id) REFERENCES assessment_frameworks (id) ON DELETE RESTRICT,
    CONSTRAINT fk_guideline_revisions_published_by_user_id FOREIGN KEY (published_by_user_id) REFERENCES users (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_guideline_revisions_framework_id ON guideline_revisions (framework_id);
CREATE UNIQUE INDEX ix_guideline_revisions_version ON guideline_revisions (version);
CREATE INDEX ix_guideline_revisions_published_by_user_id ON guideline_revisions (published_by_user_id);

CREATE TABLE guideline_coverage (
    id uuid NOT NULL,
    standard_id uuid NOT NULL,
    sector_code character varying(64) NOT NULL,
    item_code character varying(64) NOT NULL,
    level character varying(40) NOT NULL,
    note character varying(2000) NULL,
    assessed_version integer NOT NULL,
    assessed_at timestamp with time zone NOT NULL,
    assessed_by_user_id uuid NOT NULL,
    assessed_by_organisation_id uuid NOT NULL,
    version integer NOT NULL,
    CONSTRAINT pk_guideline_coverage PRIMARY KEY (id),
    CONSTRAINT fk_guideline_coverage_standard_id FOREIGN KEY (standard_id) REFERENCES safety_standards (id) ON DELETE CASCADE,
    CONSTRAINT fk_guideline_coverage_sector_code FOREIGN KEY (sector_code) REFERENCES sectors (code) ON DELETE RESTRICT,
    CONSTRAINT fk_guideline_coverage_assessed_by_user_id FOREIGN KEY (assessed_by_user_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT fk_guideline_coverage_assessed_by_organisation_id FOREIGN KEY (assessed_by_organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_guideline_coverage_standard_id_item_code ON guideline_coverage (standard_id, item_code);
CREATE INDEX ix_guideline_coverage_sector_code ON guideline_coverage (sector_code);
CREATE INDEX ix_guideline_coverage_assessed_by_user_id ON guideline_coverage (assessed_by_user_id);
CREATE INDEX ix_guideline_coverage_assessed_by_organisation_id ON guideline_coverage (assessed_by_organisation_id);
