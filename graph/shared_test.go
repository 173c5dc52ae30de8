package graph

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// naiveShared counts the pairs of works sharing items with a map, the
// definition rather than the sparse product.
func naiveShared(g *Graph, cocited bool) map[[2]int]int {
	along := g.Out
	if cocited {
		along = g.In
	}
	count := map[[2]int]int{}
	for a := 0; a < g.Len(); a++ {
		for b := a + 1; b < g.Len(); b++ {
			if c := len(g.SharedItems(a, b, cocited)); c > 0 && len(along(a)) > 0 && len(along(b)) > 0 {
				count[[2]int{a, b}] = c
			}
		}
	}
	return count
}

func TestSharedAllOrderAndCounts(t *testing.T) {
	defer func(s int) { countingSlack = s }(countingSlack)
	nx, _ := networkxGraph(t)
	for _, slack := range []int{1024, 0} { // counting sort, and comparePairs for most counts
		countingSlack = slack
		for name, g := range map[string]*Graph{"networkx": nx, "random": randomDigraph(400, 3000, 3), "synthetic": synthetic(150, 20)} {
			for _, cocited := range []bool{false, true} {
				want := naiveShared(g, cocited)
				var s Shared
				if cocited {
					s = g.Cocitation(nil)
				} else {
					s = g.Coupling(nil)
				}
				if s.Total != len(want) || len(s.Pairs) != len(want) {
					t.Fatalf("%s cocited=%v slack %d: %d pairs, total %d, want %d", name, cocited, slack, len(s.Pairs), s.Total, len(want))
				}
				if !slices.IsSortedFunc(s.Pairs, comparePairs) {
					t.Errorf("%s cocited=%v slack %d: pairs not in comparePairs order", name, cocited, slack)
				}
				along := g.Out
				if cocited {
					along = g.In
				}
				for _, p := range s.Pairs {
					cos := float64(p.Count) / math.Sqrt(float64(len(along(p.A))*len(along(p.B))))
					if want[[2]int{p.A, p.B}] != p.Count || p.Cosine != cos {
						t.Fatalf("%s cocited=%v: pair %+v, want count %d cosine %v", name, cocited, p, want[[2]int{p.A, p.B}], cos)
					}
				}
				top := g.shared(map[bool]func(int) []int32{false: g.Out, true: g.In}[cocited],
					map[bool]func(int) []int32{false: g.In, true: g.Out}[cocited], &SharedOptions{Limit: 7, MinCount: 2})
				var wantTop []Pair
				for _, p := range s.Pairs {
					if p.Count >= 2 && len(wantTop) < 7 {
						wantTop = append(wantTop, p)
					}
				}
				if !slices.Equal(top.Pairs, wantTop) {
					t.Errorf("%s cocited=%v: top 7 sharing 2 = %v, want %v", name, cocited, top.Pairs, wantTop)
				}
			}
		}
	}
}

// TestSortNodes checks the bit-array sort against slices.Sort on random
// sets of distinct nodes, dense and sparse, short and long.
func TestSortNodes(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	const n = 200000 // wide enough for spans that the bit array skips
	var bits []uint64
	for trial := range 2000 {
		size := 1 + rng.IntN(400)
		span := size + rng.IntN(n-size) // dense when span is near size
		lo := rng.IntN(n - span + 1)
		seen := map[int32]bool{}
		var xs []int32
		for len(xs) < size {
			if x := int32(lo + rng.IntN(span)); !seen[x] {
				seen[x] = true
				xs = append(xs, x)
			}
		}
		got := slices.Clone(xs)
		bits = SortNodes(got, bits)
		want := slices.Clone(xs)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Fatalf("trial %d: %d nodes in [%d, %d): sorted %v, want %v", trial, size, lo, lo+span, got, want)
		}
	}
	for w, b := range bits {
		if b != 0 {
			t.Fatalf("bit word %d left set", w)
		}
	}
}
