// Package ingest feeds coded documents into a store: in batches, one transaction each, so that a
// document is acknowledged only once it is durably stored, and a crash loses at most the batch in
// flight — which a rerun stores, since documents already stored are skipped before coding and
// refused again by the store. Bad documents are counted and named in the summary; they never stop
// the batch.
package ingest
