package graph

import (
	"bufio"
	"io"
	"iter"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/citegraph/citegraph/graph/safetext"
)

// JSONOptions controls WriteJSON. The zero value writes the works and
// citations and no pairs.
type JSONOptions struct {
	// Coupling and Cocitation give the pairs written: a sequence (PairSeq
	// of the Pairs of Coupling or Cocitation with a Limit, or AllCoupling
	// and AllCocitation to stream every pair) and the number of pairs there
	// are in all, written beside them as "coupling_total" and
	// "cocitation_total" (-1: the number of pairs the sequence gives). They
	// are called only when the works and citations are written, so the
	// pairs can be computed meanwhile. nil writes no pairs.
	Coupling, Cocitation func() (iter.Seq[Pair], int)
	// Clusters are the clusterings written: each work's cluster in each
	// as "cluster": {network: id}, and the clusters' profiles as
	// "clusters".
	Clusters []WorkClusters
}

// PairSeq ranges over a slice of pairs.
func PairSeq(pairs []Pair) iter.Seq[Pair] {
	return slices.Values(pairs)
}

// WriteJSON writes the whole graph as one JSON object: works with their
// metrics and mentions, citations, and the coupling and co-citation pairs
// opt gives:
//
//	{"works": [{"id", "in_corpus", "title", "label", "authors", "year", "venue", "doi", "ids",
//	            "sources", "cited_by", "refs_declared", "refs_listed", "mentions", "metrics",
//	            "cluster": {network: id}}],
//	 "citations": [{"from", "to", "match"}],
//	 "coupling": [{"a", "b", "shared", "cosine"}], "coupling_total": N,
//	 "cocitation": [{"a", "b", "count", "cosine"}], "cocitation_total": N,
//	 "clusters": [{"network", "clusters": [{"id", "size", "label", "terms", "mean_year"}]}]}
//
// Works are in ID order, citations by citing then cited work, so the bytes
// are the same on every run with the same input. The layout is that of
// encoding/json's MarshalIndent with a one-space indent, but WriteJSON
// streams, one work, citation or pair at a time, in memory independent of
// the output's size, and about five times faster. Characters a terminal
// would act on (C1 controls, bidirectional overrides) are escaped as
// safetext.JSONWriter escapes them.
func (g *Graph) WriteJSON(w io.Writer, m *Metrics, opt *JSONOptions) error {
	if opt == nil {
		opt = &JSONOptions{}
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	jw := safetext.JSONWriter(bw) // each write holds whole elements
	j := &jsonWriter{}
	// a work's clusters sorted by network, as encoding/json sorts a map's keys
	clusterings := slices.Clone(opt.Clusters)
	slices.SortStableFunc(clusterings, func(a, b WorkClusters) int { return strings.Compare(a.Network, b.Network) })
	// array writes "key": [ elements ], each element appended by elem.
	array := func(key string, first bool, seq func(elem func(func(*jsonWriter)) bool)) error {
		if !first {
			bw.WriteString(",\n")
		}
		bw.WriteString(` "` + key + `": [`)
		n := 0
		var err error
		seq(func(write func(*jsonWriter)) bool {
			j.b = j.b[:0]
			if n > 0 {
				j.b = append(j.b, ',')
			}
			j.b = append(j.b, "\n  "...)
			write(j)
			_, err = jw.Write(j.b)
			n++
			return err == nil
		})
		if n > 0 {
			bw.WriteString("\n ")
		}
		bw.WriteString("]")
		return err
	}
	bw.WriteString("{\n")
	err := array("works", true, func(elem func(func(*jsonWriter)) bool) {
		for i := range g.Works {
			if !elem(func(j *jsonWriter) { j.work(&g.Works[i], m, i, clusterings) }) {
				return
			}
		}
	})
	if err != nil {
		return err
	}
	err = array("citations", false, func(elem func(func(*jsonWriter)) bool) {
		for _, c := range g.Citations {
			ok := elem(func(j *jsonWriter) {
				j.open('{')
				j.str(1, "from", g.Works[c.From].ID)
				j.str(1, "to", g.Works[c.To].ID)
				j.str(1, "match", c.Match)
				j.close(0, '}')
			})
			if !ok {
				return
			}
		}
	})
	if err != nil {
		return err
	}
	pairs := func(key, count string, get func() (iter.Seq[Pair], int)) error {
		if get == nil {
			return array(key, false, func(func(func(*jsonWriter)) bool) {})
		}
		seq, total := get()
		n := 0
		err := array(key, false, func(elem func(func(*jsonWriter)) bool) {
			for p := range seq {
				n++
				ok := elem(func(j *jsonWriter) {
					j.open('{')
					j.str(1, "a", g.Works[p.A].ID)
					j.str(1, "b", g.Works[p.B].ID)
					j.int(1, count, p.Count)
					j.float(1, "cosine", p.Cosine)
					j.close(0, '}')
				})
				if !ok {
					return
				}
			}
		})
		if err != nil {
			return err
		}
		if total < 0 {
			total = n
		}
		_, err = bw.WriteString(",\n \"" + key + `_total": ` + strconv.Itoa(total))
		return err
	}
	if err := pairs("coupling", "shared", opt.Coupling); err != nil {
		return err
	}
	if err := pairs("cocitation", "count", opt.Cocitation); err != nil {
		return err
	}
	if len(opt.Clusters) > 0 {
		err = array("clusters", false, func(elem func(func(*jsonWriter)) bool) {
			for _, wc := range opt.Clusters {
				if !elem(func(j *jsonWriter) { j.clustering(&wc) }) {
					return
				}
			}
		})
		if err != nil {
			return err
		}
	}
	bw.WriteString("\n}\n")
	return bw.Flush()
}

// jsonWriter appends JSON laid out as encoding/json's MarshalIndent(v, "  ",
// " ") lays out an element of a top-level array: members on their own
// lines, indented by two spaces and one more per level.
type jsonWriter struct {
	b     []byte
	first bool // no member written yet in the innermost object or array
}

func (j *jsonWriter) open(c byte) {
	j.b = append(j.b, c)
	j.first = true
}

// close ends an object or array whose members were at depth+1.
func (j *jsonWriter) close(depth int, c byte) {
	if !j.first {
		j.line(depth)
	}
	j.b = append(j.b, c)
	j.first = false
}

// line starts a new line at depth.
func (j *jsonWriter) line(depth int) {
	j.b = append(j.b, '\n', ' ', ' ')
	for range depth {
		j.b = append(j.b, ' ')
	}
}

// key starts a member (or, with key "", an array element) at depth.
func (j *jsonWriter) key(depth int, key string) {
	if !j.first {
		j.b = append(j.b, ',')
	}
	j.first = false
	j.line(depth)
	if key != "" {
		j.b = appendString(j.b, key)
		j.b = append(j.b, ':', ' ')
	}
}

func (j *jsonWriter) str(depth int, key, s string) {
	j.key(depth, key)
	j.b = appendString(j.b, s)
}

func (j *jsonWriter) int(depth int, key string, n int) {
	j.key(depth, key)
	j.b = strconv.AppendInt(j.b, int64(n), 10)
}

func (j *jsonWriter) float(depth int, key string, x float64) {
	j.key(depth, key)
	j.b = appendFloat(j.b, round(x))
}

// work appends work i as one element of "works".
func (j *jsonWriter) work(wk *Work, m *Metrics, i int, clusterings []WorkClusters) {
	j.open('{')
	j.str(1, "id", wk.ID)
	j.key(1, "in_corpus")
	j.b = strconv.AppendBool(j.b, wk.InCorpus)
	if wk.Title != "" {
		j.str(1, "title", wk.Title)
	}
	j.str(1, "label", wk.Label)
	if len(wk.Authors) > 0 {
		j.key(1, "authors")
		j.open('[')
		for _, a := range wk.Authors {
			j.key(2, "")
			j.open('{')
			j.str(3, "family", a.Family)
			if a.Given != "" {
				j.str(3, "given", a.Given)
			}
			j.close(2, '}')
		}
		j.close(1, ']')
	}
	if wk.Year != 0 {
		j.int(1, "year", wk.Year)
	}
	if wk.Venue != "" {
		j.str(1, "venue", wk.Venue)
	}
	if wk.DOI != "" {
		j.str(1, "doi", wk.DOI)
	}
	if len(wk.IDs) > 0 {
		j.key(1, "ids")
		j.open('{')
		for _, k := range slices.Sorted(maps.Keys(wk.IDs)) {
			j.str(2, k, wk.IDs[k])
		}
		j.close(1, '}')
	}
	if len(wk.Sources) > 0 {
		j.key(1, "sources")
		j.open('[')
		for _, s := range wk.Sources {
			j.str(2, "", s)
		}
		j.close(1, ']')
	}
	if wk.CitedBy != nil {
		j.int(1, "cited_by", *wk.CitedBy)
	}
	if wk.RefsDeclared != nil {
		j.int(1, "refs_declared", *wk.RefsDeclared)
	}
	j.int(1, "refs_listed", wk.RefsListed)
	j.key(1, "mentions")
	j.open('[')
	for _, mt := range wk.Mentions {
		j.key(2, "")
		j.open('{')
		j.str(3, "source", mt.Source)
		j.str(3, "raw", mt.Raw)
		j.str(3, "how", mt.How)
		if mt.Joined != "" {
			j.str(3, "joined", mt.Joined)
		}
		j.close(2, '}')
	}
	j.close(1, ']')
	j.key(1, "metrics")
	j.open('{')
	j.int(2, "in_degree", m.InDegree[i])
	j.int(2, "out_degree", m.OutDegree[i])
	j.float(2, "pagerank", m.PageRank[i])
	j.float(2, "hub", m.Hub[i])
	j.float(2, "authority", m.Authority[i])
	j.float(2, "betweenness", m.Betweenness[i])
	j.close(1, '}')
	open := false
	for _, wc := range clusterings {
		if c, ok := wc.Of[i]; ok {
			if !open {
				j.key(1, "cluster")
				j.open('{')
				open = true
			}
			j.int(2, wc.Network, c)
		}
	}
	if open {
		j.close(1, '}')
	}
	j.close(0, '}')
}

// clustering appends one element of "clusters".
func (j *jsonWriter) clustering(wc *WorkClusters) {
	j.open('{')
	j.str(1, "network", wc.Network)
	j.key(1, "clusters")
	j.open('[')
	for _, c := range wc.Clusters {
		j.key(2, "")
		j.open('{')
		j.int(3, "id", c.ID)
		j.int(3, "size", c.Size)
		j.str(3, "label", c.Label)
		if len(c.Terms) > 0 {
			j.key(3, "terms")
			j.open('[')
			for _, t := range c.Terms {
				j.str(4, "", t)
			}
			j.close(3, ']')
		}
		if c.MeanYear != 0 {
			j.key(3, "mean_year")
			j.b = appendFloat(j.b, c.MeanYear)
		}
		j.close(2, '}')
	}
	j.close(1, ']')
	j.close(0, '}')
}

// appendString appends s as encoding/json writes a string with HTML
// escaping: quotes, backslashes and control characters escaped, <, > and &
// as \u003c, \u003e, \u0026, invalid UTF-8 as \ufffd, U+2028 and U+2029
// escaped.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// appendFloat appends x as encoding/json writes a float64.
func appendFloat(b []byte, x float64) []byte {
	abs := math.Abs(x)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, x, format, -1, 64)
	if format == 'e' {
		// e-09 to e-9
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// round keeps 12 significant decimals: far finer than any use of the
// metrics, coarse enough that the last bits of floating-point summation
// never change the bytes written.
func round(x float64) float64 {
	const s = 1e12
	return math.Round(x*s) / s
}
