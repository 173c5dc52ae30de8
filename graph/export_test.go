package graph

import (
	"bytes"
	"encoding/json"
	"iter"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph/safetext"
	"github.com/citegraph/citegraph/parse"
)

// The structures WriteJSON wrote through encoding/json before it streamed:
// the streaming writer must give the same bytes.
type exportWork struct {
	ID           string            `json:"id"`
	InCorpus     bool              `json:"in_corpus"`
	Title        string            `json:"title,omitempty"`
	Label        string            `json:"label"`
	Authors      []parse.Author    `json:"authors,omitempty"`
	Year         int               `json:"year,omitempty"`
	Venue        string            `json:"venue,omitempty"`
	DOI          string            `json:"doi,omitempty"`
	IDs          map[string]string `json:"ids,omitempty"`
	Sources      []string          `json:"sources,omitempty"`
	CitedBy      *int              `json:"cited_by,omitempty"`
	RefsDeclared *int              `json:"refs_declared,omitempty"`
	RefsListed   int               `json:"refs_listed"`
	Mentions     []Mention         `json:"mentions"`
	Metrics      exportMetrics     `json:"metrics"`
	Cluster      map[string]int    `json:"cluster,omitempty"`
}

type exportClusters struct {
	Network  string        `json:"network"`
	Clusters []ClusterInfo `json:"clusters"`
}

type exportMetrics struct {
	InDegree    int     `json:"in_degree"`
	OutDegree   int     `json:"out_degree"`
	PageRank    float64 `json:"pagerank"`
	Hub         float64 `json:"hub"`
	Authority   float64 `json:"authority"`
	Betweenness float64 `json:"betweenness"`
}

type exportCitation struct {
	From  string `json:"from"`
	To    string `json:"to"`
	Match string `json:"match"`
}

type exportPair struct {
	A      string  `json:"a"`
	B      string  `json:"b"`
	Count  int     `json:"count"`
	Cosine float64 `json:"cosine"`
}

// marshalExport is the export as encoding/json writes it (through
// safetext.JSONWriter, as the export did).
func marshalExport(t *testing.T, g *Graph, m *Metrics, cocited []Pair, clusters []WorkClusters) []byte {
	out := struct {
		Works      []exportWork     `json:"works"`
		Citations  []exportCitation `json:"citations"`
		Coupling   []exportPair     `json:"coupling"`
		Cocitation []exportPair     `json:"cocitation"`
		Clusters   []exportClusters `json:"clusters,omitempty"`
	}{Works: []exportWork{}, Citations: []exportCitation{}, Coupling: []exportPair{}, Cocitation: []exportPair{}}
	for i := range g.Works {
		wk := &g.Works[i]
		e := exportWork{ID: wk.ID, InCorpus: wk.InCorpus, Title: wk.Title, Label: wk.Label, Authors: wk.Authors,
			Year: wk.Year, Venue: wk.Venue, DOI: wk.DOI, IDs: wk.IDs, Sources: wk.Sources, CitedBy: wk.CitedBy,
			RefsDeclared: wk.RefsDeclared, RefsListed: wk.RefsListed, Mentions: wk.Mentions,
			Metrics: exportMetrics{InDegree: m.InDegree[i], OutDegree: m.OutDegree[i], PageRank: round(m.PageRank[i]),
				Hub: round(m.Hub[i]), Authority: round(m.Authority[i]), Betweenness: round(m.Betweenness[i])}}
		if e.Mentions == nil {
			e.Mentions = []Mention{}
		}
		for _, wc := range clusters {
			if c, ok := wc.Of[i]; ok {
				if e.Cluster == nil {
					e.Cluster = map[string]int{}
				}
				e.Cluster[wc.Network] = c
			}
		}
		out.Works = append(out.Works, e)
	}
	for _, wc := range clusters {
		out.Clusters = append(out.Clusters, exportClusters{Network: wc.Network, Clusters: wc.Clusters})
	}
	for _, c := range g.Citations {
		out.Citations = append(out.Citations, exportCitation{From: g.Works[c.From].ID, To: g.Works[c.To].ID, Match: c.Match})
	}
	for _, p := range cocited {
		out.Cocitation = append(out.Cocitation, exportPair{A: g.Works[p.A].ID, B: g.Works[p.B].ID, Count: p.Count, Cosine: round(p.Cosine)})
	}
	var b bytes.Buffer
	enc := json.NewEncoder(safetext.JSONWriter(&b))
	enc.SetIndent("", " ")
	if err := enc.Encode(out); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestWriteJSONEqualsEncodingJSON(t *testing.T) {
	files := []string{"wos/python-bibx_bit-pattern-savedrecs.txt", "crossref/abbotsbury_test2.json", "ris/python-bibx_scopus.ris"}
	for _, f := range files {
		recs := rsReadCorpus(t, f)
		// hostile text: every escape encoding/json and safetext make
		recs[0].Title = "a\x01b\"c\\d<e>&f\u2028g\u2029h\xffi\tj\nk\bl\fm\x7fn\u0085o\u202ep\u2067q"
		g := New(Resolve(recs, nil))
		m := g.Metrics(&MetricOptions{SkipBetweenness: true})
		m.Betweenness[0] = 1.5e-9 // an exponent form
		co := g.Cocitation(&SharedOptions{Limit: 50})
		var got bytes.Buffer
		pairs := func() (iter.Seq[Pair], int) { return PairSeq(co.Pairs), co.Total }
		// two clusterings, given out of name order, covering some works
		clusters := []WorkClusters{
			{Network: "coupling", Of: map[int]int{0: 2, 3: 1}, Clusters: []ClusterInfo{{ID: 1, Size: 1, Label: "x"}, {ID: 2, Size: 1, Label: "y · z", Terms: []string{"y", "z"}, MeanYear: 2001.5}}},
			{Network: "cocitation", Of: map[int]int{0: 1, 1: 1}, Clusters: []ClusterInfo{{ID: 1, Size: 2, Label: "w"}}},
		}
		if err := g.WriteJSON(&got, m, &JSONOptions{Cocitation: pairs, Clusters: clusters}); err != nil {
			t.Fatal(err)
		}
		want := marshalExport(t, g, m, co.Pairs, clusters)
		// the streaming writer adds the pair totals
		gotS := strings.Replace(got.String(), ",\n \"cocitation_total\": "+itoa(co.Total), "", 1)
		if gotS != string(want) {
			gl, wl := strings.Split(gotS, "\n"), strings.Split(string(want), "\n")
			for i := range min(len(gl), len(wl)) {
				if gl[i] != wl[i] {
					t.Fatalf("%s: line %d:\n got %q\nwant %q", f, i+1, gl[i], wl[i])
				}
			}
			t.Fatalf("%s: %d lines, want %d", f, len(gl), len(wl))
		}
		var v map[string]any
		if err := json.Unmarshal(got.Bytes(), &v); err != nil {
			t.Fatalf("%s: not JSON: %v", f, err)
		}
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }
