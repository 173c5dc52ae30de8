package graph

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
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
	// Progress, when set, is told as the metrics advance: the step
	// ("pagerank", "hits", "betweenness") and, for betweenness, the sources
	// done of all. Calls can come from several goroutines at once.
	Progress func(step string, done, total int)
}

func (o *MetricOptions) progress(step string, done, total int) {
	if o != nil && o.Progress != nil {
		o.Progress(step, done, total)
	}
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
	counts, values := m.column(name)
	switch {
	case counts != nil:
		return float64(counts[i]), true
	case values != nil:
		return values[i], true
	}
	return 0, false
}

// column returns the values of metric name, one per work: counts or real
// values, both nil for an unknown name.
func (m *Metrics) column(name string) (counts []int, values []float64) {
	switch name {
	case "lcs", "in_degree", "citations":
		return m.InDegree, nil
	case "gcs":
		return m.GCS, nil
	case "out_degree":
		return m.OutDegree, nil
	case "pagerank":
		return nil, m.PageRank
	case "hub":
		return nil, m.Hub
	case "authority":
		return nil, m.Authority
	case "betweenness":
		return nil, m.Betweenness
	}
	return nil, nil
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
	opt.progress("pagerank", 0, 0)
	m.PageRank, m.PageRankIter = g.PageRank(opt)
	opt.progress("hits", 0, 0)
	m.Hub, m.Authority, m.HITSIter = g.HITS(opt)
	if opt.SkipBetweenness {
		m.Betweenness = make([]float64, n)
	} else {
		m.Betweenness, m.BetweennessSampled, m.BetweennessAll = g.Betweenness(opt)
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

// PageRank is the power iteration of networkx's pagerank: x' = alpha(xW +
// dangling/n) + (1-alpha)/n with W row-stochastic, from the uniform vector.
// It returns the ranks, summing to 1, and the iterations used.
func (g *Graph) PageRank(opt *MetricOptions) ([]float64, int) {
	if opt == nil {
		opt = &MetricOptions{}
	}
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

// HITS is the power iteration of networkx's hits from uniform hubs:
// a = Aᵀh, h = Aa, each normalised, until the hub vector settles. Both
// results are normalised to sum 1. A graph without arcs gives uniform scores.
func (g *Graph) HITS(opt *MetricOptions) (hub, auth []float64, iter int) {
	if opt == nil {
		opt = &MetricOptions{}
	}
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
	// the tie-breaks compare the metrics in MetricNames order, each
	// looked up once here rather than by name at every comparison
	ties := make([]func(a, b int) int, 0, len(MetricNames))
	for _, name := range MetricNames {
		if counts, values := m.column(name); counts != nil {
			ties = append(ties, descending(counts))
		} else {
			ties = append(ties, descending(values))
		}
	}
	slices.SortFunc(rows, func(a, b Score) int {
		if c := cmp.Compare(b.Value, a.Value); c != 0 {
			return c
		}
		for _, tie := range ties {
			if c := tie(a.Work, b.Work); c != 0 {
				return c
			}
		}
		return cmp.Compare(g.Works[a.Work].ID, g.Works[b.Work].ID)
	})
	return rows
}

// descending compares works a and b by x, larger first.
func descending[T cmp.Ordered](x []T) func(a, b int) int {
	return func(a, b int) int { return cmp.Compare(x[b], x[a]) }
}
