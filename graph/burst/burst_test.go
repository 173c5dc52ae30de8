package burst

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/citegraph/citegraph/graph"
)

// TestHand checks a burst worked out by hand: 10 events a year for five
// years, 1 1 8 9 1 of them relevant. p₀ = 20/50 = 0.4, p₁ = 0.8, τ = ln 5.
// Years 3 and 4 save (σ₀−σ₁) = 8 ln 2 − 2 ln 3 ≈ 3.35 and 9 ln 2 − ln 3 ≈
// 5.14, together far more than τ ≈ 1.61; years 1, 2 and 5 cost more in the
// burst state (ln 2 − 9 ln 3 < 0).
func TestHand(t *testing.T) {
	d := []int{10, 10, 10, 10, 10}
	r := []int{1, 1, 8, 9, 1}
	got := Detect(r, d, 2001, nil)
	want := 8*math.Ln2 - 2*math.Log(3) + 9*math.Ln2 - math.Log(3)
	if len(got) != 1 || got[0].Begin != 2003 || got[0].End != 2004 || math.Abs(got[0].Strength-want) > 1e-9 {
		t.Fatalf("bursts %+v, want 2003–2004 of strength %.6f", got, want)
	}
	// One strong year: p₀ = 12/50, p₁ = 0.48; year 3 saves
	// 8 ln 2 + 2 ln(0.52/0.76) ≈ 4.79 > ln 5: a one-year burst, which the
	// default minimum of 2 years leaves out.
	r = []int{1, 1, 8, 1, 1}
	if got := Detect(r, d, 2001, nil); len(got) != 0 {
		t.Errorf("one-year burst reported with the 2-year minimum: %+v", got)
	}
	got = Detect(r, d, 2001, &Options{MinYears: 1})
	want = 8*math.Ln2 + 2*math.Log(0.52/0.76)
	if len(got) != 1 || got[0].Begin != 2003 || got[0].End != 2003 || math.Abs(got[0].Strength-want) > 1e-9 {
		t.Errorf("bursts %+v, want 2003 of strength %.6f", got, want)
	}
	// γ raises the entry cost: with γ = 3, 3 ln 5 ≈ 4.83 > 4.79, no burst
	if got := Detect(r, d, 2001, &Options{MinYears: 1, Gamma: 3}); len(got) != 0 {
		t.Errorf("γ = 3 still finds %+v", got)
	}
	// nothing relevant, or everything: no burst
	if got := Detect([]int{0, 0, 0}, []int{5, 5, 5}, 1, nil); got != nil {
		t.Errorf("no events: %+v", got)
	}
	if got := Detect([]int{5, 5, 5}, []int{5, 5, 5}, 1, nil); got != nil {
		t.Errorf("all events relevant: %+v", got)
	}
}

// TestBruteForce compares the dynamic programme with the cheapest of all
// 2ⁿ state sequences on random series.
func TestBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(2002, 91))
	for i := 0; i < 300; i++ {
		n := 1 + rng.IntN(10)
		d, r := make([]int, n), make([]int, n)
		for k := range d {
			d[k] = rng.IntN(30)
			if d[k] > 0 {
				r[k] = rng.IntN(d[k] + 1)
				if rng.IntN(3) > 0 {
					r[k] = rng.IntN(d[k]/4 + 1)
				}
			}
		}
		s, gamma := 1.5+2*rng.Float64(), 0.2+1.5*rng.Float64()
		got, _ := States(r, d, s, gamma)
		cost := seqCost(r, d, s, gamma)
		best, second := math.Inf(1), math.Inf(1)
		var bestSeq []bool
		for mask := 0; mask < 1<<n; mask++ {
			seq := make([]bool, n)
			for k := range seq {
				seq[k] = mask>>k&1 == 1
			}
			c := cost(seq)
			if c < best {
				best, second, bestSeq = c, best, seq
			} else if c < second {
				second = c
			}
		}
		if c := cost(got); math.Abs(c-best) > 1e-9 {
			t.Errorf("case %d (r %v, d %v): cost %.9f, the cheapest sequence %v costs %.9f", i, r, d, c, bestSeq, best)
		}
		if second-best > 1e-9 && !slices.Equal(got, bestSeq) {
			t.Errorf("case %d: states %v, the unique cheapest %v", i, got, bestSeq)
		}
	}
}

