package graph

import (
	"fmt"
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
// references belong to the record whose lines they sit in.

// rsCrossResult is the outcome on one pair of files.
type rsCrossResult struct {
	papers, shorter, met int
	misses               []rsCrossMiss
	r                    *rsResolver
}

// rsCrossMiss is one reference of the shorter list that met no reference
// of the other list, with the other list's references left unmet.
type rsCrossMiss struct {
	doi    string
	ref    string
	others []string
	item   int   // the missed reference's item
	twins  []int // items of the other list's unmet references of the same first author
}

// rsCross resolves the records of two files together and measures how many
// references of the shorter list of each paper in both meet the other list.
func rsCross(t testing.TB, a, b []parse.Record) rsCrossResult {
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
				ws = append(ws, r.itemWork[r.refStart[rec]+j])
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
			m := rsCrossMiss{doi: d, ref: recs[x].References[j].Raw, item: r.refStart[x] + j}
			for l, v := range wy {
				if !slices.Contains(wx, v) {
					m.others = append(m.others, recs[y].References[l].Raw)
					fi, fl := r.items[m.item].fams, r.items[r.refStart[y]+l].fams
					if len(fi) > 0 && len(fl) > 0 && (fi[0] == fl[0] || slices.Contains(fl, fi[0]) || slices.Contains(fi, fl[0])) {
						m.twins = append(m.twins, r.refStart[y]+l)
					}
				}
			}
			out.misses = append(out.misses, m)
		}
	}
	out.r = r
	return out
}

func TestResolveCrossSourceLists(t *testing.T) {
	pairs := []struct {
		wos, scopus string
		floor       float64
	}{
		{"wos/python-bibx_bit-pattern-savedrecs.txt", "ris/python-bibx_scopus.ris", 0.0},
		{"wos-bibtex/pyBibX_wos.bib", "scopus-bibtex/pyBibX_scopus.bib", 0.0},
	}
	for _, p := range pairs {
		t.Run(p.wos, func(t *testing.T) {
			a, b := rsReadCorpus(t, p.wos), rsReadCorpus(t, p.scopus)
			c := rsCross(t, a, b)
			share := rsRatio(c.met, c.shorter)
			t.Logf("%s + %s: %d papers in both; %d of %d references of the shorter lists meet the other list = %.4f",
				p.wos, p.scopus, c.papers, c.met, c.shorter, share)
			if dump := os.Getenv("CITEGRAPH_CROSS_DUMP"); dump != "" {
				var sb strings.Builder
				desc := func(i int) string {
					it := &c.r.items[i]
					cl := &c.r.cl[c.r.find(i)]
					return fmt.Sprintf("fams=%v init=%c y=%d vol=%q page=%q venue=%q title=%q | cl doi=%q vols=%v pages=%v y=%d-%d size=%d",
						it.fams, max(it.init, '_'), it.year, it.vol, it.page, it.venue, it.title, cl.doi, cl.vols, cl.pages, cl.yMin, cl.yMax, cl.size)
				}
				for _, m := range c.misses {
					fmt.Fprintf(&sb, "MISS %s\n  %s\n    %s\n", m.doi, m.ref, desc(m.item))
					for _, o := range m.twins {
						fmt.Fprintf(&sb, "  TWIN %s\n    %s\n", c.r.ref(o).Raw, desc(o))
					}
					if len(m.twins) == 0 {
						for _, o := range m.others {
							fmt.Fprintf(&sb, "    ? %s\n", o)
						}
					}
				}
				os.WriteFile(dump+"."+strings.ReplaceAll(p.wos, "/", "_"), []byte(sb.String()), 0o644)
			}
			if share < p.floor {
				t.Errorf("%.4f below %.2f", share, p.floor)
			}
		})
	}
}
