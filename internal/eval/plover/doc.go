// Package plover scores dyad against PLOVER gold-standard records (a JSON array of human-coded sentences,
// each with a PLOVER event type and its source actors), by event type and source country.
package plover
