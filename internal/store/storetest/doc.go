// Package storetest is the test suite every store backend must pass: round trips of every event
// field, idempotence, syndicated copies, filters (with SQL metacharacters in each), aggregates and
// schema refusal. A backend's tests call Run with a function that opens an empty store.
package storetest
