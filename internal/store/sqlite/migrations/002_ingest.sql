-- Faster ingest (issue 5).
--
-- Foreign keys of events and doc_bands are checked at commit instead of at every row. With Put's
-- INSERT OR IGNORE, a multi-row INSERT then cannot fail half-way, and SQLite no longer copies every
-- page the statement touches into a statement journal first. A batch with a dangling reference still
-- fails, whole, at its commit. SQLite cannot change a constraint in place: both tables are made anew
-- and their rows copied, in the same order (seq is kept, so the full-text index stays valid).
--
-- The new table also has location_approximate (the place is a town the gazetteer lacks, at its enclosure's
-- coordinates); old rows have none.
--
-- Three of the eight secondary indexes of events go, those of the source, target and place country:
-- each cost every stored event a B-tree insert, and they served only the --country filter, which now
-- reads events_day for a span of dates, else the table. The others stay: events_day (covering every
-- aggregate), events_root (a root and dates: the filtered query target), events_source_code and
-- events_target_code (actors) and events_story (counting copies).
CREATE TABLE doc_bands_new (
    band_key INTEGER NOT NULL,
    doc_id   TEXT NOT NULL REFERENCES documents (id) DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (band_key, doc_id)
) WITHOUT ROWID;
INSERT INTO doc_bands_new (band_key, doc_id) SELECT band_key, doc_id FROM doc_bands;
DROP TABLE doc_bands;
ALTER TABLE doc_bands_new RENAME TO doc_bands;

CREATE TABLE events_new (
    seq                INTEGER PRIMARY KEY,
    id                 TEXT NOT NULL UNIQUE,
    doc_id             TEXT NOT NULL REFERENCES documents (id) DEFERRABLE INITIALLY DEFERRED,
    story_id           TEXT NOT NULL REFERENCES stories (id) DEFERRABLE INITIALLY DEFERRED,
    url                TEXT NOT NULL,
    publisher          TEXT NOT NULL,
    published          TEXT NOT NULL,
    sentence_index     INTEGER NOT NULL,
    sentence           TEXT NOT NULL,
    sentence_start     INTEGER NOT NULL,
    source_code        TEXT,
    source_country     TEXT,
    source_agents      TEXT,
    source_name        TEXT,
    source_text        TEXT,
    source_start       INTEGER,
    source_end         INTEGER,
    source_via         TEXT,
    source_group       TEXT,
    target_code        TEXT,
    target_country     TEXT,
    target_agents      TEXT,
    target_name        TEXT,
    target_text        TEXT,
    target_start       INTEGER,
    target_end         INTEGER,
    target_via         TEXT,
    target_group       TEXT,
    cameo              TEXT NOT NULL,
    cameo_name         TEXT NOT NULL,
    root               TEXT NOT NULL,
    quad_class         INTEGER NOT NULL,
    goldstein          REAL NOT NULL,
    plover_type        TEXT NOT NULL,
    plover_mode        TEXT NOT NULL,
    verb_text          TEXT NOT NULL,
    verb_lemma         TEXT NOT NULL,
    verb_start         INTEGER NOT NULL,
    verb_end           INTEGER NOT NULL,
    modality           TEXT NOT NULL,
    negated            INTEGER NOT NULL,
    attribution_name   TEXT,
    attribution_text   TEXT,
    attribution_start  INTEGER,
    attribution_end    INTEGER,
    confidence         REAL NOT NULL,
    date               TEXT NOT NULL,
    date_precision     TEXT NOT NULL,
    date_text          TEXT NOT NULL,
    day                INTEGER NOT NULL, -- YYYYMMDD the event is filed under; 0 when undated
    week               INTEGER NOT NULL, -- YYYYMMDD of that day's Monday
    location_name      TEXT,
    location_admin1    TEXT,
    location_country   TEXT,
    location_lat       REAL,
    location_lon       REAL,
    location_precision TEXT,
    location_text      TEXT,
    location_from      TEXT,
    explain            TEXT,
    num_articles       INTEGER NOT NULL,
    num_sources        INTEGER NOT NULL,
    added              INTEGER NOT NULL,
    -- 1 when the place is a town the gazetteer lacks, placed at its enclosure's coordinates
    location_approximate INTEGER
);
INSERT INTO events_new (
    seq, id, doc_id, story_id, url, publisher, published, sentence_index, sentence, sentence_start,
    source_code, source_country, source_agents, source_name, source_text, source_start, source_end,
    source_via, source_group, target_code, target_country, target_agents, target_name, target_text,
    target_start, target_end, target_via, target_group, cameo, cameo_name, root, quad_class, goldstein,
    plover_type, plover_mode, verb_text, verb_lemma, verb_start, verb_end, modality, negated,
    attribution_name, attribution_text, attribution_start, attribution_end, confidence, date, date_precision,
    date_text, day, week, location_name, location_admin1, location_country, location_lat, location_lon,
    location_precision, location_text, location_from, explain, num_articles, num_sources, added
) SELECT
    seq, id, doc_id, story_id, url, publisher, published, sentence_index, sentence, sentence_start,
    source_code, source_country, source_agents, source_name, source_text, source_start, source_end,
    source_via, source_group, target_code, target_country, target_agents, target_name, target_text,
    target_start, target_end, target_via, target_group, cameo, cameo_name, root, quad_class, goldstein,
    plover_type, plover_mode, verb_text, verb_lemma, verb_start, verb_end, modality, negated,
    attribution_name, attribution_text, attribution_start, attribution_end, confidence, date, date_precision,
    date_text, day, week, location_name, location_admin1, location_country, location_lat, location_lon,
    location_precision, location_text, location_from, explain, num_articles, num_sources, added
FROM events;
DROP TABLE events; -- its indexes and triggers go with it; the full-text index stays
ALTER TABLE events_new RENAME TO events;
CREATE INDEX events_day ON events (day, root, quad_class, week, source_country, target_country, goldstein, num_articles);
CREATE INDEX events_story ON events (story_id);
CREATE INDEX events_source_code ON events (source_code, day);
CREATE INDEX events_target_code ON events (target_code, day);
CREATE INDEX events_root ON events (root, day);
CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
    INSERT INTO events_fts (events_fts, rowid, sentence) VALUES ('delete', old.seq, old.sentence);
END;
CREATE TRIGGER events_fts_update AFTER UPDATE OF sentence ON events BEGIN
    INSERT INTO events_fts (events_fts, rowid, sentence) VALUES ('delete', old.seq, old.sentence);
    INSERT INTO events_fts (rowid, sentence) VALUES (new.seq, new.sentence);
END;
