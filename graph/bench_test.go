package graph

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// synthetic builds a fixed-seed citation-like graph: papers corpus works,
// each citing about refs works, 30% of them other corpus papers (older,
// biased to recent ones) and the rest drawn from a pool of external works
// with a heavy-tailed popularity, like the S corpus of shared/bench.
func synthetic(papers, refs int) *Graph {
	rng := rand.New(rand.NewPCG(1, 1))
	external := papers * 15
	n := papers + external
	res := &Resolution{Works: make([]Work, n)}
	for i := range res.Works {
		res.Works[i].ID = fmt.Sprintf("w%07d", i)
		res.Works[i].InCorpus = i < papers
	}
	seen := map[[2]int]bool{}
	for p := 0; p < papers; p++ {
		k := rng.IntN(2*refs) + 1
		for j := 0; j < k; j++ {
			var to int
			if p > 0 && rng.Float64() < 0.3 {
				to = p - 1 - int(float64(p)*rng.Float64()*rng.Float64())
			} else {
				to = papers + int(float64(external)*rng.Float64()*rng.Float64()*rng.Float64())
			}
			if to == p || seen[[2]int{p, to}] {
				continue
			}
			seen[[2]int{p, to}] = true
			res.Citations = append(res.Citations, Citation{From: p, To: to})
		}
	}
	return New(res)
}

func BenchmarkNew(b *testing.B) {
	g := synthetic(2000, 40)
	res := &Resolution{Works: g.Works, Citations: g.Citations}
	b.ReportMetric(float64(len(g.Citations)), "arcs")
	for b.Loop() {
		New(res)
	}
}

func BenchmarkPageRank(b *testing.B) {
	g := synthetic(2000, 40)
	for b.Loop() {
		_, iter := g.PageRank(nil)
		b.ReportMetric(float64(iter), "iterations")
	}
}

func BenchmarkHITS(b *testing.B) {
	g := synthetic(2000, 40)
	for b.Loop() {
		_, _, iter := g.HITS(nil)
		b.ReportMetric(float64(iter), "iterations")
	}
}

func BenchmarkBetweenness(b *testing.B) {
	g := synthetic(2000, 40)
	b.ReportMetric(float64(g.Len()), "nodes")
	for b.Loop() {
		g.Betweenness(nil)
	}
}

func BenchmarkCoupling(b *testing.B) {
	g := synthetic(2000, 40)
	for b.Loop() {
		b.ReportMetric(float64(g.Coupling(nil).Total), "pairs")
	}
}

func BenchmarkCocitation(b *testing.B) {
	g := synthetic(2000, 40)
	for b.Loop() {
		b.ReportMetric(float64(g.Cocitation(nil).Total), "pairs")
	}
}

func BenchmarkCouplingTop100(b *testing.B) {
	g := synthetic(2000, 40)
	for b.Loop() {
		g.Coupling(&SharedOptions{Limit: 100})
	}
}

func BenchmarkCocitationTop100(b *testing.B) {
	g := synthetic(2000, 40)
	for b.Loop() {
		g.Cocitation(&SharedOptions{Limit: 100})
	}
}
