package netio

import (
	"iter"
	"strings"

	"github.com/citegraph/citegraph/graph"
)

// WorkAttrs are the attributes of a work node, in every network whose nodes
// are works: what it is, and every metric of the citation graph.
var WorkAttrs = []Attr{
	{Name: "title", Type: String, Title: "Title", Describe: true},
	{Name: "authors", Type: String, Title: "Authors", Describe: true},
	{Name: "year", Type: Int, Title: "Pub. year", VOS: "score", Describe: true},
	{Name: "venue", Type: String, Title: "Source", Describe: true},
	{Name: "doi", Type: String, Title: "DOI", Describe: true},
	{Name: "in_corpus", Type: Bool, Title: "In corpus"},
	{Name: "lcs", Type: Int, Title: "Local citations", VOS: "weight"},
	{Name: "gcs", Type: Int, Title: "Citations", VOS: "weight"},
	{Name: "in_degree", Type: Int, Title: "In-degree"},
	{Name: "out_degree", Type: Int, Title: "References"},
	{Name: "pagerank", Type: Float, Title: "PageRank", VOS: "score"},
	{Name: "hub", Type: Float, Title: "Hub"},
	{Name: "authority", Type: Float, Title: "Authority"},
	{Name: "betweenness", Type: Float, Title: "Betweenness", VOS: "score"},
}

// Works fills in work nodes: the work's ID, label, WorkAttrs values and
// DOI link. Anything whose nodes are works (a works-level science map) can
// use it, so that every network describes a work the same way.
type Works struct {
	G *graph.Graph
	M *graph.Metrics
}

// Fill fills n (whose Values hold len(WorkAttrs) entries) for work i.
func (ws Works) Fill(i int, n *Node) {
	w := &ws.G.Works[i]
	n.ID, n.Label = w.ID, w.Label
	v := n.Values
	str := func(k int, s string) {
		if s != "" {
			v[k] = s
		}
	}
	str(0, w.Title)
	str(1, Authors(w))
	if w.Year > 0 {
		v[2] = w.Year
	}
	str(3, w.Venue)
	str(4, w.DOI)
	v[5] = w.InCorpus
	lcs := 0
	for _, c := range ws.G.In(i) {
		if ws.G.Works[c].InCorpus {
			lcs++
		}
	}
	v[6] = lcs
	if w.CitedBy != nil {
		v[7] = *w.CitedBy
	}
	if m := ws.M; m != nil {
		v[8], v[9] = m.InDegree[i], m.OutDegree[i]
		v[10], v[11], v[12], v[13] = m.PageRank[i], m.Hub[i], m.Authority[i], m.Betweenness[i]
	}
	if w.DOI != "" {
		n.URL = "https://doi.org/" + w.DOI
	}
}

// Authors joins a work's authors as "Family, Given; Family, Given".
func Authors(w *graph.Work) string {
	var b strings.Builder
	for k, a := range w.Authors {
		if k > 0 {
			b.WriteString("; ")
		}
		b.WriteString(a.Family)
		if a.Given != "" {
			b.WriteString(", " + a.Given)
		}
	}
	return b.String()
}

// CitationOptions controls Citation. The zero value takes every work.
type CitationOptions struct {
	// Works, when not nil, are the works that become nodes (indexes into
	// Graph.Works, in node order); only citations between them are arcs.
	Works []int
	// Clusters are clusterings of works (the clusters of the coupling and
	// co-citation maps), each written as an attribute "<network>_cluster"
	// (from 1; unknown for a work it does not cluster).
	Clusters []graph.WorkClusters
}

// Citation returns the citation network of g: a node per work and an arc
// from each citing work to the work it cites, with the resolution evidence
// ("doi", "title", …) as the arc's match attribute. m may be nil (no
// metrics).
func Citation(g *graph.Graph, m *graph.Metrics, opt *CitationOptions) *Network {
	ws := Works{G: g, M: m}
	node := func(i int) int { return i }  // node → work
	index := func(w int) int { return w } // work → node, -1 if absent
	n := g.Len()
	if opt != nil && opt.Works != nil {
		works := opt.Works
		pos := make([]int32, g.Len())
		for i := range pos {
			pos[i] = -1
		}
		for k, w := range works {
			pos[w] = int32(k)
		}
		node = func(i int) int { return works[i] }
		index = func(w int) int { return int(pos[w]) }
		n = len(works)
	}
	attrs := WorkAttrs
	var clusters []graph.WorkClusters
	if opt != nil {
		clusters = opt.Clusters
	}
	for _, wc := range clusters {
		attrs = append(attrs[:len(attrs):len(attrs)], Attr{Name: wc.Network + "_cluster", Type: Int, Title: wc.Network + " cluster"})
	}
	fill := func(i int, nd *Node) {
		w := node(i)
		ws.Fill(w, nd)
		for k, wc := range clusters {
			if c, ok := wc.Of[w]; ok {
				nd.Values[len(WorkAttrs)+k] = c
			}
		}
	}
	return &Network{
		Name: "citation", Directed: true, NodeAttrs: attrs,
		// parse.citingFirstNote: readers of these files take it at its word
		Description: "citation network: arcs go from the citing to the cited work",
		EdgeAttrs:   []Attr{{Name: "match", Type: String, Title: "Match"}},
		Len:         n,
		Node:        fill,
		Edges: func(yield func(Edge) bool) {
			vals := make([]any, 1)
			for _, c := range g.Citations {
				a, b := index(c.From), index(c.To)
				if a < 0 || b < 0 {
					continue
				}
				vals[0] = c.Match
				if !yield(Edge{From: a, To: b, Weight: 1, Values: vals}) {
					return
				}
			}
		},
		Terms: Terms{Item: "work", Items: "works", Link: "citation link", Links: "citation links", LinkStrength: "Citations"},
	}
}

