package mainpath

import (
	"cmp"
	"math/big"
	"math/bits"
	"slices"
)

// Path is what a main path search selects: a set of arcs and the nodes they
// join. It is one chain when the weights decide every step, and several
// chains where weights tie or a tolerance lets near-best arcs in.
type Path struct {
	// Arcs are indexes into Network.Arcs, ascending.
	Arcs []int
	// Nodes are the nodes the arcs join, in topological order (every arc
	// of the path goes from an earlier to a later node of the list).
	Nodes []int
}

// pathOf collects the marked arcs into a Path.
func (nw *Network) pathOf(on []bool) Path {
	var p Path
	node := make([]bool, nw.Len())
	for k, ok := range on {
		if ok {
			p.Arcs = append(p.Arcs, k)
			node[nw.Arcs[k].From], node[nw.Arcs[k].To] = true, true
		}
	}
	for _, v := range nw.topo {
		if node[v] {
			p.Nodes = append(p.Nodes, int(v))
		}
	}
	return p
}

// best returns the arcs among ks whose weight is within the tolerance of
// the heaviest: all ties when tol is 0.
func best(ks []int32, w []Num, tol float64) []int32 {
	if len(ks) == 0 {
		return nil
	}
	top := w[ks[0]]
	for _, k := range ks[1:] {
		if w[k].Cmp(top) > 0 {
			top = w[k]
		}
	}
	var out []int32
	for _, k := range ks {
		if w[k].AtLeastShare(top, tol) {
			out = append(out, k)
		}
	}
	return out
}

// walk marks, from each node of the queue, the best arcs onward (forward:
// leaving arcs and their heads; backward: entering arcs and their tails)
// until no node is left. expanded records the nodes already walked from, so
// walks from several starts share the work and their union is exact.
func (nw *Network) walk(w []Num, tol float64, forward bool, queue []int, on, expanded []bool) {
	for len(queue) > 0 {
		v := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		if expanded[v] {
			continue
		}
		expanded[v] = true
		arcs := nw.In(v)
		if forward {
			arcs = nw.Out(v)
		}
		for _, k := range best(arcs, w, tol) {
			on[k] = true
			if forward {
				queue = append(queue, nw.Arcs[k].To)
			} else {
				queue = append(queue, nw.Arcs[k].From)
			}
		}
	}
}

// LocalForward is the standard main path of Hummon & Doreian (1989) as
// Batagelj (2003) searches it in the network extended by s and t: leave s
// by its heaviest arc, that is, start at the node linked from s with the
// most paths onwards (the largest N⁺: among the sources for SPC, among all
// nodes for SPLC and SPNP), then from each node reached follow its
// heaviest leaving arc, until a sink. Ties are all followed; tol > 0 also
// follows arcs within that fraction of the heaviest (multiple local main
// paths).
func (nw *Network) LocalForward(w *Weights, tol float64) Path {
	var start []int
	for v := 0; v < nw.Len(); v++ {
		if nw.startsAt(w.Kind, v) && !nw.IsSink(v) {
			start = append(start, v)
		}
	}
	return nw.local(w, tol, bestNodes(start, w.Plus, tol), true)
}

// LocalBackward is the mirror of LocalForward: enter t by its heaviest
// arc, that is, start at the node linked to t with the most paths leading
// to it (the largest N⁻), and follow the heaviest entering arcs back to a
// source.
func (nw *Network) LocalBackward(w *Weights, tol float64) Path {
	var start []int
	for v := 0; v < nw.Len(); v++ {
		if nw.endsAt(w.Kind, v) && !nw.IsSource(v) {
			start = append(start, v)
		}
	}
	return nw.local(w, tol, bestNodes(start, w.Minus, tol), false)
}

// bestNodes returns the nodes among vs whose count is within the tolerance
// of the largest.
func bestNodes(vs []int, count []Num, tol float64) []int {
	var top Num
	for _, v := range vs {
		if count[v].Cmp(top) > 0 {
			top = count[v]
		}
	}
	var out []int
	for _, v := range vs {
		if count[v].AtLeastShare(top, tol) {
			out = append(out, v)
		}
	}
	return out
}

func (nw *Network) local(w *Weights, tol float64, start []int, forward bool) Path {
	on := make([]bool, len(nw.Arcs))
	nw.walk(w.Arc, tol, forward, start, on, make([]bool, nw.Len()))
	return nw.pathOf(on)
}

// KeyArcs returns the k heaviest arcs, heaviest first (equal weights by
// arc index), and every further arc as heavy as the k-th.
func (nw *Network) KeyArcs(w *Weights, k int) []int {
	if k <= 0 || len(nw.Arcs) == 0 {
		return nil
	}
	better := func(a, b int) int { return cmp.Or(w.Arc[b].Cmp(w.Arc[a]), cmp.Compare(a, b)) }
	// the k heaviest, kept as the arcs come, give the least weight taken;
	// then every arc at least as heavy, ties included (sorting every arc
	// cost more than the rest of the search)
	k = min(k, len(nw.Arcs))
	top := make([]int, 0, k+1)
	for i := range nw.Arcs {
		if len(top) == k && better(i, top[k-1]) >= 0 {
			continue
		}
		j, _ := slices.BinarySearchFunc(top, i, better)
		if top = slices.Insert(top, j, i); len(top) > k {
			top = top[:k]
		}
	}
	least := w.Arc[top[k-1]]
	var out []int
	for i := range nw.Arcs {
		if w.Arc[i].Cmp(least) >= 0 {
			out = append(out, i)
		}
	}
	slices.SortFunc(out, better)
	return out
}

