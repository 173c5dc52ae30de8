// Package cluster finds clusters in weighted undirected networks with the
// Leiden algorithm (Traag, Waltman & van Eck 2019, "From Louvain to Leiden:
// guaranteeing well-connected communities"), optimising modularity or the
// Constant Potts Model, on flat arrays: a compressed sparse row graph of
// int32 neighbours and float32 weights, so that a network of millions of
// links clusters in seconds and in memory proportional to its links.
//
// Runs are deterministic: the same network, options and seed give the same
// clusters, numbered by decreasing size.
package cluster

import (
	"cmp"
	"iter"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// Quality is the function Leiden maximises.
type Quality string

// The quality functions. With A the weights, k_i the weighted degree of
// node i, m the total weight, n_c the number of nodes of cluster c and γ
// the resolution:
const (
	// Modularity is Q = 1/(2m) Σ_ij (A_ij − γ k_i k_j / (2m)) δ(c_i, c_j).
	Modularity Quality = "modularity"
	// CPM is the Constant Potts Model H = Σ_c (e_c − γ n_c(n_c−1)/2), e_c
	// the weight inside cluster c: clusters denser than γ, whatever the
	// size of the network (VOSviewer's choice).
	CPM Quality = "cpm"
)

// Options controls Leiden. The zero value maximises modularity at
// resolution 1 from seed 0, two starts, until an iteration improves it by
// less than 1e-3 of its value (small graphs: until nothing changes).
type Options struct {
	// Quality is modularity (default) or CPM.
	Quality Quality
	// Resolution γ: larger gives more, smaller clusters; 0 means 1.
	Resolution float64
	// Seed makes the random choices (node order, refinement) repeatable.
	Seed uint64
	// Iterations caps the Leiden iterations; 0 means 100.
	Iterations int
	// Tolerance ends the run after an iteration that improves the quality
	// by less than Tolerance·|quality|; a negative value iterates until an
	// iteration changes nothing. 0 means 1e-3 (on the shared corpora the
	// iterations after such a one added at most 6e-5 of Q, at the cost of
	// a pass over the graph each), or on graphs of fewer than 100,000
	// arcs, whose iterations take about a millisecond, -1.
	Tolerance float64
	// Starts is the number of first iterations run from different random
	// streams (on large graphs side by side on the CPUs); the one of
	// highest quality goes on. The first iteration largely decides which
	// local optimum the run ends in: on a generated network with two, one
	// start ended in the poorer from 10 seeds of 20, two starts from 3.
	// 0 means 2.
	Starts int
	// Randomness θ of the refinement step; 0 means 0.01, as in the paper
	// and igraph.
	Randomness float64
	// MinSize merges each cluster of fewer nodes into the cluster it has
	// most weight to; a small cluster with no link to another is marked
	// with membership -1. 0 keeps every cluster.
	MinSize int
}

// Result is a partition found by Leiden.
type Result struct {
	// Membership gives each node's cluster, numbered 0, 1, … by decreasing
	// size (ties by lowest node), or -1 for a small cluster left unmerged.
	Membership []int32
	// Clusters is the number of clusters (not counting -1).
	Clusters int
	// Quality is the modularity (or CPM value) of Membership.
	Quality float64
	// Iterations is the number of Leiden iterations run.
	Iterations int
	// Merged is the number of small clusters merged into others, Marked
	// the number left with membership -1.
	Merged, Marked int
}

// parallelArcs is the size of graph, in arcs, from which work is shared
// among the CPUs; smaller, a phase takes milliseconds and goroutines are
// not worth their cost. A variable for the tests.
var parallelArcs = 1 << 20

// smallArcs is the size of graph, in arcs, below which Leiden iterates
// until nothing changes.
const smallArcs = 100000

// Edge is one link of the network given to Leiden: nodes A and B (0 ≤ A, B
// < n, A ≠ B) with a positive weight. Each link is given once.
type Edge struct {
	A, B int32
	W    float64
}

// Leiden clusters the network of n nodes whose links edges yields.
// Links of zero or negative weight, self-loops and nodes out of range are
// ignored.
func Leiden(n int, edges iter.Seq[Edge], opt *Options) Result {
	o := Options{}
	if opt != nil {
		o = *opt
	}
	if o.Quality == "" {
		o.Quality = Modularity
	}
	if o.Resolution == 0 {
		o.Resolution = 1
	}
	if o.Randomness == 0 {
		o.Randomness = 0.01
	}
	maxIter := o.Iterations
	if maxIter <= 0 {
		maxIter = 100
	}
	g0 := newGraph(n, edges, o.Quality)
	starts := o.Starts
	if starts <= 0 {
		starts = 2
	}
	// the first iteration from each start; the best goes on
	sideBySide := len(g0.adj) >= parallelArcs && runtime.GOMAXPROCS(0) > 1
	runs := make([]*leiden, starts)
	membs := make([][]int32, starts)
	changed := make([]bool, starts)
	var wg sync.WaitGroup
	for i := range starts {
		l := &leiden{
			rng:   rand.New(rand.NewPCG(o.Seed, 0x5eed^uint64(i)<<32)),
			seed:  o.Seed ^ uint64(i)<<56,
			theta: o.Randomness,
			procs: 1,
		}
		switch o.Quality {
		case CPM:
			l.gamma, l.cpm = o.Resolution, true
		default:
			if g0.total > 0 {
				l.gamma = o.Resolution / g0.total // γ/(2m): total is the sum of degrees, 2m
			}
		}
		memb := make([]int32, n)
		for v := range memb {
			memb[v] = int32(v)
		}
		runs[i], membs[i] = l, memb
		run := func() { changed[i] = l.iterate(g0, memb) }
		if i == starts-1 || !sideBySide {
			run()
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			run()
		}()
	}
	wg.Wait()
	best := 0
	for i := 1; i < starts; i++ {
		if runs[i].quality > runs[best].quality {
			best = i
		}
	}
	l, memb := runs[best], membs[best]
	l.procs = runtime.GOMAXPROCS(0)
	tol := o.Tolerance
	if tol == 0 {
		tol = 1e-3
		if len(g0.adj) < smallArcs {
			tol = -1
		}
	}
	res := Result{Iterations: 1}
	for changed[best] && res.Iterations < maxIter {
		res.Iterations++
		before := l.quality
		changed[best] = l.iterate(g0, memb)
		if tol > 0 && l.quality-before < tol*math.Abs(before) {
			break
		}
	}
	res.Quality = l.quality
	if o.MinSize > 1 {
		res.Merged, res.Marked = mergeSmall(g0, memb, o.MinSize)
	}
	if res.Merged > 0 || res.Marked > 0 || n > 0 && g0.total == 0 {
		res.Quality = quality(g0, memb, o.Quality, o.Resolution)
	}
	res.Clusters = renumber(memb)
	res.Membership = memb
	return res
}

// Q returns the modularity, at resolution gamma, of a partition
// (membership per node; nodes with -1 count as clusters of their own) of
// the network whose links edges yields.
func Q(n int, edges iter.Seq[Edge], membership []int32, gamma float64) float64 {
	g := newGraph(n, edges, Modularity)
	memb := slices.Clone(membership)
	next := int32(0)
	for _, c := range memb {
		next = max(next, c+1)
	}
	for i, c := range memb {
		if c < 0 {
			memb[i] = next
			next++
		}
	}
	return quality(g, memb, Modularity, gamma)
}

// graph is a network in compressed sparse rows. Each link appears in the
// rows of both its nodes; self holds a node's self-loop weight (the weight
// inside an aggregated node), counted twice in its degree.
type graph struct {
	n     int
	start []int64
	adj   []arc
	self  []float64
	// node weight in the quality function: the degree for modularity
	// (including self-loops twice), the number of original nodes for CPM
	nodeW []float64
	// total of nodeW over the nodes, for modularity 2m
	total float64
}

// arc is one end of a link in a node's row: the other node and the
// weight, side by side so that a row is read in one stream.
type arc struct {
	to int32
	w  float32
}

// newGraph builds the level-0 graph from the links.
func newGraph(n int, edges iter.Seq[Edge], q Quality) *graph {
	g := &graph{n: n, start: make([]int64, n+1), self: make([]float64, n), nodeW: make([]float64, n)}
	// degrees, counted in start[v+1]; the checks are written out, not a
	// closure, because they run twice per link
	deg := g.start[1:]
	for e := range edges {
		if valid(e, n) {
			deg[e.A]++
			deg[e.B]++
		}
	}
	for i := 0; i < n; i++ {
		g.start[i+1] += g.start[i]
	}
	g.adj = make([]arc, g.start[n])
	next := slices.Clone(g.start[:n])
	adj := g.adj
	for e := range edges {
		if !valid(e, n) {
			continue
		}
		w := float32(e.W)
		i, j := next[e.A], next[e.B]
		adj[i] = arc{e.B, w}
		adj[j] = arc{e.A, w}
		next[e.A], next[e.B] = i+1, j+1
	}
	if q == CPM {
		for i := range g.nodeW {
			g.nodeW[i] = 1
		}
	} else {
		// each node's degree, summed along its row in row order
		for v := 0; v < n; v++ {
			sum := 0.0
			for _, a := range adj[g.start[v]:g.start[v+1]] {
				sum += float64(a.w)
			}
			g.nodeW[v] = sum
		}
	}
	for _, w := range g.nodeW {
		g.total += w
	}
	return g
}

// valid reports whether e is a link Leiden uses: two different nodes
// below n, a positive finite weight.
func valid(e Edge, n int) bool {
	return e.A != e.B && uint32(e.A) < uint32(n) && uint32(e.B) < uint32(n) && e.W > 0 && e.W <= math.MaxFloat64
}

// levelQuality is the quality of the partition whose clusters are the
// nodes of g (an aggregate of the level-0 graph).
func (l *leiden) levelQuality(g *graph) float64 {
	sum := 0.0
	if l.cpm {
		for v := 0; v < g.n; v++ {
			sum += g.self[v] - l.gamma*g.nodeW[v]*(g.nodeW[v]-1)/2
		}
		return sum
	}
	if g.total == 0 {
		return 0
	}
	for v := 0; v < g.n; v++ {
		// γ/(2m)·K² / (2m) = l.gamma·K²/(2m)
		sum += 2*g.self[v]/g.total - l.gamma*g.nodeW[v]*g.nodeW[v]/g.total
	}
	return sum
}

// leiden holds the state shared by the phases.
type leiden struct {
	rng     *rand.Rand
	seed    uint64
	refines int // refinements run, for their random streams
	theta   float64
	gamma   float64 // γ/(2m) for modularity, γ for CPM
	cpm     bool
	quality float64 // of the partition the last iteration ended with
	procs   int     // CPUs it may use

	// the adjacency of the aggregated graphs, two buffers used in turn
	aggBuf [2][]arc
	aggUse int

	// scratch, sized for the largest graph
	neighW     []float64
	touched    []int32
	refScratch []*refineScratch // one per CPU
}

// scratch makes the scratch arrays at least n long.
func (l *leiden) scratch(n int) {
	if len(l.neighW) < n {
		l.neighW = make([]float64, n)
	}
}

// iterate runs one Leiden iteration on g0 from the partition memb (node ->
// cluster, updated in place) and reports whether it changed it.
func (l *leiden) iterate(g0 *graph, memb []int32) bool {
	before := slices.Clone(memb)
	g := g0
	// map from the nodes of g to those of g0: each g node is a set of g0
	// nodes; kept as g0 node -> current g node
	level := make([]int32, g0.n)
	for i := range level {
		level[i] = int32(i)
	}
	part := slices.Clone(memb) // partition of g's nodes
	for {
		l.moveNodes(g, part)
		nc := renumber(part)
		if nc == g.n {
			// every cluster is a single node: done, and its quality can be
			// read from this level, each cluster's inside weight being the
			// node's self-loop
			l.quality = l.levelQuality(g)
			break
		}
		refined := l.refine(g, part)
		nr := renumber(refined)
		if nr == g.n {
			// refinement merged nothing: aggregate on the partition itself
			copy(refined, part)
			nr = nc
		}
		l.aggUse ^= 1
		agg, aggPart := aggregate(g, refined, nr, part, l.aggBuf[l.aggUse][:0], l.procs)
		l.aggBuf[l.aggUse] = agg.adj
		for i := range level {
			level[i] = refined[level[i]]
		}
		g, part = agg, aggPart
	}
	for i := range memb {
		memb[i] = part[level[i]]
	}
	renumber(memb)
	return !samePartition(before, memb)
}

// moveNodes is the fast local moving phase: nodes are visited from a queue
// in random order; each moves to the neighbouring cluster (or an empty one)
// of largest gain, and when it moves its neighbours outside its new cluster
// are queued again.
func (l *leiden) moveNodes(g *graph, part []int32) {
	n := g.n
	l.scratch(n)
	clusterW := make([]float64, n)
	size := make([]int32, n)
	for v := 0; v < n; v++ {
		clusterW[part[v]] += g.nodeW[v]
		size[part[v]]++
	}
	var empty []int32
	for c := n - 1; c >= 0; c-- {
		if size[c] == 0 {
			empty = append(empty, int32(c))
		}
	}
	queue := make([]int32, n)
	for i := range queue {
		queue[i] = int32(i)
	}
	l.rng.Shuffle(n, func(i, j int) { queue[i], queue[j] = queue[j], queue[i] })
	inQueue := make([]bool, n)
	for i := range inQueue {
		inQueue[i] = true
	}
	head, count := 0, n
	neighW := l.neighW
	for count > 0 {
		v := queue[head]
		head++
		if head == n {
			head = 0
		}
		count--
		inQueue[v] = false
		cur := part[v]
		row := g.adj[g.start[v]:g.start[v+1]]
		touched := slices.Grow(l.touched[:0], len(row))[:len(row)]
		k := 0
		for _, a := range row {
			c := part[a.to]
			// written always, kept when new: no branch to mispredict
			touched[k] = c
			k += isZero(neighW[c])
			neighW[c] += float64(a.w)
		}
		touched = touched[:k]
		wv := g.nodeW[v]
		gw := l.gamma * wv
		clusterW[cur] -= wv
		size[cur]--
		best, bestGain := cur, neighW[cur]-gw*clusterW[cur]
		for _, c := range touched {
			if gain := neighW[c] - gw*clusterW[c]; gain > bestGain {
				best, bestGain = c, gain
			}
		}
		if bestGain < 0 {
			// alone in a cluster of its own gains 0
			if size[cur] == 0 {
				best = cur
			} else {
				best = empty[len(empty)-1]
				empty = empty[:len(empty)-1]
			}
		}
		for _, c := range touched {
			neighW[c] = 0
		}
		l.touched = touched
		clusterW[best] += wv
		size[best]++
		if size[cur] == 0 && cur != best {
			empty = append(empty, cur)
		}
		if best == cur {
			continue
		}
		part[v] = best
		for _, a := range row {
			u := a.to
			if !inQueue[u] && part[u] != best {
				inQueue[u] = true
				tail := head + count
				if tail >= n {
					tail -= n
				}
				queue[tail] = u
				count++
			}
		}
	}
}

// refine splits each cluster of part into well-connected sub-clusters: it
// starts from singletons and merges each node, still alone and well
// connected to its cluster, into a well-connected sub-cluster of the same
// cluster chosen at random with probability ∝ exp(gain/θ) among those of
// non-negative gain (staying alone gains 0). It returns the sub-cluster of
// each node. Clusters are refined independently, on all CPUs, each with
// its own random stream drawn from the seed, the refinement's number and
// the cluster's, so the result does not depend on the scheduling.
func (l *leiden) refine(g *graph, part []int32) []int32 {
	n := g.n
	l.refines++
	// the nodes of each cluster (counting sort; part is numbered 0..nc-1)
	nc := int32(0)
	for _, c := range part {
		nc = max(nc, c+1)
	}
	cstart := make([]int32, nc+1)
	for _, c := range part {
		cstart[c+1]++
	}
	for c := int32(0); c < nc; c++ {
		cstart[c+1] += cstart[c]
	}
	nodes := make([]int32, n)
	next := slices.Clone(cstart[:nc])
	for v, c := range part {
		nodes[next[c]] = int32(v)
		next[c]++
	}
	// the most arcs a cluster's rows have: the scratch's copy of a
	// cluster's inside links is allocated once at that size
	maxArcs := int64(0)
	for c := int32(0); c < nc; c++ {
		sum := int64(0)
		for _, v := range nodes[cstart[c]:cstart[c+1]] {
			sum += g.start[v+1] - g.start[v]
		}
		maxArcs = max(maxArcs, sum)
	}
	r := &refinement{g: g, part: part, gamma: l.gamma, theta: l.theta, refined: make([]int32, n)}
	seed := l.seed ^ uint64(l.refines)<<40
	procs := l.procs
	if len(g.adj) < parallelArcs {
		procs = 1
	}
	for len(l.refScratch) < procs {
		l.refScratch = append(l.refScratch, &refineScratch{pcg: rand.NewPCG(0, 0)})
	}
	for _, sc := range l.refScratch[:procs] {
		if len(sc.local) < n {
			sc.local = make([]int32, n)
		}
		if int64(cap(sc.arcs)) < maxArcs {
			sc.arcs = make([]arc, 0, maxArcs)
		}
	}
	parallel(l.refScratch[:procs], int(nc), func(sc *refineScratch, c int) {
		sc.pcg.Seed(seed, uint64(c))
		r.cluster(sc, nodes[cstart[c]:cstart[c+1]])
	})
	return r.refined
}

// refinement is the state of one refinement, shared by the CPUs: each
// cluster's nodes are touched by one CPU only.
type refinement struct {
	g            *graph
	part         []int32
	gamma, theta float64
	refined      []int32
}

// refineScratch is one CPU's working memory. A cluster is refined on a
// copy of its inside links, its nodes numbered 0, 1, … in node order:
// short, dense arrays instead of scattered reads of the whole graph.
type refineScratch struct {
	pcg      *rand.PCG // seeded for each cluster
	local    []int32   // node -> its number in the cluster being refined
	start    []int32   // the cluster's rows of inside links
	arcs     []arc
	sub      []int32   // node's sub-cluster, numbered by its first node
	subW     []float64 // node weight of each sub-cluster
	external []float64 // weight from each sub-cluster to the rest of the cluster
	alone    []bool
	order    []int32
	neighW   []float64
	touched  []int32
	cand     []int32
	prob     []float64
}

// cluster refines the cluster made of nodes (in node order).
func (r *refinement) cluster(sc *refineScratch, nodes []int32) {
	g, part := r.g, r.part
	if len(nodes) == 1 {
		v := nodes[0]
		r.refined[v] = v
		return
	}
	c := part[nodes[0]]
	size := len(nodes)
	for i, v := range nodes {
		sc.local[v] = int32(i)
	}
	sc.start = slices.Grow(sc.start[:0], size+1)[:size+1]
	sc.sub = slices.Grow(sc.sub[:0], size)[:size]
	sc.subW = slices.Grow(sc.subW[:0], size)[:size]
	sc.external = slices.Grow(sc.external[:0], size)[:size]
	sc.alone = slices.Grow(sc.alone[:0], size)[:size]
	sc.neighW = slices.Grow(sc.neighW[:0], size)[:size]
	arcs := sc.arcs[:0]
	wc := 0.0
	for i, v := range nodes {
		sc.start[i] = int32(len(arcs))
		row := g.adj[g.start[v]:g.start[v+1]]
		k := len(arcs)
		arcs = slices.Grow(arcs, len(row))[:k+len(row)]
		ext := 0.0
		for _, a := range row {
			// kept when inside the cluster, without a branch; local is
			// stale for nodes outside, whose arcs are dropped
			in := isTrue(part[a.to] == c)
			arcs[k] = arc{sc.local[a.to], a.w}
			k += in
			ext += float64(a.w) * float64(in)
		}
		arcs = arcs[:k]
		sc.sub[i] = int32(i)
		sc.subW[i] = g.nodeW[v]
		sc.external[i] = ext
		sc.alone[i] = true
		sc.neighW[i] = 0
		wc += g.nodeW[v]
	}
	sc.start[size] = int32(len(arcs))
	sc.arcs = arcs
	order := slices.Grow(sc.order[:0], size)[:size]
	for i := range order {
		order[i] = int32(i)
	}
	sc.order = order
	rng := rand.New(sc.pcg)
	rng.Shuffle(size, func(i, j int) { order[i], order[j] = order[j], order[i] })
	neighW, sub, subW, external := sc.neighW, sc.sub, sc.subW, sc.external
	for _, v := range order {
		if !sc.alone[v] {
			continue // others joined it
		}
		wv := g.nodeW[nodes[v]]
		if external[v] < r.gamma*wv*(wc-wv) {
			continue // not well connected to its cluster
		}
		row := arcs[sc.start[v]:sc.start[v+1]]
		touched := slices.Grow(sc.touched[:0], len(row))[:len(row)]
		k := 0
		for _, a := range row {
			s := sub[a.to]
			touched[k] = s
			k += isZero(neighW[s])
			neighW[s] += float64(a.w)
		}
		touched = touched[:k]
		own := sub[v]
		subW[own] -= wv
		cand, prob := sc.cand[:0], sc.prob[:0]
		maxGain := 0.0
		cand = append(cand, own)
		prob = append(prob, 0)
		for _, s := range touched {
			if s == own || external[s] < r.gamma*subW[s]*(wc-subW[s]) {
				continue
			}
			gain := neighW[s] - r.gamma*wv*subW[s]
			if gain < 0 {
				continue
			}
			cand = append(cand, s)
			prob = append(prob, gain)
			maxGain = max(maxGain, gain)
		}
		chosen := own
		if len(cand) > 1 {
			// candidates whose weight exp((gain−max)/θ) is below 1e-17
			// (the largest is 1) cannot be drawn: drop them before
			// paying for the exponential
			cut, k := maxGain-40*r.theta, 0
			for i, gain := range prob {
				if gain >= cut {
					cand[k], prob[k] = cand[i], gain
					k++
				}
			}
			cand, prob = cand[:k], prob[:k]
			total := 0.0
			for i, gain := range prob {
				prob[i] = math.Exp((gain - maxGain) / r.theta)
				total += prob[i]
			}
			x := rng.Float64() * total
			chosen = cand[len(cand)-1]
			for i, p := range prob {
				if x < p {
					chosen = cand[i]
					break
				}
				x -= p
			}
		}
		if chosen != own {
			sub[v] = chosen
			subW[chosen] += wv
			// links between v and chosen become internal
			external[chosen] += external[v] - 2*neighW[chosen]
			sc.alone[chosen] = false
			external[own] = 0
		} else {
			subW[own] += wv
		}
		for _, s := range touched {
			neighW[s] = 0
		}
		sc.touched, sc.cand, sc.prob = touched, cand, prob
	}
	for i, v := range nodes {
		r.refined[v] = nodes[sub[i]]
	}
}

// parallel calls f(sc, i) for i in 0..n-1 on len(scratch) CPUs, in
// blocks, each CPU with its own scratch.
func parallel(scratch []*refineScratch, n int, f func(sc *refineScratch, i int)) {
	const block = 16
	workers := min(len(scratch), (n+block-1)/block)
	if workers <= 1 {
		for i := 0; i < n; i++ {
			f(scratch[0], i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sc := scratch[w]
			for {
				lo := int(next.Add(block)) - block
				if lo >= n {
					return
				}
				for i := lo; i < min(lo+block, n); i++ {
					f(sc, i)
				}
			}
		}()
	}
	wg.Wait()
}

// aggregate builds the graph whose nodes are the nr sub-clusters of
// refined, and returns it with its initial partition: each sub-cluster in
// the cluster of part it lies in. Its adjacency is appended to buf.
func aggregate(g *graph, refined []int32, nr int, part []int32, buf []arc, procs int) (*graph, []int32) {
	// nodes grouped by sub-cluster
	start := make([]int32, nr+1)
	for _, r := range refined {
		start[r+1]++
	}
	for i := 0; i < nr; i++ {
		start[i+1] += start[i]
	}
	nodes := make([]int32, g.n)
	next := slices.Clone(start[:nr])
	for v, r := range refined {
		nodes[next[r]] = int32(v)
		next[r]++
	}
	a := &graph{n: nr, start: make([]int64, nr+1), self: make([]float64, nr), nodeW: make([]float64, nr), total: g.total}
	aggPart := make([]int32, nr)
	// rows in contiguous blocks, one per CPU, of about equal numbers of
	// arcs; each block's rows go to its own buffer, joined in row order
	workers := max(1, min(procs, len(g.adj)/(parallelArcs/5)))
	bounds := []int{0}
	per, sum := len(g.adj)/workers+1, 0
	for r := 0; r < nr; r++ {
		for _, v := range nodes[start[r]:start[r+1]] {
			sum += int(g.start[v+1] - g.start[v])
		}
		if sum >= per*len(bounds) && len(bounds) < workers {
			bounds = append(bounds, r+1)
		}
	}
	bounds = append(bounds, nr)
	rowLen := make([]int64, nr)
	bufs := make([][]arc, len(bounds)-1)
	var wg sync.WaitGroup
	for b := 0; b+1 < len(bounds); b++ {
		wg.Add(1)
		go func(b int) {
			defer wg.Done()
			acc := make([]float64, nr)
			var touched []int32
			var out []arc
			if b == 0 {
				out = buf
			}
			for r := bounds[b]; r < bounds[b+1]; r++ {
				before := len(out)
				nodeW, self := 0.0, 0.0
				for _, v := range nodes[start[r]:start[r+1]] {
					nodeW += g.nodeW[v]
					self += g.self[v]
					aggPart[r] = part[v]
					row := g.adj[g.start[v]:g.start[v+1]]
					k := len(touched)
					touched = slices.Grow(touched, len(row))[:k+len(row)]
					for _, x := range row {
						s := refined[x.to]
						touched[k] = s
						k += isZero(acc[s])
						acc[s] += float64(x.w)
					}
					touched = touched[:k]
				}
				for _, s := range touched {
					if s == int32(r) {
						// a link inside is seen from both its ends
						self += acc[s] / 2
					} else {
						out = append(out, arc{s, float32(acc[s])})
					}
					acc[s] = 0
				}
				a.nodeW[r], a.self[r] = nodeW, self
				touched = touched[:0]
				rowLen[r] = int64(len(out) - before)
			}
			bufs[b] = out
		}(b)
	}
	wg.Wait()
	adj := bufs[0]
	for _, x := range bufs[1:] {
		adj = append(adj, x...)
	}
	for r := 0; r < nr; r++ {
		a.start[r+1] = a.start[r] + rowLen[r]
	}
	a.adj = adj
	return a, aggPart
}

// renumber numbers the clusters of memb 0, 1, … by decreasing size, ties
// by lowest node, leaving -1 as it is, and returns their number.
func renumber(memb []int32) int {
	n := len(memb)
	size := make([]int32, n+1)
	first := make([]int32, n+1)
	for i := range first {
		first[i] = -1
	}
	for v, c := range memb {
		if c < 0 {
			continue
		}
		size[c]++
		if first[c] < 0 {
			first[c] = int32(v)
		}
	}
	var ids []int32
	for c := range size {
		if size[c] > 0 {
			ids = append(ids, int32(c))
		}
	}
	slices.SortFunc(ids, func(a, b int32) int {
		return cmp.Or(cmp.Compare(size[b], size[a]), cmp.Compare(first[a], first[b]))
	})
	newID := make([]int32, n+1)
	for i, c := range ids {
		newID[c] = int32(i)
	}
	for v, c := range memb {
		if c >= 0 {
			memb[v] = newID[c]
		}
	}
	return len(ids)
}

// samePartition reports whether two memberships, both numbered by
// renumber, are equal.
func samePartition(a, b []int32) bool {
	return slices.Equal(a, b)
}

// quality computes the modularity or CPM value of a membership of g0.
func quality(g *graph, memb []int32, q Quality, gamma float64) float64 {
	nc := 0
	for _, c := range memb {
		nc = max(nc, int(c)+1)
	}
	inside := make([]float64, nc)
	tot := make([]float64, nc)
	for v := 0; v < g.n; v++ {
		c := memb[v]
		if c < 0 {
			continue
		}
		tot[c] += g.nodeW[v]
		for _, a := range g.adj[g.start[v]:g.start[v+1]] {
			if memb[a.to] == c {
				inside[c] += float64(a.w) // each link twice: 2·e_c
			}
		}
	}
	sum := 0.0
	if q == CPM {
		for c := range inside {
			sum += inside[c]/2 - gamma*tot[c]*(tot[c]-1)/2
		}
		return sum
	}
	if g.total == 0 {
		return 0
	}
	for c := range inside {
		sum += inside[c]/g.total - gamma*(tot[c]/g.total)*(tot[c]/g.total)
	}
	return sum
}

// mergeSmall merges the clusters of fewer than min nodes, smallest first,
// into the cluster they have most link weight to; those with no link to
// another cluster get membership -1. It returns how many were merged and
// how many marked.
func mergeSmall(g *graph, memb []int32, min int) (merged, marked int) {
	renumber(memb) // largest first: the small ones are at the end
	nc := 0
	size := make([]int, len(memb)+1)
	for _, c := range memb {
		size[c]++
		nc = max(nc, int(c)+1)
	}
	members := make([][]int32, nc)
	for v, c := range memb {
		members[c] = append(members[c], int32(v))
	}
	to := make([]float64, nc)
	for c := nc - 1; c >= 0; c-- {
		if size[c] >= min || size[c] == 0 {
			continue
		}
		var touched []int32
		for _, v := range members[c] {
			for _, a := range g.adj[g.start[v]:g.start[v+1]] {
				d := memb[a.to]
				if d == int32(c) || d < 0 {
					continue
				}
				if to[d] == 0 {
					touched = append(touched, d)
				}
				to[d] += float64(a.w)
			}
		}
		best, bestW := int32(-1), 0.0
		for _, d := range touched {
			if to[d] > bestW || to[d] == bestW && d < best {
				best, bestW = d, to[d]
			}
			to[d] = 0
		}
		for _, v := range members[c] {
			memb[v] = best
		}
		if best < 0 {
			marked++
			continue
		}
		merged++
		size[best] += size[c]
		members[best] = append(members[best], members[c]...)
		size[c] = 0
	}
	return merged, marked
}

// isTrue is 1 when b is true, else 0, computed without a branch.
func isTrue(b bool) int {
	x := 0
	if b {
		x = 1
	}
	return x
}

// isZero is 1 when x is 0, else 0, computed without a branch.
func isZero(x float64) int {
	b := 0
	if x == 0 {
		b = 1
	}
	return b
}
