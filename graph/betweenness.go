package graph

import (
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// betweenParts is the fixed number of source partitions betweenness sums
// over; fixing it (rather than using the core count) keeps the floating-point
// summation order, and so the output bytes, the same on every machine.
const betweenParts = 8

// Betweenness is directed shortest-path betweenness, normalised as networkx
// does for directed graphs, exact or, with opt.BetweennessSources = k and
// 0 < k < the works that cite anything, estimated from k sources drawn with
// a fixed seed and scaled by all/k (Brandes & Pich 2007, unbiased). It
// returns the values, the sources sampled (0 when exact) and all possible
// sources (works that cite nothing reach nothing and are not sources).
//
// It is Brandes' algorithm (breadth-first, since arcs are unweighted) on a
// reduced copy of the graph (see bcGraph), over sources split into
// betweenParts partitions run in parallel.
func (g *Graph) Betweenness(opt *MetricOptions) (bc []float64, sampled, all int) {
	k := 0
	if opt != nil {
		k = opt.BetweennessSources
	}
	opt.progress("betweenness", 0, 0)
	n := g.Len()
	bc = make([]float64, n)
	sources := g.Citing()
	all = len(sources)
	if n < 3 || all == 0 {
		return bc, 0, all
	}
	scale := 1 / (float64(n-1) * float64(n-2))
	if k > 0 && k < all {
		rng := rand.New(rand.NewPCG(20261124, 1))
		rng.Shuffle(len(sources), func(i, j int) { sources[i], sources[j] = sources[j], sources[i] })
		sources = sources[:k]
		slices.Sort(sources)
		sampled = k
		scale *= float64(all) / float64(k)
	}
	r := newBCGraph(g)
	// A source that cites no other citing work reaches only works that cite
	// nothing, whose dependencies are zero, and the source's own is not
	// counted: it adds nothing.
	srcs := make([]int32, 0, len(sources))
	for _, s := range sources {
		if c := r.core[s]; r.coreStart[c+1] > r.coreStart[c] {
			srcs = append(srcs, c)
		}
	}
	var done atomic.Int64
	report := func(k int) {
		opt.progress("betweenness", int(done.Add(int64(k))), len(srcs))
	}
	parts := make([][]float64, betweenParts)
	var wg sync.WaitGroup
	sem := make(chan struct{}, max(1, min(betweenParts, runtime.GOMAXPROCS(0))))
	for p := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			var mine []int32
			for i := p; i < len(srcs); i += betweenParts {
				mine = append(mine, srcs[i])
			}
			parts[p] = r.brandes(mine, report)
		}()
	}
	wg.Wait()
	for c, v := range r.works {
		s := 0.0
		for _, part := range parts {
			s += part[c]
		}
		bc[v] = s * scale
	}
	return bc, sampled, all
}

// bcGraph is the citation graph reduced for Brandes' algorithm. Only the
// citing works ("core" works, renumbered 0..len(works)-1 in index order)
// are ever expanded by the breadth-first search; a work that cites nothing
// has zero dependency, so it matters only through its σ. Such sinks split
// in two:
//   - a leaf, cited by a single work v, is reached only through v, one level
//     down, with σ equal to σ(v): it adds exactly (1+0)/σ(v) · σ(v) = 1 to
//     v's dependency from every source that reaches v, so it is folded into
//     a per-work constant, leaves[v], and never visited;
//   - the other sinks (cited by several works) keep their arcs, in a
//     separate numbering, and are visited but never queued.
//
// On the synthetic corpora of shared/bench, leaves carry about a quarter of
// the arcs and sinks most of the rest; the search visits only what is left.
type bcGraph struct {
	works              []int32 // works[c] is the graph index of core work c
	core               []int32 // core[i] is the core number of work i, or -1
	coreStart, coreAdj []int32 // core works that core work c cites
	sinkStart, sinkAdj []int32 // sinks (by sink number) that core work c cites
	leaves             []float64
	sinks              int
}

