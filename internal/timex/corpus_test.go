package timex

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// sharedDir finds /work/shared (the "shared" folder beside the repository) from the test's directory.
func sharedDir(t *testing.T, parts ...string) string {
	t.Helper()
	p := filepath.Join(append([]string{"..", "..", "..", "shared"}, parts...)...)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s not found beside the repository; skipping corpus test", filepath.Join(parts...))
	}
	return p
}

// ewtWord is the part of a CoNLL-U word line this test needs.
type ewtWord struct {
	form, upos, deprel string
	head               int
	start, end         int // byte offsets in the sentence text, -1 when not found
}

type ewtSentence struct {
	text  string
	words []ewtWord // index = ID-1
}

// readEWT reads the sentence texts and words of a CoNLL-U file, placing each word in the text.
func readEWT(t *testing.T, path string) []ewtSentence {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	var (
		out     []ewtSentence
		cur     ewtSentence
		cursor  int
		mwtEnd  int // last word ID covered by a multiword token
		mwtFrom int // its offsets
		mwtTo   int
	)
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "":
			if cur.text != "" {
				out = append(out, cur)
			}
			cur, cursor, mwtEnd = ewtSentence{}, 0, 0
		case strings.HasPrefix(line, "# text = "):
			cur.text = strings.TrimPrefix(line, "# text = ")
		case strings.HasPrefix(line, "#"):
		default:
			cols := strings.Split(line, "\t")
			if len(cols) != 10 || strings.Contains(cols[0], ".") {
				continue
			}
			locate := func(form string) (int, int) {
				if k := strings.Index(cur.text[cursor:], form); k >= 0 {
					s := cursor + k
					cursor = s + len(form)
					return s, cursor
				}
				return -1, -1
			}
			if a, b, ok := strings.Cut(cols[0], "-"); ok {
				last, err := strconv.Atoi(b)
				if err != nil {
					t.Fatalf("%s: bad range %q", path, cols[0])
				}
				_ = a
				mwtEnd = last
				mwtFrom, mwtTo = locate(cols[1])
				continue
			}
			id, err := strconv.Atoi(cols[0])
			if err != nil {
				t.Fatalf("%s: bad id %q", path, cols[0])
			}
			head, _ := strconv.Atoi(cols[6])
			w := ewtWord{form: cols[1], upos: cols[3], head: head, deprel: cols[7]}
			if id <= mwtEnd {
				w.start, w.end = mwtFrom, mwtTo
			} else {
				w.start, w.end = locate(cols[1])
			}
			cur.words = append(cur.words, w)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return out
}

// TestEWTFalsePositives runs Find over every sentence of UD English EWT and uses the gold annotation to
// catch the false positives the scanner is built to avoid: a month name inside an expression that the
// treebank tags as a verb or auxiliary ("may", "march"), and a four-digit number inside an expression
// that modifies a noun outside it ("2010 people"; the treebank gives "a 1982 massacre" the same
// relation, and the scanner leaves both alone as the rule for bare years demands).
func TestEWTFalsePositives(t *testing.T) {
	dir := sharedDir(t, "corpora", "ud-english-ewt")
	r := New()
	pub := time.Date(2021, 8, 24, 12, 0, 0, 0, time.UTC)
	var sentences, withExpr, exprs, monthVerb, countYear int
	for _, name := range []string{"en_ewt-ud-train.conllu", "en_ewt-ud-dev.conllu", "en_ewt-ud-test.conllu"} {
		for _, s := range readEWT(t, filepath.Join(dir, name)) {
			sentences++
			xs := r.Find(s.text, pub)
			checkInvariants(t, s.text, xs)
			if len(xs) > 0 {
				withExpr++
			}
			exprs += len(xs)
			for _, x := range xs {
				for _, w := range s.words {
					if w.start < x.Start || w.end > x.End || w.start < 0 {
						continue
					}
					if e, ok := lookup(w.form); ok && e.cls == cMonth && (w.upos == "VERB" || w.upos == "AUX") {
						monthVerb++
						t.Errorf("month read from a %s: %q in %q", w.upos, x.Text, s.text)
					}
					if len(w.form) == 4 && w.upos == "NUM" && w.deprel == "nummod" && w.head > 0 && w.head <= len(s.words) {
						h := s.words[w.head-1]
						if h.start >= 0 && (h.start >= x.End || h.end <= x.Start) {
							if e, ok := lookup(h.form); !ok || !isTrigger(e.cls) {
								countYear++
								t.Errorf("number modifying a noun read as a year: %q modifies %q in %q", x.Text, h.form, s.text)
							}
						}
					}
				}
			}
		}
	}
	t.Logf("EWT: %d sentences, %d with expressions, %d expressions; month-as-verb %d, noun-modifier-as-year %d",
		sentences, withExpr, exprs, monthVerb, countYear)
	if sentences < 10000 {
		t.Errorf("read only %d EWT sentences", sentences)
	}
}
