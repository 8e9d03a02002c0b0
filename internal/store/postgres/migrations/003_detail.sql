-- Cheaper storing (issue 5), as in SQLite: an event row binds 19 values instead of 60. Only what a
-- filter, an aggregate or the full-text index reads keeps a column of its own; every other field of an
-- event moves into detail, one JSON object with the keys of the event's own JSON (url, source.agents,
-- verb, location.lat, explain…), absent and null values left out.
ALTER TABLE events ADD COLUMN detail TEXT;
UPDATE events SET detail = json_strip_nulls(json_build_object(
    'url', url, 'publisher', publisher, 'published', published,
    'sentence_index', sentence_index, 'sentence_start', sentence_start,
    'source', CASE WHEN source_code IS NOT NULL THEN json_build_object(
        'agents', source_agents::json, 'text', source_text, 'start', source_start, 'end', source_end,
        'via', source_via, 'group', source_group) END,
    'target', CASE WHEN target_code IS NOT NULL THEN json_build_object(
        'agents', target_agents::json, 'text', target_text, 'start', target_start, 'end', target_end,
        'via', target_via, 'group', target_group) END,
    'cameo_name', cameo_name,
    'plover', json_build_object('type', plover_type, 'mode', plover_mode),
    'verb', json_build_object('text', verb_text, 'lemma', verb_lemma, 'start', verb_start, 'end', verb_end),
    'modality', modality,
    'negated', negated,
    'attribution', CASE WHEN attribution_name IS NOT NULL THEN json_build_object(
        'name', attribution_name, 'text', attribution_text, 'start', attribution_start, 'end', attribution_end) END,
    'confidence', confidence, 'date', date, 'date_precision', date_precision, 'date_text', date_text,
    'location', CASE WHEN location_name IS NOT NULL THEN json_build_object(
        'name', location_name, 'admin1', location_admin1, 'lat', location_lat, 'lon', location_lon,
        'precision', location_precision, 'approximate', coalesce(location_approximate, false),
        'text', location_text, 'from', location_from) END,
    'explain', explain::json
))::text;
UPDATE events SET location_country = '' WHERE location_name IS NOT NULL AND location_country IS NULL;
ALTER TABLE events ALTER COLUMN detail SET NOT NULL;
ALTER TABLE events
    DROP COLUMN url, DROP COLUMN publisher, DROP COLUMN published, DROP COLUMN sentence_index,
    DROP COLUMN sentence_start, DROP COLUMN source_agents, DROP COLUMN source_text, DROP COLUMN source_start,
    DROP COLUMN source_end, DROP COLUMN source_via, DROP COLUMN source_group, DROP COLUMN target_agents,
    DROP COLUMN target_text, DROP COLUMN target_start, DROP COLUMN target_end, DROP COLUMN target_via,
    DROP COLUMN target_group, DROP COLUMN cameo_name, DROP COLUMN plover_type, DROP COLUMN plover_mode,
    DROP COLUMN verb_text, DROP COLUMN verb_lemma, DROP COLUMN verb_start, DROP COLUMN verb_end,
    DROP COLUMN modality, DROP COLUMN negated, DROP COLUMN attribution_name, DROP COLUMN attribution_text,
    DROP COLUMN attribution_start, DROP COLUMN attribution_end, DROP COLUMN confidence, DROP COLUMN date,
    DROP COLUMN date_precision, DROP COLUMN date_text, DROP COLUMN location_name, DROP COLUMN location_admin1,
    DROP COLUMN location_lat, DROP COLUMN location_lon, DROP COLUMN location_precision, DROP COLUMN location_text,
    DROP COLUMN location_from, DROP COLUMN location_approximate, DROP COLUMN explain;
