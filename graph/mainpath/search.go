package mainpath

import (
	"cmp"
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
// Pajek searches it: start with the heaviest arc leaving a source, then
// from each node reached follow its heaviest leaving arc, until a sink.
// Ties are all followed; tol > 0 also follows arcs within that fraction of
// the heaviest (multiple local main paths).
func (nw *Network) LocalForward(w *Weights, tol float64) Path {
	var start []int32
	for v := 0; v < nw.Len(); v++ {
		if nw.IsSource(v) {
			start = append(start, nw.Out(v)...)
		}
	}
	return nw.local(w, tol, start, true)
}

// LocalBackward is the mirror of LocalForward: start with the heaviest arc
// entering a sink and follow the heaviest entering arcs back to a source.
func (nw *Network) LocalBackward(w *Weights, tol float64) Path {
	var start []int32
	for v := 0; v < nw.Len(); v++ {
		if nw.IsSink(v) {
			start = append(start, nw.In(v)...)
		}
	}
	return nw.local(w, tol, start, false)
}

func (nw *Network) local(w *Weights, tol float64, start []int32, forward bool) Path {
	slices.Sort(start)
	on := make([]bool, len(nw.Arcs))
	expanded := make([]bool, nw.Len())
	var queue []int
	for _, k := range best(start, w.Arc, tol) {
		on[k] = true
		if forward {
			queue = append(queue, nw.Arcs[k].To)
		} else {
			queue = append(queue, nw.Arcs[k].From)
		}
	}
	nw.walk(w.Arc, tol, forward, queue, on, expanded)
	return nw.pathOf(on)
}

// KeyArcs returns the k heaviest arcs, heaviest first (equal weights by
// arc index), and every further arc as heavy as the k-th.
func (nw *Network) KeyArcs(w *Weights, k int) []int {
	if k <= 0 || len(nw.Arcs) == 0 {
		return nil
	}
	order := make([]int, len(nw.Arcs))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Or(w.Arc[b].Cmp(w.Arc[a]), cmp.Compare(a, b)) })
	k = min(k, len(order))
	for k < len(order) && w.Arc[order[k]].Cmp(w.Arc[order[k-1]]) == 0 {
		k++
	}
	return order[:k]
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

// Global is the global main path of Liu & Lu (2012): the source–sink path
// with the largest total weight (sum of its arc weights), and any other
// path as heavy. With tol > 0 it is the union of every source–sink path
// whose total is at least (1-tol) times the largest (multiple global main
// paths). It also returns the largest total.
func (nw *Network) Global(w *Weights, tol float64) (Path, Num) {
	in, out := nw.heaviest(w)
	var top Num
	for v := 0; v < nw.Len(); v++ {
		if nw.IsSource(v) && !nw.IsSink(v) && out[v].Cmp(top) > 0 {
			top = out[v]
		}
	}
	on := make([]bool, len(nw.Arcs))
	if top.IsZero() {
		return nw.pathOf(on), top
	}
	for k, a := range nw.Arcs {
		// the heaviest source–sink path through arc k
		through := in[a.From].Add(w.Arc[k]).Add(out[a.To])
		on[k] = through.AtLeastShare(top, tol)
	}
	return nw.pathOf(on), top
}

// heaviest returns for each node the largest total weight of a path from a
// source to it (in) and from it to a sink (out).
func (nw *Network) heaviest(w *Weights) (in, out []Num) {
	n := nw.Len()
	in, out = make([]Num, n), make([]Num, n)
	for _, v := range nw.topo {
		for _, k := range nw.In(int(v)) {
			if s := in[nw.Arcs[k].From].Add(w.Arc[k]); s.Cmp(in[v]) > 0 {
				in[v] = s
			}
		}
	}
	for i := len(nw.topo) - 1; i >= 0; i-- {
		v := nw.topo[i]
		for _, k := range nw.Out(int(v)) {
			if s := out[nw.Arcs[k].To].Add(w.Arc[k]); s.Cmp(out[v]) > 0 {
				out[v] = s
			}
		}
	}
	return in, out
}