func newBCGraph(g *Graph) *bcGraph {
	n := g.Len()
	r := &bcGraph{core: make([]int32, n)}
	sink := make([]int32, n)
	for i := 0; i < n; i++ {
		r.core[i], sink[i] = -1, -1
		if len(g.Out(i)) > 0 {
			r.core[i] = int32(len(r.works))
			r.works = append(r.works, int32(i))
		}
	}
	// Sinks are numbered in the order the core works cite them, so that
	// works cited together lie together in memory.
	for _, v := range r.works {
		for _, w := range g.Out(int(v)) {
			if r.core[w] < 0 && sink[w] < 0 && len(g.In(int(w))) > 1 {
				sink[w] = int32(r.sinks)
				r.sinks++
			}
		}
	}
	nc := len(r.works)
	r.coreStart = make([]int32, 1, nc+1)
	r.sinkStart = make([]int32, 1, nc+1)
	r.leaves = make([]float64, nc)
	for c, v := range r.works {
		for _, w := range g.Out(int(v)) {
			switch {
			case r.core[w] >= 0:
				r.coreAdj = append(r.coreAdj, r.core[w])
			case sink[w] >= 0:
				r.sinkAdj = append(r.sinkAdj, sink[w])
			default:
				r.leaves[c]++
			}
		}
		r.coreStart = append(r.coreStart, int32(len(r.coreAdj)))
		r.sinkStart = append(r.sinkStart, int32(len(r.sinkAdj)))
	}
	return r
}

// bcNode is a core work's state during one source's search, kept together
// so that following an arc touches one cache line.
type bcNode struct {
	sigma float64 // shortest paths from the source
	coef  float64 // (1+δ)/σ once δ is known: what the work adds to each parent's δ/σ
	dist  int32   // level, -1 when not reached
}

// bcSink is a sink's state during one source's search.
type bcSink struct {
	sigma float64 // shortest paths from the source; 1/σ after the search
	dist  int32
}

// brandes accumulates the dependencies of the given core sources; the
// result is indexed by core number. It calls report with the number of
// sources done since the last call, every so often.
func (r *bcGraph) brandes(sources []int32, report func(int)) []float64 {
	nc := len(r.works)
	bc := make([]float64, nc)
	node := make([]bcNode, nc)
	sink := make([]bcSink, r.sinks)
	for i := range node {
		node[i].dist = -1
	}
	for i := range sink {
		sink[i].dist = -1
	}
	order := make([]int32, 0, nc)
	var reached []int32 // sinks reached
	cs, ca, ss, sa := r.coreStart, r.coreAdj, r.sinkStart, r.sinkAdj
	for i, s := range sources {
		if i%64 == 63 {
			report(64)
		}
		order = append(order[:0], s)
		node[s].sigma, node[s].dist = 1, 0
		for head := 0; head < len(order); head++ {
			v := order[head]
			sv, d := node[v].sigma, node[v].dist+1
			for _, w := range ca[cs[v]:cs[v+1]] {
				x := &node[w]
				if x.dist < 0 {
					x.dist = d
					order = append(order, w)
				}
				if x.dist == d {
					x.sigma += sv
				}
			}
			for _, w := range sa[ss[v]:ss[v+1]] {
				x := &sink[w]
				if x.dist < 0 {
					x.dist, x.sigma = d, sv
					reached = append(reached, w)
				} else if x.dist == d {
					x.sigma += sv
				}
			}
		}
		for _, w := range reached {
			sink[w].sigma = 1 / sink[w].sigma
		}
		// Dependencies flow back along the arcs the search used: for each v
		// in reverse order, its successors one level further down.
		for k := len(order) - 1; k >= 0; k-- {
			v := order[k]
			d := node[v].dist + 1
			dv := 0.0
			for _, w := range ca[cs[v]:cs[v+1]] {
				if node[w].dist == d {
					dv += node[w].coef
				}
			}
			for _, w := range sa[ss[v]:ss[v+1]] {
				if sink[w].dist == d {
					dv += sink[w].sigma
				}
			}
			delta := node[v].sigma*dv + r.leaves[v]
			node[v].coef = (1 + delta) / node[v].sigma
			if v != s {
				bc[v] += delta
			}
		}
		for _, v := range order {
			node[v] = bcNode{dist: -1}
		}
		for _, w := range reached {
			sink[w] = bcSink{dist: -1}
		}
		reached = reached[:0]
	}
	report(len(sources) % 64)
	return bc
}