// PairOptions controls Pairs.
type PairOptions struct {
	// Cocitation selects co-citation pairs; false selects bibliographic
	// coupling.
	Cocitation bool
	// MinWeight drops pairs that share fewer items; 0 or 1 keeps all.
	MinWeight int
	// Top, when positive, keeps the Top strongest pairs, strongest first,
	// in memory proportional to Top; otherwise every pair is written in
	// work order, streamed, in memory proportional to the works.
	Top int
	// Clusters, when not nil, clusters the works (the clusters of the map
	// of the same network): each node's cluster, and the clusters' labels.
	Clusters *graph.WorkClusters
}

// Pairs returns the bibliographic-coupling or co-citation network of g: a
// node per work that has a pair kept, an undirected edge per pair weighted
// by the items shared (references for coupling, citing works for
// co-citation) with Salton's cosine as an attribute. total counts every
// pair with at least MinWeight shared items, kept or not; leftOut are the
// works too costly to count (graph.Shared.LeftOut).
func Pairs(g *graph.Graph, m *graph.Metrics, opt PairOptions) (net *Network, total int, leftOut []int) {
	all := g.AllCoupling
	net = &Network{Name: "coupling", Description: "bibliographic coupling network: works linked by the references they share",
		Terms: Terms{Item: "work", Items: "works", Link: "bibliographic coupling link",
			Links: "bibliographic coupling links", LinkStrength: "Shared references"}}
	if opt.Cocitation {
		all = g.AllCocitation
		net.Name = "cocitation"
		net.Description = "co-citation network: works linked by the works that cite both"
		net.Terms = Terms{Item: "work", Items: "works", Link: "co-citation link", Links: "co-citation links",
			LinkStrength: "Co-citations"}
	}
	weight := opt.MinWeight
	pos := make([]int32, g.Len()) // work → node + 1
	var works []int               // node → work
	var edges func(yield func(Edge) bool)
	sh := graph.SharedOptions{MinCount: weight, Limit: opt.Top}
	if opt.Top > 0 {
		var s graph.Shared
		if opt.Cocitation {
			s = g.Cocitation(&sh)
		} else {
			s = g.Coupling(&sh)
		}
		total, leftOut = s.Total, s.LeftOut
		for _, p := range s.Pairs {
			pos[p.A], pos[p.B] = 1, 1
		}
		edges = func(yield func(Edge) bool) {
			vals := make([]any, 1)
			for _, p := range s.Pairs {
				vals[0] = p.Cosine
				if !yield(Edge{From: int(pos[p.A] - 1), To: int(pos[p.B] - 1), Weight: float64(p.Count), Values: vals}) {
					return
				}
			}
		}
	} else {
		var seq iter.Seq[graph.Pair]
		seq, leftOut = all(&sh)
		for p := range seq {
			pos[p.A], pos[p.B] = 1, 1
			total++
		}
		edges = func(yield func(Edge) bool) {
			vals := make([]any, 1)
			for p := range seq {
				vals[0] = p.Cosine
				if !yield(Edge{From: int(pos[p.A] - 1), To: int(pos[p.B] - 1), Weight: float64(p.Count), Values: vals}) {
					return
				}
			}
		}
	}
	for w := range pos {
		if pos[w] != 0 {
			works = append(works, w)
			pos[w] = int32(len(works))
		}
	}
	ws := Works{G: g, M: m}
	net.NodeAttrs = WorkAttrs
	net.EdgeAttrs = []Attr{{Name: "cosine", Type: Float, Title: "Cosine"}}
	net.Len = len(works)
	net.Node = func(i int, nd *Node) { ws.Fill(works[i], nd) }
	if wc := opt.Clusters; wc != nil {
		for _, c := range wc.Clusters {
			net.Clusters = append(net.Clusters, Cluster{ID: c.ID, Label: c.Label})
		}
		net.Node = func(i int, nd *Node) {
			ws.Fill(works[i], nd)
			nd.Cluster = wc.Of[works[i]]
		}
	}
	net.Edges = edges
	net.Weighted = true
	return net, total, leftOut
}
