-- Faster ingest (issue 5): three of the eight secondary indexes of events go, as in SQLite, so that
-- both backends answer the same filters the same way: those of the source, target and place country.
-- Each cost every stored event an index insert, and they served only the --country filter, which now
-- reads events_day for a span of dates, else the table.
DROP INDEX events_source_country;
DROP INDEX events_target_country;
DROP INDEX events_location_country;

-- The place of an event is a town the gazetteer lacks, placed at its enclosure's coordinates.
ALTER TABLE events ADD COLUMN location_approximate BOOLEAN;
