package text

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

type tokCase struct {
	line     int
	in, want string
}

func readTokCases(t testing.TB) []tokCase {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "tokenize.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []tokCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		in, want, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("tokenize.tsv:%d: no tab", n)
		}
		out = append(out, tokCase{n, in, want})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestTokenize(t *testing.T) {
	for _, c := range readTokCases(t) {
		toks := Tokenize(c.in)
		got := make([]string, len(toks))
		for i, tk := range toks {
			got[i] = tk.Text
		}
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("tokenize.tsv:%d: Tokenize(%q)\n got: %s\nwant: %s", c.line, c.in, g, c.want)
		}
		checkTokens(t, c.in, toks)
	}
}

type segCase struct {
	name string
	in   string
	want []string
}

func readSegCases(t testing.TB) []segCase {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "segment.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var out []segCase
	var cur *segCase
	var in []string
	inExpected := false
	for _, line := range strings.Split(string(b), "\n") {
		switch {
		case strings.HasPrefix(line, "=== "):
			out = append(out, segCase{name: strings.TrimPrefix(line, "=== ")})
			cur = &out[len(out)-1]
			in = in[:0]
			inExpected = false
		case cur == nil:
			// header comments
		case line == "---":
			cur.in = strings.Join(in, "\n")
			inExpected = true
		case inExpected:
			if line != "" {
				cur.want = append(cur.want, line)
			}
		default:
			in = append(in, line)
		}
	}
	return out
}

func TestSegment(t *testing.T) {
	for _, c := range readSegCases(t) {
		t.Run(c.name, func(t *testing.T) {
			sents := Segment(c.in)
			var got []string
			for _, s := range sents {
				got = append(got, strings.Join(strings.Fields(c.in[s.Start:s.End]), " "))
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("Segment(%q)\n got:\n  %s\nwant:\n  %s", c.in, strings.Join(got, "\n  "), strings.Join(c.want, "\n  "))
			}
			checkSentences(t, c.in, sents)
		})
	}
}

func TestSegmentSplitsFinalAbbreviation(t *testing.T) {
	tests := []struct {
		in   string
		want string // tokens of the first sentence
	}{
		{"Aid came from the U.S. The rest followed.", "Aid came from the U.S ."},
		{"They sold fuel, food, etc.\n\nPrices rose.", "They sold fuel , food , etc ."},
		{"Talks ended at 5 p.m.", "Talks ended at 5 p.m ."},
		{"Exports went to the U.S. and Japan.", "Exports went to the U.S. and Japan ."},
	}
	for _, tt := range tests {
		sents := Segment(tt.in)
		if len(sents) == 0 {
			t.Fatalf("Segment(%q): no sentences", tt.in)
		}
		var got []string
		for _, tk := range sents[0].Tokens {
			got = append(got, tk.Text)
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("Segment(%q) first sentence = %q, want %q", tt.in, g, tt.want)
		}
		checkSentences(t, tt.in, sents)
	}
}

func TestTokenizeMatchesSegment(t *testing.T) {
	for _, c := range readSegCases(t) {
		var flat []Token
		for _, s := range Segment(c.in) {
			flat = append(flat, s.Tokens...)
		}
		toks := Tokenize(c.in)
		if len(toks) != len(flat) {
			t.Fatalf("%s: Tokenize gives %d tokens, Segment %d", c.name, len(toks), len(flat))
		}
		for i := range toks {
			if toks[i] != flat[i] {
				t.Errorf("%s: token %d: Tokenize %+v, Segment %+v", c.name, i, toks[i], flat[i])
			}
		}
	}
}

func TestSegmenterReuse(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "news.txt"))
	if err != nil {
		t.Fatal(err)
	}
	src := string(b)
	want := Segment(src)
	var s Segmenter
	for round := 0; round < 3; round++ {
		got := s.Segment(src)
		if len(got) != len(want) {
			t.Fatalf("round %d: %d sentences, want %d", round, len(got), len(want))
		}
		for i := range got {
			if got[i].Start != want[i].Start || got[i].End != want[i].End || len(got[i].Tokens) != len(want[i].Tokens) {
				t.Fatalf("round %d: sentence %d differs", round, i)
			}
		}
		if toks := s.Tokenize("Short one."); len(toks) != 3 {
			t.Fatalf("round %d: Tokenize after Segment gave %d tokens", round, len(toks))
		}
	}
	if allocs := testing.AllocsPerRun(20, func() { s.Segment(src) }); allocs != 0 {
		t.Errorf("Segmenter.Segment allocates %.1f times per call once warm, want 0", allocs)
	}
	if allocs := testing.AllocsPerRun(20, func() { Segment(src) }); allocs > 4 {
		t.Errorf("Segment allocates %.1f times per call, want at most 4 (the output slices)", allocs)
	}
}

