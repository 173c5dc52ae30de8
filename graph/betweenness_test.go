package graph

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// referenceBrandes is textbook Brandes on the whole graph, every work a
// possible source, no reduction: what betweenness computed before the
// leaves were folded and the sinks set apart, kept to check that the
// reduction changes nothing but rounding.
func referenceBrandes(g *Graph) []float64 {
	n := g.Len()
	bc := make([]float64, n)
	sigma := make([]float64, n)
	dist := make([]int, n)
	delta := make([]float64, n)
	for s := 0; s < n; s++ {
		for i := range dist {
			sigma[i], dist[i], delta[i] = 0, -1, 0
		}
		sigma[s], dist[s] = 1, 0
		order := []int{s}
		for head := 0; head < len(order); head++ {
			v := order[head]
			for _, w := range g.Out(v) {
				if dist[w] < 0 {
					dist[w] = dist[v] + 1
					order = append(order, int(w))
				}
				if dist[w] == dist[v]+1 {
					sigma[w] += sigma[v]
				}
			}
		}
		for k := len(order) - 1; k > 0; k-- {
			v := order[k]
			for _, w := range g.Out(v) {
				if dist[w] == dist[v]+1 {
					delta[v] += sigma[v] / sigma[w] * (1 + delta[w])
				}
			}
			bc[v] += delta[v]
		}
	}
	if n > 2 {
		for i := range bc {
			bc[i] /= float64(n-1) * float64(n-2)
		}
	}
	return bc
}

// randomDigraph has cycles, works cited once or many times, works citing
// nothing and isolated works: every case the reduction treats apart.
func randomDigraph(n, arcs int, seed uint64) *Graph {
	rng := rand.New(rand.NewPCG(seed, 7))
	res := &Resolution{Works: make([]Work, n)}
	for i := range res.Works {
		res.Works[i].ID = fmt.Sprintf("w%05d", i)
	}
	seen := map[[2]int]bool{}
	citing := n / 4
	for len(res.Citations) < arcs {
		from := rng.IntN(citing)
		to := rng.IntN(n)
		if rng.IntN(3) == 0 {
			to = rng.IntN(citing) // among citing works: cycles
		}
		if from == to || seen[[2]int{from, to}] {
			continue
		}
		seen[[2]int{from, to}] = true
		res.Citations = append(res.Citations, Citation{From: from, To: to})
	}
	return New(res)
}

func TestBetweennessMatchesReference(t *testing.T) {
	nx, _ := networkxGraph(t)
	for name, g := range map[string]*Graph{
		"networkx fixture": nx,
		"random 300/900":   randomDigraph(300, 900, 1),
		"random 500/700":   randomDigraph(500, 700, 2),
		"synthetic 300/20": synthetic(300, 20),
	} {
		r := newBCGraph(g)
		leaves := 0.0
		for _, l := range r.leaves {
			leaves += l
		}
		if leaves == 0 || r.sinks == 0 {
			t.Errorf("%s: %v leaves, %d sinks: the test does not cover the reduction", name, leaves, r.sinks)
		}
		want := referenceBrandes(g)
		got, _, _ := g.Betweenness(nil)
		for i := range want {
			if math.Abs(got[i]-want[i]) > 1e-12*math.Max(1e-9, want[i]) {
				t.Errorf("%s: betweenness[%d] = %.17g, reference %.17g", name, i, got[i], want[i])
			}
		}
	}
}
