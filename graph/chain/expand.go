package chain

import (
	"cmp"
	"context"
	"errors"
	"fmt"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/parse"
)

// Source is where Expand finds works: parse/fetch.Client.
type Source interface {
	// Key returns the key the source looks a work up by, "" if none.
	Key(ids map[string]string, doi string) string
	// Lookup returns the works of the keys it knows, by key.
	Lookup(ctx context.Context, keys []string) (map[string]parse.Record, error)
	// Citing returns the works citing the work of key.
	Citing(ctx context.Context, key string) ([]parse.Record, error)
}

// Options controls Expand. The zero value follows references and citing
// works one step and keeps 20 works.
type Options struct {
	// Depth is the number of steps out from the seeds: 1 (the default) or
	// 2, which also follows the best works of the first step.
	Depth int
	// Direction is "refs" (the works the seeds cite), "cited-by" (the works
	// citing them) or "both" (the default, also for "").
	Direction string
	// Max is the number of works kept; 0 means 20.
	Max int
}

// Added is a work Expand kept, and why.
type Added struct {
	// Keys are the work's identifiers as lookup keys ("doi:…", "openalex:W…").
	Keys []string
	// Label names the work ("Jones 2025").
	Label string
	// Rank is the position in the ranking, from 1.
	Rank int
	// Score is the candidate's Score, Depth the step it was found at.
	Score, Depth int
	// Reasons word the connections to the seeds (see Candidate.Reasons).
	Reasons []string
}

// Result is what Expand found.
type Result struct {
	// Records are the records of the works kept, to read with the seeds.
	Records []parse.Record
	// Added are the works kept, best first.
	Added []Added
	// Seeds counts the seed works, Candidates the works found connected to
	// them (before keeping Options.Max).
	Seeds, Candidates int
	// Options are the options used, defaults filled in.
	Options Options
}

// normalize fills in defaults and checks the options.
func (o Options) normalize() (Options, error) {
	o.Depth = cmp.Or(o.Depth, 1)
	o.Direction = cmp.Or(o.Direction, "both")
	o.Max = cmp.Or(o.Max, 20)
	if o.Depth != 1 && o.Depth != 2 {
		return o, fmt.Errorf("depth %d: use 1 or 2", o.Depth)
	}
	if o.Direction != "refs" && o.Direction != "cited-by" && o.Direction != "both" {
		return o, fmt.Errorf("direction %q: use refs, cited-by or both", o.Direction)
	}
	if o.Max < 0 {
		return o, fmt.Errorf("max %d: must be positive", o.Max)
	}
	return o, nil
}

// expander holds the works gathered by Expand: the seeds first.
type expander struct {
	src   Source
	pool  []parse.Record
	depth []int // step each record was found at, 0 for seeds
	have  map[string]bool
}

// add puts a record found at step d into the pool, unless a record with
// its key is there already.
func (x *expander) add(rec parse.Record, d int) {
	k := x.src.Key(rec.IDs, rec.DOI)
	if k == "" || x.have[k] {
		return
	}
	x.have[k] = true
	x.pool = append(x.pool, rec)
	x.depth = append(x.depth, d)
}

// Expand gathers the works connected to the seed records through src and
// keeps the best Options.Max of them (see Rank). The seeds should include
// the source's own records of the seed works (fetch.Enrich), whose
// reference lists and identifiers the steps start from. Works found are
// resolved together with the seeds (graph.Resolve), so a work reached
// twice, or a seed reached again, counts once.
func Expand(ctx context.Context, src Source, seeds []parse.Record, opt *Options) (*Result, error) {
	o, err := cmp.Or(opt, &Options{}).normalize()
	if err != nil {
		return nil, err
	}
	x := &expander{src: src, have: map[string]bool{}}
	for _, rec := range seeds {
		if k := src.Key(rec.IDs, rec.DOI); k != "" {
			x.have[k] = true
		}
		x.pool = append(x.pool, rec)
		x.depth = append(x.depth, 0)
	}
	if len(x.have) == 0 {
		return nil, ErrNoSeeds
	}
	nSeeds := len(seeds)
	frontier := make([]int, nSeeds)
	for i := range frontier {
		frontier[i] = i
	}
	for d := 1; d <= o.Depth; d++ {
		if err := x.step(ctx, frontier, d, o.Direction); err != nil {
			return nil, err
		}
		if d == o.Depth {
			break
		}
		g, recWork, seedWorks, cands := x.graph(nSeeds)
		frontier = frontier[:0]
		for _, c := range topN(Rank(g, seedWorks, cands), o.Max) {
			for i, w := range recWork {
				if w == c.Work && x.depth[i] == d {
					frontier = append(frontier, i)
				}
			}
		}
	}
	g, recWork, seedWorks, cands := x.graph(nSeeds)
	ranked := Rank(g, seedWorks, cands)
	res := &Result{Seeds: len(seedWorks), Candidates: len(ranked), Options: o}
	for k, c := range topN(ranked, o.Max) {
		w := &g.Works[c.Work]
		a := Added{Keys: WorkKeys(w), Label: w.Label, Rank: k + 1, Score: c.Score, Reasons: c.Reasons(g)}
		for i, rw := range recWork {
			if rw == c.Work && i >= nSeeds {
				res.Records = append(res.Records, x.pool[i])
				if a.Depth == 0 || x.depth[i] < a.Depth {
					a.Depth = x.depth[i]
				}
			}
		}
		res.Added = append(res.Added, a)
	}
	return res, nil
}