// TestLongInputs feeds inputs that would take hours if any step were quadratic, and checks the cap on
// sentence length.
func TestLongInputs(t *testing.T) {
	// A quadratic step would need on the order of 10^10 operations at these sizes; linear ones take
	// milliseconds. The time limit is loose so that a loaded machine does not fail the test.
	tests := []struct {
		name string
		unit string
		size int
	}{
		{"1 MB of words", "word ", 1 << 20},
		{"words with commas", "alpha beta gamma, ", 1 << 18},
		{"no spaces", "x", 1 << 18},
		{"dots", ".", 1 << 18},
		{"dotted letters", "a.", 1 << 18},
		{"apostrophes", "a'", 1 << 18},
		{"hyphens", "a-", 1 << 18},
		{"digits and commas", "1,", 1 << 18},
		{"digits and slashes", "1/", 1 << 18},
		{"at signs", "a@", 1 << 18},
		{"local parts", "a.b_", 1 << 18},
		{"urls", "www.a.com/", 1 << 18},
		{"closers", ".)", 1 << 18},
		{"newlines", "a\n", 1 << 18},
		{"quotes", "\"a\" ", 1 << 18},
		{"abbreviations", "U.S. ", 1 << 18},
		{"emoticons", ":)", 1 << 18},
		{"non-Latin", "мир ", 1 << 18},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Repeat(tt.unit, tt.size/len(tt.unit))
			start := time.Now()
			sents := Segment(src)
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("Segment of %d bytes took %v", len(src), d)
			}
			for i, s := range sents {
				if len(s.Tokens) > maxSentenceTokens+1 {
					t.Fatalf("sentence %d has %d tokens, cap is %d", i, len(s.Tokens), maxSentenceTokens)
				}
			}
			checkSentences(t, src, sents)
		})
	}
}

func TestLongSentenceCutsAtComma(t *testing.T) {
	var sb strings.Builder
	for i := 0; sb.Len() < 20000; i++ {
		sb.WriteString("the convoy moved on")
		if i%7 == 6 {
			sb.WriteString(",")
		}
		sb.WriteString(" ")
	}
	sents := Segment(sb.String())
	if len(sents) < 2 {
		t.Fatalf("got %d sentences, want the text cut into several", len(sents))
	}
	for _, s := range sents[:len(sents)-1] {
		if last := s.Tokens[len(s.Tokens)-1].Text; last != "," {
			t.Errorf("a cut sentence ends with %q, want a comma", last)
		}
	}
}

func TestSeedArticles(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "seeds")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		t.Skipf("no seed articles in %s (the shared data is not available here)", dir)
	}
	want := readGolden(t, filepath.Join("testdata", "seeds.golden"))
	for _, fn := range files {
		b, err := os.ReadFile(fn)
		if err != nil {
			t.Fatal(err)
		}
		src, probs := Clean(b)
		if len(probs) > 0 {
			t.Errorf("%s: Clean reported %v", fn, probs)
		}
		sents := Segment(src)
		checkSentences(t, src, sents)
		if n, ok := want[filepath.Base(fn)]; ok && n != len(sents) {
			t.Errorf("%s: %d sentences, want %d", fn, len(sents), n)
		}
		for i, s := range sents {
			first, _ := utf8.DecodeRuneInString(src[s.Start:])
			if unicode.IsLower(first) {
				t.Errorf("%s: sentence %d starts in lower case (split too early?): %q", fn, i, src[s.Start:s.End])
			}
			last, _ := utf8.DecodeLastRuneInString(src[:s.End])
			if !strings.ContainsRune(".!?:”\"’)…", last) {
				t.Errorf("%s: sentence %d ends without punctuation (split too early?): %q", fn, i, src[s.Start:s.End])
			}
		}
	}
}

func readGolden(t *testing.T, path string) map[string]int {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m := make(map[string]int)
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) != 2 || strings.HasPrefix(line, "#") {
			continue
		}
		n, err := strconv.Atoi(f[1])
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		m[f[0]] = n
	}
	return m
}

