// Package rpys computes reference publication year spectroscopy (RPYS,
// Marx, Bornmann, Barth & Leydesdorff 2014): how many cited references the
// corpus holds for each publication year of the cited works, and how far
// each year stands above the median of its neighbours. Peaks point at the
// historical roots of a field: years in which a few works were cited far
// more than the works of the years around them.
package rpys

import (
	"cmp"
	"slices"

	"github.com/citegraph/citegraph/graph"
)

// Options controls Compute. The zero value uses the centred 5-year median
// of Marx et al. and reports 10 peaks with their 5 most-cited works.
type Options struct {
	// From and To bound the reference years of the spectrum; 0 means
	// 1500 and the latest year of a corpus work (references dated later
	// than every citing work are errors). Citations outside are counted
	// in Spectrum.Outside.
	From, To int
	// Backward uses the median of the year and the four before it
	// (t-4…t, bibliometrix's choice) instead of the centred t-2…t+2.
	Backward bool
	// Peaks is the number of peak years reported; 0 means 10.
	Peaks int
	// Top is the number of most-cited works listed per peak; 0 means 5.
	Top int
}

// Year is one year of the spectrum.
type Year struct {
	Year int `json:"year"`
	// Citations is NCR: the citations, from works of the corpus, of works
	// published that year.
	Citations int `json:"citations"`
	// Works counts the distinct works of that year cited.
	Works int `json:"works"`
	// Median is the median of Citations over the window of the year
	// (years of the spectrum only; years without citations count 0).
	Median float64 `json:"median"`
	// Deviation is Citations - Median.
	Deviation float64 `json:"deviation"`
}

// Cited is a work of a peak year and its citations.
type Cited struct {
	Work      int    `json:"-"` // index into Graph.Works
	ID        string `json:"id"`
	Label     string `json:"label"`
	Citations int    `json:"citations"`
	// Share is Citations over the year's Citations.
	Share float64 `json:"share"`
}

// Peak is a year whose deviation is positive and larger than both
// neighbours' (the first of a plateau).
type Peak struct {
	Year      int     `json:"year"`
	Citations int     `json:"citations"`
	Deviation float64 `json:"deviation"`
	Top       []Cited `json:"top"`
}

// Spectrum is the RPYS of a citation graph.
type Spectrum struct {
	// Window is "t-2..t+2" or "t-4..t".
	Window string `json:"window"`
	// Years covers every year from the first to the last with a citation,
	// within the bounds, ascending.
	Years []Year `json:"years"`
	// Peaks are the strongest peaks, largest deviation first (then year).
	Peaks []Peak `json:"peaks"`
	// Citations is the sum over Years; Undated counts citations of works
	// without a year, Outside of works dated outside the bounds.
	Citations int `json:"citations"`
	Undated   int `json:"undated"`
	Outside   int `json:"outside"`
}

// Compute builds the spectrum of g: every citation (an arc from a citing
// work to a cited one, each pair once) counts one for the cited work's
// year. The year is the resolved work's, so variants of one reference
// whose years differ by one count once, in one year.
func Compute(g *graph.Graph, opt *Options) *Spectrum {
	if opt == nil {
		opt = &Options{}
	}
	from, to := cmp.Or(opt.From, 1500), opt.To
	if to == 0 {
		for _, w := range g.Works {
			if w.InCorpus {
				to = max(to, w.Year)
			}
		}
	}
	sp := &Spectrum{Window: "t-2..t+2"}
	if opt.Backward {
		sp.Window = "t-4..t"
	}
	byWork := map[int]int{} // citations of each cited work in the bounds
	lo, hi := 0, 0
	for i := range g.Works {
		n := len(g.In(i))
		if n == 0 {
			continue
		}
		y := g.Works[i].Year
		switch {
		case y == 0:
			sp.Undated += n
			continue
		case y < from || (to > 0 && y > to):
			sp.Outside += n
			continue
		}
		byWork[i] = n
		if lo == 0 || y < lo {
			lo = y
		}
		hi = max(hi, y)
	}
	if len(byWork) == 0 {
		return sp
	}
	sp.Years = make([]Year, hi-lo+1)
	for k := range sp.Years {
		sp.Years[k].Year = lo + k
	}
	for i, n := range byWork {
		y := &sp.Years[g.Works[i].Year-lo]
		y.Citations += n
		y.Works++
		sp.Citations += n
	}
	window := make([]int, 0, 5)
	for k := range sp.Years {
		window = window[:0]
		first, last := k-2, k+2
		if opt.Backward {
			first, last = k-4, k
		}
		for j := max(first, 0); j <= min(last, len(sp.Years)-1); j++ {
			window = append(window, sp.Years[j].Citations)
		}
		sp.Years[k].Median = median(window)
		sp.Years[k].Deviation = float64(sp.Years[k].Citations) - sp.Years[k].Median
	}
	sp.Peaks = peaks(g, sp.Years, byWork, cmp.Or(opt.Peaks, 10), cmp.Or(opt.Top, 5))
	return sp
}

// median returns the median of xs (the mean of the two middle values for
// an even count); xs is reordered.
func median(xs []int) float64 {
	slices.Sort(xs)
	n := len(xs)
	if n%2 == 1 {
		return float64(xs[n/2])
	}
	return float64(xs[n/2-1]+xs[n/2]) / 2
}

func peaks(g *graph.Graph, years []Year, byWork map[int]int, limit, top int) []Peak {
	var out []Peak
	for k, y := range years {
		if y.Deviation <= 0 {
			continue
		}
		if k > 0 && years[k-1].Deviation >= y.Deviation {
			continue
		}
		if k+1 < len(years) && years[k+1].Deviation > y.Deviation {
			continue
		}
		out = append(out, Peak{Year: y.Year, Citations: y.Citations, Deviation: y.Deviation})
	}
	slices.SortFunc(out, func(a, b Peak) int { return cmp.Or(cmp.Compare(b.Deviation, a.Deviation), cmp.Compare(a.Year, b.Year)) })
	if len(out) > limit {
		out = out[:limit]
	}
	index := map[int]int{}
	for k, p := range out {
		index[p.Year] = k
	}
	for i, n := range byWork {
		if k, ok := index[g.Works[i].Year]; ok {
			out[k].Top = append(out[k].Top, Cited{Work: i, ID: g.Works[i].ID, Label: g.Works[i].Label, Citations: n,
				Share: float64(n) / float64(out[k].Citations)})
		}
	}
	for k := range out {
		slices.SortFunc(out[k].Top, func(a, b Cited) int { return cmp.Or(cmp.Compare(b.Citations, a.Citations), cmp.Compare(a.ID, b.ID)) })
		if len(out[k].Top) > top {
			out[k].Top = out[k].Top[:top]
		}
	}
	return out
}
