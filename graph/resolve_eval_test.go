package graph

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
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
	// or bracket that ends it, whatever its shape: WoS writes some DOIs
	// damaged ("101007/s11192-…", "s00168.008.0252.9"), and parse.NormalizeDOI
	// stops at "<", which cuts SICI DOIs to a prefix shared by a whole
	// journal issue, a false truth here.
	rsDOIWord = regexp.MustCompile(`(?i)\bDOI\s+\[?(?:DOI\s+)?([^\s,\]]+)`)
)

// rsDOITruth puts a DOI in the form the evaluation compares: its letters and
// digits, lower case, so that "10.1007/s11192-011-0001-x" and WoS's
// "101007/s11192-011-0001-x" agree.
func rsDOITruth(doi string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(doi) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// rsWithholdDOIs returns a copy of recs whose references carry no DOI, and
// the DOIs withheld (rsDOITruth), per record and reference.
func rsWithholdDOIs(recs []parse.Record) ([]parse.Record, [][]string) {
	out := make([]parse.Record, len(recs))
	truth := make([][]string, len(recs))
	for i, r := range recs {
		out[i] = r
		out[i].References = make([]parse.Reference, len(r.References))
		truth[i] = make([]string, len(r.References))
		for j, ref := range r.References {
			if m := rsDOIWord.FindStringSubmatch(ref.Raw); m != nil {
				truth[i][j] = rsDOITruth(strings.TrimRight(m[1], "."))
			} else {
				truth[i][j] = rsDOITruth(ref.DOI)
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
	// localUnknown counts references found to cite a record without DOI
	localUnknown int
	// localAmbiguous counts true local citations by a string that carries
	// two DOIs once they are withheld, localRightRes those found of the rest
	localAmbiguous, localRightRes int
	// pairs of DOI-bearing references (every occurrence)
	pairsTrue, pairsFound, pairsRight int
	// pairs of distinct DOI-bearing strings
	strTrue, strFound, strRight int
	refs, doiRefs, strs         int
	// splitStrings counts identical strings that ended in two works or
	// more, ambiguousStrings those that carry two DOIs once they are withheld
	splitStrings, ambiguousStrings int
	// missed are the pairs of distinct strings of one DOI left apart, wrong
	// the pairs of strings of two DOIs joined, localMissed and localWrong
	// the local citations missed and found wrongly
	missed, wrong           []rsStringPair
	localMissed, localWrong []string
}

// rsStringPair is a pair of distinct reference strings and why they were
// (or were not) joined.
type rsStringPair struct{ a, b, reason string }

func (s rsScores) localP() float64 { return rsRatio(s.localRight, s.localFound) }
func (s rsScores) localR() float64 { return rsRatio(s.localRight, s.localTrue) }

// localRRes is the local-citation recall over the strings that name one
// work (see localAmbiguous).
func (s rsScores) localRRes() float64 {
	return rsRatio(s.localRightRes, s.localTrue-s.localAmbiguous)
}
func (s rsScores) mergeP() float64 { return rsRatio(s.pairsRight, s.pairsFound) }
func (s rsScores) mergeR() float64 { return rsRatio(s.pairsRight, s.pairsTrue) }
func (s rsScores) strP() float64   { return rsRatio(s.strRight, s.strFound) }
func (s rsScores) strR() float64   { return rsRatio(s.strRight, s.strTrue) }

func rsRatio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// rsEvaluate resolves recs with the DOIs withheld and scores the result.
func rsEvaluate(t testing.TB, recs []parse.Record, opt *ResolveOptions) rsScores {
	stripped, truth := rsWithholdDOIs(recs)
	r := resolve(stripped, opt)
	workOf := func(rec, ref int) int {
		p := r.pos[rec]
		if ref < 0 {
			return r.itemWork[p]
		}
		return r.itemWork[r.refStart[p]+ref]
	}
	recByDOI := map[string]int{}
	for i, rec := range recs {
		if d := rsDOITruth(rec.DOI); d != "" {
			recByDOI[d] = i
		}
	}
	// the corpus records of each work
	recsOf := map[int][]int{}
	for i := range recs {
		w := workOf(i, -1)
		recsOf[w] = append(recsOf[w], i)
	}
	var s rsScores
	type edge struct{ from, to int }
	type edgeRef struct{ raw, seen string } // as written, as Resolve sees it
	trueEdges, foundEdges := map[edge]edgeRef{}, map[edge]string{}
	type cell struct {
		doi  string
		work int
	}
	byDOI, byWork, byCell := map[string]int{}, map[int]int{}, map[cell]int{}
	// distinct strings as Resolve sees them (the DOI withheld): the DOIs
	// and works of each, and its first reference
	type str struct {
		dois     []string
		works    []int
		rec, ref int
	}
	strs := map[string]*str{}
	var order []string
	for i := range recs {
		rec := &recs[i]
		from := workOf(i, -1)
		for j := range rec.References {
			s.refs++
			d := truth[i][j]
			w := workOf(i, j)
			raw := rec.References[j].Raw
			if d == "" {
				continue
			}
			if k, ok := recByDOI[d]; ok && k != i {
				trueEdges[edge{i, k}] = edgeRef{raw, stripped[i].References[j].Raw}
			}
			for _, k := range recsOf[w] {
				if k == i || workOf(k, -1) == from {
					continue
				}
				if rsDOITruth(recs[k].DOI) == "" {
					// a record without DOI: no truth to judge the edge by
					s.localUnknown++
					continue
				}
				foundEdges[edge{i, k}] = raw
			}
			s.doiRefs++
			byDOI[d]++
			byWork[w]++
			byCell[cell{d, w}]++
			seen := stripped[i].References[j].Raw
			x, ok := strs[seen]
			if !ok {
				x = &str{rec: i, ref: j}
				strs[seen] = x
				order = append(order, seen)
			}
			if !slices.Contains(x.dois, d) {
				x.dois = append(x.dois, d)
			}
			if !slices.Contains(x.works, w) {
				x.works = append(x.works, w)
			}
		}
	}
	s.localTrue, s.localFound = len(trueEdges), len(foundEdges)
	for e, raw := range foundEdges {
		if _, ok := trueEdges[e]; ok {
			s.localRight++
		} else {
			s.localWrong = append(s.localWrong, fmt.Sprintf("%s -> %s: %q", recs[e.from].Source, recs[e.to].Source, raw))
		}
	}
	for e, ref := range trueEdges {
		_, found := foundEdges[e]
		// a string that carries two DOIs once they are withheld names two
		// works: no resolver can tell which one a mention is
		note := ""
		if n := len(strs[ref.seen].dois); n > 1 {
			s.localAmbiguous++
			note = fmt.Sprintf(" [the string carries %d DOIs]", n)
		} else if found {
			s.localRightRes++
		}
		if !found {
			s.localMissed = append(s.localMissed, fmt.Sprintf("%s -> %s (%s): %q%s", recs[e.from].Source, recs[e.to].Source,
				parse.Shorten(recs[e.to].Label, 50), ref.raw, note))
		}
	}
	slices.Sort(s.localWrong)
	slices.Sort(s.localMissed)
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
	// distinct strings, grouped by DOI and by work; a string that carries
	// two DOIs once they are withheld cannot be parted by any resolver and
	// is left out (counted in ambiguousStrings)
	sByDOI, sByWork := map[string][]string{}, map[int][]string{}
	for _, raw := range order {
		x := strs[raw]
		if len(x.dois) > 1 {
			s.ambiguousStrings++
			continue
		}
		s.strs++
		if len(x.works) > 1 {
			s.splitStrings++
		}
		sByDOI[x.dois[0]] = append(sByDOI[x.dois[0]], raw)
		sByWork[x.works[0]] = append(sByWork[x.works[0]], raw)
	}
	ref := func(raw string) *parse.Reference { x := strs[raw]; return &stripped[x.rec].References[x.ref] }
	// the records that list each string
	listedBy := map[string][]int{}
	for i := range stripped {
		for _, rf := range stripped[i].References {
			if l := listedBy[rf.Raw]; len(l) == 0 || l[len(l)-1] != i {
				listedBy[rf.Raw] = append(l, i)
			}
		}
	}
	why := func(a, b string) string {
		if rsIntersect(listedBy[a], listedBy[b]) {
			return "one reference list holds both (a list does not name one work twice)"
		}
		return rsWhyApart(ref(a), ref(b))
	}
	for _, g := range sByDOI {
		s.strTrue += pairs(len(g))
		for a := range g {
			for b := a + 1; b < len(g); b++ {
				if strs[g[a]].works[0] == strs[g[b]].works[0] {
					s.strRight++
				} else {
					s.missed = append(s.missed, rsStringPair{g[a], g[b], why(g[a], g[b])})
				}
			}
		}
	}
	for _, g := range sByWork {
		s.strFound += pairs(len(g))
		for a := range g {
			for b := a + 1; b < len(g); b++ {
				if strs[g[a]].dois[0] != strs[g[b]].dois[0] {
					s.wrong = append(s.wrong, rsStringPair{g[a], g[b], ""})
				}
			}
		}
	}
	byText := func(x, y rsStringPair) int { return cmp.Or(strings.Compare(x.a, y.a), strings.Compare(x.b, y.b)) }
	slices.SortFunc(s.missed, byText)
	slices.SortFunc(s.wrong, byText)
	return s
}

// rsWhyApart names what keeps two references of one DOI apart: the
// evidence that says they are two works, the first that applies.
func rsWhyApart(a, b *parse.Reference) string {
	fa, fb := rsFams(a.Authors), rsFams(b.Authors)
	switch {
	case len(fa) == 0 || len(fb) == 0:
		return "no first author on one side"
	case !rsIntersect(slices.Sorted(slices.Values(fa)), slices.Sorted(slices.Values(fb))) &&
		!rsNameNear(fa[0], fb[0]):
		return "different first authors"
	case a.Year != 0 && b.Year != 0 && (a.Year-b.Year > 1 || b.Year-a.Year > 1):
		return "years more than one apart"
	case rsVolume(a.Volume) != "" && rsVolume(b.Volume) != "" && rsVolume(a.Volume) != rsVolume(b.Volume):
		return "different volumes"
	case rsFirstPage(a.Pages) != "" && rsFirstPage(b.Pages) != "" && rsFirstPage(a.Pages) != rsFirstPage(b.Pages):
		return "different first pages"
	case a.Year == 0 || b.Year == 0:
		return "no year on one side"
	}
	return "unexplained"
}

func TestResolveWithheldDOIs(t *testing.T) {
	// the floors are the figures measured, less a margin; recall over
	// distinct strings is as high as they allow (the pairs left apart are
	// listed with the reason)
	floors := []struct {
		file                      string
		localR, localRRes, localP float64
		mergeP, mergeR            float64
		strP, strR                float64
	}{
		{"wos/python-bibx_bit-pattern-savedrecs.txt", 0.985, 0.995, 0.998, 0.995, 0.999, 0.995, 0.8},
		{"wos/wosfile_wos_plaintext.txt", 1, 1, 1, 1, 1, 1, 1},
		{"wos/metaknowledge_savedrecs.txt", 1, 1, 1, 1, 1, 1, 1},
		// WoS's BibTeX export carries the same cited-reference strings
		{"wos-bibtex/pyBibX_wos.bib", 0.99, 0.99, 0.998, 0.995, 0.99, 0.995, 0.35},
	}
	// the local citations of all the files together: the targets
	// (recall 0.99, precision 0.995) over the shared WoS files with DOIs
	var all rsScores
	files := 0
	for _, f := range floors {
		t.Run(filepath.Base(f.file), func(t *testing.T) {
			recs := rsReadCorpus(t, f.file)
			s := rsEvaluate(t, recs, nil)
			all.localTrue, all.localFound, all.localRight = all.localTrue+s.localTrue, all.localFound+s.localFound, all.localRight+s.localRight
			files++
			t.Logf("%s: %d refs, %d with DOI; local citations: %d true, %d found, precision %.4f recall %.4f "+
				"(%.4f without the %d by strings of two DOIs; %d found to records without DOI); "+
				"merging references: %d true pairs, %d found, precision %.4f recall %.4f; "+
				"distinct strings: %d (and %d with two DOIs), %d true pairs, %d found, precision %.4f recall %.4f; %d identical strings split",
				f.file, s.refs, s.doiRefs, s.localTrue, s.localFound, s.localP(), s.localR(), s.localRRes(), s.localAmbiguous, s.localUnknown,
				s.pairsTrue, s.pairsFound, s.mergeP(), s.mergeR(),
				s.strs, s.ambiguousStrings, s.strTrue, s.strFound, s.strP(), s.strR(), s.splitStrings)
			for _, p := range s.missed {
				t.Logf("  apart (%s): %q | %q", p.reason, p.a, p.b)
			}
			for _, p := range s.wrong {
				t.Logf("  joined, two DOIs: %q | %q", p.a, p.b)
			}
			for _, e := range s.localMissed {
				t.Logf("  local citation missed: %s", e)
			}
			for _, e := range s.localWrong {
				t.Logf("  local citation wrong: %s", e)
			}
			if s.localR() < f.localR || s.localRRes() < f.localRRes || s.localP() < f.localP || s.mergeP() < f.mergeP ||
				s.mergeR() < f.mergeR || s.strP() < f.strP || s.strR() < f.strR {
				t.Errorf("below the floors: local P %.4f R %.4f (%.4f), merge P %.4f R %.4f, strings P %.4f R %.4f",
					s.localP(), s.localR(), s.localRRes(), s.mergeP(), s.mergeR(), s.strP(), s.strR())
			}
			if s.splitStrings > 0 {
				t.Errorf("%d identical strings split", s.splitStrings)
			}
		})
	}
	if files == len(floors) {
		t.Logf("all %d files: local citations %d true, %d found, %d right: precision %.4f recall %.4f", files,
			all.localTrue, all.localFound, all.localRight, all.localP(), all.localR())
		if all.localP() < 0.995 || all.localR() < 0.99 {
			t.Errorf("local citations of all files: precision %.4f recall %.4f, want at least 0.995 and 0.99",
				all.localP(), all.localR())
		}
	}
}

// rsTitlePair is one compared pair of titles and whether they are one work.
type rsTitlePair struct {
	score float64
	same  bool
}

// rsTitlePairs collects the pairs of titled records and references that
// share a block (first author and year) and both carry a DOI, scored as
// Resolve scores titles (venues aside) and labelled by the DOIs: a truth
// independent of the titles. Each distinct title of a DOI counts once.
// Pairs with equal titles, compatible venues and two DOIs are only counted
// ("twins": a preprint and its paper, a chapter and its book…): no
// threshold can part them, the DOI guard does.
func rsTitlePairs(recs []parse.Record) (pairs []rsTitlePair, twins int) {
	type entry struct{ tcmp, doi string }
	blocks := map[rsBlock][]rsItem{}
	dois := map[rsBlock][]string{}
	seen := map[entry]bool{}
	add := func(authors []parse.Author, title string, year int, doi, venue string) {
		f := rsFams(authors)
		if f == nil || title == "" || year == 0 || doi == "" {
			return
		}
		it := rsItem{venue: venueKey(venue)}
		it.setTitle(parse.Fold(title))
		if e := (entry{it.tcmp, doi}); !seen[e] {
			seen[e] = true
			k := rsBlock{f[0], year}
			blocks[k] = append(blocks[k], it)
			dois[k] = append(dois[k], doi)
		}
	}
	for _, r := range recs {
		add(r.Authors, r.Title, r.Year, r.DOI, r.Venue)
		for _, ref := range r.References {
			add(ref.Authors, ref.Title, ref.Year, ref.DOI, ref.Venue)
		}
	}
	r := &rsResolver{thr: 0.01, venue: newVenueIndex()}
	for k, its := range blocks {
		for i := range its {
			for j := i + 1; j < len(its); j++ {
				same := dois[k][i] == dois[k][j]
				if its[i].tcmp == its[j].tcmp && !same && r.venue.compatible(its[i].venue, its[j].venue) {
					twins++
					continue
				}
				s, _ := r.titleScore(&its[i], &its[j], true)
				pairs = append(pairs, rsTitlePair{s, same})
			}
		}
	}
	return pairs, twins
}

// TestTitleThreshold measures, on real files, how the title score
// separates records and references of the same first author and year that
// are one work from those that are two (by their DOIs), and logs precision
// and recall per threshold: the figures DefaultFuzzyThreshold was chosen by.
// The files hold the same queries exported from WoS, Scopus and PubMed, so
// one paper's titles as two databases write them are the positives.
func TestTitleThreshold(t *testing.T) {
	recs := rsReadCorpus(t, "wos/python-bibx_bit-pattern-savedrecs.txt", "ris/python-bibx_scopus.ris",
		"wos-bibtex/pyBibX_wos.bib", "scopus-bibtex/pyBibX_scopus.bib", "medline/pyBibX_pubmed.txt",
		"scopus-csv/metaknowledge_scopus_testing.csv.scopus", "wos/metaknowledge_savedrecs.txt")
	pairs, twins := rsTitlePairs(recs)
	pos := 0
	for _, p := range pairs {
		if p.same {
			pos++
		}
	}
	t.Logf("%d pairs that are one work (titles not equal), %d that are two; %d twins (equal titles, two DOIs)",
		pos, len(pairs)-pos, twins)
	for _, thr := range []float64{0.70, 0.75, 0.80, 0.85, 0.88, 0.90, 0.92, 0.94, 0.96, 0.98} {
		tp, fp := 0, 0
		for _, p := range pairs {
			if p.score >= thr {
				if p.same {
					tp++
				} else {
					fp++
				}
			}
		}
		t.Logf("  threshold %.2f: merged %d right, %d wrong; precision %.4f recall %.4f",
			thr, tp, fp, rsRatio(tp, tp+fp), rsRatio(tp, pos))
		if thr == DefaultFuzzyThreshold && (rsRatio(tp, tp+fp) < 0.94 || rsRatio(tp, pos) < 0.6) {
			t.Errorf("precision %.4f recall %.4f at the default threshold", rsRatio(tp, tp+fp), rsRatio(tp, pos))
		}
	}
}

// TestResolveCorpusTwins loads one WoS export in its plain-text and two
// tab-delimited forms: the 50 records become 50 corpus works, each with the
// three sources, and the graph is the one of either file alone.
func TestResolveCorpusTwins(t *testing.T) {
	plain := rsReadCorpus(t, "wos/wosfile_wos_plaintext.txt")
	both := rsReadCorpus(t, "wos/wosfile_wos_plaintext.txt", "wos-tab/wosfile_wos_tab_delimited_win_utf8.txt",
		"wos-tab/wosfile_wos_tab_delimited_win_utf16.txt")
	one, two := Resolve(plain, nil), Resolve(both, nil)
	if two.Stats.CorpusWorks != 50 || two.Stats.DuplicatesMerged != 100 {
		t.Errorf("corpus works %d, duplicates merged %d; want 50 and 100", two.Stats.CorpusWorks, two.Stats.DuplicatesMerged)
	}
	for _, w := range two.Works {
		if w.InCorpus && len(w.Sources) != 3 {
			t.Errorf("%s has sources %v, want one per file", w.ID, w.Sources)
		}
	}
	if len(two.Works) != len(one.Works) || len(two.Citations) != len(one.Citations) {
		t.Errorf("twins give %d works %d citations, one file %d and %d",
			len(two.Works), len(two.Citations), len(one.Works), len(one.Citations))
	}
	t.Logf("one file: %d works, %d citations; three: %d works, %d citations, %d repeated references",
		len(one.Works), len(one.Citations), len(two.Works), len(two.Citations), two.Stats.RepeatedRefs)
}

var rsAnyDOI = regexp.MustCompile(`(?i)(?:https?://(?:dx\.)?doi\.org/|\bdoi:?\s*)?\b10\.\d{4,9}/\S+`)

// TestResolveCrossSourceDOIs links Scopus references to WoS data: the same
// query exported from Scopus and WoS is loaded, the DOIs are cut from the
// Scopus references, and each Scopus reference whose DOI the WoS side
// knows (a record's DI or a cited reference's DOI) should resolve to the
// work of that DOI. Recall: the share that does; precision: the share right
// among those resolved to a work with a DOI. With the Scopus records' own
// identifiers withheld too, the papers in both files meet by their titles
// only; with them kept, the twins stage pairs their lists (a precision
// check of that stage: it merges on evidence weaker than the rest).
func TestResolveCrossSourceDOIs(t *testing.T) {
	cases := []struct {
		wos, scopus string
		keepIDs     bool
		recall      float64
	}{
		{"wos/python-bibx_bit-pattern-savedrecs.txt", "ris/python-bibx_scopus.ris", false, 0.95},
		{"wos/python-bibx_bit-pattern-savedrecs.txt", "ris/python-bibx_scopus.ris", true, 0.95},
		{"wos-bibtex/pyBibX_wos.bib", "scopus-bibtex/pyBibX_scopus.bib", true, 0.9},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%s+ids=%v", filepath.Base(c.scopus), c.keepIDs), func(t *testing.T) {
			rsCrossDOIs(t, rsReadCorpus(t, c.wos), rsReadCorpus(t, c.scopus), c.keepIDs, c.recall)
		})
	}
}

func rsCrossDOIs(t *testing.T, wos, scopus []parse.Record, keepIDs bool, floor float64) {
	known := map[string]bool{}
	for _, r := range wos {
		known[r.DOI] = true
		for _, ref := range r.References {
			known[ref.DOI] = true
		}
	}
	delete(known, "")
	type probe struct {
		rec, ref int
		doi      string
	}
	var probes []probe
	for i := range scopus {
		r := &scopus[i]
		if !keepIDs {
			r.DOI, r.IDs = "", nil // no help from the records' own identifiers
		}
		refs := make([]parse.Reference, len(r.References))
		for j, ref := range r.References {
			if ref.DOI != "" && known[ref.DOI] {
				probes = append(probes, probe{len(wos) + i, j, ref.DOI})
			}
			ref.DOI = ""
			ref.Raw = rsAnyDOI.ReplaceAllString(ref.Raw, "")
			refs[j] = ref
		}
		r.References = refs
	}
	rv := resolve(append(slices.Clip(wos), scopus...), nil)
	right, wrong, none := 0, 0, 0
	for _, p := range probes {
		// (a SICI DOI, cut at "<" by parse.NormalizeDOI, is whole in the work)
		switch d := rv.res.Works[rv.itemWork[rv.refStart[rv.pos[p.rec]]+p.ref]].DOI; {
		case d == p.doi || strings.HasPrefix(d, p.doi+"<"):
			right++
		case d != "":
			wrong++
			t.Logf("  wrong: %q %s -> %s", scopus[p.rec-len(wos)].References[p.ref].Raw, p.doi, d)
		default:
			none++
		}
	}
	p, rc := rsRatio(right, right+wrong), rsRatio(right, len(probes))
	t.Logf("%d Scopus references with a DOI the WoS side knows: %d resolved to it, %d to another DOI, %d to none; "+
		"precision %.4f recall %.4f", len(probes), right, wrong, none, p, rc)
	if p < 0.99 || rc < floor {
		t.Errorf("precision %.4f recall %.4f", p, rc)
	}
}
