package text

// The word lists below are written for this package from general knowledge of English writing conventions;
// which entries matter was checked against the EWT training and development data.

// abbrevClass says how an abbreviation with a period behaves at a possible sentence end.
type abbrevClass uint8

const (
	abbrNone    abbrevClass = iota
	abbrTitle               // precedes a name: never ends a sentence (Mr. Smith)
	abbrNumber              // precedes a number: keeps its period only before one (No. 5)
	abbrDate                // months and weekdays: no sentence end before a number (Jan. 5)
	abbrGeneral             // may end a sentence (Inc., U.S.): ends one when a typical sentence opener follows
	abbrList                // etc.: ends a sentence before any capital
)

// abbrevs maps abbreviations (without the final period, exact case) to their class.
var abbrevs = func() map[string]abbrevClass {
	m := make(map[string]abbrevClass)
	add := func(c abbrevClass, words ...string) {
		for _, w := range words {
			m[w] = c
		}
	}
	add(abbrTitle, "Mr", "Mrs", "Ms", "Messrs", "Mmes", "Dr", "Drs", "Prof", "Profs", "Gen", "Lt", "Col", "Maj",
		"Capt", "Cmdr", "Cdr", "Sgt", "Cpl", "Pvt", "Pfc", "Spc", "Adm", "Brig", "Rep", "Reps", "Sen", "Sens",
		"Gov", "Govs", "Rev", "Hon", "Pres", "Supt", "Det", "Insp", "Amb", "Fr", "Mt", "Ft", "Msgr", "Atty",
		"Asst", "Assoc", "Cong", "Lieut", "PS", "P.S", "MR", "MRS", "MS", "DR", "mr", "mrs", "dr")
	add(abbrNumber, "No", "Nos", "no", "Vol", "Vols", "vol", "Fig", "Figs", "fig", "pp", "Art", "Ch", "ch",
		"Sec", "sec", "Para", "para", "ext", "Ext", "Tel", "tel", "Rm", "Ste", "Apt", "Pt", "Nr", "nr", "Op", "op")
	add(abbrDate, "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
		"Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun")
	add(abbrGeneral, "Inc", "Corp", "Co", "Cos", "Ltd", "Bros", "Assn", "Dept", "Univ", "Inst", "Intl",
		"Ave", "Blvd", "Rd", "Hwy", "Pkwy", "Sq", "St", "Jr", "Sr", "Esq", "Ph", "vs", "viz", "al", "approx",
		"est", "esp", "incl", "misc", "govt", "Govt", "dept", "cf", "yrs", "hrs", "mins", "lb", "lbs", "oz",
		"sq", "ft", "Attn", "attn", "Vs", "Calif", "Colo", "Conn", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky",
		"La", "Md", "Mass", "Mich", "Minn", "Miss", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Tex",
		"Va", "Vt", "Wash", "Wis", "Wyo", "Ariz", "Ark", "Ala", "Del", "Mex", "Jap", "Eng", "INC", "CORP",
		"CO", "LTD", "PVT", "Sts", "Hts")
	add(abbrList, "etc", "Etc", "ect", "ETC")
	return m
}()

// cliticCuts gives, for a word written without its apostrophe (lower case), the byte positions where EWT
// splits it: dont → do nt, gonna → gon na, dunno → du n no. A switch rather than a map: it runs on every word.
func cliticCuts(w string) (cut [2]uint8, ok bool) {
	switch w {
	case "im", "ive":
		return [2]uint8{1}, true
	case "dont", "cant", "wont", "isnt", "aint", "hes":
		return [2]uint8{2}, true
	case "cannot", "gonna", "wanna", "gotta", "lemme", "gimme", "didnt", "wasnt", "arent", "hasnt", "hadnt",
		"youre", "youve", "youll":
		return [2]uint8{3}, true
	case "doesnt", "werent", "havent", "theyre", "thats", "whats", "theyve", "theyll":
		return [2]uint8{4}, true
	case "couldnt", "wouldnt":
		return [2]uint8{5}, true
	case "shouldnt":
		return [2]uint8{6}, true
	case "dunno":
		return [2]uint8{2, 3}, true
	}
	return cut, false
}

// apostropheClitics are the endings split off before an apostrophe (Bush 's, I 'm, we 'll).
var apostropheClitics = map[string]bool{"s": true, "m": true, "d": true, "ll": true, "re": true, "ve": true}

// hyphenPrefixes stay attached to the rest of the word (e-mail, non-violent, mid-1990s); EWT splits every other
// hyphen between words into its own token.
var hyphenPrefixes = map[string]bool{
	"e": true, "non": true, "mid": true, "anti": true, "pre": true, "re": true, "over": true, "post": true,
	"co": true, "multi": true, "pro": true, "semi": true, "ex": true, "psycho": true, "cross": true,
	"neo": true, "counter": true, "intra": true, "inter": true, "sub": true, "socio": true, "ultra": true,
	"trans": true, "pseudo": true, "quasi": true,
}

// units are split from a number written against them (5 kg, 10 am, $3 m); ordinal and decade endings
// (5th, 1990s) are not units and stay attached.
// Case matters: 10MM (millions, in finance) stays whole while 10mm is split.
var units = func() map[string]bool {
	m := make(map[string]bool)
	for _, u := range []string{
		"am", "pm", "AM", "PM", "k", "K", "m", "M", "b", "B", "bn", "mn", "kg", "mg", "km", "cm", "mm", "ml",
		"ft", "lb", "lbs", "oz", "mph", "kph", "hz", "Hz", "kHz", "MHz", "GHz", "khz", "mhz", "ghz", "kb", "KB",
		"mb", "MB", "gb", "GB", "tb", "TB", "kw", "kW", "MW", "GW", "kWh", "hr", "hrs", "min", "mins", "sec",
		"secs", "yr", "yrs",
	} {
		m[u] = true
	}
	return m
}()

