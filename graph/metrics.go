package graph

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// MetricOptions controls Metrics. The zero value computes every metric as
// networkx 2.8 defines it.
type MetricOptions struct {
	// Damping is PageRank's alpha; 0 means 0.85.
	Damping float64
	// Tol is the L1 change between iterations below which PageRank and HITS
	// stop; 0 means 1e-12, tight enough that results equal the exact fixed
	// point to far better than the 1e-6 reports and tests rely on.
	Tol float64
	// MaxIter bounds PageRank and HITS iterations; 0 means 1000.
	MaxIter int
	// SkipBetweenness leaves Betweenness at zero: exact betweenness costs
	// O(nodes × arcs), which matters above some hundred thousand arcs.
	SkipBetweenness bool
	// BetweennessSources, when positive and smaller than the number of works
	// that cite anything, estimates betweenness from that many source works
	// (Brandes & Pich 2007: a fixed-seed sample, scaled up), at that fraction
	// of the cost. 0 computes it exactly.
	BetweennessSources int
}

// Metrics holds one value per work (indexed like Graph.Works).
type Metrics struct {
	// InDegree counts citations from other works of the graph. Only papers
	// of the corpus list references, so this is the local citation score
	// (LCS) of HistCite: citations from papers of the corpus.
	InDegree []int
	// GCS is the global citation score: the citation count a source states
	// for the work (Web of Science TC, Scopus "Cited by", OpenAlex
	// cited_by_count), -1 when no source states one.
	GCS []int
	// OutDegree counts the distinct works cited.
	OutDegree []int
	// PageRank with uniform teleport and dangling mass spread uniformly;
	// sums to 1.
	PageRank []float64
	// Hub and Authority are the HITS scores, each normalised to sum 1.
	Hub, Authority []float64
	// Betweenness is directed shortest-path betweenness normalised by
	// 1/((n-1)(n-2)), endpoints excluded.
	Betweenness []float64
	// PageRankIter and HITSIter are the iterations used.
	PageRankIter, HITSIter int
	// BetweennessSampled is the number of sources betweenness was estimated
	// from, of BetweennessAll that cite anything; 0 when it is exact.
	BetweennessSampled, BetweennessAll int
}

// MetricNames lists the metric names accepted by Metrics.Value, in report
// order; "in_degree" and "citations" are other names of "lcs".
var MetricNames = []string{"lcs", "gcs", "pagerank", "betweenness", "hub", "authority", "out_degree"}

// Value returns metric name of work i; ok is false for an unknown name. An
// unknown GCS is -1, so that it ranks below every known count.
func (m *Metrics) Value(name string, i int) (v float64, ok bool) {
	switch name {
	case "lcs", "in_degree", "citations":
		return float64(m.InDegree[i]), true
	case "gcs":
		return float64(m.GCS[i]), true
	case "out_degree":
		return float64(m.OutDegree[i]), true
	case "pagerank":
		return m.PageRank[i], true
	case "hub":
		return m.Hub[i], true
	case "authority":
		return m.Authority[i], true
	case "betweenness":
		return m.Betweenness[i], true
	}
	return 0, false
}

// CheckMetric returns an error naming the valid metrics if name is not one.
func CheckMetric(name string) error {
	if name == "citations" || name == "in_degree" || slices.Contains(MetricNames, name) {
		return nil
	}
	return fmt.Errorf("unknown metric %q (use one of %s)", name, strings.Join(MetricNames, ", "))
}

