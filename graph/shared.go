package graph

import (
	"cmp"
	"container/heap"
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
// every pair, within DefaultSharedBudget.
type SharedOptions struct {
	// MinCount drops pairs that share fewer items; 0 or 1 keeps all.
	MinCount int
	// Limit, when positive, keeps only the strongest Limit pairs, in
	// memory proportional to Limit rather than to the number of pairs.
	Limit int
	// Budget bounds the cost of counting: the sum, over the works in the
	// middle of the pairs (the citing works for co-citation, the cited
	// works for coupling), of the square of their list's length. One paper
	// listing a million references alone would cost 1e12 steps, hours.
	// When the graph costs more, the works with the longest lists are left
	// out (Shared.LeftOut) until it fits. 0 means DefaultSharedBudget;
	// negative means no bound.
	Budget int64
}

// DefaultSharedBudget is SharedOptions.Budget's default: 2e9 steps, about
// 10 s. The peers' M corpus (20,000 papers) costs 3.5e7 for co-citation
// and 4.9e7 for coupling.
const DefaultSharedBudget = 2e9

// Shared is the outcome of Coupling or Cocitation.
type Shared struct {
	// Pairs are the pairs kept, strongest first (count, then cosine, then
	// the works' IDs).
	Pairs []Pair
	// Total counts every pair with at least MinCount shared items, kept or not.
	Total int
	// LeftOut are the works in the middle whose lists were too long for
	// the budget, longest first: their references (co-citation) or citing
	// works (coupling) count for no pair. Cosines still divide by the
	// whole degrees.
	LeftOut []int
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

// shared counts, for every node a, the nodes b > a reachable by one step of
// along then one step back: the sparse product A·Aᵀ (coupling) or Aᵀ·A
// (co-citation), with a dense accumulator reset through a touched list, so
// the cost is the number of length-2 paths, not n².
func (g *Graph) shared(along, back func(int) []int32, opt *SharedOptions) Shared {
	minCount, limit, budget := 1, 0, int64(DefaultSharedBudget)
	if opt != nil {
		minCount, limit = max(1, opt.MinCount), opt.Limit
		if opt.Budget != 0 {
			budget = opt.Budget
		}
	}
	var out Shared
	top := &pairHeap{}
	n := g.Len()
	var skip []bool
	if budget > 0 {
		out.LeftOut, skip = overBudget(n, back, budget)
	}
	acc := make([]int32, n)
	var touched []int32
	for a := 0; a < n; a++ {
		items := along(a)
		if len(items) == 0 {
			continue
		}
		for _, r := range items {
			if skip != nil && skip[r] {
				continue
			}
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
		for _, b := range touched {
			if c := int(acc[b]); c >= minCount {
				cos := float64(c) / math.Sqrt(float64(len(items))*float64(len(along(int(b)))))
				p := Pair{A: a, B: int(b), Count: c, Cosine: cos}
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
			acc[b] = 0
		}
		touched = touched[:0]
	}
	out.Pairs = top.pairs
	slices.SortFunc(out.Pairs, comparePairs)
	return out
}

// overBudget returns the middle works left out so that the sum of their
// lists' squared lengths fits the budget, longest lists first (ties by
// index), and a mark for each; none when it fits.
func overBudget(n int, back func(int) []int32, budget int64) ([]int, []bool) {
	var cost int64
	for r := 0; r < n; r++ {
		l := int64(len(back(r)))
		cost += l * l
	}
	if cost <= budget {
		return nil, nil
	}
	order := make([]int, 0, n)
	for r := 0; r < n; r++ {
		if len(back(r)) > 1 {
			order = append(order, r)
		}
	}
	slices.SortFunc(order, func(x, y int) int { return cmp.Or(len(back(y))-len(back(x)), x-y) })
	skip := make([]bool, n)
	var left []int
	for _, r := range order {
		if cost <= budget {
			break
		}
		l := int64(len(back(r)))
		cost -= l * l
		skip[r] = true
		left = append(left, r)
	}
	return left, skip
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
