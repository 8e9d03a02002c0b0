package coder

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/source"
)

var update = flag.Bool("update", false, "rewrite the golden files of TestGolden")

// TestGolden codes the project's own example texts and compares every field of every event with the
// reviewed output in testdata/golden. After a deliberate change, run `go test ./internal/coder -run Golden
// -update` and review the diff.
func TestGolden(t *testing.T) {
	c := standardCoder(t)
	inputs, _ := filepath.Glob("testdata/golden/*.txt")
	if len(inputs) == 0 {
		t.Fatal("no golden inputs")
	}
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			text, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			doc := &source.Document{ID: filepath.Base(in), Text: string(text), Published: time.Date(2024, 3, 13, 0, 0, 0, 0, time.UTC)}
			evs, err := c.Code(context.Background(), doc)
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			enc := json.NewEncoder(&got)
			enc.SetEscapeHTML(false)
			for i := range evs {
				if err := enc.Encode(&evs[i]); err != nil {
					t.Fatal(err)
				}
			}
			golden := strings.TrimSuffix(in, ".txt") + ".jsonl"
			if *update {
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				gl, wl := strings.Split(got.String(), "\n"), strings.Split(string(want), "\n")
				for i := 0; i < max(len(gl), len(wl)); i++ {
					var g, w string
					if i < len(gl) {
						g = gl[i]
					}
					if i < len(wl) {
						w = wl[i]
					}
					if g != w {
						t.Errorf("event %d differs:\n got  %s\n want %s", i, g, w)
					}
				}
			}
		})
	}
}
