package lexicon

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
)

//go:embed data
var builtin embed.FS

// Builtin returns dyad's own lexicon, loaded from the files embedded in the binary.
func Builtin() (*Lexicon, error) {
	l := New()
	sub, err := fs.Sub(builtin, "data")
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	if err := l.LoadFS(sub, "lexicon"); err != nil {
		return nil, fmt.Errorf("built-in lexicon: %w", err)
	}
	return l, nil
}

// LoadDir adds the dyad-format lexicon files of a folder (--lexicon DIR).
func (l *Lexicon) LoadDir(dir string) error {
	st, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("lexicon %s: %w", dir, err)
	}
	if !st.IsDir() {
		return fmt.Errorf("lexicon %s: not a folder", dir)
	}
	return l.LoadFS(os.DirFS(dir), dir)
}