// hostStarts are first labels of host and newsgroup names: www.example.org, alt.animals.cats.
var hostStarts = map[string]bool{
	"www": true, "ftp": true, "mail": true, "alt": true, "comp": true, "rec": true, "soc": true, "sci": true,
	"talk": true, "news": true,
}

// domainEnds are top-level domains and file extensions: a period before one joins a web address or file name
// (whitehouse.gov, report.pdf) instead of ending a word.
var domainEnds = map[string]bool{
	"com": true, "org": true, "net": true, "gov": true, "edu": true, "mil": true, "int": true, "info": true,
	"biz": true, "uk": true, "ca": true, "au": true, "de": true, "fr": true, "jp": true, "cn": true, "ru": true,
	"co": true, "ac": true, "nz": true, "za": true, "eu": true, "io": true, "tv": true, "htm": true,
	"html": true, "php": true, "asp": true, "aspx": true, "jsp": true, "cgi": true, "doc": true, "docx": true,
	"pdf": true, "txt": true, "xls": true, "xlsx": true, "ppt": true, "pptx": true, "jpg": true, "jpeg": true,
	"gif": true, "png": true, "zip": true, "exe": true, "csv": true, "xml": true, "mp3": true, "mp4": true,
	"wav": true, "avi": true, "stm": true,
}

// starters are words that typically open a sentence. After an abbreviation that can also end a sentence
// (Inc., U.S., etc.) a capitalized word alone says little, since names follow abbreviations all the time; one
// of these says a new sentence has begun.
var starters = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range []string{
		"The", "A", "An", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I", "You",
		"His", "Her", "Their", "Our", "My", "Your", "There", "Here", "But", "And", "Or", "So", "Yet", "However",
		"In", "On", "At", "For", "With", "By", "From", "To", "Of", "As", "If", "When", "While", "After",
		"Before", "Since", "Although", "Though", "Because", "Unless", "Until", "What", "Who", "Why", "How",
		"Where", "Which", "Some", "Many", "Most", "All", "Both", "Each", "Every", "Several", "Few", "Other",
		"Others", "Such", "Not", "Then", "Now", "Also", "Still", "Meanwhile", "Earlier", "Later", "Last",
		"Next", "One", "Two", "Three", "Thus", "Therefore", "Instead", "Indeed", "Nevertheless", "Moreover",
		"Furthermore", "Besides", "Even", "Only", "Just", "Perhaps", "Please", "Thanks", "Thank", "Yes",
		"Officials", "Police", "Is", "Are", "Was", "Were", "Do", "Does", "Did", "Can", "Could", "Will", "Would",
		"Should", "May", "Might", "Must", "Let", "Let's", "Hi", "Hello", "Dear", "Regards", "Sincerely",
	} {
		m[w] = true
	}
	return m
}()

// emoticons are kept whole. Longest first, so that ":-)" wins over ":-".
var emoticons = []string{
	":-)", ":-(", ";-)", ":-D", ":-P", ":-p", ":-/", ":-|", ":'(", ":')", "^_^", "^^", "-_-", "o_O", "O_o",
	":)", ":(", ";)", ":D", ":P", ":p", ":O", ":o", ":]", ":[", ":|", "=)", "=(", "=D", ";D", ";P", "<3",
}

// closers end a quotation or parenthesis. Written right after a sentence's final punctuation they belong to
// that sentence ("... he said." Then).
var closers = map[string]bool{
	")": true, "]": true, "}": true, "\"": true, "'": true, "''": true, "”": true, "’": true, "’’": true,
	"»": true, "›": true, "*": true,
}

// conjunctions mark a place to cut an over-long sentence when no comma or semicolon is near.
var conjunctions = map[string]bool{"and": true, "or": true, "but": true, "while": true, "because": true}

// itsFollowers are words that follow "it's" but not the possessive "its"; web text often drops the apostrophe.
var itsFollowers = map[string]bool{
	"a": true, "an": true, "the": true, "not": true, "really": true, "very": true, "so": true, "too": true,
	"just": true, "also": true, "still": true, "all": true, "like": true, "been": true, "only": true,
	"simply": true, "definitely": true, "always": true, "never": true, "going": true, "gonna": true,
	"getting": true, "nothing": true, "called": true, "in": true, "on": true, "at": true, "for": true,
	"from": true, "to": true, "about": true, "with": true, "between": true, "my": true, "your": true,
	"our": true, "their": true, "his": true, "her": true, "now": true, "kind": true, "pretty": true,
	"quite": true, "probably": true, "easy": true, "great": true, "good": true, "ok": true, "okay": true,
}

// valedictions close a letter or e-mail ("Regards," then the name); valedictions2 are first words of the
// two-word ones (Best regards, Thank you, Kind regards).
var valedictions = map[string]bool{
	"Regards": true, "regards": true, "Sincerely": true, "Thanks": true, "Cheers": true, "Best": true,
	"Respectfully": true, "Yours": true, "truly": true, "sincerely": true, "thanks": true,
}

var valedictions2 = map[string]bool{
	"Best": true, "Kind": true, "Kindest": true, "Warm": true, "Warmest": true, "Thank": true, "With": true,
	"Yours": true, "Many": true,
}

// arrows are kept whole rather than split into their characters.
var arrows = []string{"<->", "-->", "<--", "->", "<-", "=>", ">=", "<="}
