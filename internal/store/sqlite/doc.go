// Package sqlite opens the embedded store: one SQLite file (pure Go, no cgo) in WAL mode with foreign
// keys on (those of events and band keys checked at commit) and full sync on commit, so that a
// committed batch survives a killed process. It is the default store and needs nothing installed.
package sqlite
