package source

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// langSample is how much text language detection looks at: enough for a few hundred words, so
// the cost stays flat however long the article.
const langSample = 2 << 10

// Thresholds for a Latin-script verdict: enough function words seen, a clear lead over the
// runner-up, and a plausible share of all words (English prose runs at 30-50 %).
const (
	langMinHits   = 2
	langMinShare  = 0.08
	langLeadRatio = 1.5
	langShortText = 20 // words
)

// latinLangs lists, per language, common function words that are frequent in running text and
// carry little else; overlapping words simply count for every language that has them.
var latinLangs = []struct {
	code  string
	words string
}{
	{"en", "a the of and to in is that for it was on with as by at from his her he she they said have has had be are were been not this which an would will their who its but or"},
	{"fr", "le la les des du un une et est que qui dans pour pas sur au aux avec ce cette il elle ont été sont mais par plus ne se leur ses"},
	{"de", "der die das und ist nicht mit den dem des ein eine einer zu auf für von sich auch im wurde sind bei aus nach wie hat"},
	{"es", "el la los las del que y en un una es por con para se su al lo como más pero fue sus le ha este esta"},
	{"it", "il lo la gli le di che e è del della dei per con non una un sono nel alla si da ha anche al più"},
	{"pt", "o a os as do da dos das que e em um uma para com não no na por se ao mais foi pelo pela são"},
	{"nl", "de het een en van in is dat op te zijn met voor niet aan er ook als door bij maar werd wordt naar"},
	{"sv", "och att det som en är på av för med den till inte har de om ett var men från sig"},
	{"da", "og at det som en er på af for med den til ikke har de om et var men fra sig blev"},
	{"pl", "i w na z się nie do to że jest o jak po co ale za od przez dla był są"},
	{"cs", "a v se na je že to s z do o jako ale by pro jsou byl není také"},
	{"ro", "și în de la cu a pe un o care din este nu pentru mai sunt ca au fost"},
	{"hu", "a az és hogy nem is egy meg van volt de csak mint már el"},
	{"fi", "ja on ei se että oli hän ovat mutta kun niin myös joka tai"},
	{"tr", "ve bir bu da de için ile olarak çok daha gibi en olan ama değil mi ne o şu tarafından"},
	{"id", "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke karena oleh ada adalah"},
	{"sw", "na ya wa kwa la za katika ni kuwa hiyo hii lakini pia kama wake huo bila"},
}

// stopLangs maps a function word to the set (bit i = latinLangs[i]) of languages that use it;
// maxStopLen is the byte length of the longest, so longer words skip the lookup.
var (
	stopLangs  = map[string]uint32{}
	maxStopLen int
)

func init() {
	for i, l := range latinLangs {
		for _, w := range strings.Fields(l.words) {
			stopLangs[w] |= 1 << i
			maxStopLen = max(maxStopLen, len(w))
		}
	}
}

// maxWordLen bounds the lower-cased word buffer; longer words are no function words anyway.
const maxWordLen = 32

