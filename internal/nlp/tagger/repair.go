package tagger

import "strings"

// Web text, which the treebank is made of, uses past participles after nouns far more often than news does
// ("the car parked outside" against "police fired tear gas"), so a tagger trained on it reads news'
// past tenses as participles and leaves the clause without a verb. repairPast turns a participle back into
// a past tense where nothing else in its clause can be the finite verb: no auxiliary before it, a noun or
// pronoun right before it as its subject, and no finite verb after it before the clause ends.
func repairPast(forms, upos, xpos []string) {
	n := min(len(forms), len(upos), len(xpos))
	for i := 1; i < n; i++ {
		if xpos[i] != "VBN" || upos[i] != "VERB" {
			continue
		}
		if p := xpos[i-1]; !(strings.HasPrefix(p, "NN") || p == "PRP") {
			continue
		}
		if auxBefore(forms, xpos, i) || finiteAfter(xpos, i, n) || i+1 < n && strings.EqualFold(forms[i+1], "by") {
			continue
		}
		xpos[i] = "VBD"
		// a base form between that verb and a noun is a noun modifier ("fired tear gas")
		if i+2 < n && xpos[i+1] == "VB" && strings.HasPrefix(xpos[i+2], "NN") {
			upos[i+1], xpos[i+1] = "NOUN", "NN"
		}
	}
}

// auxBefore reports an auxiliary, a modal or a finite verb earlier in the clause of word i.
func auxBefore(forms, xpos []string, i int) bool {
	for j := i - 1; j >= 0 && j >= i-8; j-- {
		switch x := xpos[j]; {
		case x == "," || x == ":" || x == "CC" || x == "WDT" || x == "WP" || x == "IN" && strings.EqualFold(forms[j], "that"):
			return false
		case x == "MD" || x == "VBD" || x == "VBZ" || x == "VBP" || x == "TO":
			return true
		}
		switch strings.ToLower(forms[j]) {
		case "be", "been", "being", "having", "get", "gets", "got", "getting":
			return true
		}
	}
	return false
}

// finiteAfter reports a finite verb or a modal later in the clause of word i: then word i is a
// participle modifying the noun before it ("troops stationed there said").
func finiteAfter(xpos []string, i, n int) bool {
	for j := i + 1; j < n; j++ {
		switch x := xpos[j]; x {
		case ",", ":", ".", "CC", "-LRB-", "WDT", "WP":
			return false
		case "VBD", "VBZ", "VBP", "MD":
			return true
		}
	}
	return false
}