// Metrics computes every metric of g.
func (g *Graph) Metrics(opt *MetricOptions) *Metrics {
	if opt == nil {
		opt = &MetricOptions{}
	}
	n := g.Len()
	m := &Metrics{InDegree: make([]int, n), OutDegree: make([]int, n), GCS: make([]int, n)}
	for i := 0; i < n; i++ {
		m.InDegree[i] = len(g.In(i))
		m.OutDegree[i] = len(g.Out(i))
		m.GCS[i] = -1
		if c := g.Works[i].CitedBy; c != nil {
			m.GCS[i] = *c
		}
	}
	m.PageRank, m.PageRankIter = g.pageRank(opt)
	m.Hub, m.Authority, m.HITSIter = g.hits(opt)
	if opt.SkipBetweenness {
		m.Betweenness = make([]float64, n)
	} else {
		m.Betweenness, m.BetweennessSampled, m.BetweennessAll = g.betweenness(opt.BetweennessSources)
	}
	return m
}

func (o *MetricOptions) params() (damp, tol float64, maxIter int) {
	damp, tol, maxIter = o.Damping, o.Tol, o.MaxIter
	if damp == 0 {
		damp = 0.85
	}
	if tol == 0 {
		tol = 1e-12
	}
	if maxIter == 0 {
		maxIter = 1000
	}
	return
}

// pageRank is the power iteration of networkx's pagerank: x' = alpha(xW +
// dangling/n) + (1-alpha)/n with W row-stochastic, from the uniform vector.
func (g *Graph) pageRank(opt *MetricOptions) ([]float64, int) {
	n := g.Len()
	if n == 0 {
		return nil, 0
	}
	damp, tol, maxIter := opt.params()
	x := make([]float64, n)
	next := make([]float64, n)
	for i := range x {
		x[i] = 1 / float64(n)
	}
	iter := 0
	for iter < maxIter {
		iter++
		dangling := 0.0
		for i := 0; i < n; i++ {
			if len(g.Out(i)) == 0 {
				dangling += x[i]
			}
		}
		base := (1-damp)/float64(n) + damp*dangling/float64(n)
		for j := 0; j < n; j++ {
			s := 0.0
			for _, i := range g.In(j) {
				s += x[i] / float64(len(g.Out(int(i))))
			}
			next[j] = base + damp*s
		}
		diff := 0.0
		for i := range x {
			diff += math.Abs(next[i] - x[i])
		}
		x, next = next, x
		if diff < tol {
			break
		}
	}
	normalize(x)
	return x, iter
}

// hits is the power iteration of networkx's hits from uniform hubs:
// a = Aᵀh, h = Aa, each normalised, until the hub vector settles. Both
// results are normalised to sum 1. A graph without arcs gives uniform scores.
func (g *Graph) hits(opt *MetricOptions) (hub, auth []float64, iter int) {
	n := g.Len()
	if n == 0 {
		return nil, nil, 0
	}
	_, tol, maxIter := opt.params()
	hub = make([]float64, n)
	auth = make([]float64, n)
	if len(g.Citations) == 0 {
		for i := range hub {
			hub[i], auth[i] = 1/float64(n), 1/float64(n)
		}
		return hub, auth, 0
	}
	prev := make([]float64, n)
	for i := range hub {
		hub[i] = 1 / float64(n)
	}
	for iter < maxIter {
		iter++
		copy(prev, hub)
		for j := 0; j < n; j++ {
			s := 0.0
			for _, i := range g.In(j) {
				s += hub[i]
			}
			auth[j] = s
		}
		for i := 0; i < n; i++ {
			s := 0.0
			for _, j := range g.Out(i) {
				s += auth[j]
			}
			hub[i] = s
		}
		scaleMax(hub)
		scaleMax(auth)
		diff := 0.0
		for i := range hub {
			diff += math.Abs(hub[i] - prev[i])
		}
		if diff < tol {
			break
		}
	}
	normalize(hub)
	normalize(auth)
	return hub, auth, iter
}

func scaleMax(x []float64) {
	m := 0.0
	for _, v := range x {
		m = max(m, v)
	}
	if m > 0 {
		for i := range x {
			x[i] /= m
		}
	}
}

func normalize(x []float64) {
	s := 0.0
	for _, v := range x {
		s += v
	}
	if s > 0 {
		for i := range x {
			x[i] /= s
		}
	}
}