// KeyRoute is the key-route main path of Liu & Lu (2012): for each key arc
// (see KeyArcs), the arc itself, a local forward search from its head to a
// sink and a local backward search from its tail to a source; the union
// over all key arcs.
func (nw *Network) KeyRoute(w *Weights, keys []int) Path {
	on := make([]bool, len(nw.Arcs))
	fwd := make([]bool, nw.Len())
	bwd := make([]bool, nw.Len())
	for _, k := range keys {
		on[k] = true
		nw.walk(w.Arc, 0, true, []int{nw.Arcs[k].To}, on, fwd)
		nw.walk(w.Arc, 0, false, []int{nw.Arcs[k].From}, on, bwd)
	}
	return nw.pathOf(on)
}

// KeyRouteGlobal is the key-route main path with global search (Liu, Lu &
// Ho 2019): for each key arc, the heaviest paths from s to t through it,
// weighed as in Global; the union over all key arcs. Unlike KeyRoute, it
// does not fan out over the many equally weighted arcs by which sources
// enter the works they cite.
func (nw *Network) KeyRouteGlobal(w *Weights, keys []int) Path {
	in, out := nw.heaviest(w)
	on := make([]bool, len(nw.Arcs))
	back := make([]bool, nw.Len())
	fwd := make([]bool, nw.Len())
	for _, k := range keys {
		on[k] = true
		nw.trace(w, in, false, nw.Arcs[k].From, on, back)
		nw.trace(w, out, true, nw.Arcs[k].To, on, fwd)
	}
	return nw.pathOf(on)
}

// trace marks the arcs of the heaviest ways from node v back to s
// (forward: on to t), best holding the heaviest total of each node's way
// (heaviest's in, or out when forward). done records the nodes traced
// from, shared by the traces of all key arcs.
func (nw *Network) trace(w *Weights, best []Num, forward bool, v int, on, done []bool) {
	queue := []int{v}
	for len(queue) > 0 {
		v := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		if done[v] {
			continue
		}
		done[v] = true
		arcs := nw.In(v)
		if forward {
			arcs = nw.Out(v)
		}
		for _, j := range arcs {
			u := nw.Arcs[j].From
			if forward {
				u = nw.Arcs[j].To
			}
			if best[u].Add(w.Arc[j]).Cmp(best[v]) == 0 {
				on[j] = true
				queue = append(queue, u)
			}
		}
	}
}

// Global is the global main path of Liu & Lu (2012): the path from s to t
// in the extended network with the largest total weight, the sum of its
// arc weights, s→u weighing N⁺(u) and v→t weighing N⁻(v) as in Weights.
// The end arcs settle ties between the many sources that cite the same
// work (each of their arcs weighs N⁺ of that work under SPC). Every other
// path as heavy is kept too; with tol > 0, every path whose total is at
// least (1-tol) times the largest (multiple global main paths). Global
// also returns the largest total.
func (nw *Network) Global(w *Weights, tol float64) (Path, Num) {
	in, out := nw.heaviest(w)
	through := make([]Num, len(nw.Arcs)) // the heaviest path through each arc
	var top Num
	for k, a := range nw.Arcs {
		through[k] = in[a.From].Add(w.Arc[k]).Add(out[a.To])
		if through[k].Cmp(top) > 0 {
			top = through[k]
		}
	}
	on := make([]bool, len(nw.Arcs))
	for k := range nw.Arcs {
		on[k] = !top.IsZero() && through[k].AtLeastShare(top, tol)
	}
	return nw.pathOf(on), top
}

// heaviest returns for each node the largest total weight of a path from s
// to it (in) and from it to t (out) in the extended network.
func (nw *Network) heaviest(w *Weights) (in, out []Num) {
	n := nw.Len()
	in, out = make([]Num, n), make([]Num, n)
	var scratch big.Int
	for _, v32 := range nw.topo {
		v := int(v32)
		if nw.startsAt(w.Kind, v) {
			in[v] = w.Plus[v]
		}
		for _, k := range nw.In(v) {
			in[v] = larger(in[v], in[nw.Arcs[k].From], w.Arc[k], &scratch)
		}
	}
	for i := len(nw.topo) - 1; i >= 0; i-- {
		v := int(nw.topo[i])
		if nw.endsAt(w.Kind, v) {
			out[v] = w.Minus[v]
		}
		for _, k := range nw.Out(v) {
			out[v] = larger(out[v], out[nw.Arcs[k].To], w.Arc[k], &scratch)
		}
	}
	return in, out
}

// larger returns the larger of best and a + b, computing a + b in scratch
// and allocating only when it wins.
func larger(best, a, b Num, scratch *big.Int) Num {
	if a.big == nil && b.big == nil {
		if s, carry := bits.Add64(a.small, b.small, 0); carry == 0 {
			if best.big == nil && s > best.small {
				return Num{small: s}
			}
			return best // best ≥ 2⁶⁴ > s, or best.small ≥ s
		}
	}
	var ta, tb big.Int
	scratch.Add(a.ref(&ta), b.ref(&tb))
	var tbest big.Int
	if scratch.Cmp(best.ref(&tbest)) <= 0 {
		return best
	}
	return Num{big: new(big.Int).Set(scratch)}
}
