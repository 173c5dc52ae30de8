package graph

import (
	"cmp"
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
}

// Coupling returns the bibliographic-coupling pairs: works that cite at
// least one common work, strongest first (count, then cosine, then IDs).
func (g *Graph) Coupling(opt *SharedOptions) []Pair {
	return g.shared(g.Out, g.In, opt)
}

// Cocitation returns the co-citation pairs: works cited together by at least
// one work, strongest first.
func (g *Graph) Cocitation(opt *SharedOptions) []Pair {
	return g.shared(g.In, g.Out, opt)
}

// shared counts, for every node a, the nodes b > a reachable by one step of
// along then one step back: the sparse product A·Aᵀ (coupling) or Aᵀ·A
// (co-citation), with a dense accumulator reset through a touched list, so
// the cost is the number of length-2 paths, not n².
func (g *Graph) shared(along, back func(int) []int32, opt *SharedOptions) []Pair {
	minCount := 1
	if opt != nil && opt.MinCount > 1 {
		minCount = opt.MinCount
	}
	n := g.Len()
	acc := make([]int32, n)
	var touched []int32
	var pairs []Pair
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
		for _, b := range touched {
			if c := int(acc[b]); c >= minCount {
				cos := float64(c) / math.Sqrt(float64(len(items))*float64(len(along(int(b)))))
				pairs = append(pairs, Pair{A: a, B: int(b), Count: c, Cosine: cos})
			}
			acc[b] = 0
		}
		touched = touched[:0]
	}
	// Works are in ID order, so comparing indexes compares IDs.
	slices.SortFunc(pairs, func(x, y Pair) int {
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
	})
	return pairs
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
