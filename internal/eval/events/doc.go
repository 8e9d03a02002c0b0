// Package events scores coded events against a gold file of sentences with their expected events, at the
// level of source country, target country and CAMEO root (and, when the gold carries them, event date and
// place).
package events
