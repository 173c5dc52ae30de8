package netio

import (
	"math"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/network"
	"github.com/citegraph/citegraph/graph/scimap"
)

// unitAttrs are the attributes of a map node that stands for something
// other than a work (an author, a source, a keyword, …), titled as
// VOSviewer titles its own.
var unitAttrs = []Attr{
	{Name: "documents", Type: Int, Title: "Documents", VOS: "weight", Describe: true},
	{Name: "citations", Type: Int, Title: "Citations", VOS: "weight", Describe: true},
	{Name: "occurrences", Type: Int, Title: "Occurrences", VOS: "weight"},
	{Name: "mean_year", Type: Float, Title: "Avg. pub. year", VOS: "score", Describe: true},
}

// linkAttrs are the attributes every map node gets: its links in the map.
var linkAttrs = []Attr{
	{Name: "links", Type: Int, Title: "Links", VOS: "weight"},
	{Name: "total_link_strength", Type: Float, Title: "Total link strength", VOS: "weight"},
}

// MapOptions controls Map.
type MapOptions struct {
	// Drawn keeps only the nodes the map draws (scimap.Map.Drawn), which
	// are the ones with positions; otherwise every node of the map's
	// network is written, with positions only when all are drawn.
	Drawn bool
}

// Map returns a science map as a network: a node per unit of the map's
// network (a work, with every attribute a work has elsewhere, or an author,
// source, keyword, organisation or country, with its documents, citations,
// occurrences and mean year), its cluster (numbered from 1, labelled with
// the cluster's terms), its position and a size whose area is proportional
// to the count the map sizes by; an undirected edge per link, weighted by
// its count (shared references, co-citations, co-occurrences, co-authored
// works) with the normalised strength the clustering used as "strength".
// m may be nil.
func Map(g *graph.Graph, m *graph.Metrics, mp *scimap.Map, opt *MapOptions) *Network {
	net := mp.Network
	nodes := make([]int, 0, len(net.Nodes)) // node → map node
	if opt != nil && opt.Drawn {
		nodes = append(nodes, mp.Drawn...)
	} else {
		for i := range net.Nodes {
			nodes = append(nodes, i)
		}
	}
	pos := make([]int32, len(net.Nodes)) // map node → node + 1
	for k, i := range nodes {
		pos[i] = int32(k + 1)
	}
	works := net.Unit == network.Works
	attrs := unitAttrs
	if works {
		attrs = WorkAttrs
	}
	n := &Network{
		Name:        "map-" + string(net.Kind) + "-" + string(net.Unit),
		Description: scimap.Title(net) + ": " + mp.Caption,
		NodeAttrs:   append(append([]Attr(nil), attrs...), linkAttrs...),
		EdgeAttrs:   []Attr{{Name: "strength", Type: Float, Title: string(net.Normalization)}},
		Len:         len(nodes),
		Weighted:    true,
		Layout:      len(nodes) > 0 && len(mp.Drawn) >= len(nodes),
		Sized:       true,
		Terms:       mapTerms(net),
	}
	for _, c := range mp.Clusters {
		n.Clusters = append(n.Clusters, Cluster{ID: c.ID + 1, Label: c.Label, Color: c.Color})
	}
	ws := Works{G: g, M: m}
	n.Node = func(k int, nd *Node) {
		u := &net.Nodes[nodes[k]]
		v := nd.Values
		if works {
			ws.Fill(int(net.Members(nodes[k])[0]), nd)
		} else {
			nd.ID, nd.Label = u.ID, u.Label
			v[0], v[1], v[2] = u.Documents, u.Citations, u.Occurrences
			if u.Year > 0 {
				v[3] = u.Year
			}
		}
		v[len(attrs)], v[len(attrs)+1] = u.Links, u.Strength
		if u.Cluster >= 0 {
			nd.Cluster = u.Cluster + 1
		}
		nd.X, nd.Y = u.X, u.Y
		nd.Size = math.Sqrt(float64(max(u.Count, 0)))
	}
	n.Edges = func(yield func(Edge) bool) {
		vals := make([]any, 1)
		for _, e := range net.Edges {
			a, b := pos[e.A], pos[e.B]
			if a == 0 || b == 0 {
				continue
			}
			vals[0] = float64(e.Weight)
			if !yield(Edge{From: int(a - 1), To: int(b - 1), Weight: float64(e.Count), Values: vals}) {
				return
			}
		}
	}
	return n
}

// mapTerms names a map's items and links for VOSviewer.
func mapTerms(net *network.Network) Terms {
	item := map[network.Unit][2]string{
		network.Works: {"work", "works"}, network.Authors: {"author", "authors"}, network.Sources: {"source", "sources"},
		network.Keywords: {"keyword", "keywords"}, network.Organizations: {"organization", "organizations"},
		network.Countries: {"country", "countries"},
	}[net.Unit]
	link := map[network.Kind][3]string{
		network.Coupling:     {"bibliographic coupling link", "bibliographic coupling links", "Shared references"},
		network.Cocitation:   {"co-citation link", "co-citation links", "Co-citations"},
		network.Cooccurrence: {"co-occurrence link", "co-occurrence links", "Co-occurrences"},
		network.Coauthorship: {"co-authorship link", "co-authorship links", "Co-authored documents"},
	}[net.Kind]
	return Terms{Item: item[0], Items: item[1], Link: link[0], Links: link[1], LinkStrength: link[2]}
}