// step gathers the works one step out from the frontier records.
func (x *expander) step(ctx context.Context, frontier []int, d int, dir string) error {
	if dir != "cited-by" {
		var keys []string
		for _, i := range frontier {
			for _, ref := range x.pool[i].References {
				if k := x.src.Key(ref.IDs, ref.DOI); k != "" && !x.have[k] {
					keys = append(keys, k)
				}
			}
		}
		found, err := x.src.Lookup(ctx, keys)
		for _, k := range keys {
			if rec, ok := found[k]; ok {
				x.add(rec, d)
			}
		}
		if err != nil {
			return err
		}
	}
	if dir != "refs" {
		asked := map[string]bool{}
		for _, i := range frontier {
			k := x.src.Key(x.pool[i].IDs, x.pool[i].DOI)
			if k == "" || asked[k] {
				continue
			}
			asked[k] = true
			recs, err := x.src.Citing(ctx, k)
			for _, rec := range recs {
				x.add(rec, d)
			}
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// graph resolves the pool and returns its graph, the work of each record,
// the seed works and the other works with a record (the candidates). A
// record is found in its work by its key (every record the steps add has
// one), else by its Source (seeds without identifier).
func (x *expander) graph(nSeeds int) (g *graph.Graph, recWork, seeds, cands []int) {
	g = graph.New(graph.Resolve(x.pool, nil))
	byKey, bySource := map[string]int{}, map[string]int{}
	for w := range g.Works {
		wk := &g.Works[w]
		if k := x.src.Key(wk.IDs, wk.DOI); k != "" {
			byKey[k] = w
		}
		for _, k := range WorkKeys(wk) {
			byKey[k] = w
		}
		for _, s := range wk.Sources {
			bySource[s] = w
		}
	}
	recWork = make([]int, len(x.pool))
	for i := range x.pool {
		rec := &x.pool[i]
		w, ok := byKey[x.src.Key(rec.IDs, rec.DOI)]
		if !ok {
			w = bySource[rec.Source]
		}
		recWork[i] = w
	}
	isSeed := map[int]bool{}
	for i := 0; i < nSeeds; i++ {
		if !isSeed[recWork[i]] {
			isSeed[recWork[i]] = true
			seeds = append(seeds, recWork[i])
		}
	}
	for i := nSeeds; i < len(x.pool); i++ {
		if !isSeed[recWork[i]] {
			cands = append(cands, recWork[i])
		}
	}
	return g, recWork, seeds, cands
}

// topN returns the first n candidates.
func topN(cs []Candidate, n int) []Candidate {
	return cs[:min(n, len(cs))]
}

// WorkKeys returns a work's identifiers as lookup keys: "doi:…",
// "openalex:W…", "pmid:…".
func WorkKeys(w *graph.Work) []string {
	var keys []string
	if w.DOI != "" {
		keys = append(keys, "doi:"+w.DOI)
	}
	for _, k := range []string{"openalex", "pmid"} {
		if v := w.IDs[k]; v != "" {
			keys = append(keys, k+":"+v)
		}
	}
	return keys
}

// ErrNoSeeds is returned when no seed has an identifier the source knows.
var ErrNoSeeds = errors.New("no seed has an identifier to follow (DOI, OpenAlex or PubMed id)")
