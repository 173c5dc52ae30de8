package chain

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/parse"
)

// BenchmarkRank ranks the works of a graph of 3,020 records citing 40 of
// 20,000 works each (fixed seed) by their links to 20 of the records: the
// size of a two-step expansion.
func BenchmarkRank(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	var recs []parse.Record
	for i := 0; i < 3020; i++ {
		r := parse.Record{Format: "openalex", Source: fmt.Sprintf("bench:%d", i+1), IDs: map[string]string{"openalex": fmt.Sprintf("W%d", i+1)}}
		for k := 0; k < 40; k++ {
			id := fmt.Sprintf("W%d", 1+rng.IntN(20000))
			r.References = append(r.References, parse.Reference{Raw: id, IDs: map[string]string{"openalex": id}})
		}
		recs = append(recs, r)
	}
	g := graph.New(graph.Resolve(recs, nil))
	var seeds, cands []int
	for i := 1; i <= 20; i++ {
		seeds = append(seeds, g.Index(fmt.Sprintf("openalex:W%d", i)))
	}
	for i := range g.Works {
		cands = append(cands, i) // the seeds among them are left out
	}
	b.ResetTimer()
	for b.Loop() {
		Rank(g, seeds, cands)
	}
}
