package burst

import (
	"cmp"
	"slices"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/parse"
)

// Row is one burst of a work's citations or of a keyword's use.
type Row struct {
	// ID is the work's ID, or the keyword folded (parse.Fold).
	ID    string `json:"id"`
	Label string `json:"label"`
	// Year is the work's publication year (0 for keywords or unknown).
	Year int `json:"year,omitempty"`
	// Count is the work's citations (the keyword's uses) over all years.
	Count int `json:"count"`
	Burst
}

// Result holds the bursts of a corpus, strongest first.
type Result struct {
	// From and To are the years of the series: the publication years of
	// the corpus works.
	From int `json:"from"`
	To   int `json:"to"`
	// S, Gamma and MinYears are the parameters used.
	S        float64 `json:"s"`
	Gamma    float64 `json:"gamma"`
	MinYears int     `json:"min_years"`
	// Works are bursts of citations: in year t, r is the number of corpus
	// works of year t citing the work, d the citations all corpus works of
	// year t make.
	Works []Row `json:"works"`
	// Keywords are bursts of keywords (the authors' and the database's
	// together, as CiteSpace's keyword nodes): r is the number of corpus
	// works of year t carrying the keyword, d the number of corpus works of
	// year t.
	Keywords []Row `json:"keywords"`
	// WorksTested and KeywordsTested count the series examined: works cited
	// at least twice and keywords used at least twice by dated corpus works.
	WorksTested    int `json:"works_tested"`
	KeywordsTested int `json:"keywords_tested"`
}

// Compute detects the bursts of citations of every work and of use of every
// keyword in the corpus of g, over the publication years of its corpus
// works.
func Compute(g *graph.Graph, opt *Options) *Result {
	s, gamma, minYears := opt.params()
	res := &Result{S: s, Gamma: gamma, MinYears: minYears}
	for _, w := range g.Works {
		if w.InCorpus && w.Year > 0 {
			if res.From == 0 || w.Year < res.From {
				res.From = w.Year
			}
			res.To = max(res.To, w.Year)
		}
	}
	if res.From == 0 {
		return res
	}
	n := res.To - res.From + 1
	year := func(i int) int { // series index of a corpus work, -1 if none
		if w := &g.Works[i]; w.InCorpus && w.Year > 0 {
			return w.Year - res.From
		}
		return -1
	}

	// citations
	d := make([]int, n)
	for _, c := range g.Citations {
		if t := year(c.From); t >= 0 {
			d[t]++
		}
	}
	r := make([]int, n)
	for i := range g.Works {
		clear(r)
		total := 0
		for _, c := range g.In(i) {
			if t := year(int(c)); t >= 0 {
				r[t]++
				total++
			}
		}
		if total < 2 {
			continue
		}
		res.WorksTested++
		for _, b := range Detect(r, d, res.From, opt) {
			w := &g.Works[i]
			res.Works = append(res.Works, Row{ID: w.ID, Label: w.Label, Year: w.Year, Count: total, Burst: b})
		}
	}

	// keywords: counts per folded keyword and year, and the commonest spelling
	docs := make([]int, n)
	uses := map[string][]int{}
	spelling := map[string]map[string]int{}
	for i := range g.Works {
		t := year(i)
		if t < 0 {
			continue
		}
		docs[t]++
		seen := map[string]bool{}
		w := &g.Works[i]
		for _, k := range append(slices.Clip(w.Keywords), w.IndexKeywords...) {
			k = strings.Join(strings.Fields(k), " ")
			key := parse.Fold(k)
			if key == "" || seen[key] {
				continue
			}
			seen[key] = true
			if uses[key] == nil {
				uses[key] = make([]int, n)
				spelling[key] = map[string]int{}
			}
			uses[key][t]++
			spelling[key][k]++
		}
	}
	keys := make([]string, 0, len(uses))
	for k := range uses {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, key := range keys {
		total := 0
		for _, u := range uses[key] {
			total += u
		}
		if total < 2 {
			continue
		}
		res.KeywordsTested++
		for _, b := range Detect(uses[key], docs, res.From, opt) {
			res.Keywords = append(res.Keywords, Row{ID: key, Label: commonest(spelling[key]), Count: total, Burst: b})
		}
	}
	strongest := func(a, b Row) int {
		return cmp.Or(cmp.Compare(b.Strength, a.Strength), cmp.Compare(a.Begin, b.Begin), cmp.Compare(a.ID, b.ID))
	}
	slices.SortFunc(res.Works, strongest)
	slices.SortFunc(res.Keywords, strongest)
	return res
}

// commonest returns the most frequent spelling, the first in byte order
// among equals.
func commonest(m map[string]int) string {
	best, n := "", 0
	for s, c := range m {
		if c > n || (c == n && s < best) {
			best, n = s, c
		}
	}
	return best
}
