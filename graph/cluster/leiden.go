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
	// Starts is the number of ways the first iteration goes on after
	// moving the nodes of the level-0 graph (the costly part, done once):
	// each refines the clusters with its own random stream and climbs the
	// aggregated levels from there; the one of highest quality goes on.
	// That first refinement largely decides which local optimum the run
	// ends in: on a generated network with two (S coupling), one start
	// ended in the poorer from 2 seeds of 10, two starts from none.
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

// parallelArcs is the size of graph, in arcs, from which the refinement
// and the aggregation share their work among the CPUs. Smaller, a phase
// takes milliseconds: on the S co-citation network (2.9 M arcs) two CPUs
// saved no time, and each needs working memory of its own. A variable
// for the tests.
var parallelArcs = 1 << 23

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
// ignored. It is NewNetwork, then Cluster.
func Leiden(n int, edges iter.Seq[Edge], opt *Options) Result {
	var q Quality
	if opt != nil {
		q = opt.Quality
	}
	return NewNetwork(n, edges, q).Cluster(opt)
}

// Network is a network built for Leiden: rows of arcs per node, weighted
// for one quality function. Building it is the part of Leiden that reads
// the links; a Network can be clustered many times (other seeds,
// resolutions, starts), and is not changed by it.
type Network struct {
	g *graph
	q Quality
}

// NewNetwork builds the network of n nodes whose links edges yields, for
// quality q ("" is Modularity), with Leiden's rules for links (see Leiden).
func NewNetwork(n int, edges iter.Seq[Edge], q Quality) *Network {
	if q == "" {
		q = Modularity
	}
	return &Network{g: newGraph(n, edges, q), q: q}
}

