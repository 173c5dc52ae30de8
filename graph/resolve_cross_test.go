package graph

import (
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/parse"
)

// This file measures cross-source unification: the same paper exported
// from Web of Science and from Scopus carries two versions of one
// reference list, and each reference of the shorter list should resolve to
// the work of a reference of the longer one. Papers are paired by DOI;
// references belong to the record they are listed in.

// rsCrossResult is the outcome on one pair of files.
type rsCrossResult struct {
	papers, shorter, met int
	misses               []rsCrossMiss
}

// rsCrossMiss is one reference of the shorter list that met no reference
// of the other list, and why.
type rsCrossMiss struct {
	doi, ref, reason string
	// twin is the other list's unmet entry of the same first author that
	// fits best, "" when there is none
	twin string
}

// rsCross resolves the records of two files together and measures how many
// references of the shorter list of each paper in both meet the other list.
func rsCross(a, b []parse.Record) rsCrossResult {
	recs := append(slices.Clip(a), b...)
	r := resolve(recs, nil)
	byDOI := map[string]int{}
	for i := range a {
		if d := parse.NormalizeDOI(a[i].DOI); d != "" {
			if _, ok := byDOI[d]; !ok {
				byDOI[d] = i
			}
		}
	}
	item := func(rec, j int) int { return r.refStart[r.pos[rec]] + j }
	var out rsCrossResult
	seen := map[string]bool{}
	for k := range b {
		d := parse.NormalizeDOI(b[k].DOI)
		i, ok := byDOI[d]
		if d == "" || !ok || seen[d] || len(a[i].References) == 0 || len(b[k].References) == 0 {
			continue
		}
		seen[d] = true
		out.papers++
		x, y := i, len(a)+k // record indexes in recs
		if len(recs[y].References) < len(recs[x].References) {
			x, y = y, x
		}
		works := func(rec int) []int {
			var ws []int
			for j := range recs[rec].References {
				ws = append(ws, r.itemWork[item(rec, j)])
			}
			return ws
		}
		wx, wy := works(x), works(y)
		out.shorter += len(wx)
		for j, w := range wx {
			if slices.Contains(wy, w) {
				out.met++
				continue
			}
			// the other list's unmet entries of the same first author
			var twins []int
			it := &r.items[item(x, j)]
			for l, v := range wy {
				jt := &r.items[item(y, l)]
				if !slices.Contains(wx, v) && len(it.fams) > 0 && len(jt.fams) > 0 && r.twinName(item(x, j), item(y, l)) > 0 {
					twins = append(twins, item(y, l))
				}
			}
			m := rsCrossMiss{doi: d, ref: recs[x].References[j].Raw}
			m.reason, m.twin = r.rsWhyNoTwin(item(x, j), twins)
			out.misses = append(out.misses, m)
		}
	}
	return out
}

// rsWhyNoTwin names why entry i met none of the entries twins of the other
// list (unmet, of the same first author), and the twin it came closest to.
func (r *rsResolver) rsWhyNoTwin(i int, twins []int) (reason, twin string) {
	it := &r.items[i]
	if len(twins) == 0 {
		if len(it.fams) == 0 {
			return "no first author (anonymous, corporate or unparsed)", ""
		}
		return "no entry of that first author in the other list (not listed, or listed under another name)", ""
	}
	best, top := -1, 0
	for _, j := range twins {
		if s := r.twinScore(i, j); s > top || best < 0 {
			best, top = j, s
		}
	}
	jt := &r.items[best]
	twin = r.ref(best).Raw
	switch {
	case top == 0:
		switch {
		case it.year != 0 && jt.year != 0 && (it.year-jt.year > 1 || jt.year-it.year > 1):
			return "years more than one apart (another edition, or a wrong year)", twin
		case it.vol != "" && jt.vol != "" && it.vol != jt.vol:
			return "different volumes", twin
		case it.page != "" && jt.page != "" && it.page != jt.page:
			return "different first pages", twin
		case it.title != "" && jt.title != "":
			return "different titles", twin
		}
		return "too little in common (author alone)", twin
	case top < rsTwinMin:
		return "too little in common (author alone)", twin
	}
	if len(twins) > 1 {
		return "two entries fit equally", twin
	}
	return "merge refused: " + rsWhyInconsistent(r.group(r.find(i)), r.group(r.find(best))), twin
}

// rsWhyInconsistent names the first check of rsConsistent two groups fail.
func rsWhyInconsistent(a, b *rsCluster) string {
	switch {
	case !rsDOICompatible(a.doi, b.doi):
		return "the two carry different DOIs [" + a.doi + " " + b.doi + "]"
	case !rsConsistent(a, b, rsCheckIDs):
		return "the two carry different identifiers"
	case !rsConsistent(a, b, rsCheckPlace):
		return "one list holds both works"
	}
	return "years, volumes or pages of other mentions contradict"
}

func TestResolveCrossSourceLists(t *testing.T) {
	pairs := []struct{ wos, scopus string }{
		{"wos/python-bibx_bit-pattern-savedrecs.txt", "ris/python-bibx_scopus.ris"},
		{"wos-bibtex/pyBibX_wos.bib", "scopus-bibtex/pyBibX_scopus.bib"},
	}
	for _, p := range pairs {
		t.Run(p.wos, func(t *testing.T) {
			c := rsCross(rsReadCorpus(t, p.wos), rsReadCorpus(t, p.scopus))
			share := rsRatio(c.met, c.shorter)
			t.Logf("%s + %s: %d papers in both; %d of %d references of the shorter lists meet the other list = %.4f",
				p.wos, p.scopus, c.papers, c.met, c.shorter, share)
			reasons := map[string]int{}
			for _, m := range c.misses {
				r, _, _ := strings.Cut(m.reason, " [") // the DOIs in the dump only
				reasons[r]++
			}
			for _, k := range slices.Sorted(maps.Keys(reasons)) {
				t.Logf("  %4d %s", reasons[k], k)
			}
			if dump := os.Getenv("CITEGRAPH_CROSS_DUMP"); dump != "" {
				var sb strings.Builder
				for _, m := range c.misses {
					fmt.Fprintf(&sb, "%s\t%s\t%s\t%s\n", m.doi, m.reason, m.ref, m.twin)
				}
				if err := os.WriteFile(dump+"."+strings.ReplaceAll(p.wos, "/", "_"), []byte(sb.String()), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if share < 0.95 {
				t.Errorf("%.4f of the shorter lists met, want 0.95", share)
			}
		})
	}
}
