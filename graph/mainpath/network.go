// Package mainpath finds the main paths of a citation network: the chains of
// works that most citation paths run through, the backbone of a field's
// development (Hummon & Doreian 1989; Batagelj 2003; Liu & Lu 2012).
//
// The analysis runs on a Network, an acyclic network whose arcs point the
// way knowledge flows, from the cited to the citing work (the direction of
// Pajek's citation networks). Works that cite each other in a cycle are
// shrunk into one node first, as Pajek does. Weights computes the traversal
// weights SPC, SPLC and SPNP of every arc exactly (Num never overflows), and
// the search methods pick the main paths: local forward and backward search,
// global search and key-route search, with an optional tolerance.
package mainpath

import (
	"cmp"
	"slices"
)

// Arc is an arc of a network from node From to node To: To cites From.
type Arc struct{ From, To int }

// Network is an acyclic citation network: arcs point from the cited to the
// citing node. Each node is one item (work) of the input, or a strongly
// connected component of items whose citations form a cycle, shrunk into a
// single node.
type Network struct {
	// Members lists the input items of each node, ascending. Nodes are
	// ordered by their first member.
	Members [][]int
	// Node maps an input item to its node.
	Node []int
	// Arcs are the distinct arcs between nodes, sorted by From then To.
	Arcs []Arc
	// Loops counts input arcs from an item to itself, dropped; Inner counts
	// input arcs inside a shrunk component, which no longer exist.
	Loops, Inner int

	outStart, outArc []int32 // arcs leaving node v: outArc[outStart[v]:outStart[v+1]] (arc indexes, ascending head)
	inStart, inArc   []int32 // arcs entering node v, ascending tail
	topo             []int32 // nodes in topological order (every arc goes forward)
}

// NewNetwork builds the network of n items and the given arcs between them
// (From is cited by To). Self-loops and repeated arcs are dropped; each
// strongly connected component of two or more items becomes one node.
func NewNetwork(n int, arcs []Arc) *Network {
	nw := &Network{}
	// the item graph in CSR, without loops
	start := make([]int32, n+1)
	for _, a := range arcs {
		if a.From == a.To {
			nw.Loops++
			continue
		}
		start[a.From+1]++
	}
	for i := 0; i < n; i++ {
		start[i+1] += start[i]
	}
	adj := make([]int32, start[n])
	pos := slices.Clone(start[:n])
	for _, a := range arcs {
		if a.From != a.To {
			adj[pos[a.From]] = int32(a.To)
			pos[a.From]++
		}
	}
	comp, ncomp := components(n, start, adj)

	// number the components by their first member
	first := make([]int32, ncomp)
	for i := range first {
		first[i] = -1
	}
	for i := 0; i < n; i++ {
		if first[comp[i]] < 0 {
			first[comp[i]] = int32(i)
		}
	}
	order := make([]int32, ncomp)
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return cmp.Compare(first[a], first[b]) })
	rank := make([]int32, ncomp)
	for r, c := range order {
		rank[c] = int32(r)
	}
	nw.Node = make([]int, n)
	nw.Members = make([][]int, ncomp)
	for i := 0; i < n; i++ {
		c := int(rank[comp[i]])
		nw.Node[i] = c
		nw.Members[c] = append(nw.Members[c], i)
	}

	nw.Arcs = make([]Arc, 0, len(adj))
	for i := 0; i < n; i++ {
		for _, j := range adj[start[i]:start[i+1]] {
			u, v := nw.Node[i], nw.Node[j]
			if u == v {
				nw.Inner++
				continue
			}
			nw.Arcs = append(nw.Arcs, Arc{u, v})
		}
	}
	slices.SortFunc(nw.Arcs, func(a, b Arc) int { return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To)) })
	nw.Arcs = slices.Compact(nw.Arcs)
	nw.index()
	return nw
}

