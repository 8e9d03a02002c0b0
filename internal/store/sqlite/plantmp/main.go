package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/dyad-events/dyad/internal/store"
	"github.com/dyad-events/dyad/internal/store/sqlite"
	"github.com/dyad-events/dyad/internal/store/storetest"
)

func main() {
	var all []store.Entry
	for en := range storetest.Synthetic(104000, 10) {
		all = append(all, en)
	}
	all = all[100000:]
	s, err := sqlite.Open(context.Background(), os.Args[1])
	if err != nil {
		panic(err)
	}
	start := time.Now()
	c0 := cpu()
	for i := 0; i+200 <= len(all); i += 200 {
		if _, err := s.Put(context.Background(), all[i:i+200]); err != nil {
			panic(err)
		}
	}
	fmt.Printf("%s: wall %v cpu %.2fs -> %.0f docs/s of CPU\n", os.Args[1], time.Since(start).Round(time.Millisecond), cpu()-c0, float64(len(all))/(cpu()-c0))
}
