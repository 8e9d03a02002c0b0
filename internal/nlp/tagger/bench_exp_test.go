package tagger

import (
	"os"
	"syscall"
	"testing"
	"time"
)

func BenchmarkExpTag(b *testing.B) {
	f, err := os.Open(os.Getenv("MODEL"))
	if err != nil {
		b.Skip(err)
	}
	m, err := Read(f)
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	dev := loadUD(b, "en_ewt-ud-dev.conllu")
	forms := [][]string{}
	ntok := 0
	fixed, cached, sure := 0, 0, 0
	tg := m.NewTagger()
	for _, s := range dev {
		fs := []string{}
		for _, w := range s.Words {
			fs = append(fs, w.Form)
		}
		ntok += len(fs)
		forms = append(forms, fs)
		tg.prepare(fs)
		for _, w := range tg.ws[pad : pad+len(fs)] {
			if w.fixed >= 0 {
				fixed++
			} else if w.cache >= 0 {
				cached++
			}
		}
		tg.tag(fs)
		for _, s := range tg.sure[pad : pad+len(fs)] {
			if s {
				sure++
			}
		}
	}
	b.Logf("fixed %d cached %d sure %d /%d", fixed, cached, sure, ntok)
	up, xp := make([]string, 1000), make([]string, 1000)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, f := range forms {
			tg.Tag(f, up, xp)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*ntok), "ns/token")
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	b.Logf("cpu %v", time.Duration(ru.Utime.Nano()))
}
