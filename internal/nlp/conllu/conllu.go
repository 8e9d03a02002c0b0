package conllu

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Word is one syntactic word (a line with an integer ID).
type Word struct {
	ID     int
	Form   string
	Lemma  string
	UPOS   string
	XPOS   string
	Feats  string
	Head   int
	DepRel string
	Deps   string
	Misc   string
}

// MultiToken is a surface token that spans several syntactic words ("don't" = do + n't).
type MultiToken struct {
	First, Last int
	Form        string
	Misc        string
}

// Sentence is one CoNLL-U block. Empty nodes (IDs such as 8.1) belong to the enhanced graph only and are
// dropped on reading; the basic tree does not need them.
type Sentence struct {
	Comments []string // every comment line without the leading "# "
	ID       string   // from "# sent_id = "
	Text     string   // from "# text = "
	NewDoc   bool     // a "# newdoc" comment precedes the sentence
	NewPar   bool     // a "# newpar" comment precedes the sentence
	Words    []Word
	Multi    []MultiToken
	Line     int // line number of the block's first line, for messages
}

// Reader reads sentences one at a time, so that files of any size use bounded memory.
type Reader struct {
	sc   *bufio.Scanner
	name string
	line int
}

// maxLine bounds the length of one line; a longer line is an error, not an allocation without end.
const maxLine = 1 << 20

// NewReader returns a Reader; name is used in error messages (a file name, or "-").
func NewReader(r io.Reader, name string) *Reader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxLine)
	return &Reader{sc: sc, name: name}
}

// Next returns the next sentence, or io.EOF after the last one. Errors name the file and line.
func (r *Reader) Next() (*Sentence, error) {
	var s *Sentence
	for r.sc.Scan() {
		r.line++
		line := strings.TrimRight(r.sc.Text(), "\r")
		if line == "" {
			if s != nil {
				return s, nil
			}
			continue
		}
		if s == nil {
			s = &Sentence{Line: r.line}
		}
		if strings.HasPrefix(line, "#") {
			c := strings.TrimSpace(strings.TrimPrefix(line, "#"))
			s.Comments = append(s.Comments, c)
			switch {
			case strings.HasPrefix(c, "sent_id ="):
				s.ID = strings.TrimSpace(strings.TrimPrefix(c, "sent_id ="))
			case strings.HasPrefix(c, "text ="):
				s.Text = strings.TrimSpace(strings.TrimPrefix(c, "text ="))
			case strings.HasPrefix(c, "newdoc"):
				s.NewDoc = true
			case strings.HasPrefix(c, "newpar"):
				s.NewPar = true
			}
			continue
		}
		if err := r.parseLine(s, line); err != nil {
			return nil, err
		}
	}
	if err := r.sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", r.name, r.line+1, err)
	}
	if s != nil {
		return s, nil
	}
	return nil, io.EOF
}

func (r *Reader) errorf(format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", r.name, r.line, fmt.Sprintf(format, args...))
}

func (r *Reader) parseLine(s *Sentence, line string) error {
	var f [10]string
	n := 0
	rest := line
	for n < 9 {
		i := strings.IndexByte(rest, '\t')
		if i < 0 {
			break
		}
		f[n] = rest[:i]
		rest = rest[i+1:]
		n++
	}
	f[n] = rest
	n++
	if n != 10 {
		return r.errorf("want 10 tab-separated columns, got %d", n)
	}
	id := f[0]
	if strings.IndexByte(id, '.') >= 0 {
		return nil // empty node of the enhanced graph
	}
	if dash := strings.IndexByte(id, '-'); dash >= 0 {
		a, err1 := strconv.Atoi(id[:dash])
		b, err2 := strconv.Atoi(id[dash+1:])
		if err1 != nil || err2 != nil || a < 1 || b < a {
			return r.errorf("bad multiword token range %q", id)
		}
		s.Multi = append(s.Multi, MultiToken{First: a, Last: b, Form: f[1], Misc: f[9]})
		return nil
	}
	n1, err := strconv.Atoi(id)
	if err != nil || n1 != len(s.Words)+1 {
		return r.errorf("word ID %q out of sequence (want %d)", id, len(s.Words)+1)
	}
	head := -1
	if f[6] != "_" {
		h, err := strconv.Atoi(f[6])
		if err != nil || h < 0 {
			return r.errorf("bad HEAD %q", f[6])
		}
		head = h
	}
	s.Words = append(s.Words, Word{ID: n1, Form: f[1], Lemma: f[2], UPOS: f[3], XPOS: f[4], Feats: f[5],
		Head: head, DepRel: f[7], Deps: f[8], Misc: f[9]})
	return nil
}

// ReadAll reads every sentence. Use it for treebanks that fit in memory (training, evaluation).
func ReadAll(r io.Reader, name string) ([]*Sentence, error) {
	rd := NewReader(r, name)
	var out []*Sentence
	for {
		s, err := rd.Next()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		if err := s.check(); err != nil {
			return out, fmt.Errorf("%s:%d: %w", name, s.Line, err)
		}
		out = append(out, s)
	}
}

func (s *Sentence) check() error {
	for _, w := range s.Words {
		if w.Head > len(s.Words) {
			return fmt.Errorf("word %d: head %d beyond the sentence's %d words", w.ID, w.Head, len(s.Words))
		}
	}
	return nil
}

// Tokens returns the sentence's surface tokens as word-index ranges [first, last] (1-based, inclusive) with
// their forms: a multiword token gives one range, every other word its own.
func (s *Sentence) Tokens() []MultiToken {
	out := make([]MultiToken, 0, len(s.Words))
	mi := 0
	for i := 1; i <= len(s.Words); i++ {
		if mi < len(s.Multi) && s.Multi[mi].First == i {
			out = append(out, s.Multi[mi])
			i = s.Multi[mi].Last
			mi++
			continue
		}
		w := s.Words[i-1]
		out = append(out, MultiToken{First: i, Last: i, Form: w.Form, Misc: w.Misc})
	}
	return out
}

// Write prints one sentence in CoNLL-U, followed by a blank line.
func Write(w io.Writer, s *Sentence) error {
	bw := bufio.NewWriter(w)
	for _, c := range s.Comments {
		bw.WriteString("# ")
		bw.WriteString(c)
		bw.WriteByte('\n')
	}
	mi := 0
	for _, wd := range s.Words {
		if mi < len(s.Multi) && s.Multi[mi].First == wd.ID {
			m := s.Multi[mi]
			fmt.Fprintf(bw, "%d-%d\t%s\t_\t_\t_\t_\t_\t_\t_\t%s\n", m.First, m.Last, m.Form, blank(m.Misc))
			mi++
		}
		head := "_"
		if wd.Head >= 0 {
			head = strconv.Itoa(wd.Head)
		}
		fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", wd.ID, wd.Form, blank(wd.Lemma), blank(wd.UPOS),
			blank(wd.XPOS), blank(wd.Feats), head, blank(wd.DepRel), blank(wd.Deps), blank(wd.Misc))
	}
	bw.WriteByte('\n')
	return bw.Flush()
}

func blank(s string) string {
	if s == "" {
		return "_"
	}
	return s
}
