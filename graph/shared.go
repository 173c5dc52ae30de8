package graph

import (
	"cmp"
	"container/heap"
	"iter"
	"math"
	"slices"
)

// Pair is two works linked by what they share: for bibliographic coupling,
// two citing works and the references both list; for co-citation, two cited
// works and the works citing both. A < B (indexes into Graph.Works).
type Pair struct {
	A, B int
	// Count is the number of shared references (coupling) or of works
	// citing both (co-citation).
	Count int
	// Cosine is Salton's cosine: Count / sqrt(deg(A) · deg(B)), with out-
	// degrees for coupling and in-degrees for co-citation.
	Cosine float64
}

// SharedOptions controls Coupling and Cocitation. The zero value keeps
// every pair.
type SharedOptions struct {
	// MinCount drops pairs that share fewer items; 0 or 1 keeps all.
	MinCount int
	// Limit, when positive, keeps only the strongest Limit pairs, in
	// memory proportional to Limit rather than to the number of pairs.
	Limit int
}

// Shared is the outcome of Coupling or Cocitation.
type Shared struct {
	// Pairs are the pairs kept, strongest first (count, then cosine, then
	// the works' IDs).
	Pairs []Pair
	// Total counts every pair with at least MinCount shared items, kept or not.
	Total int
}

// Coupling returns the bibliographic-coupling pairs: works that cite at
// least one common work.
func (g *Graph) Coupling(opt *SharedOptions) Shared {
	return g.shared(g.Out, g.In, opt)
}

// Cocitation returns the co-citation pairs: works cited together by at least
// one work.
func (g *Graph) Cocitation(opt *SharedOptions) Shared {
	return g.shared(g.In, g.Out, opt)
}

// shared keeps the pairs of AllCoupling or AllCocitation that opt asks for.
func (g *Graph) shared(along, back func(int) []int32, opt *SharedOptions) Shared {
	minCount, limit := 1, 0
	if opt != nil {
		minCount, limit = max(1, opt.MinCount), opt.Limit
	}
	var out Shared
	top := &pairHeap{}
	for p := range g.eachShared(along, back, minCount) {
		out.Total++
		switch {
		case limit <= 0:
			top.pairs = append(top.pairs, p)
		case len(top.pairs) < limit:
			heap.Push(top, p)
		case comparePairs(p, top.pairs[0]) < 0:
			top.pairs[0] = p
			heap.Fix(top, 0)
		}
	}
	out.Pairs = top.pairs
	slices.SortFunc(out.Pairs, comparePairs)
	return out
}

// AllCoupling yields every bibliographic-coupling pair sharing at least
// minCount references, ordered by A then B, without keeping any: memory is
// proportional to the number of works, whatever the number of pairs.
func (g *Graph) AllCoupling(minCount int) iter.Seq[Pair] {
	return g.eachShared(g.Out, g.In, max(1, minCount))
}

// AllCocitation yields every co-citation pair cited together at least
// minCount times, ordered by A then B, as AllCoupling does.
func (g *Graph) AllCocitation(minCount int) iter.Seq[Pair] {
	return g.eachShared(g.In, g.Out, max(1, minCount))
}

// eachShared yields, for every node a, the nodes b > a reachable by one step
// of along then one step back: the sparse product A·Aᵀ (coupling) or Aᵀ·A
// (co-citation), with a dense accumulator reset through a touched list, so
// the cost is the number of length-2 paths, not n².
func (g *Graph) eachShared(along, back func(int) []int32, minCount int) iter.Seq[Pair] {
	return func(yield func(Pair) bool) {
		n := g.Len()
		acc := make([]int32, n)
		var touched []int32
		for a := 0; a < n; a++ {
			items := along(a)
			if len(items) == 0 {
				continue
			}
			for _, r := range items {
				for _, b := range back(int(r)) {
					if int(b) <= a {
						continue
					}
					if acc[b] == 0 {
						touched = append(touched, b)
					}
					acc[b]++
				}
			}
			slices.Sort(touched)
			for k, b := range touched {
				c := int(acc[b])
				acc[b] = 0
				if c < minCount {
					continue
				}
				cos := float64(c) / math.Sqrt(float64(len(items))*float64(len(along(int(b)))))
				if !yield(Pair{A: a, B: int(b), Count: c, Cosine: cos}) {
					for _, b := range touched[k+1:] {
						acc[b] = 0
					}
					return
				}
			}
			touched = touched[:0]
		}
	}
}

// comparePairs orders pairs strongest first: count, cosine, then the
// works' IDs (works are in ID order, so comparing indexes compares IDs).
func comparePairs(x, y Pair) int {
	if x.Count != y.Count {
		return y.Count - x.Count
	}
	if x.Cosine != y.Cosine {
		return cmp.Compare(y.Cosine, x.Cosine)
	}
	if x.A != y.A {
		return x.A - y.A
	}
	return x.B - y.B
}

// pairHeap keeps the weakest kept pair on top, to be replaced by a stronger one.
type pairHeap struct{ pairs []Pair }

func (h *pairHeap) Len() int           { return len(h.pairs) }
func (h *pairHeap) Less(i, j int) bool { return comparePairs(h.pairs[i], h.pairs[j]) > 0 }
func (h *pairHeap) Swap(i, j int)      { h.pairs[i], h.pairs[j] = h.pairs[j], h.pairs[i] }
func (h *pairHeap) Push(x any)         { h.pairs = append(h.pairs, x.(Pair)) }
func (h *pairHeap) Pop() any {
	p := h.pairs[len(h.pairs)-1]
	h.pairs = h.pairs[:len(h.pairs)-1]
	return p
}

// SharedItems returns the works behind a pair: the references both A and B
// cite (coupling) or, with cocited set, the works citing both A and B.
func (g *Graph) SharedItems(a, b int, cocited bool) []int {
	x, y := g.Out(a), g.Out(b)
	if cocited {
		x, y = g.In(a), g.In(b)
	}
	var out []int
	for i, j := 0, 0; i < len(x) && j < len(y); {
		switch {
		case x[i] < y[j]:
			i++
		case x[i] > y[j]:
			j++
		default:
			out = append(out, int(x[i]))
			i++
			j++
		}
	}
	return out
}
