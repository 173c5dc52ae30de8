package graph

import (
	"slices"

	gg "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/simple"
)

// Graph is the citation graph of a Resolution: node i is Works[i] and each
// Citation is an arc citing -> cited. Adjacency is kept in compressed sparse
// rows (int32) both ways, so analyses run on flat arrays; Graph also
// implements gonum's graph.Directed with node IDs 0..n-1, so gonum's own
// algorithms can run on it unchanged.
type Graph struct {
	Works     []Work
	Citations []Citation

	outStart, outAdj []int32 // targets of node i: outAdj[outStart[i]:outStart[i+1]], ascending
	inStart, inAdj   []int32 // sources of node i, ascending
}

// New builds the graph of a resolution. Citations must have distinct
// (From, To) pairs without self-loops, as Resolve returns them.
func New(res *Resolution) *Graph {
	g := &Graph{Works: res.Works, Citations: res.Citations}
	n := len(g.Works)
	g.outStart = make([]int32, n+1)
	g.inStart = make([]int32, n+1)
	for _, c := range g.Citations {
		g.outStart[c.From+1]++
		g.inStart[c.To+1]++
	}
	for i := 0; i < n; i++ {
		g.outStart[i+1] += g.outStart[i]
		g.inStart[i+1] += g.inStart[i]
	}
	g.outAdj = make([]int32, len(g.Citations))
	g.inAdj = make([]int32, len(g.Citations))
	op := slices.Clone(g.outStart[:n])
	ip := slices.Clone(g.inStart[:n])
	for _, c := range g.Citations {
		g.outAdj[op[c.From]] = int32(c.To)
		op[c.From]++
		g.inAdj[ip[c.To]] = int32(c.From)
		ip[c.To]++
	}
	for i := 0; i < n; i++ {
		slices.Sort(g.outAdj[g.outStart[i]:g.outStart[i+1]])
		slices.Sort(g.inAdj[g.inStart[i]:g.inStart[i+1]])
	}
	return g
}

// Len returns the number of works.
func (g *Graph) Len() int { return len(g.Works) }

// Out returns the works that work i cites, ascending. The slice is shared.
func (g *Graph) Out(i int) []int32 { return g.outAdj[g.outStart[i]:g.outStart[i+1]] }

// In returns the works that cite work i, ascending. The slice is shared.
func (g *Graph) In(i int) []int32 { return g.inAdj[g.inStart[i]:g.inStart[i+1]] }

// Citing returns the works that cite at least one work of the graph,
// ascending: the sources of betweenness, the possible coupled works.
func (g *Graph) Citing() []int32 {
	var out []int32
	for i := 0; i < g.Len(); i++ {
		if g.outStart[i+1] > g.outStart[i] {
			out = append(out, int32(i))
		}
	}
	return out
}

// Index returns the position of the work with the given ID, or -1.
func (g *Graph) Index(id string) int {
	i, ok := slices.BinarySearchFunc(g.Works, id, func(w Work, id string) int {
		switch {
		case w.ID < id:
			return -1
		case w.ID > id:
			return 1
		}
		return 0
	})
	if !ok {
		return -1
	}
	return i
}

// The methods below implement gonum's graph.Directed.

func (g *Graph) valid(id int64) bool { return id >= 0 && id < int64(len(g.Works)) }

// Node returns the node with the given ID, or nil.
func (g *Graph) Node(id int64) gg.Node {
	if !g.valid(id) {
		return nil
	}
	return simple.Node(id)
}

// Nodes returns all nodes in ID order.
func (g *Graph) Nodes() gg.Nodes {
	nodes := make([]gg.Node, len(g.Works))
	for i := range nodes {
		nodes[i] = simple.Node(i)
	}
	return iterator.NewOrderedNodes(nodes)
}

func nodesOf(ids []int32) gg.Nodes {
	if len(ids) == 0 {
		return gg.Empty
	}
	nodes := make([]gg.Node, len(ids))
	for i, id := range ids {
		nodes[i] = simple.Node(id)
	}
	return iterator.NewOrderedNodes(nodes)
}

// From returns the nodes that id cites.
func (g *Graph) From(id int64) gg.Nodes {
	if !g.valid(id) {
		return gg.Empty
	}
	return nodesOf(g.Out(int(id)))
}

// To returns the nodes that cite id.
func (g *Graph) To(id int64) gg.Nodes {
	if !g.valid(id) {
		return gg.Empty
	}
	return nodesOf(g.In(int(id)))
}

// HasEdgeFromTo reports whether u cites v.
func (g *Graph) HasEdgeFromTo(uid, vid int64) bool {
	if !g.valid(uid) || !g.valid(vid) {
		return false
	}
	_, ok := slices.BinarySearch(g.Out(int(uid)), int32(vid))
	return ok
}

// HasEdgeBetween reports whether x cites y or y cites x.
func (g *Graph) HasEdgeBetween(xid, yid int64) bool {
	return g.HasEdgeFromTo(xid, yid) || g.HasEdgeFromTo(yid, xid)
}

// Edge returns the arc u -> v, or nil.
func (g *Graph) Edge(uid, vid int64) gg.Edge {
	if !g.HasEdgeFromTo(uid, vid) {
		return nil
	}
	return simple.Edge{F: simple.Node(uid), T: simple.Node(vid)}
}

var _ gg.Directed = (*Graph)(nil)
