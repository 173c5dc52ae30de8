// Package scimap makes science maps: it builds a network of shared
// references, keywords or co-authors (package network), clusters it with
// Leiden (package cluster), labels and profiles each cluster, lays out the
// strongest nodes with the VOS layout (package layout) and writes the map
// as DOT with pinned positions, which Graphviz renders to SVG.
//
// A Map is pure data: the network with each node's cluster and position,
// the clusters with their labels and profiles, and what was drawn.
package scimap

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/cluster"
	"github.com/citegraph/citegraph/graph/network"
)

// Options controls Make. The zero value maps bibliographic coupling of
// works, clustered by modularity, labelled by log-likelihood ratio, with
// the 150 strongest nodes drawn.
type Options struct {
	// Network says which network to build and how (see network.Options).
	Network network.Options
	// Cluster says how to cluster it (see cluster.Options). Clusters are
	// found on the whole network, not only on the nodes drawn.
	Cluster cluster.Options
	// Terms is the number of terms in a cluster's label; 0 means 3.
	Terms int
	// TermScore is "llr" (log-likelihood ratio, as CiteSpace; default) or
	// "tfidf".
	TermScore string
	// Draw is the number of nodes drawn, shared among the clusters by
	// size, the strongest of each; 0 means 150, -1 all.
	Draw int
	// Seed seeds the layout (the clustering has its own in Cluster).
	Seed uint64
	// NoLayout skips the layout: clusters and profiles only, nothing drawn.
	NoLayout bool
	// MaxLayout, when Draw is -1, is the most nodes laid out: a larger
	// network is left unplaced (nothing drawn) and the caption says so.
	// The layout costs some 400 passes over the links: on a co-citation
	// network of 300,000 works and 15 M links, minutes. 0 means no limit.
	MaxLayout int
	// Stage, if not nil, is called as each step of Make begins, with its
	// name: "network", "clusters", "labels", "layout" (for progress and
	// stage timings).
	Stage func(name string)
}

// Map is a clustered, labelled and laid-out network.
type Map struct {
	Network *network.Network
	// Clusters are numbered as the nodes' Cluster field: 0 is the largest.
	Clusters []Cluster
	// Quality is the value of the quality function the clustering
	// maximised, QualityName its name ("modularity" or "cpm"), Resolution
	// its γ.
	Quality     float64
	QualityName string
	Resolution  float64
	// Modularity is the modularity of the clusters on the links' counts,
	// whatever the clustering maximised: comparable across maps.
	Modularity float64
	// Drawn lists the nodes drawn (indexes into Network.Nodes), by
	// decreasing total link strength: the clusters' strongest, each
	// cluster's share in proportion to its size.
	Drawn []int
	// Caption says in one or two sentences what the map shows, and why
	// it is empty or trivial when it is.
	Caption string
	// Unplaced says the network had more nodes than Options.MaxLayout:
	// none was laid out.
	Unplaced bool
	// WorkLabels are the short unique labels of the graph's works, by
	// which maps name works (network.WorkLabels).
	WorkLabels []string
}

// Cluster is the profile of one cluster.
type Cluster struct {
	ID   int `json:"id"`
	Size int `json:"size"`
	// Label is the cluster's distinctive terms, joined by " · ".
	Label string `json:"label"`
	Terms []Term `json:"terms,omitempty"`
	// MeanYear is the mean publication year of its nodes' works.
	MeanYear float64 `json:"mean_year,omitempty"`
	// Documents is the number of corpus works the terms were drawn from.
	Documents int `json:"documents"`
	// Top are its nodes of largest count (indexes into Network.Nodes).
	Top []int `json:"-"`
	// Citing are the corpus works citing its works most, with how many
	// of its works each cites (indexes into the graph's works).
	Citing []Citer `json:"-"`
	// Color is the cluster's colour on the map.
	Color string `json:"color"`
}

// Term is a distinctive term of a cluster and its score.
type Term struct {
	Text  string  `json:"text"`
	Score float64 `json:"score"`
	// Docs is the number of the cluster's documents that have it.
	Docs int `json:"docs"`
}

// Citer is a corpus work citing a cluster.
type Citer struct {
	Work  int
	Count int
}

