// Package netio writes networks in the formats of the tools researchers
// move them into: JSON and JSON Lines, CSV node and edge tables, GEXF 1.3
// (Gephi), GraphML, Pajek (.net, .clu, .vec), VOSviewer (map and network
// files, VOSviewer JSON) and Graphviz DOT.
//
// Every network goes through one type, Network: nodes 0..Len-1 with typed
// attributes, weighted edges, a directed flag, and optionally a cluster, a
// size and a position per node. A Network produces its nodes and edges on
// demand, so every writer streams: memory stays proportional to the graph
// behind the network, never to the output. Citation builds the citation
// graph's network, Pairs the coupling and co-citation networks, and Table
// holds any other network (a science map, a co-authorship network) in
// memory.
package netio

import (
	"iter"
	"math"
	"strconv"

	"github.com/citegraph/citegraph/graph/scimap"
)

// Type is the type of an attribute's values.
type Type int

// The attribute types. Values are Go strings, ints, float64s and bools.
const (
	String Type = iota
	Int
	Float
	Bool
)

// Attr declares an attribute of the nodes or edges of a network.
type Attr struct {
	// Name is the attribute's key in every format ("year", "pagerank").
	Name string
	Type Type
	// Title is a human name ("Pub. year"), used where a format shows one
	// (GEXF titles, VOSviewer columns); "" means Name.
	Title string
	// VOS places the attribute in VOSviewer files: "weight" (a node size
	// VOSviewer can use), "score" (an overlay colour), or "" (left out). A
	// weight or score is written only when every node has a value.
	VOS string
	// Describe puts the attribute in the node's VOSviewer description.
	Describe bool
}

func (a Attr) title() string {
	if a.Title != "" {
		return a.Title
	}
	return a.Name
}

// Node is one node as a Network fills it in.
type Node struct {
	// ID is unique in the network and stable for the same input
	// ("doi:10.1111/1467-9566.00352").
	ID string
	// Label is a short human name; "" means ID.
	Label string
	// Values are aligned with Network.NodeAttrs: a string, int, float64 or
	// bool of the attribute's type, or nil where the value is not known.
	Values []any
	// URL links the node to a page about it (its DOI), or "".
	URL string
	// Cluster numbers the node's cluster from 1; 0 means none.
	Cluster int
	// X and Y place the node when Network.Layout is set.
	X, Y float64
	// Size is the node's drawn size (GEXF viz:size); 0 means none.
	Size float64
}

// Edge is one edge or arc between nodes From and To (indexes).
type Edge struct {
	From, To int
	Weight   float64
	// Values are aligned with Network.EdgeAttrs, as Node.Values.
	Values []any
}

// Cluster describes one cluster of a clustered network.
type Cluster struct {
	ID    int    `json:"id"` // from 1
	Label string `json:"label,omitempty"`
	// Color is the cluster's colour on the map ("#RRGGBB"), the same in
	// the map SVG, the explorer and GEXF (ClusterColor).
	Color string `json:"color,omitempty"`
}

// Terms names what a network's items and links are, for VOSviewer
// ("work"/"works", "citation link"/"citation links", …).
type Terms struct {
	Item, Items, Link, Links, LinkStrength string
}

// Network is a graph to be written.
type Network struct {
	// Name names the network ("citation", "coupling") and the files written.
	Name string
	// Description says what the network is, in the files that have room
	// for it (GEXF meta, GraphML and Pajek comments).
	Description string
	Directed    bool
	// NodeAttrs and EdgeAttrs declare the attributes every node and edge
	// carries (values may be unknown).
	NodeAttrs, EdgeAttrs []Attr
	// Len is the number of nodes.
	Len int
	// Node fills in node i. n is reused from call to call; Node sets every
	// field, and n.Values has len(NodeAttrs) entries.
	Node func(i int, n *Node)
	// Edges yields every edge in output order. It may be ranged over more
	// than once, with the same result.
	Edges iter.Seq[Edge]
	// Weighted says edge weights carry information (counts); when false
	// every weight is 1 and formats that can omit weights do.
	Weighted bool
	// Layout says the nodes have positions (X, Y).
	Layout bool
	// Clusters lists the clusters when the nodes are clustered.
	Clusters []Cluster
	// Sized says the nodes have sizes.
	Sized bool
	// Terms names items and links for VOSviewer; zero values are generic.
	Terms Terms
}

