package graph

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/parse"
)

// This file measures resolution on real Web of Science files with the DOIs
// withheld: every DOI is cut from the cited-reference strings, which are
// parsed again, the records are resolved, and the result is compared with
// the truth the DOIs define:
//
//   - local citations: a reference whose DOI is the DI of another record of
//     the file is an edge citing record -> that record (precision, recall);
//   - reference merging: two DOI-bearing references with the same DOI should
//     end in one work, two with different DOIs should not (pairwise precision
//     and recall over all pairs of such references).
//
// The corpora are not part of the repository; the test skips without them.

// rsCorpusFile returns the path of a shared corpus file ($CITEGRAPH_CORPORA,
// else shared/corpora beside the checkout or beside its parent folder, as
// for a worktree), or skips.
func rsCorpusFile(t testing.TB, rel string) string {
	t.Helper()
	dirs := []string{filepath.Join("..", "..", "shared", "corpora"), filepath.Join("..", "..", "..", "shared", "corpora")}
	if d := os.Getenv("CITEGRAPH_CORPORA"); d != "" {
		dirs = []string{d}
	}
	for _, d := range dirs {
		p := filepath.Join(d, rel)
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	t.Skipf("corpus file %s not available in %s", rel, strings.Join(dirs, " or "))
	return ""
}

// rsReadCorpus reads corpus files, skipping when one cannot be read (no
// reader for its format in this build).
func rsReadCorpus(t testing.TB, rels ...string) []parse.Record {
	t.Helper()
	var recs []parse.Record
	for _, rel := range rels {
		res, err := parse.ReadFile(rsCorpusFile(t, rel), "")
		if err != nil || len(res.Records) == 0 {
			t.Skipf("cannot read %s: %v", rel, err)
		}
		recs = append(recs, res.Records...)
	}
	return recs
}

var (
	rsDOIPart = regexp.MustCompile(`(?i),\s*DOI\b.*$`)
	// rsDOIWord is the DOI of a CR string as written, up to the comma, space
	// or bracket that ends it: parse.NormalizeDOI stops at "<", which cuts
	// SICI DOIs ("10.1002/(SICI)1097-4571(199009)41:6<391::AID-ASI1>3.0.CO;2-9")
	// to a prefix shared by a whole journal issue, a false truth here.
	rsDOIWord = regexp.MustCompile(`(?i)\bDOI\s+(?:DOI\s+)?\[?(10\.[^\s,\]]+)`)
)

// rsWithholdDOIs returns a copy of recs whose references carry no DOI, and
// the DOIs withheld, per record and reference.
func rsWithholdDOIs(recs []parse.Record) ([]parse.Record, [][]string) {
	out := make([]parse.Record, len(recs))
	truth := make([][]string, len(recs))
	for i, r := range recs {
		out[i] = r
		out[i].References = make([]parse.Reference, len(r.References))
		truth[i] = make([]string, len(r.References))
		for j, ref := range r.References {
			if m := rsDOIWord.FindStringSubmatch(ref.Raw); m != nil {
				truth[i][j] = strings.ToLower(strings.TrimRight(m[1], "."))
			} else {
				truth[i][j] = ref.DOI
			}
			raw := rsDOIPart.ReplaceAllString(ref.Raw, "")
			nref := parse.ParseWoSReference(raw)
			nref.Line = ref.Line
			if nref.DOI != "" {
				panic("doi left in " + raw)
			}
			out[i].References[j] = nref
		}
	}
	return out, truth
}

// rsScores are the evaluation figures of one file.
type rsScores struct {
	localTrue, localFound, localRight int
	pairsTrue, pairsFound, pairsRight int
	refs, doiRefs                     int
}

func (s rsScores) localP() float64 { return rsRatio(s.localRight, s.localFound) }
func (s rsScores) localR() float64 { return rsRatio(s.localRight, s.localTrue) }
func (s rsScores) mergeP() float64 { return rsRatio(s.pairsRight, s.pairsFound) }
func (s rsScores) mergeR() float64 { return rsRatio(s.pairsRight, s.pairsTrue) }

func rsRatio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// rsEvaluate resolves recs with the DOIs withheld and scores the result.
func rsEvaluate(t testing.TB, recs []parse.Record, opt *ResolveOptions) rsScores {
	stripped, truth := rsWithholdDOIs(recs)
	res := Resolve(stripped, opt)
	// where each record and reference went, by its source position
	workAt := map[string]int{}
	for i, w := range res.Works {
		for _, m := range w.Mentions {
			workAt[m.Source] = i
		}
	}
	refSource := func(r *parse.Record, j int) string {
		if l := r.References[j].Line; l > 0 {
			return r.File + ":" + strconv.Itoa(l)
		}
		t.Fatalf("reference without line in %s", r.Source)
		return ""
	}
	recByDOI, recAt := map[string]int{}, map[string]int{}
	for i, r := range recs {
		recAt[r.Source] = i
		if r.DOI != "" {
			recByDOI[strings.ToLower(r.DOI)] = i
		}
	}
	var s rsScores
	type edge struct{ from, to int }
	trueEdges, foundEdges := map[edge]bool{}, map[edge]bool{}
	type cell struct {
		doi  string
		work int
	}
	byDOI, byWork, byCell := map[string]int{}, map[int]int{}, map[cell]int{}
	for i := range recs {
		r := &recs[i]
		from := workAt[r.Source]
		for j := range r.References {
			s.refs++
			d := truth[i][j]
			if d == "" {
				continue
			}
			s.doiRefs++
			w := workAt[refSource(r, j)]
			if k, ok := recByDOI[d]; ok && k != i {
				trueEdges[edge{i, k}] = true
			}
			if res.Works[w].InCorpus {
				for _, src := range res.Works[w].Sources {
					if k, ok := recAt[src]; ok && k != i && workAt[recs[k].Source] != from {
						foundEdges[edge{i, k}] = true
					}
				}
			}
			byDOI[d]++
			byWork[w]++
			byCell[cell{d, w}]++
		}
	}
	s.localTrue, s.localFound = len(trueEdges), len(foundEdges)
	for e := range foundEdges {
		if trueEdges[e] {
			s.localRight++
		}
	}
	pairs := func(n int) int { return n * (n - 1) / 2 }
	for _, n := range byDOI {
		s.pairsTrue += pairs(n)
	}
	for _, n := range byWork {
		s.pairsFound += pairs(n)
	}
	for _, n := range byCell {
		s.pairsRight += pairs(n)
	}
	return s
}

func TestResolveWithheldDOIs(t *testing.T) {
	floors := []struct {
		file           string
		localR, localP float64
		mergeP, mergeR float64
	}{
		{"wos/python-bibx_bit-pattern-savedrecs.txt", 0.97, 0.99, 0.99, 0.95},
		{"wos/wosfile_wos_plaintext.txt", 0.97, 0.99, 0.99, 0.95},
		{"wos/metaknowledge_savedrecs.txt", 0.97, 0.99, 0.99, 0.95},
	}
	for _, f := range floors {
		t.Run(filepath.Base(f.file), func(t *testing.T) {
			recs := rsReadCorpus(t, f.file)
			s := rsEvaluate(t, recs, nil)
			t.Logf("%s: %d refs, %d with DOI; local citations: %d true, %d found, precision %.4f recall %.4f; "+
				"merging: %d true pairs, %d found, precision %.4f recall %.4f",
				f.file, s.refs, s.doiRefs, s.localTrue, s.localFound, s.localP(), s.localR(),
				s.pairsTrue, s.pairsFound, s.mergeP(), s.mergeR())
			if s.localR() < f.localR || s.localP() < f.localP || s.mergeP() < f.mergeP || s.mergeR() < f.mergeR {
				t.Errorf("below the floors: local P %.4f R %.4f, merge P %.4f R %.4f", s.localP(), s.localR(), s.mergeP(), s.mergeR())
			}
		})
	}
}
