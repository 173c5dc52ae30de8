package mainpath

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/citegraph/citegraph/graph"
)

// Options controls Analyse. The zero value follows SPC weights, starts
// key-route search from the 10 heaviest arcs and keeps ties only.
type Options struct {
	// Weight is the traversal weight the searches follow.
	Weight Kind
	// KeyRoutes is the number of heaviest arcs key-route search starts
	// from (arcs tied with the last one are added); 0 means 10, negative
	// skips key-route search.
	KeyRoutes int
	// KeyRouteLocal extends each key arc by local search, as Liu & Lu
	// (2012) first did, instead of by global search (Liu, Lu & Ho 2019),
	// which keeps the drawing readable where many sources tie.
	KeyRouteLocal bool
	// Tolerance lets local search follow, besides the heaviest arc, every
	// arc within this fraction of it, and global search keep every
	// source–sink path within this fraction of the heaviest (multiple main
	// paths). 0 keeps ties only, the standard main paths; it must be in
	// [0, 1).
	Tolerance float64
}

// Check reports an invalid option.
func (o *Options) Check() error {
	if o.Tolerance < 0 || o.Tolerance >= 1 {
		return fmt.Errorf("main path tolerance %v: must be at least 0 and below 1", o.Tolerance)
	}
	if o.Weight < SPC || o.Weight > SPNP {
		return fmt.Errorf("unknown traversal weight %v", o.Weight)
	}
	return nil
}

// Result is the main path analysis of a citation graph: the network it ran
// on (one node per work, cycles shrunk), the three traversal weights of
// every arc, and the paths each search selected following Weight.
type Result struct {
	Network   *Network
	Weight    Kind
	Tolerance float64
	// Weights holds the weights of each Kind, indexed by it.
	Weights [3]*Weights
	// Local is the local forward main path, Backward the local backward
	// one, Global the global main path and KeyRoute the key-route main
	// path started from KeyArcs (KeyRouteLocal says by which search).
	Local, Backward, Global, KeyRoute Path
	// GlobalWeight is the total weight of the global main path.
	GlobalWeight  Num
	KeyArcs       []int
	KeyRouteLocal bool
	// Year of each node: the earliest known year of its works, 0 if none.
	Year []int
}

// Analyse runs main path analysis on the citation graph g: works are nodes,
// and each citation an arc from the cited to the citing work (the way
// knowledge flows); works citing each other in a cycle are shrunk into one
// node. It takes O(works + citations) exact-integer operations.
func Analyse(g *graph.Graph, opt *Options) (*Result, error) {
	if opt == nil {
		opt = &Options{}
	}
	if err := opt.Check(); err != nil {
		return nil, err
	}
	arcs := make([]Arc, len(g.Citations))
	for k, c := range g.Citations {
		arcs[k] = Arc{From: c.To, To: c.From}
	}
	nw := NewNetwork(g.Len(), arcs)
	r := &Result{Network: nw, Weight: opt.Weight, Tolerance: opt.Tolerance, KeyRouteLocal: opt.KeyRouteLocal, Year: make([]int, nw.Len())}
	for v, members := range nw.Members {
		for _, i := range members {
			if y := g.Works[i].Year; y > 0 && (r.Year[v] == 0 || y < r.Year[v]) {
				r.Year[v] = y
			}
		}
	}
	for _, k := range Kinds {
		r.Weights[k] = nw.Weights(k)
	}
	w := r.Weights[opt.Weight]
	r.Local = nw.LocalForward(w, opt.Tolerance)
	r.Backward = nw.LocalBackward(w, opt.Tolerance)
	r.Global, r.GlobalWeight = nw.Global(w, opt.Tolerance)
	keys := opt.KeyRoutes
	if keys == 0 {
		keys = 10
	}
	if keys > 0 {
		r.KeyArcs = nw.KeyArcs(w, keys)
		if opt.KeyRouteLocal {
			r.KeyRoute = nw.KeyRoute(w, r.KeyArcs)
		} else {
			r.KeyRoute = nw.KeyRouteGlobal(w, r.KeyArcs)
		}
	}
	return r, nil
}

// Step is one node of a main path, as a report lists it.
type Step struct {
	Node int
	// Works are the node's works (several for a shrunk cycle), indexes
	// into Graph.Works.
	Works []int
	Year  int
	// Arc is the heaviest arc of the path leaving the node (by the
	// Result's Weight), -1 at the end of the path; Branches counts the
	// path's arcs leaving the node.
	Arc, Branches int
}

// Steps lists the nodes of a path from its start to its ends: by their
// depth along the path (the most arcs of the path leading to them), then
// year, then node.
func (r *Result) Steps(p Path) []Step {
	nw := r.Network
	on := make(map[int]bool, len(p.Arcs))
	for _, k := range p.Arcs {
		on[k] = true
	}
	depth := make(map[int]int, len(p.Nodes))
	for _, v := range p.Nodes { // topological order
		for _, k := range nw.In(v) {
			if on[int(k)] {
				depth[v] = max(depth[v], depth[nw.Arcs[k].From]+1)
			}
		}
	}
	w := r.Weights[r.Weight].Arc
	steps := make([]Step, 0, len(p.Nodes))
	for _, v := range p.Nodes {
		s := Step{Node: v, Works: nw.Members[v], Year: r.Year[v], Arc: -1}
		for _, k32 := range nw.Out(v) {
			k := int(k32)
			if !on[k] {
				continue
			}
			s.Branches++
			if s.Arc < 0 || w[k].Cmp(w[s.Arc]) > 0 {
				s.Arc = k
			}
		}
		steps = append(steps, s)
	}
	slices.SortStableFunc(steps, func(a, b Step) int {
		return cmp.Or(cmp.Compare(depth[a.Node], depth[b.Node]), cmp.Compare(a.Year, b.Year), cmp.Compare(a.Node, b.Node))
	})
	return steps
}