// betweenParts is the fixed number of source partitions betweenness sums
// over; fixing it (rather than using the core count) keeps the floating-point
// summation order, and so the output bytes, the same on every machine.
const betweenParts = 8

// betweenness is Brandes' algorithm on the CSR arrays (breadth-first, since
// arcs are unweighted), over sources split into betweenParts partitions run
// in parallel, normalised as networkx does for directed graphs. Works that
// cite nothing reach nothing and are not sources. With 0 < k < sources, it
// sums the dependencies of k sources drawn with a fixed seed and scales them
// by sources/k, an unbiased estimate.
func (g *Graph) betweenness(k int) (bc []float64, sampled, all int) {
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
			for i := p; i < len(sources); i += betweenParts {
				mine = append(mine, sources[i])
			}
			parts[p] = g.brandes(mine)
		}()
	}
	wg.Wait()
	for _, part := range parts {
		for i, v := range part {
			bc[i] += v
		}
	}
	for i := range bc {
		bc[i] *= scale
	}
	return bc, sampled, all
}

// brandes accumulates the dependencies of the given sources.
func (g *Graph) brandes(sources []int32) []float64 {
	n := g.Len()
	bc := make([]float64, n)
	sigma := make([]float64, n)
	dist := make([]int32, n)
	delta := make([]float64, n)
	order := make([]int32, 0, n)
	for i := range dist {
		dist[i] = -1
	}
	start, adj := g.outStart, g.outAdj // indexed directly: this is the hot loop
	for _, s32 := range sources {
		s := int(s32)
		order = order[:0]
		sigma[s], dist[s] = 1, 0
		order = append(order, int32(s))
		for head := 0; head < len(order); head++ {
			v := order[head]
			for _, w := range adj[start[v]:start[v+1]] {
				if dist[w] < 0 {
					dist[w] = dist[v] + 1
					order = append(order, w)
				}
				if dist[w] == dist[v]+1 {
					sigma[w] += sigma[v]
				}
			}
		}
		// Dependencies flow back along the arcs the search used: for each v
		// in reverse order, its successors one level further down.
		for k := len(order) - 1; k >= 0; k-- {
			v := order[k]
			dv := 0.0
			for _, w := range adj[start[v]:start[v+1]] {
				if dist[w] == dist[v]+1 {
					dv += (1 + delta[w]) / sigma[w]
				}
			}
			delta[v] = sigma[v] * dv
			if int(v) != s {
				bc[v] += delta[v]
			}
		}
		for _, v := range order {
			sigma[v], dist[v], delta[v] = 0, -1, 0
		}
	}
	return bc
}

// Score is one work's values in a ranking.
type Score struct {
	Work int // index into Graph.Works
	// Value is the metric the ranking is sorted by.
	Value float64
}

// Rank returns every work ordered by metric (descending), ties broken by
// the other metrics in MetricNames order and finally by work ID, so the order
// is total and the same on every run.
func (g *Graph) Rank(m *Metrics, metric string) []Score {
	all := make([]int, g.Len())
	for i := range all {
		all[i] = i
	}
	return g.rank(m, metric, all)
}

// rank orders the given works as Rank does.
func (g *Graph) rank(m *Metrics, metric string, works []int) []Score {
	rows := make([]Score, len(works))
	for k, i := range works {
		v, _ := m.Value(metric, i)
		rows[k] = Score{Work: i, Value: v}
	}
	slices.SortFunc(rows, func(a, b Score) int {
		if c := cmp.Compare(b.Value, a.Value); c != 0 {
			return c
		}
		for _, name := range MetricNames {
			va, _ := m.Value(name, a.Work)
			vb, _ := m.Value(name, b.Work)
			if c := cmp.Compare(vb, va); c != 0 {
				return c
			}
		}
		return cmp.Compare(g.Works[a.Work].ID, g.Works[b.Work].ID)
	})
	return rows
}
