// Package petrarch loads PETRARCH and TABARI dictionaries — actor, agent, discard and verb files, in the
// PETRARCH-2 format (CAMEO.2.0.txt, Phoenix.*.txt) and the older PETRARCH-1/TABARI/KEDS pattern syntax — into
// dyad's in-memory lexicon, so that users who own customised dictionaries can code with them. Broken lines
// are reported as file:line with the reason; the good lines of the same file are still loaded.
//
// How the formats map onto the lexicon:
//
//   - Actors: a primary phrase with an optional [CODE], "+" synonyms, and tab-indented [CODE restriction]
//     lines ("<date", ">date", "date-date"; YYYYMMDD or YYMMDD, where YY < 30 is 20YY) become one
//     lexicon.Actor with a default Code and Dated codes in file order (the first restriction that holds
//     wins). "_" joins words, a trailing "_" (TABARI's "whole word") is dropped, a hyphenated word is also
//     entered split at its hyphens as dyad's tokenizer splits it. A code with "/" (LORIEN [ELR/GAL]) names
//     several actors at once and is kept as written.
//   - Agents: "PHRASE {PLURAL} [~CODE]" or "[CODE~]"; the codes are split into three-letter groups, "CODE~"
//     sets Agent.Prefix. Regular plurals (+S, Y→IES, S→ES) are added unless "{}" or an explicit plural is
//     given; "!NAME! = a, b" substitution sets expand without plurals.
//   - Discards: "+PHRASE" discards the story, "PHRASE" the sentence. TABARI's stems (a phrase without a
//     trailing "_") are matched as whole words.
//   - Verbs: synsets "&NAME" with "+" members (plurals added unless the label or member ends in "_"), blocks
//     "--- NAME [CODE] ---", verb lines "VERB {FORMS} [CODE]" (multi-word verbs "+CORDON_OFF", "WIRE_+TAP"),
//     and patterns "- ... * ... [CODE]". Each verb of a block gets every pattern of the block; its own line
//     becomes a pattern with no other words whose code is the verb's or the block's. Irregular forms go into
//     Lexicon.Forms. Pattern tokens: "*" the verb, "+" target, "$" source, "%" compound (both), "^" an actor
//     phrase passed over (lexicon.Skip), "&NAME" a synset,
//     "_" joins neighbours that must be adjacent ("IN_*", "*_OUT"), PETRARCH-2's "(PREP NOUN)" and
//     "{NOUN PHRASE}" groups are read as the same words in order. A multi-word synset member becomes its own
//     variant of the pattern, its words adjacent.
//   - Codes: "[064]", "[---]" (no event), and paired codes "[032:033]": the second code is a second event
//     with source and target swapped (PETRARCH's "visit" / "receive a visit"; the TABARI convention), kept
//     in Pattern.Reverse; "[:173]" codes only the reversed event. Codes outside CAMEO (WEIS codes, "174K")
//     are kept as written.
//   - Not supported: PETRARCH-2 transformations ("~ a (a b ATTACK) SAY = a b 015") are skipped, and the
//     issues file is not read.
package petrarch
