-- Cheaper storing (issue 5): an event row binds 19 values instead of 60.
--
-- Only what a filter, an aggregate or the full-text index reads keeps a column of its own; every other
-- field of an event moves into detail, one JSON object with the keys of the event's own JSON (url,
-- source.agents, verb, location.lat, explain…), zero values left out. Binding and writing the many
-- small columns was a third of the cost of storing an event. The table is made anew and its rows
-- copied in order, seq kept; the indexes are those of schema 2.
--
-- The full-text index is made anew without column sizes (columnsize = 0): they serve only ranking
-- (bm25), which dyad does not do, and cost every indexed sentence a row in a table of their own.
-- Put fills it with one statement per batch (a trigger would make FTS5 flush a tiny segment at every
-- statement's savepoint); the triggers keep it in step on other changes.
CREATE TABLE events_new (
    seq              INTEGER PRIMARY KEY,
    id               TEXT NOT NULL UNIQUE,
    doc_id           TEXT NOT NULL REFERENCES documents (id) DEFERRABLE INITIALLY DEFERRED,
    story_id         TEXT NOT NULL REFERENCES stories (id) DEFERRABLE INITIALLY DEFERRED,
    sentence         TEXT NOT NULL,
    source_code      TEXT, -- NULL: no source (its country and name are NULL too)
    source_country   TEXT,
    source_name      TEXT,
    target_code      TEXT, -- NULL: no target
    target_country   TEXT,
    target_name      TEXT,
    cameo            TEXT NOT NULL,
    root             TEXT NOT NULL,
    quad_class       INTEGER NOT NULL,
    goldstein        REAL NOT NULL,
    day              INTEGER NOT NULL, -- YYYYMMDD the event is filed under; 0 when undated
    week             INTEGER NOT NULL, -- YYYYMMDD of that day's Monday
    location_country TEXT,             -- NULL: no place
    detail           TEXT NOT NULL,    -- JSON: the event's other fields
    num_articles     INTEGER NOT NULL,
    num_sources      INTEGER NOT NULL,
    added            INTEGER NOT NULL
);
INSERT INTO events_new (
    seq, id, doc_id, story_id, sentence, source_code, source_country, source_name, target_code, target_country,
    target_name, cameo, root, quad_class, goldstein, day, week, location_country, detail, num_articles, num_sources, added
) SELECT
    seq, id, doc_id, story_id, sentence, source_code, source_country, source_name, target_code, target_country,
    target_name, cameo, root, quad_class, goldstein, day, week,
    CASE WHEN location_name IS NOT NULL THEN coalesce(location_country, '') END,
    json_object(
        'url', url, 'publisher', publisher, 'published', published,
        'sentence_index', sentence_index, 'sentence_start', sentence_start,
        'source', CASE WHEN source_code IS NOT NULL THEN json_object(
            'agents', json(coalesce(source_agents, 'null')), 'text', source_text, 'start', source_start, 'end', source_end,
            'via', source_via, 'group', source_group) END,
        'target', CASE WHEN target_code IS NOT NULL THEN json_object(
            'agents', json(coalesce(target_agents, 'null')), 'text', target_text, 'start', target_start, 'end', target_end,
            'via', target_via, 'group', target_group) END,
        'cameo_name', cameo_name,
        'plover', json_object('type', plover_type, 'mode', plover_mode),
        'verb', json_object('text', verb_text, 'lemma', verb_lemma, 'start', verb_start, 'end', verb_end),
        'modality', modality,
        'negated', json(CASE WHEN negated THEN 'true' ELSE 'false' END),
        'attribution', CASE WHEN attribution_name IS NOT NULL THEN json_object(
            'name', attribution_name, 'text', attribution_text, 'start', attribution_start, 'end', attribution_end) END,
        'confidence', confidence, 'date', date, 'date_precision', date_precision, 'date_text', date_text,
        'location', CASE WHEN location_name IS NOT NULL THEN json_object(
            'name', location_name, 'admin1', location_admin1, 'lat', location_lat, 'lon', location_lon,
            'precision', location_precision, 'approximate', json(CASE WHEN location_approximate THEN 'true' ELSE 'false' END),
            'text', location_text, 'from', location_from) END,
        'explain', json(explain)
    ),
    num_articles, num_sources, added
FROM events ORDER BY seq;
DROP TABLE events; -- its indexes and triggers go with it
ALTER TABLE events_new RENAME TO events;
CREATE INDEX events_day ON events (day, root, quad_class, week, source_country, target_country, goldstein, num_articles);
CREATE INDEX events_story ON events (story_id);
CREATE INDEX events_source_code ON events (source_code, day);
CREATE INDEX events_target_code ON events (target_code, day);
CREATE INDEX events_root ON events (root, day);
DROP TABLE events_fts;
CREATE VIRTUAL TABLE events_fts USING fts5 (sentence, content = 'events', content_rowid = 'seq', tokenize = 'porter unicode61', columnsize = 0);
INSERT INTO events_fts (events_fts) VALUES ('rebuild');
CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
    INSERT INTO events_fts (events_fts, rowid, sentence) VALUES ('delete', old.seq, old.sentence);
END;
CREATE TRIGGER events_fts_update AFTER UPDATE OF sentence ON events BEGIN
    INSERT INTO events_fts (events_fts, rowid, sentence) VALUES ('delete', old.seq, old.sentence);
    INSERT INTO events_fts (rowid, sentence) VALUES (new.seq, new.sentence);
END;