// Make builds, clusters, labels and lays out one map of g.
func Make(g *graph.Graph, opt *Options) (*Map, error) {
	o := Options{}
	if opt != nil {
		o = *opt
	}
	stage := o.Stage
	if stage == nil {
		stage = func(string) {}
	}
	stage("network")
	if o.Network.WorkLabels == nil {
		o.Network.WorkLabels = network.WorkLabels(g)
	}
	net, err := network.Build(g, &o.Network)
	if err != nil {
		return nil, err
	}
	co := o.Cluster
	if co.Quality == "" {
		// association strengths are 1 where a link is as strong as chance
		// predicts: clusters denser than that (CPM at γ = 1), as VOSviewer
		// clusters; other weights by modularity
		co.Quality = cluster.Modularity
		if net.Normalization == network.Association {
			co.Quality = cluster.CPM
		}
	}
	co.Resolution = cmp.Or(co.Resolution, 1)
	m := &Map{Network: net, QualityName: string(co.Quality), Resolution: co.Resolution, WorkLabels: o.Network.WorkLabels}
	if len(net.Nodes) == 0 {
		m.Caption = emptyCaption(g, net)
		return m, nil
	}
	stage("clusters")
	res := cluster.Leiden(len(net.Nodes), func(yield func(cluster.Edge) bool) {
		for _, e := range net.Edges {
			if !yield(cluster.Edge{A: e.A, B: e.B, W: float64(e.Weight)}) {
				return
			}
		}
	}, &co)
	for i, c := range res.Membership {
		net.Nodes[i].Cluster = int(c)
	}
	m.Quality = res.Quality
	m.Modularity = cluster.Q(len(net.Nodes), func(yield func(cluster.Edge) bool) {
		for _, e := range net.Edges {
			if !yield(cluster.Edge{A: e.A, B: e.B, W: float64(e.Count)}) {
				return
			}
		}
	}, res.Membership, 1)
	stage("labels")
	m.Clusters = profile(g, net, res.Clusters, &o)
	m.Unplaced = o.Draw < 0 && o.MaxLayout > 0 && len(net.Nodes) > o.MaxLayout
	if !o.NoLayout && !m.Unplaced {
		stage("layout")
		m.Drawn = drawn(net, o.Draw)
		place(net, m.Drawn, o.Seed)
	}
	m.Caption = caption(net, m, o.MaxLayout)
	return m, nil
}

// WorkClusters returns the map's clusters of works for the graph's JSON
// export, numbered from 1 as the report numbers them; nil when the map's
// nodes are not works.
func (m *Map) WorkClusters() *graph.WorkClusters {
	if m.Network.Unit != network.Works {
		return nil
	}
	wc := &graph.WorkClusters{Network: string(m.Network.Kind), Of: map[int]int{}, Clusters: []graph.ClusterInfo{}}
	for i := range m.Network.Nodes {
		if c := m.Network.Nodes[i].Cluster; c >= 0 {
			for _, w := range m.Network.Members(i) {
				wc.Of[int(w)] = c + 1
			}
		}
	}
	for _, c := range m.Clusters {
		ci := graph.ClusterInfo{ID: c.ID + 1, Size: c.Size, Label: c.Label, MeanYear: float64(int(c.MeanYear*10+0.5)) / 10}
		for _, t := range c.Terms {
			ci.Terms = append(ci.Terms, t.Text)
		}
		wc.Clusters = append(wc.Clusters, ci)
	}
	return wc
}

// drawn picks the nodes to draw: limit of them shared among the clusters
// in proportion to their sizes (the coloured clusters at least two each, so
// that every one shows), within a cluster those of largest total link
// strength (ties by count, then ID); the order is by total link strength.
func drawn(net *network.Network, limit int) []int {
	if limit == 0 {
		limit = 150
	}
	order := make([]int, len(net.Nodes))
	for i := range order {
		order[i] = i
	}
	byStrength := func(a, b int) int {
		x, y := &net.Nodes[a], &net.Nodes[b]
		return cmp.Or(cmp.Compare(y.Strength, x.Strength), cmp.Compare(y.Count, x.Count), cmp.Compare(x.ID, y.ID))
	}
	slices.SortFunc(order, byStrength)
	if limit < 0 || len(order) <= limit {
		return order
	}
	members := map[int][]int{}
	for _, i := range order {
		members[net.Nodes[i].Cluster] = append(members[net.Nodes[i].Cluster], i)
	}
	var ids []int
	for c := range members {
		ids = append(ids, c)
	}
	slices.Sort(ids) // clusters are numbered by size, largest first
	quota := map[int]int{}
	used := 0
	for _, c := range ids {
		q := limit * len(members[c]) / len(net.Nodes)
		if c >= 0 && c < len(palette) {
			q = max(q, min(2, len(members[c])))
		}
		quota[c] = min(q, len(members[c]))
		used += quota[c]
	}
	// trim from the largest clusters, or fill by strength
	for k := 0; used > limit; k = (k + 1) % len(ids) {
		if c := ids[k]; quota[c] > 2 {
			quota[c]--
			used--
		}
	}
	var out []int
	taken := map[int]bool{}
	for _, c := range ids {
		for _, i := range members[c][:quota[c]] {
			out = append(out, i)
			taken[i] = true
		}
	}
	for _, i := range order {
		if len(out) >= limit {
			break
		}
		if !taken[i] {
			out = append(out, i)
		}
	}
	slices.SortFunc(out, byStrength)
	return out
}