// Nodes ranges over the nodes of n, filled in one reused Node: copy what
// must outlive an iteration.
func (n *Network) Nodes() iter.Seq2[int, *Node] {
	return func(yield func(int, *Node) bool) {
		nd := &Node{Values: make([]any, len(n.NodeAttrs))}
		for i := 0; i < n.Len; i++ {
			clear(nd.Values)
			*nd = Node{Values: nd.Values}
			n.Node(i, nd)
			if !yield(i, nd) {
				return
			}
		}
	}
}

// complete reports, for each node attribute, whether every node has a value.
func (n *Network) complete() []bool {
	ok := make([]bool, len(n.NodeAttrs))
	for i := range ok {
		ok[i] = true
	}
	for _, nd := range n.Nodes() {
		for k, v := range nd.Values {
			if v == nil {
				ok[k] = false
			}
		}
	}
	return ok
}

// label returns the node's label, or its ID.
func (nd *Node) label() string {
	if nd.Label != "" {
		return nd.Label
	}
	return nd.ID
}

// Table is a network held in memory: what a science map or any other small
// network fills in to be written by every writer of this package.
type Table struct {
	Name, Description    string
	Directed             bool
	NodeAttrs, EdgeAttrs []Attr
	Nodes                []Node
	Edges                []Edge
	Weighted, Layout     bool
	Sized                bool
	Clusters             []Cluster
	Terms                Terms
}

// Network returns the table as a Network.
func (t *Table) Network() *Network {
	return &Network{
		Name: t.Name, Description: t.Description, Directed: t.Directed, NodeAttrs: t.NodeAttrs, EdgeAttrs: t.EdgeAttrs,
		Len: len(t.Nodes),
		Node: func(i int, n *Node) {
			vals := n.Values
			*n = t.Nodes[i]
			n.Values = vals
			copy(n.Values, t.Nodes[i].Values)
		},
		Edges: func(yield func(Edge) bool) {
			for _, e := range t.Edges {
				if !yield(e) {
					return
				}
			}
		},
		Weighted: t.Weighted, Layout: t.Layout, Sized: t.Sized, Clusters: t.Clusters, Terms: t.Terms,
	}
}

// formatValue writes a value as text: integers in decimal, floats rounded
// to 12 significant decimals (so that the last bits of a summation never
// change the bytes written), booleans as true/false. ok is false for an
// unknown value (nil, NaN, ±Inf).
func formatValue(v any) (s string, ok bool) {
	switch x := v.(type) {
	case nil:
		return "", false
	case string:
		return x, true
	case int:
		return strconv.Itoa(x), true
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return "", false
		}
		return formatFloat(x), true
	case bool:
		return strconv.FormatBool(x), true
	}
	return "", false
}

// formatFloat rounds to 12 decimals and prints the shortest form.
func formatFloat(x float64) string {
	if math.Abs(x) < 1e3 { // larger values have fewer decimals to round
		x = math.Round(x*1e12) / 1e12
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}

// ClusterColor returns the colour of cluster c (from 1) as r, g, b: the
// colour the map SVG gives it (scimap.Color), grey for no cluster.
func ClusterColor(c int) (r, g, b uint8) {
	if c <= 0 {
		return 0x99, 0x99, 0x99
	}
	v, _ := strconv.ParseUint(scimap.Color(c - 1)[1:], 16, 32)
	return uint8(v >> 16), uint8(v >> 8), uint8(v)
}
