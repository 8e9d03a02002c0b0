// Package petrarch reads PETRARCH validation records (the XML of PETR.UnitTest.records.xml and
// PETR2_GSR_validation.xml) and scores dyad against them: each <Sentence>'s Text is coded with dyad's own
// parser and the dictionaries the file's <Environment> names, and a record passes when the set of
// (source, target, event) codes dyad produces equals the set of its <EventCoding> records.
//
// How records count:
//   - noevents="True": passes when dyad codes nothing.
//   - error="...": PETRARCH reports an error (dateline, bad_input_parse, storydiscard, sentencediscard) and
//     codes nothing, so the record passes when dyad codes nothing. dyad never reads the file's <Parse>, so a
//     "bad_input_parse" record is an ordinary sentence to it and usually fails.
//   - sentence="false" marks a test PETRARCH skips (a feature it does not implement). Such records, and those
//     whose category is not in the <Include> list, are scored like the others in the total ("of 284") and
//     left out of the "enabled" figure.
//   - <Config> elements between records set PETRARCH options for the records that follow; require_dyad
//     (default true) drops events without a source or a target ("" or "---") before comparing, and
//     new_actor_length is passed to the coder (an unknown noun phrase of up to that many words becomes an
//     actor coded with its own words, as PETRARCH does).
//   - A missing target is written "---", as PETRARCH writes it.
package petrarch