// unitNames are the plural nouns of the units, for captions.
var unitNames = map[network.Unit]string{
	network.Works: "works", network.Authors: "authors", network.Sources: "sources",
	network.Keywords: "keywords", network.Organizations: "organisations", network.Countries: "countries",
}

// kindNames describe the networks, for captions.
var kindNames = map[network.Kind]string{
	network.Coupling:     "Bibliographic coupling",
	network.Cocitation:   "Co-citation",
	network.Cooccurrence: "Co-occurrence",
	network.Coauthorship: "Co-authorship",
}

// Title names a map: "Co-citation of works".
func Title(net *network.Network) string {
	return kindNames[net.Kind] + " of " + unitNames[net.Unit]
}

// emptyCaption explains why a network has no links.
func emptyCaption(g *graph.Graph, net *network.Network) string {
	var why string
	corpus, citing := 0, len(g.Citing())
	for i := range g.Works {
		if g.Works[i].InCorpus {
			corpus++
		}
	}
	switch {
	case net.Found == 0:
		why = fmt.Sprintf("no %s found in the corpus records", unitNames[net.Unit])
		switch net.Unit {
		case network.Organizations, network.Countries:
			why += " (their formats carry no affiliations)"
		case network.Keywords:
			why += " (their formats carry no keywords)"
		}
	case net.Kind == network.Coupling && citing < 2:
		why = fmt.Sprintf("only %d of the %d corpus works lists resolved references, so no two can share one", citing, corpus)
	case net.Kind == network.Cocitation && citing == 0:
		why = "no corpus work lists resolved references"
	case net.Eligible == 0 && net.Found > 0:
		why = fmt.Sprintf("no two of the %d %s share a %s", net.Found, unitNames[net.Unit], shareNoun(net.Kind))
	default:
		why = fmt.Sprintf("the thresholds left no linked %s", unitNames[net.Unit])
	}
	return fmt.Sprintf("%s: empty: %s.", Title(net), why)
}

// shareNoun is what links two units of a kind of network.
func shareNoun(k network.Kind) string {
	switch k {
	case network.Coupling:
		return "reference"
	case network.Cocitation:
		return "citing work"
	case network.Cooccurrence:
		return "work"
	}
	return "work"
}

// caption says what a map shows.
func caption(net *network.Network, m *Map, maxLayout int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d %s", Title(net), len(net.Nodes), unitNames[net.Unit])
	if net.Selected < net.Eligible {
		fmt.Fprintf(&b, " of %d with links, those of largest total link strength", net.Eligible)
	}
	if len(m.Drawn) > 0 && len(m.Drawn) < len(net.Nodes) {
		fmt.Fprintf(&b, " (%d drawn: the strongest of each cluster, in proportion to its size)", len(m.Drawn))
	}
	fmt.Fprintf(&b, ", %s, %s (Leiden, %s, resolution %s; modularity %.3f); %s counting, %s normalisation.",
		plural(len(net.Edges), "link"), plural(len(m.Clusters), "cluster"), qualityNames[m.QualityName],
		strconv.FormatFloat(m.Resolution, 'g', -1, 64), m.Modularity, net.Counting, normNames[net.Normalization])
	if net.Isolated > 0 {
		fmt.Fprintf(&b, " %d %s without links to the others left out.", net.Isolated, unitNames[net.Unit])
	}
	if m.Unplaced {
		fmt.Fprintf(&b, " Not laid out: more than %d nodes (fewer with -max-nodes or -min-count; VOSviewer and Gephi lay out a network given without positions).", maxLayout)
	}
	if len(net.Nodes) < 3 || len(net.Edges) < 2 {
		b.WriteString(" Too small to show structure.")
	} else if len(m.Clusters) == 1 {
		b.WriteString(" All nodes fall in one cluster.")
	}
	if uniform(net) {
		b.WriteString(" Every link has the same count, so link strength says little.")
	}
	return b.String()
}

// qualityNames and normNames name the methods in captions.
var (
	qualityNames = map[string]string{string(cluster.CPM): "CPM", string(cluster.Modularity): "modularity"}
	normNames    = map[network.Normalization]string{network.Association: "association-strength",
		network.Cosine: "cosine", network.Jaccard: "Jaccard", network.Inclusion: "inclusion",
		network.Equivalence: "equivalence", network.None: "no"}
)

// uniform reports whether every link has the same count.
func uniform(net *network.Network) bool {
	for _, e := range net.Edges {
		if e.Count != net.Edges[0].Count {
			return false
		}
	}
	return len(net.Edges) > 1
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
