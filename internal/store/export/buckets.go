package export

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/dyad-events/dyad/internal/store"
)

// BucketColumns are the columns of an aggregate, the series an analyst plots.
var BucketColumns = []string{"period", "key", "events", "articles", "goldstein"}

// WriteBuckets writes an aggregate as a table, CSV or JSONL.
func WriteBuckets(w io.Writer, format string, bs []store.Bucket) error {
	switch format {
	case "table":
		bw := bufio.NewWriter(w)
		fmt.Fprintf(bw, "%-10s  %-9s  %8s  %8s  %9s\n", "PERIOD", "KEY", "EVENTS", "ARTICLES", "GOLDSTEIN")
		for _, b := range bs {
			fmt.Fprintf(bw, "%-10s  %-9s  %8d  %8d  %9.2f\n", dash(b.Period), dash(b.Key), b.Events, b.Articles, b.Goldstein)
		}
		return bw.Flush()
	case "csv":
		cw := csv.NewWriter(w)
		if err := cw.Write(BucketColumns); err != nil {
			return err
		}
		for _, b := range bs {
			if err := cw.Write([]string{b.Period, b.Key, strconv.Itoa(b.Events), strconv.Itoa(b.Articles),
				strconv.FormatFloat(b.Goldstein, 'f', -1, 64)}); err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	case "jsonl", "json":
		bw := bufio.NewWriter(w)
		enc := json.NewEncoder(bw)
		for _, b := range bs {
			if err := enc.Encode(struct {
				Period    string  `json:"period,omitempty"`
				Key       string  `json:"key,omitempty"`
				Events    int     `json:"events"`
				Articles  int     `json:"articles"`
				Goldstein float64 `json:"goldstein"`
			}{b.Period, b.Key, b.Events, b.Articles, b.Goldstein}); err != nil {
				return err
			}
		}
		return bw.Flush()
	}
	return fmt.Errorf("unknown format %q for an aggregate (want table, csv or jsonl)", format)
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
