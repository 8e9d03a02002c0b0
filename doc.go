// Package dyad codes political events — who did what to whom, when and where — from news text.
//
// A Coder built by New reads Documents (see package-level types) and returns Events with CAMEO and PLOVER
// codes, source and target actor codes, the event's own date and place, modality, attribution and the
// evidence (sentence and character spans) that produced each one:
//
//	c, err := dyad.New(dyad.Options{})
//	events, err := c.Code(ctx, &dyad.Document{ID: "a1", Text: text, Published: day})
//
// Everything runs in-process from models and dictionaries embedded in the binary.
package dyad