// Cluster runs Leiden on the network. The options' Quality is the
// network's, whatever opt says.
func (nw *Network) Cluster(opt *Options) Result {
	o := Options{}
	if opt != nil {
		o = *opt
	}
	o.Quality = nw.q
	n := nw.g.n
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
	g0 := nw.g
	starts := o.Starts
	if starts <= 0 {
		starts = 2
	}
	sc := &scratch{}
	newRun := func(stream uint64) *leiden {
		l := &leiden{
			rng:     rand.New(rand.NewPCG(o.Seed, 0x5eed^stream<<32)),
			seed:    o.Seed ^ stream<<56,
			theta:   o.Randomness,
			procs:   runtime.GOMAXPROCS(0),
			scratch: sc,
		}
		switch o.Quality {
		case CPM:
			l.gamma, l.cpm = o.Resolution, true
		default:
			if g0.total > 0 {
				l.gamma = o.Resolution / g0.total // γ/(2m): total is the sum of degrees, 2m
			}
		}
		return l
	}
	// the first iteration: one move of the level-0 nodes, then the starts
	// (see Options.Starts)
	memb := make([]int32, n)
	for v := range memb {
		memb[v] = int32(v)
	}
	l := newRun(0)
	c := l.climb(g0, memb)
	if !l.move(c) {
		var best *climb
		for i := range starts {
			run, ci := newRun(uint64(i)+1), c
			if i < starts-1 {
				ci = c.clone()
			}
			run.up(ci)
			for !run.step(ci) {
			}
			if best == nil || run.quality > l.quality {
				l, best = run, ci
			}
		}
		c = best
	}
	changed := l.descend(c, memb)
	tol := o.Tolerance
	if tol == 0 {
		tol = 1e-3
		if g0.arcs < smallArcs {
			tol = -1
		}
	}
	res := Result{Iterations: 1}
	for changed && res.Iterations < maxIter {
		res.Iterations++
		before := l.quality
		changed = l.iterate(g0, memb)
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
	// one pass over the links, summing per cluster: no rows are built
	memb := slices.Clone(membership[:n])
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
	inside, tot := make([]float64, next), make([]float64, next)
	total := 0.0
	for e := range edges {
		if !valid(e, n) {
			continue
		}
		w := float64(float32(e.W)) // as the rows hold it
		a, b := memb[e.A], memb[e.B]
		tot[a] += w
		tot[b] += w
		total += 2 * w
		if a == b {
			inside[a] += 2 * w
		}
	}
	if total == 0 {
		return 0
	}
	sum := 0.0
	for c := range inside {
		sum += inside[c]/total - gamma*(tot[c]/total)*(tot[c]/total)
	}
	return sum
}

// graph is a network as rows of arcs. Each link appears in the rows of
// both its nodes; self holds a node's self-loop weight (the weight inside
// an aggregated node), counted twice in its degree.
type graph struct {
	n int
	// rows[v] is node v's row; the rows of the level-0 graph lie in
	// chunks of about chunkArcs arcs, those of an aggregate in one buffer
	rows [][]arc
	// chunked says the rows lie in chunks: this is a level-0 graph
	chunked bool
	arcs    int // the number of arcs, of all rows
	self    []float64
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

// chunkArcs is the size, in arcs (256 kB), of the chunks that hold the rows
// of the level-0 graph: the memory a network was built in and let go
// serves such chunks, where a single block of the graph's size would be
// fresh memory, paid a page fault per 4 kB (on bibx co-citation, 6 MB of
// rows, 1,500 faults: 40 ms of a 130 ms run).
const chunkArcs = 1 << 15

// newGraph builds the level-0 graph from the links.
func newGraph(n int, edges iter.Seq[Edge], q Quality) *graph {
	g := &graph{n: n, rows: make([][]arc, n), self: make([]float64, n), nodeW: make([]float64, n), chunked: true}
	// the number of links of each node, and its weighted degree, summed in
	// link order, which is also the order of its row; the checks are
	// written out, not a closure, because they run twice per link
	deg, wdeg := make([]int32, n), g.nodeW
	for e := range edges {
		if valid(e, n) {
			deg[e.A]++
			deg[e.B]++
			w := float64(float32(e.W))
			wdeg[e.A] += w
			wdeg[e.B] += w
		}
	}
	// rows in chunks, each of whole rows
	lo, sum := 0, 0
	for v := 0; v <= n; v++ {
		if v < n && (sum == 0 || sum+int(deg[v]) <= chunkArcs) {
			sum += int(deg[v])
			continue
		}
		chunk := make([]arc, sum)
		for u := lo; u < v; u++ {
			d := int(deg[u])
			g.rows[u], chunk = chunk[:d:d], chunk[d:]
		}
		g.arcs += sum
		lo, sum = v, 0
		if v < n {
			sum = int(deg[v])
		}
	}
	// the rows, in link order; deg now counts the arcs written
	clear(deg)
	for e := range edges {
		if !valid(e, n) {
			continue
		}
		w := float32(e.W)
		i, j := deg[e.A], deg[e.B]
		g.rows[e.A][i] = arc{e.B, w}
		g.rows[e.B][j] = arc{e.A, w}
		deg[e.A], deg[e.B] = i+1, j+1
	}
	if q == CPM {
		for i := range g.nodeW {
			g.nodeW[i] = 1
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

// leiden holds the state of one run: its random streams and the quality
// it reached.
type leiden struct {
	rng     *rand.Rand
	seed    uint64
	refines int // refinements run, for their random streams
	theta   float64
	gamma   float64 // γ/(2m) for modularity, γ for CPM
	cpm     bool
	quality float64 // of the partition the last iteration ended with
	procs   int     // CPUs it may use

	*scratch
}

// scratch is working memory that the levels, iterations and runs share,
// one after the other: allocated once at the size of the level-0 graph,
// instead of once per level (fresh memory costs a page fault per 4 kB,
// 10-30 µs each on the 2-CPU VM of the igraph comparison).
type scratch struct {
	// the adjacency of the aggregated graphs, two buffers used in turn
	aggBuf [2][]arc
	aggUse int
	// the other CPUs' blocks of an aggregate's rows, before they are
	// appended to aggBuf, and their sums (zero between uses)
	aggMore [][]arc
	aggAcc  [][]float64

	neighW     []float64 // zero between uses
	touched    []int32
	clusterW   []float64
	size       []int32
	queue      []int32
	inQueue    []bool
	empty      []int32
	nodes      []int32
	where      []uint64
	refined    []int32
	aggNodes   []int32
	acc        []float64 // zero between uses
	aggTouched []int32
	ren        []int32
	before     []int32
	inW        []float64
	refScratch []*refineScratch // one per CPU
}

// buf returns *b resliced to n elements, grown if needed; the contents
// are left as they were.
func buf[T any](b *[]T, n int) []T {
	if cap(*b) < n {
		*b = make([]T, n)
	}
	return (*b)[:n]
}

// renumber is renumber with the scratch's memory.
func (sc *scratch) renumber(memb []int32) int {
	return renumberBuf(memb, buf(&sc.ren, 4*(len(memb)+1)))
}

// climb is an iteration on its way up the levels: the graph of the
// current level, the partition of its nodes, and each level-0 node's node
// in it.
type climb struct {
	g     *graph
	part  []int32
	level []int32
	// the weight of each node's links inside its cluster, as the moves
	// leave it, for the refinement
	inW []float64
}

// climb starts an iteration on g0 from the partition memb.
func (l *leiden) climb(g0 *graph, memb []int32) *climb {
	level := make([]int32, g0.n)
	for i := range level {
		level[i] = int32(i)
	}
	return &climb{g: g0, part: slices.Clone(memb), level: level, inW: buf(&l.inW, g0.n)}
}

// clone copies c but not its graph, which the phases only read.
func (c *climb) clone() *climb {
	return &climb{g: c.g, part: slices.Clone(c.part), level: slices.Clone(c.level), inW: slices.Clone(c.inW)}
}

// step moves the nodes of c's level. When every cluster is then a single
// node it records the quality and reports true; otherwise it refines the
// clusters and makes the aggregate of the refined ones c's next level.
func (l *leiden) step(c *climb) bool {
	if l.move(c) {
		return true
	}
	l.up(c)
	return false
}

// move moves the nodes of c's level and numbers the clusters 0, 1, …
// When every cluster is a single node it records the quality and reports
// true.
func (l *leiden) move(c *climb) bool {
	g := c.g
	l.moveNodes(g, c.part, c.inW)
	if l.renumber(c.part) == g.n {
		// every cluster is a single node: its quality can be read from
		// this level, each cluster's inside weight being the node's
		// self-loop
		l.quality = l.levelQuality(g)
		return true
	}
	return false
}

// up refines the clusters of c's level and makes the aggregate of the
// refined ones c's next level.
func (l *leiden) up(c *climb) {
	g, part := c.g, c.part
	cl := l.group(g, part)
	cl.inW = c.inW
	refined := l.refine(cl)
	nr := l.renumber(refined)
	if nr == g.n {
		// refinement merged nothing: aggregate on the partition itself
		copy(refined, part)
		nr = len(cl.cstart) - 1
	}
	agg, aggPart := l.aggregate(g, refined, nr, part)
	for i := range c.level {
		c.level[i] = refined[c.level[i]]
	}
	c.g, c.part = agg, aggPart
}

// descend writes the partition c climbed to into memb (node -> cluster of
// the level-0 graph), numbered by renumber, and reports whether it
// changed memb.
func (l *leiden) descend(c *climb, memb []int32) bool {
	before := buf(&l.before, len(memb))
	copy(before, memb)
	for i := range memb {
		memb[i] = c.part[c.level[i]]
	}
	l.renumber(memb)
	return !slices.Equal(before, memb)
}

// iterate runs one Leiden iteration on g0 from the partition memb (node ->
// cluster, updated in place) and reports whether it changed it.
func (l *leiden) iterate(g0 *graph, memb []int32) bool {
	c := l.climb(g0, memb)
	for !l.step(c) {
	}
	return l.descend(c, memb)
}

// moveNodes is the fast local moving phase: nodes are visited from a queue
// in random order; each moves to the neighbouring cluster (or an empty one)
// of largest gain, and when it moves its neighbours outside its new cluster
// are queued again.
func (l *leiden) moveNodes(g *graph, part []int32, inW []float64) {
	n := g.n
	if len(l.neighW) < n+ownSlots {
		l.neighW = make([]float64, n+ownSlots)
	}
	clusterW, size := buf(&l.clusterW, n), buf(&l.size, n)
	clear(clusterW)
	clear(size)
	for v := 0; v < n; v++ {
		clusterW[part[v]] += g.nodeW[v]
		size[part[v]]++
	}
	// the empty clusters, a stack; at most n
	empty := buf(&l.empty, n)[:0]
	for c := n - 1; c >= 0; c-- {
		if size[c] == 0 {
			empty = append(empty, int32(c))
		}
	}
	queue := buf(&l.queue, n)
	for i := range queue {
		queue[i] = int32(i)
	}
	l.rng.Shuffle(n, func(i, j int) { queue[i], queue[j] = queue[j], queue[i] })
	inQueue := buf(&l.inQueue, n)
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
		row := g.rows[v]
		touched := slices.Grow(l.touched[:0], len(row))[:len(row)]
		k, own := gather(row, part, neighW, touched, cur)
		touched = touched[:k]
		wv := g.nodeW[v]
		gw := l.gamma * wv
		clusterW[cur] -= wv
		size[cur]--
		best, bestGain, bestW := cur, own-gw*clusterW[cur], own
		for _, c := range touched {
			if gain := neighW[c] - gw*clusterW[c]; gain > bestGain {
				best, bestGain, bestW = c, gain, neighW[c]
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
			bestW = 0
		}
		inW[v] = bestW
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
			// the link leaves u's cluster, or joins it
			pu := part[u]
			inW[u] += float64(a.w) * float64(isTrue(pu == best)-isTrue(pu == cur))
			if !inQueue[u] && pu != best {
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

// ownSlots is the number of slots past the clusters' in which gather sums
// the weight to the node's own cluster, in turn.
const ownSlots = 8

// gather adds the weight of each arc of row to neighW of the arc's node's
// cluster in part, writes the clusters it finds at zero into touched, and
// returns their number and, apart, the weight to cluster own. Its loop runs
// for every arc the moves read. Most of a node's links often lie in its
// own cluster: summed in one place, each addition would wait for the one
// before to be stored and read back; summed in the ownSlots slots past the
// clusters' (neighW has them), in turn, they do not.
//
//go:noinline
func gather(row []arc, part []int32, neighW []float64, touched []int32, own int32) (int, float64) {
	slots := len(neighW) - ownSlots
	k := 0
	for i, a := range row {
		c := part[a.to]
		// j is c, or the slot of arc i when c is own: no branch to
		// mispredict, as for touched, written always and kept when new
		in := isTrue(c == own)
		j := int(c) + (slots+i&(ownSlots-1)-int(c))&-in
		x := neighW[j]
		touched[k] = c
		k += isZero(x) &^ in
		neighW[j] = x + float64(a.w)
	}
	w := 0.0
	for j := slots; j < len(neighW); j++ {
		w += neighW[j]
		neighW[j] = 0
	}
	return k, w
}

// clusters groups the nodes of a level by cluster, for the refinement.
type clusters struct {
	g      *graph
	nodes  []int32   // nodes grouped by cluster, in node order
	cstart []int32   // cluster c's nodes are nodes[cstart[c]:cstart[c+1]]
	where  []uint64  // node -> its cluster << 32 | its number in it
	inW    []float64 // node -> the weight of its links inside its cluster
}

// group groups the nodes of g by their cluster in part (numbered 0, 1, …).
func (sc *scratch) group(g *graph, part []int32) *clusters {
	n := g.n
	nc := int32(0)
	for _, c := range part {
		nc = max(nc, c+1)
	}
	cl := &clusters{g: g, nodes: buf(&sc.nodes, n), cstart: make([]int32, nc+1), where: buf(&sc.where, n)}
	for _, c := range part {
		cl.cstart[c+1]++
	}
	for c := int32(0); c < nc; c++ {
		cl.cstart[c+1] += cl.cstart[c]
	}
	next := slices.Clone(cl.cstart[:nc])
	for v, c := range part {
		i := next[c]
		cl.nodes[i] = int32(v)
		cl.where[v] = uint64(c)<<32 | uint64(i-cl.cstart[c])
		next[c]++
	}
	return cl
}

// refine splits each cluster of cl into well-connected sub-clusters: it
// starts from singletons and merges each node, still alone and well
// connected to its cluster, into a well-connected sub-cluster of the same
// cluster chosen at random with probability ∝ exp(gain/θ) among those of
// non-negative gain (staying alone gains 0). It returns the sub-cluster of
// each node. Clusters are refined independently, on all CPUs, each with
// its own random stream drawn from the seed, the refinement's number and
// the cluster's, so the result does not depend on the scheduling.
func (l *leiden) refine(cl *clusters) []int32 {
	g := cl.g
	l.refines++
	r := &refinement{clusters: cl, gamma: l.gamma, theta: l.theta, refined: buf(&l.refined, g.n)}
	seed := l.seed ^ uint64(l.refines)<<40
	procs := l.procs
	if g.arcs < parallelArcs {
		procs = 1
	}
	for len(l.refScratch) < procs {
		l.refScratch = append(l.refScratch, &refineScratch{pcg: rand.NewPCG(0, 0)})
	}
	parallel(l.refScratch[:procs], len(cl.cstart)-1, func(sc *refineScratch, c int) {
		sc.pcg.Seed(seed, uint64(c))
		r.cluster(sc, c)
	})
	return r.refined
}

// refinement is the state of one refinement, shared by the CPUs: each
// cluster's nodes are touched by one CPU only.
type refinement struct {
	*clusters
	gamma, theta float64
	refined      []int32
}

// refineScratch is one CPU's working memory for a cluster, its nodes
// numbered 0, 1, … in node order: short, dense arrays. The cluster's links
// are read from the graph's rows, not copied: a copy took more time than
// it saved, and memory of the largest cluster's size.
type refineScratch struct {
	pcg      *rand.PCG // seeded for each cluster
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

// cluster refines cluster c.
func (r *refinement) cluster(sc *refineScratch, c int) {
	g := r.g
	lo, hi := r.cstart[c], r.cstart[c+1]
	nodes := r.nodes[lo:hi]
	if len(nodes) == 1 {
		v := nodes[0]
		r.refined[v] = v
		return
	}
	size := len(nodes)
	sc.external = slices.Grow(sc.external[:0], size)[:size]
	for i, v := range nodes {
		sc.external[i] = r.inW[v]
	}
	// sub-cluster and weight slots past the cluster's nodes: the arcs to
	// other clusters land there, without a branch
	sc.sub = slices.Grow(sc.sub[:0], size+1)[:size+1]
	sc.subW = slices.Grow(sc.subW[:0], size)[:size]
	sc.alone = slices.Grow(sc.alone[:0], size)[:size]
	sc.neighW = slices.Grow(sc.neighW[:0], size+1)[:size+1]
	wc := 0.0
	for i, v := range nodes {
		sc.sub[i] = int32(i)
		sc.subW[i] = g.nodeW[v]
		sc.alone[i] = true
		sc.neighW[i] = 0
		wc += g.nodeW[v]
	}
	sc.sub[size], sc.neighW[size] = int32(size), 0
	where, cw := r.where, uint64(c)
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
		row := g.rows[nodes[v]]
		touched := slices.Grow(sc.touched[:0], len(row))[:len(row)]
		k := 0
		for _, a := range row {
			// the node's number in the cluster, or size outside it
			x := where[a.to]
			in := isTrue(x>>32 == cw)
			i := int(uint32(x)) + (size-int(uint32(x)))&(in-1)
			s := sub[i]
			y := neighW[s]
			touched[k] = s
			k += isZero(y) & in
			neighW[s] = y + float64(a.w)
		}
		neighW[size] = 0
		touched = touched[:k]
		own := sub[v]
		subW[own] -= wv
		cand, prob := sc.cand[:0], sc.prob[:0]
		maxGain := 0.0
		cand = append(cand, own)
		prob = append(prob, 0)
		// candidates whose weight exp((gain−max)/θ) is below 1e-17 (the
		// largest is 1) cannot be drawn: those below the largest gain so
		// far by 40θ are dropped at once, the rest once the largest is
		// known, before paying for the exponential
		span := 40 * r.theta
		for _, s := range touched {
			sw := subW[s]
			gain := neighW[s] - r.gamma*wv*sw
			if gain < 0 || gain < maxGain-span || s == own || external[s] < r.gamma*sw*(wc-sw) {
				continue
			}
			cand = append(cand, s)
			prob = append(prob, gain)
			maxGain = max(maxGain, gain)
		}
		chosen := own
		if len(cand) > 1 {
			cut, k := maxGain-span, 0
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
// the cluster of part it lies in. Its rows go to the aggregation buffer
// that the graph before it does not use: the first buffer for the
// aggregate of the level-0 graph, whose rows lie in chunks of their own, so
// that each level's rows go to the buffer that held them in the last
// iteration, already grown to about their size.
func (l *leiden) aggregate(g *graph, refined []int32, nr int, part []int32) (*graph, []int32) {
	l.aggUse ^= 1
	if g.chunked {
		l.aggUse = 0
	}
	out := l.aggBuf[l.aggUse][:0]
	// nodes grouped by sub-cluster
	start := make([]int32, nr+1)
	for _, r := range refined {
		start[r+1]++
	}
	for i := 0; i < nr; i++ {
		start[i+1] += start[i]
	}
	nodes := buf(&l.aggNodes, g.n)
	next := slices.Clone(start[:nr])
	for v, r := range refined {
		nodes[next[r]] = int32(v)
		next[r]++
	}
	a := &graph{n: nr, rows: make([][]arc, nr), self: make([]float64, nr), nodeW: make([]float64, nr), total: g.total}
	aggPart := make([]int32, nr)
	rowLen := make([]int, nr)
	// rows from lo to hi, appended to out; acc, of nr+ownSlots elements,
	// is zero, and left so. The links inside sub-cluster r, often most of
	// its nodes' links, are summed in acc's ownSlots last slots in turn,
	// as in gather.
	rows := func(lo, hi int, out []arc, acc []float64, touched []int32) ([]arc, []int32) {
		slots := len(acc) - ownSlots
		for r := lo; r < hi; r++ {
			before := len(out)
			nodeW, self := 0.0, 0.0
			touched = touched[:0]
			for _, v := range nodes[start[r]:start[r+1]] {
				nodeW += g.nodeW[v]
				self += g.self[v]
				aggPart[r] = part[v]
				row := g.rows[v]
				k := len(touched)
				touched = slices.Grow(touched, len(row))[:k+len(row)]
				for i, x := range row {
					s := refined[x.to]
					in := isTrue(s == int32(r))
					j := int(s) + (slots+i&(ownSlots-1)-int(s))&-in
					y := acc[j]
					touched[k] = s
					k += isZero(y) &^ in
					acc[j] = y + float64(x.w)
				}
				touched = touched[:k]
			}
			for j := slots; j < len(acc); j++ {
				// a link inside is seen from both its ends
				self += acc[j] / 2
				acc[j] = 0
			}
			for _, s := range touched {
				out = append(out, arc{s, float32(acc[s])})
				acc[s] = 0
			}
			a.nodeW[r], a.self[r] = nodeW, self
			rowLen[r] = len(out) - before
		}
		return out, touched
	}
	// on several CPUs, rows in contiguous blocks of about equal numbers
	// of arcs; each block's rows go to its own buffer, joined in row order
	workers := 1
	if g.arcs >= parallelArcs {
		workers = max(1, min(l.procs, g.arcs/(parallelArcs/5)))
	}
	if workers == 1 {
		out, l.aggTouched = rows(0, nr, out, buf(&l.acc, nr+ownSlots), l.aggTouched)
	} else {
		bounds := []int{0}
		per, sum := g.arcs/workers+1, 0
		for r := 0; r < nr; r++ {
			for _, v := range nodes[start[r]:start[r+1]] {
				sum += len(g.rows[v])
			}
			if sum >= per*len(bounds) && len(bounds) < workers {
				bounds = append(bounds, r+1)
			}
		}
		bounds = append(bounds, nr)
		// each block's buffer and sums are kept for the next aggregate:
		// grown afresh, appending to them cost more than the sums
		nb := len(bounds) - 1
		for len(l.aggMore) < nb {
			l.aggMore = append(l.aggMore, nil)
			l.aggAcc = append(l.aggAcc, nil)
		}
		bufs := l.aggMore[:nb]
		bufs[0] = out
		var wg sync.WaitGroup
		for b := range nb {
			wg.Add(1)
			go func(b int) {
				defer wg.Done()
				bufs[b], _ = rows(bounds[b], bounds[b+1], bufs[b][:0], buf(&l.aggAcc[b], nr+ownSlots), nil)
			}(b)
		}
		wg.Wait()
		out = bufs[0]
		total := 0
		for _, x := range bufs {
			total += len(x)
		}
		out = slices.Grow(out, total-len(out))
		for _, x := range bufs[1:] {
			out = append(out, x...)
		}
		bufs[0] = nil // out is aggBuf's
	}
	l.aggBuf[l.aggUse] = out
	a.arcs = len(out)
	for r := 0; r < nr; r++ {
		a.rows[r], out = out[:rowLen[r]:rowLen[r]], out[rowLen[r]:]
	}
	return a, aggPart
}

// renumber numbers the clusters of memb 0, 1, … by decreasing size, ties
// by lowest node, leaving -1 as it is, and returns their number.
func renumber(memb []int32) int {
	return renumberBuf(memb, make([]int32, 4*(len(memb)+1)))
}

// renumberBuf is renumber using b, of at least 4(len(memb)+1) elements,
// for its working memory.
func renumberBuf(memb []int32, b []int32) int {
	n := len(memb)
	size, first, newID, ids := b[:n+1], b[n+1:2*(n+1)], b[2*(n+1):3*(n+1)], b[3*(n+1):3*(n+1)]
	clear(size)
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
	for c := range size {
		if size[c] > 0 {
			ids = append(ids, int32(c))
		}
	}
	slices.SortFunc(ids, func(a, b int32) int {
		return cmp.Or(cmp.Compare(size[b], size[a]), cmp.Compare(first[a], first[b]))
	})
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
		for _, a := range g.rows[v] {
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
			for _, a := range g.rows[v] {
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
