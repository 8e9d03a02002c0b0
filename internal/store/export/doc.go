// Package export writes stored events for people and tools: an aligned table for the terminal, CSV
// (dyad's flat columns) for spreadsheets, JSONL with every field, Parquet with typed columns for
// pandas, R or DuckDB, and GDELT 2.0 event-table rows. Every writer streams: memory stays flat
// however many events pass through (Parquet holds one row group at a time).
package export
