package store

import (
	"context"
	"database/sql"
	"fmt"
	"iter"
	"strconv"
	"strings"
	"unicode"
)

// where builds the WHERE clause of f over events aliased "e". Every value is a bound argument.
func (s *SQL) where(f *Filter) (string, []any) {
	var terms []string
	var args []any
	add := func(term string, a ...any) {
		terms = append(terms, term)
		args = append(args, a...)
	}
	actor := func(side, v string) (string, []any) {
		if isCode(v) {
			return "(e." + side + "_code >= ? AND e." + side + "_code < ?)", []any{v, codeEnd(v)}
		}
		return "lower(e." + side + "_name) = lower(?)", []any{v}
	}
	if v := f.Actor; v != "" {
		t1, a1 := actor("source", v)
		t2, a2 := actor("target", v)
		add("("+t1+" OR "+t2+")", append(a1, a2...)...)
	}
	if v := f.Source; v != "" {
		t, a := actor("source", v)
		add(t, a...)
	}
	if v := f.Target; v != "" {
		t, a := actor("target", v)
		add(t, a...)
	}
	if f.Root != "" {
		add("e.root = ?", f.Root)
	}
	if f.Code != "" {
		add("e.cameo >= ? AND e.cameo < ?", f.Code, codeEnd(f.Code))
	}
	if f.Quad != 0 {
		add("e.quad_class = ?", f.Quad)
	}
	if f.Country != "" {
		add("(e.source_country = ? OR e.target_country = ? OR e.location_country = ?)", f.Country, f.Country, f.Country)
	}
	if !f.Since.IsZero() {
		add("e.day >= ?", timeDay(f.Since))
	}
	if !f.Until.IsZero() {
		add("e.day BETWEEN 1 AND ?", timeDay(f.Until))
	}
	if f.Text != "" {
		if q := s.d.TextQuery(f.Text); q != "" {
			add(s.d.TextMatch, q)
		} else {
			add("1 = 0") // no word to look for: nothing can match
		}
	}
	if len(terms) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(terms, " AND "), args
}

// isCode tells a CAMEO code from a name: codes are upper-case letters and digits.
func isCode(v string) bool {
	for _, r := range v {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return v != ""
}

// codeEnd is the least string above every string with prefix p, for a range scan: p with its last
// byte raised. Codes are ASCII, so the byte never overflows; other text gets "\U0010FFFF" appended,
// above any character.
func codeEnd(p string) string {
	if last := p[len(p)-1]; last < 0x7f {
		return p[:len(p)-1] + string(last+1)
	}
	return p + "\U0010FFFF"
}

// Words splits text into the words a full-text search looks for: runs of letters and digits.
func Words(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// Events yields the events that pass f, by day then storage order, or in storage order only.
func (s *SQL) Events(ctx context.Context, f Filter) iter.Seq2[*Record, error] {
	return func(yield func(*Record, error) bool) {
		q, args := s.eventsQuery(&f)
		rows, err := s.db.QueryContext(ctx, q, args...)
		if err != nil {
			yield(nil, fmt.Errorf("query events: %w", s.d.classify(err)))
			return
		}
		defer rows.Close()
		var r row
		dest := r.dest()
		for rows.Next() {
			r = row{}
			if err := rows.Scan(dest...); err != nil {
				yield(nil, fmt.Errorf("read event: %w", err))
				return
			}
			rec, err := r.record()
			if !yield(rec, err) || err != nil {
				return
			}
		}
		if err := rows.Err(); err != nil {
			yield(nil, fmt.Errorf("read events: %w", s.d.classify(err)))
		}
	}
}

// eventsQuery is the statement of Events for f, in the dialect's placeholders, and its arguments.
func (s *SQL) eventsQuery(f *Filter) (string, []any) {
	where, args := s.where(f)
	q := "SELECT e.seq, e." + strings.Join(eventColumns, ", e.") + " FROM events e" + where + " ORDER BY e.day, e.seq"
	if f.StoredOrder {
		q = "SELECT e.seq, e." + strings.Join(eventColumns, ", e.") + " FROM events e" + where + " ORDER BY e.seq"
	}
	if f.Limit > 0 {
		q += " LIMIT ?"
		args = append(args, f.Limit)
	}
	return s.d.rebind(q), args
}

// Aggregate counts the events that pass f by g.
func (s *SQL) Aggregate(ctx context.Context, f Filter, g Grouping) ([]Bucket, error) {
	var cols []string
	switch g.Period {
	case NoPeriod:
	case Day:
		cols = append(cols, "e.day")
	case Week:
		cols = append(cols, "e.week")
	case Month:
		cols = append(cols, "e.day / 100")
	default:
		return nil, fmt.Errorf("unknown period %q", g.Period)
	}
	switch g.Key {
	case NoKey:
	case Root:
		cols = append(cols, "e.root")
	case Quad:
		cols = append(cols, "e.quad_class")
	case Dyad:
		cols = append(cols, "coalesce(e.source_country, '')", "coalesce(e.target_country, '')")
	default:
		return nil, fmt.Errorf("unknown key %q", g.Key)
	}
	groups := cols
	where, args := s.where(&f)
	q := "SELECT " + strings.Join(append(cols, "count(*)", "sum(e.num_articles)", "avg(e.goldstein)"), ", ") + " FROM events e" + where
	if len(groups) > 0 {
		q += " GROUP BY " + strings.Join(groups, ", ") + " ORDER BY " + strings.Join(groups, ", ")
	}
	if f.Limit > 0 {
		q += " LIMIT ?"
		args = append(args, f.Limit)
	}
	rows, err := s.db.QueryContext(ctx, s.d.rebind(q), args...)
	if err != nil {
		return nil, fmt.Errorf("aggregate: %w", s.d.classify(err))
	}
	defer rows.Close()
	var out []Bucket
	for rows.Next() {
		var (
			b         Bucket
			period    int64
			key, key2 string
			quad      int
			articles  sql.NullInt64
			mean      sql.NullFloat64
			dest      []any
		)
		if g.Period != NoPeriod {
			dest = append(dest, &period)
		}
		switch g.Key {
		case Root:
			dest = append(dest, &key)
		case Quad:
			dest = append(dest, &quad)
		case Dyad:
			dest = append(dest, &key, &key2)
		}
		dest = append(dest, &b.Events, &articles, &mean)
		if err := rows.Scan(dest...); err != nil {
			return nil, fmt.Errorf("read aggregate: %w", err)
		}
		b.Articles, b.Goldstein = int(articles.Int64), mean.Float64
		switch g.Period {
		case Day, Week:
			b.Period = "unknown"
			if period != 0 {
				b.Period = formatDay(period)
			}
		case Month:
			b.Period = "unknown"
			if period != 0 {
				b.Period = fmt.Sprintf("%04d-%02d", period/100, period%100)
			}
		}
		switch g.Key {
		case Root:
			b.Key = key
		case Quad:
			b.Key = strconv.Itoa(quad)
		case Dyad:
			b.Key = key + "-" + key2
		}
		out = append(out, b)
	}
	return out, rows.Err()
}
