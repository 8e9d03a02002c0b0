package event

// Actor is one side of an event. Offsets are in characters (Unicode code points) of the document text.
type Actor struct {
	Code    string   `json:"code"`          // full CAMEO actor code, country then agents: "USASPY", "AFGINS", "IGOUNO"
	Country string   `json:"country"`       // ISO 3166 alpha-3, a region code, or "" for unknown
	Agents  []string `json:"agents"`        // agent codes in order: ["GOV"], ["SPY"], ["INS"]
	Name    string   `json:"name"`          // canonical name from the lexicon: "United States", "Taliban"
	Text    string   `json:"text"`          // the words in the text: "C.I.A. director William Burns"
	Start   int      `json:"start"`         // character offset of Text in the document
	End     int      `json:"end"`           // end offset (exclusive)
	Via     string   `json:"via,omitempty"` // how it was resolved when not literal: "coref" (an earlier mention), "capital" (a seat of
	// government), "context" (an agent given the country the sentence or article is about), "discourse"
	// (the target the same source addressed just before)
	Group string `json:"group,omitempty"` // named group or organisation when one is known: "Taliban", "C.I.A."
}

// Verb is the predicate that carries the event.
type Verb struct {
	Text  string `json:"text"`
	Lemma string `json:"lemma"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// PLOVER is the PLOVER event type and mode.
type PLOVER struct {
	Type string `json:"type"`
	Mode string `json:"mode,omitempty"`
}

// Attribution names who reports the claim ("according to The New York Times"); never the event's source.
type Attribution struct {
	Name  string `json:"name"`  // "The New York Times", "a Taliban spokesman"
	Text  string `json:"text"`  // the attributing phrase as written
	Start int    `json:"start"` // character offsets in the document
	End   int    `json:"end"`
}

// Location is where the event took place.
type Location struct {
	Name      string  `json:"name"`
	Admin1    string  `json:"admin1,omitempty"`
	Country   string  `json:"country"` // ISO 3166 alpha-3
	Lat       float64 `json:"lat"`
	Lon       float64 `json:"lon"`
	Precision string  `json:"precision"` // city, admin1, country
	// Approximate says that Lat/Lon are not the place's own but those of the subdivision or country that
	// encloses it: the text names a village the gazetteer lacks ("the village of Karma").
	Approximate bool   `json:"approximate,omitempty"`
	Text        string `json:"text"`           // the words that placed it, or "" when inferred from context
	From        string `json:"from,omitempty"` // phrase, sentence, dateline, article
}

// Explanation says why the event was coded: the lexicon entry and the path through the parse.
type Explanation struct {
	Pattern string   `json:"pattern"` // the lexicon entry that matched, as written in its file
	Lexicon string   `json:"lexicon"` // file:line of that entry
	Path    []string `json:"path"`    // dependency path, e.g. ["nsubj(held, Burns)", "obj(held, meeting)"]
	Notes   []string `json:"notes,omitempty"`
}

// Event is one coded event.
type Event struct {
	ID            string       `json:"id"` // stable: the same input gives the same ID
	DocID         string       `json:"doc_id"`
	URL           string       `json:"url,omitempty"`
	Publisher     string       `json:"publisher,omitempty"`
	Published     string       `json:"published,omitempty"` // publication date, ISO 8601
	SentenceIndex int          `json:"sentence_index"`
	Sentence      string       `json:"sentence"`
	SentenceStart int          `json:"sentence_start"` // character offset of the sentence in the document
	Source        *Actor       `json:"source"`
	Target        *Actor       `json:"target"`
	CAMEO         string       `json:"cameo"`
	CAMEOName     string       `json:"cameo_name"`
	Root          string       `json:"root"`
	QuadClass     int          `json:"quad_class"`
	Goldstein     float64      `json:"goldstein"`
	PLOVER        PLOVER       `json:"plover"`
	Verb          Verb         `json:"verb"`
	Modality      string       `json:"modality"` // asserted, reported, hypothetical, intended, planned
	Negated       bool         `json:"negated"`
	Attribution   *Attribution `json:"attribution"`
	Confidence    float64      `json:"confidence"`
	Date          string       `json:"date"`           // 2021-08-23, 2010-03, 2010, 1980/1989
	DatePrecision string       `json:"date_precision"` // day, week, month, year, decade, range, story
	DateText      string       `json:"date_text"`
	Location      *Location    `json:"location"`
	Explain       *Explanation `json:"explain,omitempty"`
}