// seqCost returns the total cost of a state sequence, written from the
// definition: σ of each year in its state plus γ·ln n per entry into the
// burst state (from the base state before the first year).
func seqCost(r, d []int, s, gamma float64) func([]bool) float64 {
	var R, D int
	for k := range d {
		R, D = R+r[k], D+d[k]
	}
	return func(seq []bool) float64 {
		if R == 0 || D == 0 {
			return 0
		}
		p := [2]float64{float64(R) / float64(D), math.Min(s*float64(R)/float64(D), 0.9999)}
		if p[1] <= p[0] {
			p[1] = p[0]
		}
		total, prev := 0.0, false
		for k, b := range seq {
			i := 0
			if b {
				i = 1
			}
			if b && !prev {
				total += gamma * math.Log(float64(len(d)))
			}
			prev = b
			// −ln(p^r (1−p)^(d−r))
			if r[k] > 0 {
				total -= float64(r[k]) * math.Log(p[i])
			}
			if d[k] > r[k] {
				total -= float64(d[k]-r[k]) * math.Log(1-p[i])
			}
		}
		return total
	}
}

// TestCompute builds a corpus of 10 papers a year, 2001–2006, each citing
// "old" and "base"; from 2003 to 2004 every paper also cites "hot" and
// carries the keyword "Deep Learning" (spelt two ways).
func TestCompute(t *testing.T) {
	res := &graph.Resolution{Works: []graph.Work{{ID: "base", Label: "base", Year: 1990}, {ID: "hot", Label: "hot", Year: 2002}, {ID: "old", Label: "old", Year: 1980}}}
	for y := 2001; y <= 2006; y++ {
		for k := 0; k < 10; k++ {
			w := graph.Work{ID: fmt.Sprintf("p%d-%02d", y, k), Label: "paper", Year: y, InCorpus: true, Keywords: []string{"citations"}}
			if y == 2003 || y == 2004 {
				spelling := "deep learning"
				if k < 6 {
					spelling = "Deep  Learning"
				}
				w.Keywords = append(w.Keywords, spelling)
			}
			res.Works = append(res.Works, w)
		}
	}
	slices.SortFunc(res.Works, func(a, b graph.Work) int { return cmp.Compare(a.ID, b.ID) })
	idx := map[string]int{}
	for i, w := range res.Works {
		idx[w.ID] = i
	}
	for i, w := range res.Works {
		if !w.InCorpus {
			continue
		}
		res.Citations = append(res.Citations, graph.Citation{From: i, To: idx["base"]}, graph.Citation{From: i, To: idx["old"]})
		if w.Year == 2003 || w.Year == 2004 {
			res.Citations = append(res.Citations, graph.Citation{From: i, To: idx["hot"]})
		}
	}
	slices.SortFunc(res.Citations, func(a, b graph.Citation) int {
		return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To))
	})
	out := Compute(graph.New(res), nil)
	if out.From != 2001 || out.To != 2006 || out.S != 2 || out.Gamma != 1 || out.MinYears != 2 {
		t.Errorf("years %d–%d, s %v, γ %v, min %d", out.From, out.To, out.S, out.Gamma, out.MinYears)
	}
	// hot: r = 0 0 10 10 0 0 of d = 20 20 30 30 20 20; p₀ = 20/140, p₁ = 2/7
	p0, p1 := 20.0/140, 40.0/140
	saved := 10*math.Log(p1/p0) + 20*math.Log((1-p1)/(1-p0))
	if len(out.Works) != 1 || out.Works[0].ID != "hot" || out.Works[0].Begin != 2003 || out.Works[0].End != 2004 ||
		out.Works[0].Count != 20 || math.Abs(out.Works[0].Strength-2*saved) > 1e-9 {
		t.Errorf("work bursts %+v, want hot 2003–2004 strength %.6f", out.Works, 2*saved)
	}
	if out.WorksTested != 3 {
		t.Errorf("%d works tested, want 3", out.WorksTested)
	}
	if len(out.Keywords) != 1 || out.Keywords[0].ID != "deep learning" || out.Keywords[0].Label != "Deep Learning" ||
		out.Keywords[0].Begin != 2003 || out.Keywords[0].End != 2004 || out.Keywords[0].Count != 20 {
		t.Errorf("keyword bursts %+v", out.Keywords)
	}
	if out.KeywordsTested != 2 {
		t.Errorf("%d keywords tested, want 2", out.KeywordsTested)
	}
}