func TestClean(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "clean.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, "\t")
		if len(parts) != 3 {
			t.Fatalf("clean.tsv:%d: want 3 tab-separated fields", n)
		}
		in, err1 := strconv.Unquote(parts[0])
		want, err2 := strconv.Unquote(parts[1])
		if err1 != nil || err2 != nil {
			t.Fatalf("clean.tsv:%d: bad quoting", n)
		}
		got, probs := Clean([]byte(in))
		if got != want {
			t.Errorf("clean.tsv:%d: Clean(%q) = %q, want %q", n, in, got, want)
		}
		var wantProbs []string
		if parts[2] != "" {
			wantProbs = strings.Split(parts[2], "|")
		}
		if len(probs) != len(wantProbs) {
			t.Errorf("clean.tsv:%d: Clean(%q) problems %v, want %v", n, in, probs, wantProbs)
			continue
		}
		for i, w := range wantProbs {
			off, reason, _ := strings.Cut(w, ":")
			if strconv.Itoa(probs[i].Offset) != off || !strings.HasPrefix(probs[i].Reason, reason) {
				t.Errorf("clean.tsv:%d: problem %d = %+v, want %s", n, i, probs[i], w)
			}
		}
		checkClean(t, []byte(in), got, probs)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}

func TestCleanBoundsProblems(t *testing.T) {
	in := []byte(strings.Repeat("a\x00", 1000))
	_, probs := Clean(in)
	if len(probs) != maxProblems+1 {
		t.Fatalf("got %d problems, want %d listed plus one summary", len(probs), maxProblems)
	}
	last := probs[len(probs)-1]
	if last.Offset != 2*maxProblems+1 || !strings.Contains(last.Reason, "900 more") {
		t.Errorf("summary problem = %+v", last)
	}
}

// checkTokens asserts the invariants every tokenization must keep.
func checkTokens(t testing.TB, src string, toks []Token) {
	t.Helper()
	prevEnd := 0
	for i, tk := range toks {
		if tk.Start < prevEnd || tk.End <= tk.Start || tk.End > len(src) {
			t.Fatalf("token %d %+v out of order or empty (previous ended at %d)", i, tk, prevEnd)
		}
		if tk.Text != src[tk.Start:tk.End] {
			t.Fatalf("token %d: Text %q != src[%d:%d] %q", i, tk.Text, tk.Start, tk.End, src[tk.Start:tk.End])
		}
		for _, r := range tk.Text {
			if unicode.IsSpace(r) {
				t.Fatalf("token %d %q contains white space", i, tk.Text)
			}
		}
		for p := prevEnd; p < tk.Start; {
			r, w := utf8.DecodeRuneInString(src[p:])
			if !unicode.IsSpace(r) {
				t.Fatalf("byte %d (%q) between tokens %d and %d is not white space", p, r, i-1, i)
			}
			p += w
		}
		prevEnd = tk.End
	}
	for p := prevEnd; p < len(src); {
		r, w := utf8.DecodeRuneInString(src[p:])
		if !unicode.IsSpace(r) {
			t.Fatalf("byte %d (%q) after the last token is not white space", p, r)
		}
		p += w
	}
}

// checkSentences asserts the sentence invariants and, through checkTokens, the token ones.
func checkSentences(t testing.TB, src string, sents []Sentence) {
	t.Helper()
	var all []Token
	prevEnd := 0
	for i, s := range sents {
		if len(s.Tokens) == 0 {
			t.Fatalf("sentence %d has no tokens", i)
		}
		if s.Start < prevEnd || s.Start != s.Tokens[0].Start || s.End != s.Tokens[len(s.Tokens)-1].End {
			t.Fatalf("sentence %d span [%d,%d) does not match its tokens or overlaps the previous one", i, s.Start, s.End)
		}
		prevEnd = s.End
		all = append(all, s.Tokens...)
	}
	checkTokens(t, src, all)
}

func checkClean(t testing.TB, in []byte, out string, probs []Problem) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Fatalf("Clean output is not valid UTF-8: %q", out)
	}
	for _, r := range out {
		if isControl(r) {
			t.Fatalf("Clean output keeps control character %U", r)
		}
	}
	if len(probs) > maxProblems+1 {
		t.Fatalf("%d problems, bound is %d", len(probs), maxProblems+1)
	}
	prev := -1
	for _, p := range probs {
		if p.Offset <= prev || p.Offset >= len(in) || p.Reason == "" {
			t.Fatalf("problem %+v out of order or out of range (input %d bytes)", p, len(in))
		}
		prev = p.Offset
	}
}
