// Package burst finds bursts: periods in which something is cited or used
// much more often than usual. It implements the two-state automaton of
// Kleinberg (2002, "Bursty and hierarchical structure in streams", the
// batched form of §4) on yearly counts, with the parameters CiteSpace
// exposes in its Burstness panel, and applies it to the citations of works
// and to the keywords of the corpus.
//
// For each year t of n, d[t] events happen (all citations made that year)
// and r[t] of them are relevant (citations of one work). The base state
// emits relevant events at rate p₀ = Σr/Σd, the burst state at
// p₁ = s·p₀ (at most 0.9999). Being in state i in year t costs
//
//	σ(i, t) = −ln( C(d[t], r[t]) · p_iʳ · (1−p_i)^(d−r) )
//
// and entering the burst state costs τ = γ·ln n (leaving it is free). The
// state sequence of least total cost, found by dynamic programming, marks
// the bursts: maximal runs of the burst state. A burst's strength is the
// cost it saves, Σ σ(0, t) − σ(1, t) over its years.
package burst

import (
	"cmp"
	"math"
)

// Options holds the automaton's parameters. The zero value uses s = 2,
// γ = 1 and bursts of at least 2 years, as CiteSpace's defaults.
type Options struct {
	// S is the ratio of the burst rate to the base rate (CiteSpace's
	// α₁/α₀); 0 means 2. It must be above 1.
	S float64
	// Gamma scales the cost of entering a burst, γ·ln n; 0 means 1. A
	// smaller γ finds more and longer bursts. Use a tiny positive value
	// (1e-9) for no entry cost.
	Gamma float64
	// MinYears is the shortest burst reported, in years (CiteSpace's
	// minimum duration); 0 means 2.
	MinYears int
}

func (o *Options) params() (s, gamma float64, minYears int) {
	if o == nil {
		o = &Options{}
	}
	return cmp.Or(o.S, 2), cmp.Or(o.Gamma, 1), cmp.Or(o.MinYears, 2)
}

// Burst is one run of the burst state.
type Burst struct {
	// Begin and End are the first and last year of the burst.
	Begin int `json:"begin"`
	End   int `json:"end"`
	// Strength is the cost the burst saves, Kleinberg's weight.
	Strength float64 `json:"strength"`
}

// Detect returns the bursts of the relevant counts r against the totals d,
// one value per year from year first, earliest first. Bursts shorter than
// MinYears are left out. It runs in O(len(d)).
func Detect(r, d []int, first int, opt *Options) []Burst {
	s, gamma, minYears := opt.params()
	states, saved := States(r, d, s, gamma)
	var out []Burst
	for t := 0; t < len(states); {
		if !states[t] {
			t++
			continue
		}
		b := Burst{Begin: first + t}
		for ; t < len(states) && states[t]; t++ {
			b.Strength += saved[t]
		}
		b.End = first + t - 1
		if b.End-b.Begin+1 >= minYears {
			out = append(out, b)
		}
	}
	return out
}

// States returns the least-cost state of each year (true: burst) for rate
// ratio s and entry cost γ·ln n, and for each year the cost the burst state
// saves over the base state, σ(0,t) − σ(1,t). On equal costs the base
// state is preferred.
func States(r, d []int, s, gamma float64) (burst []bool, saved []float64) {
	n := len(d)
	burst = make([]bool, n)
	saved = make([]float64, n)
	var R, D int
	for t := range d {
		R += r[t]
		D += d[t]
	}
	if R == 0 || D == 0 || n == 0 {
		return burst, saved
	}
	p0 := float64(R) / float64(D)
	p1 := math.Min(s*p0, 0.9999)
	if p1 <= p0 {
		return burst, saved // every event is relevant: nothing can rise above the base rate
	}
	tau := gamma * math.Log(float64(n))
	cost := func(p float64, r, d int) float64 {
		// −ln(p^r (1−p)^(d−r)); C(d, r) is the same in both states and
		// left out
		c := 0.0
		if r > 0 {
			c -= float64(r) * math.Log(p)
		}
		if d > r {
			c -= float64(d-r) * math.Log1p(-p)
		}
		return c
	}
	// c0, c1: least cost of years 0..t ending in each state; from records
	// for each year and state whether the best predecessor was the burst
	// state.
	from0 := make([]bool, n) // best predecessor of state 0 at t is state 1
	from1 := make([]bool, n) // best predecessor of state 1 at t is state 1
	c0, c1 := 0.0, math.Inf(1)
	for t := 0; t < n; t++ {
		s0, s1 := cost(p0, r[t], d[t]), cost(p1, r[t], d[t])
		saved[t] = s0 - s1
		n0, n1 := c0, c0+tau
		if c1 < n0 {
			n0, from0[t] = c1, true
		}
		if c1 < n1 {
			n1, from1[t] = c1, true
		}
		c0, c1 = n0+s0, n1+s1
	}
	state := c1 < c0
	for t := n - 1; t >= 0; t-- {
		burst[t] = state
		if state {
			state = from1[t]
		} else {
			state = from0[t]
		}
	}
	return burst, saved
}