// DetectLanguage guesses the ISO 639-1 language of text from its first 2 KB: by script for
// non-Latin writing (Cyrillic, Arabic, Han, ...), and for Latin script by counting common function
// words of English and sixteen other languages. It returns "" when the sample is too short or no
// language stands out. It allocates nothing.
func DetectLanguage(text string) string {
	if len(text) > langSample {
		text = text[:langSample]
		for len(text) > 0 && !utf8.RuneStart(text[len(text)-1]) {
			text = text[:len(text)-1]
		}
		if len(text) > 0 {
			if r, _ := utf8.DecodeLastRuneInString(text); r == utf8.RuneError {
				text = text[:len(text)-1] // a lead byte cut from its continuation
			}
		}
	}
	var sc scripts
	var scores [32]int
	var buf [maxWordLen]byte
	n, words := 0, 0
	overflow := false
	flush := func() {
		if n > 0 && !overflow {
			words++
			if n <= maxStopLen {
				scoreWord(buf[:n], &scores)
			}
		}
		n, overflow = 0, false
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf { // ASCII, most of any English text: no table lookups
			i++
			lc := c | 0x20
			if c == '\'' && n > 0 {
				continue // "Venezuela's" is one word, not "venezuela" and Czech "s"
			}
			if lc < 'a' || lc > 'z' {
				flush()
				continue
			}
			sc.latin++
			if n == len(buf) {
				overflow = true
				continue
			}
			buf[n] = lc
			n++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if r == '’' && n > 0 {
			continue
		}
		if !unicode.IsLetter(r) {
			flush()
			continue
		}
		sc.count(r)
		if r > unicode.MaxLatin1 && !unicode.Is(unicode.Latin, r) {
			overflow = true // not a Latin word; script counts decide for it
			continue
		}
		r = unicode.ToLower(r)
		if n+utf8.RuneLen(r) > len(buf) {
			overflow = true
			continue
		}
		n += utf8.EncodeRune(buf[n:], r)
	}
	flush()
	if code, ok := sc.verdict(); ok {
		return code
	}
	best, second := -1, 0
	for i := range latinLangs {
		switch {
		case best < 0 || scores[i] > scores[best]:
			if best >= 0 {
				second = scores[best]
			}
			best = i
		case scores[i] > second:
			second = scores[i]
		}
	}
	hits := scores[best]
	// A short text (a headline, a one-line item) may hold a single function word; it decides
	// only when no other language shares it.
	// Only English is decided that way: skipping an English article as foreign loses its events, while
	// coding a foreign one costs nothing ("Venezuela's navy seized a Guyanese vessel." shares one word,
	// "a", with Czech).
	short := words < langShortText && hits == 1 && second == 0 && latinLangs[best].code == "en"
	if hits < langMinHits && !short || float64(hits) < langMinShare*float64(words) ||
		float64(hits) < langLeadRatio*float64(second) {
		return ""
	}
	return latinLangs[best].code
}

func scoreWord(w []byte, scores *[32]int) {
	set := stopLangs[string(w)] // map lookup by converted bytes does not allocate
	for i := 0; set != 0; i++ {
		if set&1 != 0 {
			scores[i]++
		}
		set >>= 1
	}
}

// scripts counts letters by writing system, with a few letters that tell apart languages
// sharing a script.
type scripts struct {
	latin, cyrillic, greek, arabic, hebrew, han, kana, hangul, devanagari, bengali, tamil, thai,
	georgian, armenian, ethiopic int
	ukr, srb, mkd, rusOnly, bgHard, urdu, persian int
}

func (s *scripts) count(r rune) {
	switch {
	case r < 0x250:
		s.latin++
	case unicode.Is(unicode.Cyrillic, r):
		s.cyrillic++
		switch r {
		case 'і', 'ї', 'є', 'ґ', 'І', 'Ї', 'Є', 'Ґ':
			s.ukr++
		case 'ђ', 'ћ', 'џ', 'љ', 'њ', 'ј', 'Ђ', 'Ћ', 'Џ', 'Љ', 'Њ', 'Ј':
			s.srb++
		case 'ѓ', 'ќ', 'ѕ', 'Ѓ', 'Ќ', 'Ѕ':
			s.mkd++
		case 'ы', 'э', 'ё', 'Ы', 'Э', 'Ё':
			s.rusOnly++
		case 'ъ', 'Ъ':
			s.bgHard++
		}
	case unicode.Is(unicode.Latin, r):
		s.latin++
	case unicode.Is(unicode.Greek, r):
		s.greek++
	case unicode.Is(unicode.Arabic, r):
		s.arabic++
		switch r {
		case 'ٹ', 'ڈ', 'ڑ', 'ں', 'ے':
			s.urdu++
		case 'پ', 'چ', 'ژ', 'گ', 'ک', 'ی':
			s.persian++
		}
	case unicode.Is(unicode.Hebrew, r):
		s.hebrew++
	case unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
		s.kana++
	case unicode.Is(unicode.Han, r):
		s.han++
	case unicode.Is(unicode.Hangul, r):
		s.hangul++
	case unicode.Is(unicode.Devanagari, r):
		s.devanagari++
	case unicode.Is(unicode.Bengali, r):
		s.bengali++
	case unicode.Is(unicode.Tamil, r):
		s.tamil++
	case unicode.Is(unicode.Thai, r):
		s.thai++
	case unicode.Is(unicode.Georgian, r):
		s.georgian++
	case unicode.Is(unicode.Armenian, r):
		s.armenian++
	case unicode.Is(unicode.Ethiopic, r):
		s.ethiopic++
	}
}

// verdict names the language when letters of one non-Latin script outnumber Latin ones; ok is
// false for Latin-script text, which the function-word count decides.
func (s *scripts) verdict() (string, bool) {
	type cand struct {
		n    int
		code string
	}
	cjk := s.han + s.kana
	cands := [...]cand{
		{s.cyrillic, s.cyrillicLang()},
		{s.greek, "el"},
		{s.arabic, s.arabicLang()},
		{s.hebrew, "he"},
		{cjk, s.cjkLang()},
		{s.hangul, "ko"},
		{s.devanagari, "hi"},
		{s.bengali, "bn"},
		{s.tamil, "ta"},
		{s.thai, "th"},
		{s.georgian, "ka"},
		{s.armenian, "hy"},
		{s.ethiopic, "am"},
	}
	best := cand{}
	for _, c := range cands {
		if c.n > best.n {
			best = c
		}
	}
	if best.n == 0 || best.n <= s.latin {
		return "", false
	}
	return best.code, true
}

func (s *scripts) cyrillicLang() string {
	switch {
	case s.ukr > 0 && s.rusOnly == 0:
		return "uk"
	case s.srb > 0:
		return "sr"
	case s.mkd > 0:
		return "mk"
	case s.bgHard > 0 && s.rusOnly == 0:
		return "bg"
	}
	return "ru"
}

// cjkLang tells Japanese (any kana) from Chinese (Han only).
func (s *scripts) cjkLang() string {
	if s.kana > 0 {
		return "ja"
	}
	return "zh"
}

func (s *scripts) arabicLang() string {
	switch {
	case s.urdu > 0:
		return "ur"
	case s.persian > 0:
		return "fa"
	}
	return "ar"
}