// index builds the arc lists of every node and a topological order.
func (nw *Network) index() {
	n := len(nw.Members)
	nw.outStart = make([]int32, n+1)
	nw.inStart = make([]int32, n+1)
	for _, a := range nw.Arcs {
		nw.outStart[a.From+1]++
		nw.inStart[a.To+1]++
	}
	for i := 0; i < n; i++ {
		nw.outStart[i+1] += nw.outStart[i]
		nw.inStart[i+1] += nw.inStart[i]
	}
	nw.outArc = make([]int32, len(nw.Arcs))
	nw.inArc = make([]int32, len(nw.Arcs))
	op := slices.Clone(nw.outStart[:n])
	ip := slices.Clone(nw.inStart[:n])
	for k, a := range nw.Arcs { // sorted by From then To, so both lists come out ordered
		nw.outArc[op[a.From]] = int32(k)
		op[a.From]++
		nw.inArc[ip[a.To]] = int32(k)
		ip[a.To]++
	}
	// Kahn's algorithm, lowest node first among the ready ones in FIFO order
	indeg := make([]int32, n)
	for _, a := range nw.Arcs {
		indeg[a.To]++
	}
	nw.topo = make([]int32, 0, n)
	for v := 0; v < n; v++ {
		if indeg[v] == 0 {
			nw.topo = append(nw.topo, int32(v))
		}
	}
	for h := 0; h < len(nw.topo); h++ {
		for _, k := range nw.Out(int(nw.topo[h])) {
			w := nw.Arcs[k].To
			if indeg[w]--; indeg[w] == 0 {
				nw.topo = append(nw.topo, int32(w))
			}
		}
	}
}

// arc returns the index of the arc from u to v, which must exist.
func (nw *Network) arc(u, v int) int {
	out := nw.Out(u)
	i, _ := slices.BinarySearchFunc(out, v, func(k int32, v int) int { return cmp.Compare(nw.Arcs[k].To, v) })
	return int(out[i])
}

// Len returns the number of nodes.
func (nw *Network) Len() int { return len(nw.Members) }

// Out returns the indexes of the arcs leaving node v. The slice is shared.
func (nw *Network) Out(v int) []int32 { return nw.outArc[nw.outStart[v]:nw.outStart[v+1]] }

// In returns the indexes of the arcs entering node v. The slice is shared.
func (nw *Network) In(v int) []int32 { return nw.inArc[nw.inStart[v]:nw.inStart[v+1]] }

// IsSource reports whether node v cites no node of the network.
func (nw *Network) IsSource(v int) bool { return nw.inStart[v] == nw.inStart[v+1] }

// IsSink reports whether no node of the network cites node v.
func (nw *Network) IsSink(v int) bool { return nw.outStart[v] == nw.outStart[v+1] }

// Shrunk returns the nodes that are shrunk cycles (two or more members).
func (nw *Network) Shrunk() []int {
	var out []int
	for v, m := range nw.Members {
		if len(m) > 1 {
			out = append(out, v)
		}
	}
	return out
}

// components labels the strongly connected components of the graph of n
// nodes in CSR form (Tarjan's algorithm, iterative) and returns each node's
// component and the number of components.
func components(n int, start, adj []int32) ([]int32, int) {
	const unvisited = -1
	index := make([]int32, n)
	low := make([]int32, n)
	comp := make([]int32, n)
	onStack := make([]bool, n)
	for i := range index {
		index[i] = unvisited
	}
	var stack []int32
	type frame struct{ v, next int32 }
	var call []frame
	next, ncomp := int32(0), 0
	for root := 0; root < n; root++ {
		if index[root] != unvisited {
			continue
		}
		call = append(call, frame{int32(root), start[root]})
		index[root], low[root] = next, next
		next++
		stack = append(stack, int32(root))
		onStack[root] = true
		for len(call) > 0 {
			f := &call[len(call)-1]
			v := f.v
			if f.next < start[v+1] {
				w := adj[f.next]
				f.next++
				if index[w] == unvisited {
					index[w], low[w] = next, next
					next++
					stack = append(stack, w)
					onStack[w] = true
					call = append(call, frame{w, start[w]})
				} else if onStack[w] {
					low[v] = min(low[v], index[w])
				}
				continue
			}
			call = call[:len(call)-1]
			if len(call) > 0 {
				u := call[len(call)-1].v
				low[u] = min(low[u], low[v])
			}
			if low[v] == index[v] {
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					onStack[w] = false
					comp[w] = int32(ncomp)
					if w == v {
						break
					}
				}
				ncomp++
			}
		}
	}
	return comp, ncomp
}
