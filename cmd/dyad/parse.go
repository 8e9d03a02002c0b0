package main

import (
	"bufio"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/dyad-events/dyad/internal/nlp"
	"github.com/dyad-events/dyad/internal/nlp/conllu"
	"github.com/dyad-events/dyad/internal/text"
)

func newParseCmd(logger *slog.Logger) *cobra.Command {
	var models string
	cmd := &cobra.Command{
		Use:   "parse [FILE|-]",
		Short: "Tokenize, tag, lemmatize and parse raw text; print CoNLL-U",
		Long: `parse reads raw text (a file, or standard input when FILE is - or absent), splits it into
sentences and words, and prints one CoNLL-U block per sentence with "# text", lemmas, UPOS and Penn tags,
the dependency tree, and TokenRange=START:END character offsets in MISC.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			name := "-"
			if len(args) == 1 {
				name = args[0]
			}
			raw, err := readInput(name)
			if err != nil {
				return err
			}
			src, problems := text.Clean(raw)
			for i, p := range problems {
				if i == 5 {
					logger.Warn("more input problems not shown", "file", name, "count", len(problems)-5)
					break
				}
				logger.Warn("input repaired", "file", name, "offset", p.Offset, "reason", p.Reason)
			}
			if strings.TrimSpace(src) == "" {
				return fmt.Errorf("%s: empty input", name)
			}
			p, err := loadPipeline(models)
			if err != nil {
				return err
			}
			w := bufio.NewWriter(cmd.OutOrStdout())
			if err := parseText(w, src, p.NewAnnotator()); err != nil {
				return err
			}
			return w.Flush()
		},
	}
	cmd.Flags().StringVar(&models, "models", "", "load models from this folder instead of the embedded ones")
	return cmd
}

func loadPipeline(dir string) (*nlp.Pipeline, error) {
	if dir != "" {
		return nlp.LoadDir(dir)
	}
	return nlp.Load()
}

// maxInput bounds what parse reads into memory.
const maxInput = 256 << 20

func readInput(name string) ([]byte, error) {
	var r io.Reader = os.Stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, maxInput+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(b) > maxInput {
		return nil, fmt.Errorf("%s: larger than %d MB; split it", name, maxInput>>20)
	}
	return b, nil
}

func parseText(w io.Writer, src string, a *nlp.Annotator) error {
	var words []nlp.Word
	// character offsets advance monotonically, so one pass converts every byte offset
	var runeAt, byteAt int
	charOffset := func(b int) int {
		runeAt += utf8.RuneCountInString(src[byteAt:b])
		byteAt = b
		return runeAt
	}
	for i, s := range text.Segment(src) {
		words = words[:0]
		for _, t := range s.Tokens {
			words = append(words, nlp.Word{Form: t.Text, Start: t.Start, End: t.End})
		}
		if len(words) == 0 {
			continue
		}
		a.Annotate(words)
		out := &conllu.Sentence{Comments: []string{
			"sent_id = " + strconv.Itoa(i+1),
			"text = " + strings.Join(strings.Fields(src[s.Start:s.End]), " "),
		}}
		for j, wd := range words {
			misc := "TokenRange=" + strconv.Itoa(charOffset(wd.Start)) + ":" + strconv.Itoa(charOffset(wd.End))
			if j+1 < len(words) && words[j+1].Start == wd.End {
				misc += "|SpaceAfter=No"
			}
			out.Words = append(out.Words, conllu.Word{ID: j + 1, Form: wd.Form, Lemma: wd.Lemma, UPOS: wd.UPOS,
				XPOS: wd.XPOS, Head: wd.Head, DepRel: wd.DepRel, Misc: misc})
		}
		if err := conllu.Write(w, out); err != nil {
			return err
		}
	}
	return nil
}
