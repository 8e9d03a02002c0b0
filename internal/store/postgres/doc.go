// Package postgres opens the store in a PostgreSQL database (pgx), for teams that share one
// database: `--db postgres://user:pass@host/db`. The schema matches the SQLite one, with a generated
// tsvector column and a GIN index for full-text search.
package postgres
