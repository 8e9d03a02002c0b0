-- Stories group an article with its syndicated copies; the first article's ID names the story.
CREATE TABLE stories (
    id           TEXT PRIMARY KEY,
    num_articles INTEGER NOT NULL,
    num_sources  INTEGER NOT NULL
);

-- Documents keep identity and fingerprints, not the text.
CREATE TABLE documents (
    id           TEXT PRIMARY KEY,
    url          TEXT NOT NULL DEFAULT '',
    title        TEXT NOT NULL DEFAULT '',
    publisher    TEXT NOT NULL DEFAULT '',
    published    TEXT NOT NULL DEFAULT '',
    language     TEXT NOT NULL DEFAULT '',
    origin       TEXT NOT NULL DEFAULT '',
    meta         TEXT NOT NULL DEFAULT 'null',
    content_hash TEXT NOT NULL,
    fingerprint  BYTEA,
    words        INTEGER NOT NULL DEFAULT 0,
    story_id     TEXT NOT NULL REFERENCES stories (id),
    added        BIGINT NOT NULL
);
-- One document per URL; without a URL, one per text and publisher.
CREATE UNIQUE INDEX documents_url ON documents (url) WHERE url <> '';
CREATE UNIQUE INDEX documents_text ON documents (content_hash, publisher) WHERE url = '';
CREATE INDEX documents_hash ON documents (content_hash);
CREATE INDEX documents_story ON documents (story_id);

-- MinHash band keys: documents sharing a key are candidate copies.
CREATE TABLE doc_bands (
    band_key BIGINT NOT NULL,
    doc_id   TEXT NOT NULL REFERENCES documents (id),
    PRIMARY KEY (band_key, doc_id)
);

CREATE TABLE story_publishers (
    story_id  TEXT NOT NULL REFERENCES stories (id),
    publisher TEXT NOT NULL,
    PRIMARY KEY (story_id, publisher)
);

CREATE TABLE events (
    seq                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id                 TEXT NOT NULL UNIQUE,
    doc_id             TEXT NOT NULL REFERENCES documents (id),
    story_id           TEXT NOT NULL REFERENCES stories (id),
    url                TEXT NOT NULL,
    publisher          TEXT NOT NULL,
    published          TEXT NOT NULL,
    sentence_index     INTEGER NOT NULL,
    sentence           TEXT NOT NULL,
    sentence_start     INTEGER NOT NULL,
    source_code        TEXT COLLATE "C",
    source_country     TEXT COLLATE "C",
    source_agents      TEXT,
    source_name        TEXT,
    source_text        TEXT,
    source_start       INTEGER,
    source_end         INTEGER,
    source_via         TEXT,
    source_group       TEXT,
    target_code        TEXT COLLATE "C",
    target_country     TEXT COLLATE "C",
    target_agents      TEXT,
    target_name        TEXT,
    target_text        TEXT,
    target_start       INTEGER,
    target_end         INTEGER,
    target_via         TEXT,
    target_group       TEXT,
    cameo              TEXT COLLATE "C" NOT NULL,
    cameo_name         TEXT NOT NULL,
    root               TEXT COLLATE "C" NOT NULL,
    quad_class         INTEGER NOT NULL,
    goldstein          DOUBLE PRECISION NOT NULL,
    plover_type        TEXT NOT NULL,
    plover_mode        TEXT NOT NULL,
    verb_text          TEXT NOT NULL,
    verb_lemma         TEXT NOT NULL,
    verb_start         INTEGER NOT NULL,
    verb_end           INTEGER NOT NULL,
    modality           TEXT NOT NULL,
    negated            BOOLEAN NOT NULL,
    attribution_name   TEXT,
    attribution_text   TEXT,
    attribution_start  INTEGER,
    attribution_end    INTEGER,
    confidence         DOUBLE PRECISION NOT NULL,
    date               TEXT NOT NULL,
    date_precision     TEXT NOT NULL,
    date_text          TEXT NOT NULL,
    day                INTEGER NOT NULL, -- YYYYMMDD the event is filed under; 0 when undated
    week               INTEGER NOT NULL, -- YYYYMMDD of that day's Monday
    location_name      TEXT,
    location_admin1    TEXT,
    location_country   TEXT COLLATE "C",
    location_lat       DOUBLE PRECISION,
    location_lon       DOUBLE PRECISION,
    location_precision TEXT,
    location_text      TEXT,
    location_from      TEXT,
    explain            TEXT,
    num_articles       INTEGER NOT NULL,
    num_sources        INTEGER NOT NULL,
    added              BIGINT NOT NULL
);
-- Covers the aggregates (by day, week or month and by root, quad or dyad) without touching the table.
CREATE INDEX events_day ON events (day, root, quad_class, week, source_country, target_country, goldstein, num_articles);
CREATE INDEX events_story ON events (story_id);
CREATE INDEX events_source_code ON events (source_code, day);
CREATE INDEX events_target_code ON events (target_code, day);
CREATE INDEX events_source_country ON events (source_country, root, day);
CREATE INDEX events_target_country ON events (target_country, root, day);
CREATE INDEX events_location_country ON events (location_country, day);
CREATE INDEX events_root ON events (root, day);

-- Full text of the sentences, English stemming, kept by the database itself.
ALTER TABLE events ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', sentence)) STORED;
CREATE INDEX events_tsv ON events USING gin (tsv);

-- Actors seen, with how many events name them.
CREATE TABLE actors (
    code    TEXT COLLATE "C" NOT NULL,
    name    TEXT NOT NULL,
    country TEXT NOT NULL,
    agents  TEXT NOT NULL,
    events  INTEGER NOT NULL,
    PRIMARY KEY (code, name)
);
