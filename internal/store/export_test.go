package store

// EventsQuery is the SQL and arguments Events runs for f, for tests of query plans.
func EventsQuery(s *SQL, f Filter) (string, []any) { return s.eventsQuery(&f) }
