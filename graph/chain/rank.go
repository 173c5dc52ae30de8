// Package chain grows a corpus from seed works by citation chaining, as
// Connected Papers, CoCites and Local Citation Network do: it gathers the
// works the seeds cite (backward) and the works citing them (forward), one
// or two steps out, ranks them by how strongly they connect to the seeds
// (direct citations, co-citation and coupling with the seeds, citations
// from the other works found), and keeps the best.
//
// Rank works on a resolved graph and returns the evidence for each work,
// so that every added work can say why it is there; Expand gathers the
// candidates from a Source (parse/fetch.Client) and resolves them with the
// seeds.
package chain

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/citegraph/citegraph/graph"
)

// Candidate is a work found by chaining and how it connects to the seeds.
type Candidate struct {
	// Work is the index of the work in the graph.
	Work int
	// Score counts the connections below: each seed citing the work or
	// cited by it, each work citing it together with a seed (per seed),
	// each reference it shares with a seed (per seed), and each citation
	// from a work that is not a seed.
	Score int
	// CitedBy are the seeds that cite the work, Cites the seeds it cites.
	CitedBy, Cites []int
	// Cocited are the seeds cited together with the work, with the number
	// of works citing both; Coupled the seeds it shares references with,
	// with the number shared.
	Cocited, Coupled []Link
	// Local counts the works of the graph other than seeds that cite it.
	Local int
}

// Link is a seed and a count.
type Link struct {
	Seed, Count int
}

// Direct is the number of citations between the work and the seeds.
func (c *Candidate) Direct() int { return len(c.CitedBy) + len(c.Cites) }

// Rank scores candidates (indexes into g.Works) by their connections to
// seeds and returns them best first: higher Score, then more direct
// citations, then by work ID. Candidates that are seeds are left out.
func Rank(g *graph.Graph, seeds, candidates []int) []Candidate {
	isSeed := make([]bool, g.Len())
	for _, s := range seeds {
		isSeed[s] = true
	}
	seeds = slices.Clone(seeds)
	slices.Sort(seeds)
	seeds = slices.Compact(seeds)
	var out []Candidate
	seen := map[int]bool{}
	for _, w := range candidates {
		if isSeed[w] || seen[w] {
			continue
		}
		seen[w] = true
		c := Candidate{Work: w}
		for _, s := range seeds {
			if has(g.Out(s), w) {
				c.CitedBy = append(c.CitedBy, s)
			}
			if has(g.Out(w), s) {
				c.Cites = append(c.Cites, s)
			}
			if n := common(g.In(w), g.In(s)); n > 0 {
				c.Cocited = append(c.Cocited, Link{s, n})
				c.Score += n
			}
			if n := common(g.Out(w), g.Out(s)); n > 0 {
				c.Coupled = append(c.Coupled, Link{s, n})
				c.Score += n
			}
		}
		c.Local = len(g.In(w)) - len(c.CitedBy)
		c.Score += c.Direct() + c.Local
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b Candidate) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(b.Direct(), a.Direct()),
			strings.Compare(g.Works[a.Work].ID, g.Works[b.Work].ID))
	})
	return out
}

// has reports whether the sorted list xs holds x.
func has(xs []int32, x int) bool {
	_, ok := slices.BinarySearch(xs, int32(x))
	return ok
}

// common counts the values two sorted lists share.
func common(a, b []int32) int {
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// Reasons words the evidence, one phrase per kind of connection, naming
// the seeds by their labels: "cited by seeds Jones 2025 and Smith 2019",
// "co-cited with seeds Jones 2025 (7) and Smith 2019 (5): 12 times".
func (c *Candidate) Reasons(g *graph.Graph) []string {
	var out []string
	name := func(ws []int) string {
		names := make([]string, len(ws))
		for i, w := range ws {
			names[i] = g.Works[w].Label
		}
		return seedList(names)
	}
	if len(c.CitedBy) > 0 {
		out = append(out, "cited by "+name(c.CitedBy))
	}
	if len(c.Cites) > 0 {
		out = append(out, "cites "+name(c.Cites))
	}
	links := func(ls []Link) (string, int) {
		names := make([]string, len(ls))
		total := 0
		for i, l := range ls {
			names[i] = g.Works[l.Seed].Label
			if len(ls) > 1 {
				names[i] += fmt.Sprintf(" (%d)", l.Count)
			}
			total += l.Count
		}
		return seedList(names), total
	}
	if len(c.Cocited) > 0 {
		s, n := links(c.Cocited)
		out = append(out, fmt.Sprintf("co-cited with %s %s", s, times(n)))
	}
	if len(c.Coupled) > 0 {
		s, n := links(c.Coupled)
		ref := "references"
		if n == 1 {
			ref = "reference"
		}
		out = append(out, fmt.Sprintf("shares %d %s with %s", n, ref, s))
	}
	if c.Local > 0 {
		work := "works"
		if c.Local == 1 {
			work = "work"
		}
		out = append(out, fmt.Sprintf("cited by %d other %s found", c.Local, work))
	}
	return out
}

// seedList names one seed ("seed A") or several ("seeds A, B and C").
func seedList(names []string) string {
	switch len(names) {
	case 0:
		return "no seed"
	case 1:
		return "seed " + names[0]
	}
	return "seeds " + strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

func times(n int) string {
	if n == 1 {
		return "once"
	}
	return fmt.Sprintf("%d times", n)
}
