package graph

import (
	"encoding/json"
	"io"
	"math"

	"github.com/citegraph/citegraph/graph/safetext"
	"github.com/citegraph/citegraph/parse"
)

// exportWork is the JSON form of a work in WriteJSON.
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
	// Cluster gives the work's cluster in each clustering exported.
	Cluster map[string]int `json:"cluster,omitempty"`
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

type exportCoupling struct {
	A      string  `json:"a"`
	B      string  `json:"b"`
	Shared int     `json:"shared"`
	Cosine float64 `json:"cosine"`
}

type exportCocitation struct {
	A      string  `json:"a"`
	B      string  `json:"b"`
	Count  int     `json:"count"`
	Cosine float64 `json:"cosine"`
}

// WriteJSON writes the whole graph as one JSON object: works with their
// metrics and mentions, citations, coupling and co-citation pairs, and the
// clusterings given (each work's cluster in each). Works are in ID order,
// pairs strongest first, so the bytes are the same on every run with the
// same input.
func (g *Graph) WriteJSON(w io.Writer, m *Metrics, coupling, cocitation []Pair, clusters ...WorkClusters) error {
	out := struct {
		Works      []exportWork       `json:"works"`
		Citations  []exportCitation   `json:"citations"`
		Coupling   []exportCoupling   `json:"coupling"`
		Cocitation []exportCocitation `json:"cocitation"`
		Clusters   []exportClusters   `json:"clusters,omitempty"`
	}{
		Works:      make([]exportWork, len(g.Works)),
		Citations:  make([]exportCitation, len(g.Citations)),
		Coupling:   make([]exportCoupling, len(coupling)),
		Cocitation: make([]exportCocitation, len(cocitation)),
	}
	for i := range g.Works {
		wk := &g.Works[i]
		out.Works[i] = exportWork{ID: wk.ID, InCorpus: wk.InCorpus, Title: wk.Title, Label: wk.Label, Authors: wk.Authors,
			Year: wk.Year, Venue: wk.Venue, DOI: wk.DOI, IDs: wk.IDs, Sources: wk.Sources, CitedBy: wk.CitedBy,
			RefsDeclared: wk.RefsDeclared, RefsListed: wk.RefsListed, Mentions: wk.Mentions,
			Metrics: exportMetrics{InDegree: m.InDegree[i], OutDegree: m.OutDegree[i], PageRank: round(m.PageRank[i]),
				Hub: round(m.Hub[i]), Authority: round(m.Authority[i]), Betweenness: round(m.Betweenness[i])}}
		if out.Works[i].Mentions == nil {
			out.Works[i].Mentions = []Mention{}
		}
		for _, wc := range clusters {
			if c, ok := wc.Of[i]; ok {
				if out.Works[i].Cluster == nil {
					out.Works[i].Cluster = map[string]int{}
				}
				out.Works[i].Cluster[wc.Network] = c
			}
		}
	}
	for _, wc := range clusters {
		out.Clusters = append(out.Clusters, exportClusters{Network: wc.Network, Clusters: wc.Clusters})
	}
	for i, c := range g.Citations {
		out.Citations[i] = exportCitation{From: g.Works[c.From].ID, To: g.Works[c.To].ID, Match: c.Match}
	}
	for i, p := range coupling {
		out.Coupling[i] = exportCoupling{A: g.Works[p.A].ID, B: g.Works[p.B].ID, Shared: p.Count, Cosine: round(p.Cosine)}
	}
	for i, p := range cocitation {
		out.Cocitation[i] = exportCocitation{A: g.Works[p.A].ID, B: g.Works[p.B].ID, Count: p.Count, Cosine: round(p.Cosine)}
	}
	enc := json.NewEncoder(safetext.JSONWriter(w))
	enc.SetIndent("", " ")
	return enc.Encode(out)
}

// round keeps 12 significant decimals: far finer than any use of the
// metrics, coarse enough that the last bits of floating-point summation
// never change the bytes written.
func round(x float64) float64 {
	const s = 1e12
	return math.Round(x*s) / s
}
