package graph

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/citegraph/citegraph/parse"
)

// rsRec builds a corpus record of file f, line line.
func rsRec(f string, line int, title string, fam string, year int, venue, vol, pages, doi string, refs ...parse.Reference) parse.Record {
	r := parse.Record{File: f, Line: line, Source: f + ":" + strconv.Itoa(line), Title: title, Year: year, Venue: venue,
		Volume: vol, Pages: pages, DOI: doi, References: refs}
	if fam != "" {
		r.Authors = []parse.Author{{Family: fam, Given: "J"}}
	}
	r.Label = parse.MakeLabel(&r)
	return r
}

// rsWoS builds a reference as a WoS cited-reference string gives it.
func rsWoS(line int, fam string, year int, venue, vol, page, doi string) parse.Reference {
	raw := fam + " J, " + strconv.Itoa(year)
	for _, p := range []string{venue, "V" + vol, "P" + page, "DOI " + doi} {
		if len(p) > 1 && p != "DOI " {
			raw += ", " + p
		}
	}
	return parse.Reference{Raw: raw, Authors: []parse.Author{{Family: fam, Given: "J"}}, Year: year, Venue: venue,
		Volume: vol, Pages: page, DOI: doi, Line: line}
}

// rsTitled builds a free-text reference with a title.
func rsTitled(line int, fam string, year int, title, venue string) parse.Reference {
	ref := parse.Reference{Raw: fam + " (" + strconv.Itoa(year) + ") " + title, Year: year, Title: title, Venue: venue, Line: line}
	if fam != "" {
		ref.Authors = []parse.Author{{Family: fam}}
	}
	return ref
}

// rsWorkOf returns the index of the work holding the record or reference at source.
func rsWorkOf(t *testing.T, res *Resolution, source string) int {
	t.Helper()
	for i, w := range res.Works {
		for _, m := range w.Mentions {
			if m.Source == source {
				return i
			}
		}
	}
	t.Fatalf("no work mentions %s", source)
	return -1
}

func rsHow(t *testing.T, res *Resolution, source string) string {
	t.Helper()
	w := res.Works[rsWorkOf(t, res, source)]
	for _, m := range w.Mentions {
		if m.Source == source {
			return m.How
		}
	}
	return ""
}

func TestResolveDOI(t *testing.T) {
	recs := []parse.Record{
		rsRec("a.txt", 1, "Citation analysis of journals", "Garfield", 1972, "Science", "178", "471-479", "10.1126/science.178.4060.471"),
		rsRec("a.txt", 10, "Another paper", "Small", 1973, "JASIS", "24", "265", "",
			parse.Reference{Raw: "Garfield E, 1972, SCIENCE, DOI 10.1126/SCIENCE.178.4060.471", Line: 12,
				DOI: "https://doi.org/10.1126/SCIENCE.178.4060.471"}),
	}
	res := Resolve(recs, nil)
	if len(res.Works) != 2 || len(res.Citations) != 1 {
		t.Fatalf("works %d citations %d, want 2 and 1", len(res.Works), len(res.Citations))
	}
	c := res.Citations[0]
	if res.Works[c.To].ID != "doi:10.1126/science.178.4060.471" || c.Match != "doi" {
		t.Errorf("edge to %s by %q, want doi:10.1126/science.178.4060.471 by doi", res.Works[c.To].ID, c.Match)
	}
	if got := rsHow(t, res, "a.txt:12"); got != "doi" {
		t.Errorf("mention how %q, want doi", got)
	}
	if res.Stats.ByMethod["doi"] != 1 || res.Stats.Unresolved != 0 {
		t.Errorf("stats %+v", res.Stats)
	}
}

func TestResolveKey(t *testing.T) {
	recs := []parse.Record{
		rsRec("w.txt", 1, "Hard disk drives", "Kryder", 2008, "PROCEEDINGS OF THE IEEE", "96", "1810-1835", ""),
		rsRec("w.txt", 20, "Patterned media", "Albrecht", 2013, "IEEE TRANSACTIONS ON MAGNETICS", "49", "773", "",
			rsWoS(22, "Kryder", 2008, "P IEEE", "96", "1810", ""),
			// same author and page, other volume: another work
			rsWoS(23, "Kryder", 2008, "P IEEE", "95", "1810", "")),
		rsRec("w.txt", 40, "Media review", "Weller", 2014, "J MAGN MAGN MATER", "1", "1", "",
			// one year off (online first), still the same work
			rsWoS(42, "KRYDER", 2009, "PROC IEEE", "96", "P1810", "")),
	}
	res := Resolve(recs, nil)
	kry := rsWorkOf(t, res, "w.txt:1")
	for _, src := range []string{"w.txt:22", "w.txt:42"} {
		if got := rsWorkOf(t, res, src); got != kry {
			t.Errorf("%s resolved to %s, want the Kryder record", src, res.Works[got].ID)
		}
		if got := rsHow(t, res, src); got != "key" {
			t.Errorf("%s how %q, want key", src, got)
		}
	}
	if got := rsWorkOf(t, res, "w.txt:23"); got == kry {
		t.Errorf("volume 95 merged with volume 96")
	}
	if res.Stats.ByMethod["key"] != 2 || res.Stats.ByMethod["new"] != 1 || res.Stats.Unresolved != 1 {
		t.Errorf("by method %v, unresolved %d", res.Stats.ByMethod, res.Stats.Unresolved)
	}
}

func TestResolveFuzzyTypo(t *testing.T) {
	recs := []parse.Record{
		rsRec("s.csv", 2, "A", "Aaa", 2020, "", "", "", "",
			rsTitled(0, "Waltman", 2016, "A review of the literature on citation impact indicators", "Journal of Informetrics")),
		rsRec("s.csv", 3, "B", "Bbb", 2021, "", "", "", "",
			rsTitled(0, "Waltman", 2016, "A reveiw of the literature on citation impact indicator", "J INFORMETR")),
		rsRec("s.csv", 4, "C", "Ccc", 2021, "", "", "", "",
			// same author and year, another title: another work
			rsTitled(0, "Waltman", 2016, "The elephant in the room: the problem of quantifying productivity", "J INFORMETR")),
	}
	res := Resolve(recs, nil)
	if n := len(res.Works); n != 5 {
		t.Fatalf("%d works, want 5 (3 records, 2 cited)", n)
	}
	a, b, c := rsTo(res, "s.csv:2"), rsTo(res, "s.csv:3"), rsTo(res, "s.csv:4")
	if a != b || a == c {
		t.Errorf("cited works %d %d %d, want the first two equal and the third apart", a, b, c)
	}
	if !strings.HasPrefix(res.Citations[rsEdge(res, "s.csv:3")].Match, "fuzzy:0.9") {
		t.Errorf("match %q, want fuzzy:0.9x", res.Citations[rsEdge(res, "s.csv:3")].Match)
	}
	if res.Stats.FuzzyClusters != 1 {
		t.Errorf("fuzzy clusters %d, want 1", res.Stats.FuzzyClusters)
	}
	if res := Resolve(recs, &ResolveOptions{NoFuzzy: true}); len(res.Works) != 6 || res.Stats.FuzzyClusters != 0 {
		t.Errorf("without fuzzy matching: %d works, %d fuzzy clusters; want 6 and 0", len(res.Works), res.Stats.FuzzyClusters)
	}
}

// rsEdge returns the citation whose source is src.
func rsEdge(res *Resolution, src string) int {
	for i, c := range res.Citations {
		if slices.Contains(c.Sources, src) {
			return i
		}
	}
	return -1
}

func rsTo(res *Resolution, src string) int {
	if i := rsEdge(res, src); i >= 0 {
		return res.Citations[i].To
	}
	return -1
}

func TestResolveNoChaining(t *testing.T) {
	// B (no volume, no page) fits A and C on author, year and venue, but A and
	// C differ in volume: B must not join either, and A and C stay apart.
	// (Each is cited by another record: two entries of one reference list are
	// two works anyway.)
	recs := []parse.Record{
		rsRec("c.txt", 1, "X", "Xx", 2020, "", "", "", "", rsWoS(2, "Smith", 2010, "PHYS REV B", "81", "100", "")),
		rsRec("c.txt", 3, "Y", "Yy", 2020, "", "", "", "", rsWoS(4, "Smith", 2010, "PHYS REV B", "", "", "")),
		rsRec("c.txt", 5, "Z", "Zz", 2020, "", "", "", "", rsWoS(6, "Smith", 2010, "PHYS REV B", "82", "200", "")),
	}
	res := Resolve(recs, nil)
	if len(res.Works) != 6 {
		t.Errorf("%d works, want 6", len(res.Works))
	}
	if res.Stats.Ambiguous != 1 {
		t.Errorf("ambiguous %d, want 1", res.Stats.Ambiguous)
	}
	// with C gone, B joins A
	res = Resolve(recs[:2], nil)
	if len(res.Works) != 3 || rsHow(t, res, "c.txt:4") != "venue" {
		t.Errorf("%d works, want 3, B joined by %q, want venue", len(res.Works), rsHow(t, res, "c.txt:4"))
	}
	// years: a chain 2000 ~ 2001 ~ 2002 of one title may not end in one work
	recs = []parse.Record{
		rsRec("y.txt", 1, "X", "Xx", 2020, "", "", "", "", rsTitled(2, "Price", 2000, "Networks of scientific papers", "Science")),
		rsRec("y.txt", 3, "Y", "Yy", 2020, "", "", "", "", rsTitled(4, "Price", 2001, "Networks of scientific papers", "Science")),
		rsRec("y.txt", 5, "Z", "Zz", 2020, "", "", "", "", rsTitled(6, "Price", 2002, "Networks of scientific papers", "Science")),
	}
	res = Resolve(recs, nil)
	if len(res.Works) != 5 {
		t.Errorf("%d works, want 5 (3 records, 2000+2001, 2002)", len(res.Works))
	}
	for _, w := range res.Works {
		years := map[int]bool{}
		for _, m := range w.Mentions {
			years[parse.ParseYear(m.Raw)] = true
		}
		if years[2000] && years[2002] {
			t.Errorf("work %s holds 2000 and 2002", w.ID)
		}
	}
	// DOIs: identical keys with different DOIs stay apart, and the reference
	// without a DOI between them joins neither
	recs = []parse.Record{
		rsRec("d.txt", 1, "X", "Xx", 2020, "", "", "", "", rsWoS(2, "Kubo", 2005, "J APPL PHYS", "97", "", "10.1063/1.1")),
		rsRec("d.txt", 3, "Y", "Yy", 2020, "", "", "", "", rsWoS(4, "Kubo", 2005, "J APPL PHYS", "97", "", "10.1063/1.2")),
		rsRec("d.txt", 5, "Z", "Zz", 2020, "", "", "", "", rsWoS(6, "Kubo", 2005, "J APPL PHYS", "97", "", "")),
	}
	res = Resolve(recs, nil)
	if len(res.Works) != 6 {
		t.Errorf("%d works, want 6: two DOIs may not meet through a reference without one", len(res.Works))
	}
	// two entries of one reference list are two works, even when alike
	recs = []parse.Record{
		rsRec("n.txt", 1, "X", "Xx", 2020, "", "", "", "",
			rsWoS(2, "Newman", 2001, "PHYS REV E", "64", "", ""),
			rsWoS(3, "Newman", 2001, "PHYS REV E", "64", "", "")),
	}
	if res = Resolve(recs, nil); len(res.Works) != 3 {
		t.Errorf("%d works, want 3", len(res.Works))
	}
}

func TestResolveCorpusDuplicates(t *testing.T) {
	shared := rsWoS(5, "Lotka", 1926, "J WASHINGTON ACAD SCI", "16", "317", "")
	recs := []parse.Record{
		rsRec("plain.txt", 1, "Bibliometric laws", "Egghe", 2005, "J INFORMETR", "1", "1", "10.1016/x.1",
			shared, rsWoS(6, "Bradford", 1934, "ENGINEERING", "137", "85", "")),
		rsRec("tab.txt", 2, "Bibliometric laws", "Egghe", 2005, "J INFORMETR", "1", "1", "10.1016/X.1",
			shared, rsWoS(7, "Zipf", 1949, "HUMAN BEHAV", "", "", "")),
		// no DOI, same title, year and first author: the same paper
		rsRec("s.ris", 3, "Bibliometric  Laws.", "EGGHE", 2005, "Journal of Informetrics", "", "", ""),
	}
	res := Resolve(recs, nil)
	if res.Stats.CorpusWorks != 1 || res.Stats.DuplicatesMerged != 2 {
		t.Fatalf("corpus works %d merged %d, want 1 and 2", res.Stats.CorpusWorks, res.Stats.DuplicatesMerged)
	}
	w := res.Works[rsWorkOf(t, res, "plain.txt:1")]
	// (in the order of the files' names, whatever order they were given in)
	if !slices.Equal(w.Sources, []string{"plain.txt:1", "s.ris:3", "tab.txt:2"}) {
		t.Errorf("sources %v", w.Sources)
	}
	if w.RefsListed != 3 || len(res.Citations) != 3 || res.Stats.RepeatedRefs != 1 {
		t.Errorf("refs listed %d, citations %d, repeated %d; want 3, 3, 1", w.RefsListed, len(res.Citations), res.Stats.RepeatedRefs)
	}
	lotka := res.Citations[rsEdge(res, "plain.txt:5")]
	if !slices.Equal(lotka.Sources, []string{"plain.txt:5", "tab.txt:5"}) {
		t.Errorf("shared reference sources %v", lotka.Sources)
	}
	for src, want := range map[string]string{"tab.txt:5": "copy", "plain.txt:5": "new", "tab.txt:7": "new"} {
		if got := rsHow(t, res, src); got != want {
			t.Errorf("mention %s how %q, want %q", src, got, want)
		}
	}
	joined := map[string]string{}
	for _, m := range w.Mentions {
		if m.How == "record" {
			joined[m.Source] = m.Joined
		}
	}
	if joined["plain.txt:1"] != "" || joined["tab.txt:2"] != "doi" || joined["s.ris:3"] != "title" {
		t.Errorf("records joined by %v, want none, doi, title", joined)
	}
}

func TestResolveSelfCitation(t *testing.T) {
	recs := []parse.Record{
		rsRec("a.txt", 1, "Self", "Me", 2020, "J X", "1", "1", "10.1000/self1",
			parse.Reference{Raw: "Me J, 2020, J X, V1, P1, DOI 10.1000/self1", DOI: "10.1000/self1", Line: 2},
			rsWoS(3, "Other", 2019, "J Y", "2", "2", "")),
	}
	res := Resolve(recs, nil)
	if res.Stats.SelfCitations != 1 || len(res.Citations) != 1 {
		t.Errorf("self %d citations %d, want 1 and 1", res.Stats.SelfCitations, len(res.Citations))
	}
	// a reference may not join its own citing record on key evidence alone
	recs = []parse.Record{
		rsRec("b.txt", 1, "Self", "Me", 2020, "J X", "", "", "",
			rsWoS(2, "Me", 2020, "J X", "", "", "")),
	}
	res = Resolve(recs, nil)
	if res.Stats.SelfCitations != 0 || len(res.Works) != 2 {
		t.Errorf("self %d works %d, want 0 and 2", res.Stats.SelfCitations, len(res.Works))
	}
}

func TestResolveDeterministicIDs(t *testing.T) {
	recs := []parse.Record{
		rsRec("a.txt", 1, "Same words here", "Smith", 2001, "", "", "", "",
			rsTitled(2, "Smith", 2001, "Same words here but another work entirely different", ""),
			rsTitled(3, "Smith", 2001, "Same words here and yet something else, distinct", ""),
			parse.Reference{Raw: "W1", IDs: map[string]string{"openalex": "https://openalex.org/W1"}, Line: 4},
			parse.Reference{Raw: "UT", IDs: map[string]string{"wos": "WOS:000123"}, Line: 5}),
	}
	res := Resolve(recs, nil)
	var ids []string
	for _, w := range res.Works {
		ids = append(ids, w.ID)
	}
	want := []string{"openalex:W1", "smith-2001-same-words-here", "smith-2001-same-words-here-2",
		"smith-2001-same-words-here-3", "wos:000123"}
	if !slices.Equal(ids, want) {
		t.Errorf("ids %q, want %q", ids, want)
	}
	if !slices.IsSortedFunc(res.Citations, func(a, b Citation) int { return a.From*1000 + a.To - b.From*1000 - b.To }) {
		t.Errorf("citations not sorted")
	}
	for range 5 {
		if again := Resolve(recs, nil); !reflect.DeepEqual(again, res) {
			t.Fatalf("second run differs")
		}
	}
}

func TestVenueMatch(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"J INFORMETR", "Journal of Informetrics", true},
		{"J. Informetr.", "JOURNAL OF INFORMETRICS", true},
		{"SCIENTOMETRICS", "Scientometrics", true},
		{"PHYS REV B", "Physical Review B", true},
		{"PHYS REV B", "Physical Review A", false},
		{"PHYS REV", "Physical Review B", false},
		{"PHYS REV LETT", "Physical Review Letters", true},
		{"J AM CHEM SOC", "Journal of the American Chemical Society", true},
		{"J MAGN MAGN MATER", "Journal of Magnetism and Magnetic Materials", true},
		{"IEEE T MAGN", "IEEE Transactions on Magnetics", true},
		{"P IEEE", "Proceedings of the IEEE", true},
		{"P NATL ACAD SCI USA", "Proceedings of the National Academy of Sciences of the United States of America", true},
		{"Proc. Natl. Acad. Sci. U. S. A.", "Proceedings of the National Academy of Sciences of the United States of America", true},
		{"J POLYM SCI POL PHYS", "JOURNAL OF POLYMER SCIENCE PART B-POLYMER PHYSICS", true},
		// WoS cuts sources at 20 characters
		{"J PHOTOPOLYM SCI TEC", "Journal of Photopolymer Science and Technology", true},
		{"J AM SOC INF SCI TEC", "Journal of the American Society for Information Science and Technology", true},
		// a word cut to a function word's shape ("LE" of "LETT") is kept
		{"INFORM PROCESSING LE", "INFORM PROCESS LETT", true},
		{"INFORM PROCESSING LE", "Information Processing Letters", true},
		{"J INFORMETR", "Journal of Information Science", false},
		{"SCIENTOMETRICS", "Science", false},
		{"NATURE", "Nature Physics", false},
		{"", "Nature", false},
	}
	for _, tt := range tests {
		if got := venueMatch(tt.a, tt.b); got != tt.want {
			t.Errorf("venueMatch(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := venueMatch(tt.b, tt.a); got != tt.want {
			t.Errorf("venueMatch(%q, %q) = %v, want %v", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestVenueLearned(t *testing.T) {
	v := newVenueIndex()
	// a pair no rule explains, learned from one record
	v.learn(venueKey("JASIST"), venueKey("Journal of the Association for Information Science and Technology"))
	v.learn(venueKey("SCIENTOMETRICS"), venueKey("Scientometrics"))
	if !v.compatible(venueKey("JASIST"), venueKey("J ASSOC INF SCI TECH")) {
		t.Errorf("JASIST should meet J ASSOC INF SCI TECH through the learned full title")
	}
	if v.compatible(venueKey("JASIST"), venueKey("SCIENTOMETRICS")) {
		t.Errorf("two learned venues met")
	}
}

func TestLookup(t *testing.T) {
	res := &Resolution{Works: []Work{
		{ID: "doi:10.1016/j.joi.2016.02.007", DOI: "10.1016/j.joi.2016.02.007", Label: "Waltman 2016",
			Title: "A review of the literature on citation impact indicators"},
		{ID: "openalex:W2741809807", IDs: map[string]string{"openalex": "https://openalex.org/W2741809807"},
			Label: "Piwowar 2018", Title: "The state of OA"},
		{ID: "wos:000401190100002", IDs: map[string]string{"wos": "WOS:000401190100002", "pmid": "123"}, Label: "Sun 2017"},
		{ID: "waltman-2020-citation", Label: "Waltman 2020", Title: "Citation indicators, again"},
	}}
	tests := []struct {
		q    string
		want []int
	}{
		{"doi:10.1016/j.joi.2016.02.007", []int{0}},
		{"https://doi.org/10.1016/J.JOI.2016.02.007", []int{0}},
		{"W2741809807", []int{1}},
		{"openalex:w2741809807", []int{1}},
		{"WOS:000401190100002", []int{2}},
		{"pmid:123", []int{2}},
		{"waltman", []int{0, 3}},
		{"Citation Impact", []int{0}},
		{"state of óa", []int{1}},
		{"nothing like it", nil},
		{"  ", nil},
	}
	for _, tt := range tests {
		if got := res.Lookup(tt.q); !slices.Equal(got, tt.want) {
			t.Errorf("Lookup(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
}

func TestEditWithin(t *testing.T) {
	full := func(a, b string) int {
		row := make([]int, len(b)+1)
		for j := range row {
			row[j] = j
		}
		for i := 1; i <= len(a); i++ {
			prev := row[0]
			row[0] = i
			for j := 1; j <= len(b); j++ {
				cur := row[j]
				if a[i-1] == b[j-1] {
					row[j] = prev
				} else {
					row[j] = 1 + min(prev, row[j], row[j-1])
				}
				prev = cur
			}
		}
		return row[len(b)]
	}
	words := []string{"", "a", "ab", "kitten", "sitting", "network of papers", "networks of scientific papers",
		"a review of the literature", "a reveiw of the literature", "abcdef", "fedcba", "xabcdefx"}
	for _, a := range words {
		for _, b := range words {
			d := full(a, b)
			for k := 0; k <= 12; k++ {
				want := min(d, k+1)
				if got := rsEditWithin(a, b, k); got != want {
					t.Errorf("rsEditWithin(%q, %q, %d) = %d, want %d", a, b, k, got, want)
				}
			}
		}
	}
}

// TestResolveCrossSource: one paper cited from five kinds of sources ends as
// one node: a WoS cited reference, a Scopus reference, an OpenAlex work id,
// a Crossref reference object without DOI, and scraped "Title Journal,
// Year" lines (split by the reader, or not), with the paper itself in the
// corpus from OpenAlex. (Without that record nothing would tie the bare
// OpenAlex id to the others.)
func TestResolveCrossSource(t *testing.T) {
	const title = "A review of the literature on citation impact indicators"
	paper := rsRec("oa.json", 1, title, "Waltman", 2016, "Journal of Informetrics", "10", "365-391", "10.1016/j.joi.2016.02.007")
	paper.IDs = map[string]string{"openalex": "https://openalex.org/W2289"}
	wos := rsRec("wos.txt", 1, "Citing from WoS", "Aa", 2018, "SCIENTOMETRICS", "1", "1", "",
		parse.Reference{Raw: "Waltman L, 2016, J INFORMETR, V10, P365", Authors: []parse.Author{{Family: "Waltman", Given: "L"}},
			Year: 2016, Venue: "J INFORMETR", Volume: "10", Pages: "365", Line: 5})
	scopus := rsRec("scopus.csv", 2, "Citing from Scopus", "Bb", 2019, "Scientometrics", "2", "2", "",
		parse.Reference{Raw: "Waltman, L., " + title + " (2016) Journal of Informetrics, 10 (2), pp. 365-391",
			Authors: []parse.Author{{Family: "Waltman", Given: "L."}}, Title: title, Year: 2016,
			Venue: "Journal of Informetrics", Volume: "10", Pages: "365-391"})
	openalex := rsRec("oa2.json", 1, "Citing from OpenAlex", "Cc", 2020, "QSS", "3", "3", "",
		parse.Reference{Raw: "https://openalex.org/W2289", IDs: map[string]string{"openalex": "W2289"}})
	crossref := rsRec("cr.json", 1, "Citing from Crossref", "Dd", 2021, "JASIST", "4", "4", "",
		parse.Reference{Raw: "Waltman L. (2016). J. Informetr. 10, 365.", Authors: []parse.Author{{Family: "Waltman"}},
			Year: 2016, Venue: "J. Informetr.", Volume: "10", Pages: "365"})
	landing := rsRec("page.txt", 1, "Citing from a landing page", "Ee", 2022, "Research Policy", "5", "5", "",
		parse.Reference{Raw: title + " Journal of Informetrics, 2016", Title: title, Venue: "Journal of Informetrics", Year: 2016, Line: 40})
	landing2 := rsRec("page2.txt", 1, "Citing from another landing page", "Ff", 2023, "Research Policy", "6", "6", "",
		parse.Reference{Raw: title + ". Journal of Informetrics, 10, 2016", Title: title + ". Journal of Informetrics", Year: 2016, Line: 41})
	res := Resolve([]parse.Record{paper, wos, scopus, openalex, crossref, landing, landing2}, nil)
	hits := res.Lookup("10.1016/j.joi.2016.02.007")
	if len(hits) != 1 {
		t.Fatalf("lookup found %v", hits)
	}
	w := res.Works[hits[0]]
	if w.ID != "doi:10.1016/j.joi.2016.02.007" || !w.InCorpus {
		t.Errorf("work %s in corpus %v", w.ID, w.InCorpus)
	}
	want := map[string]string{"wos.txt:5": "key", "scopus.csv:2": "key", "oa2.json:1": "id:openalex", "cr.json:1": "key"}
	got := map[string]string{}
	for _, m := range w.Mentions {
		got[m.Source] = m.How
	}
	for src, how := range want {
		if got[src] != how {
			t.Errorf("mention %s: how %q, want %q", src, got[src], how)
		}
	}
	if got["page.txt:40"] != "title" || got["page2.txt:41"] != "fuzzy:prefix" {
		t.Errorf("landing mentions %q and %q, want title and fuzzy:prefix", got["page.txt:40"], got["page2.txt:41"])
	}
	in := 0
	for _, c := range res.Citations {
		if c.To == hits[0] {
			in++
		}
	}
	if in != 6 || len(res.Works) != 7 {
		t.Errorf("%d citations to the paper, %d works; want 6 and 7", in, len(res.Works))
	}
}

func TestFirstPage(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"8574", "8574"},
		{"P8574", "8574"},
		{"pp. 8574-8580", "8574"},
		{"8574–80", "8574"},
		{"0800342", "800342"},
		{"R199", "199"},
		{"pR199-R213", "199"},
		{"e1003", "1003"},
		{"0476011-0476014", "47601"}, // page 1 of APS article 047601
		{"1-42", "1"},
		{"xii", "xii"},
		{"07B735", "7b735"},
		{"08KB041-08KB045", "8kb04"}, // page 1 of JJAP article 08KB04
		{"7B7281-7B7283", "7b728"},
	}
	for _, tt := range tests {
		if got := rsFirstPage(tt.in); got != tt.want {
			t.Errorf("rsFirstPage(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNameKeys(t *testing.T) {
	tests := []struct {
		a    parse.Author
		want []string
	}{
		{parse.Author{Family: "Garfield", Given: "E"}, []string{"garfield"}},
		{parse.Author{Family: "van der Marck", Given: "S.C."}, []string{"vandermarck", "marck"}},
		{parse.Author{Family: "vanderMarck", Given: "SC"}, []string{"vandermarck"}},
		{parse.Author{Family: "Günther", Given: "C. M."}, []string{"gunther"}},
		{parse.Author{Family: "Guenther", Given: "C. M."}, []string{"gunther"}},
		{parse.Author{Family: "Weller Dieter"}, []string{"wellerdieter", "weller", "dieter"}},
		{parse.Author{Family: "Takayuki", Given: "Homma"}, []string{"takayuki", "homma"}},
		{parse.Author{Family: "[Anonymous]"}, nil},
	}
	for _, tt := range tests {
		if got := rsFams([]parse.Author{tt.a}); !slices.Equal(got, tt.want) {
			t.Errorf("rsFams(%+v) = %q, want %q", tt.a, got, tt.want)
		}
	}
	near := []struct {
		a, b string
		want bool
	}{
		{"kelly", "kelley", true},
		{"fassbendera", "fassbender", true},
		{"granovet", "granovetter", true},
		{"smith", "smyth", true},
		{"li", "liu", false},
		{"wang", "zhang", false},
		{"granov", "granovetter", false},
	}
	for _, tt := range near {
		if got := rsNameNear(tt.a, tt.b); got != tt.want {
			t.Errorf("rsNameNear(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestTitleNumbers(t *testing.T) {
	tests := []struct{ a, b string }{
		{"l1 0 fept nanodots at 1 5 tb in 2", "l10 fept nanodots at 1 5 tb in2"},
		{"networks part ii", "networks part ii"},
	}
	for _, tt := range tests {
		if rsNumbers(tt.a) != rsNumbers(tt.b) {
			t.Errorf("numbers of %q (%q) and %q (%q) differ", tt.a, rsNumbers(tt.a), tt.b, rsNumbers(tt.b))
		}
	}
	differ := []struct{ a, b string }{
		{"scientific networks part ii", "scientific networks part iii"},
		{"citation indicators in 2009", "citation indicators in 2010"},
	}
	for _, tt := range differ {
		if rsNumbers(tt.a) == rsNumbers(tt.b) {
			t.Errorf("numbers of %q and %q agree (%q)", tt.a, tt.b, rsNumbers(tt.a))
		}
	}
}

// TestResolveNearNames: a typo or an 8-letter cut in the first author's
// name still meets on volume, page and year, initials and venue agreeing.
func TestResolveNearNames(t *testing.T) {
	recs := []parse.Record{
		rsRec("a.txt", 1, "A", "Aa", 2020, "", "", "", "",
			rsWoS(2, "Kelly", 1989, "IEEE T MAGN", "25", "3881", ""),
			rsWoS(3, "GRANOVETTER", 1973, "AM J SOCIOL", "78", "1360", "")),
		rsRec("b.txt", 1, "B", "Bb", 2021, "", "", "", "",
			rsWoS(2, "Kelley", 1989, "IEEE Trans. Magn.", "25", "3881", ""),
			rsWoS(3, "GRANOVET", 1973, "AM J SOCIOL", "78", "1360", ""),
			// another page: another work
			rsWoS(4, "Kelley", 1989, "IEEE T MAGN", "25", "3882", "")),
		// a near name with another initial and no venue: another person
		rsRec("c.txt", 1, "C", "Cc", 2022, "", "", "", "",
			parse.Reference{Raw: "Kelle P, 1989, V25, P3881", Authors: []parse.Author{{Family: "Kelle", Given: "P"}}, Year: 1989,
				Volume: "25", Pages: "3881", Line: 2}),
	}
	res := Resolve(recs, nil)
	if rsTo(res, "a.txt:2") != rsTo(res, "b.txt:2") || rsTo(res, "a.txt:3") != rsTo(res, "b.txt:3") {
		t.Errorf("near names not merged")
	}
	if rsTo(res, "b.txt:4") == rsTo(res, "a.txt:2") || rsTo(res, "c.txt:2") == rsTo(res, "a.txt:2") {
		t.Errorf("another page or another initial merged")
	}
}

// TestResolveNameOrder: the same volume, first page, year and venue
// outweigh a first author written in another order (issue 11's examples),
// but not a page 1, another venue or a missing venue.
func TestResolveNameOrder(t *testing.T) {
	res := Resolve(rsCiting(
		[]string{"BiHui J, 2007, CHINESE SCI BULL, V52, P855", "Li-Chun Y., 2006, INFORM PROCESSING MA, V42, P1599",
			"Smith J, 2010, PHYS REV B, V81, P1", "Smith J, 2011, NATURE, V470, P200", "Doe J, 2012, SCIENCE, V335, P300"},
		[]string{"Jin BH, 2007, CHINESE SCI BULL, V52, P855", "Yin LC, 2006, INFORM PROCESS MANAG, V42, P1599",
			"Jones K, 2010, PHYS REV B, V81, P1", "Brown A, 2011, CELL, V470, P200", "Roe R, 2012, V335, P300"},
	), nil)
	for n, want := range []bool{true, true, false, false, false} {
		a, b := "x.txt:"+strconv.Itoa(2+n), "x.txt:"+strconv.Itoa(12+n)
		if got := rsTo(res, a) == rsTo(res, b); got != want {
			t.Errorf("%s and %s: merged %v, want %v", a, b, got, want)
		}
	}
}

// venueMatch reports, for the tests, whether two venue names can name the same journal by
// the ISO 4 abbreviation rules: "J INFORMETR" and "Journal of
// Informetrics", "PHYS REV B" and "Physical Review B", "P NATL ACAD SCI
// USA" and "Proceedings of the National Academy of Sciences of the United
// States of America". Empty names match nothing.
func venueMatch(a, b string) bool {
	ka, kb := venueKey(a), venueKey(b)
	return ka != "" && kb != "" && venueRuleMatch(ka, kb)
}

// TestResolveSparse: empty input, and records and references that carry
// almost nothing, resolve without panic to labelled works with unique IDs.
func TestResolveSparse(t *testing.T) {
	if res := Resolve(nil, nil); len(res.Works) != 0 || res.Stats.Records != 0 || res.Stats.ByMethod == nil {
		t.Errorf("empty input: %+v", res)
	}
	recs := []parse.Record{
		{Source: "x:1", File: "x", Line: 1, Label: "untitled work at x:1",
			References: []parse.Reference{{}, {Raw: "ibid."}, {Raw: "ibid."}, {Year: 2001}, {Authors: []parse.Author{{}}}}},
		{Source: "x:9", File: "x", Line: 9, Label: "untitled work at x:9", DOI: "not a doi",
			IDs: map[string]string{"openalex": " ", "wos": "WOS:"}},
	}
	res := Resolve(recs, &ResolveOptions{FuzzyThreshold: 7})
	if res.Stats.CorpusWorks != 2 || res.Stats.References != 5 || res.Stats.Unresolved != 5 {
		t.Errorf("stats %+v", res.Stats)
	}
	seen := map[string]bool{}
	for _, w := range res.Works {
		if w.ID == "" || w.Label == "" || seen[w.ID] {
			t.Errorf("work %q labelled %q (ID repeated: %v)", w.ID, w.Label, seen[w.ID])
		}
		seen[w.ID] = true
	}
}

// TestResolveCrowdedBlock: among more than rsCrowded titled references of
// one author and year, a typo still meets its title (found through the
// titles' ends), and nothing else merges.
func TestResolveCrowdedBlock(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 3))
	vocab := strings.Fields("network citation analysis magnetic media model theory patterned recording dynamics " +
		"learning impact journal science growth structure evidence review method data quantum spin field effect")
	var recs []parse.Record
	add := func(title string) {
		n := len(recs) + 1
		recs = append(recs, rsRec("c.txt", n*10, "Citing "+strconv.Itoa(n), "Citer", 2020, "", "", "", "",
			rsTitled(n*10+1, "Wang", 2015, title, "J APPL PHYS")))
	}
	for range rsCrowded + 50 {
		var w []string
		for range 9 {
			w = append(w, vocab[rng.IntN(len(vocab))])
		}
		add(strings.Join(w, " "))
	}
	add("magnetic recording on patterned media at high density and beyond")
	add("magnetic recording on paterned media at high density and beyond")
	res := Resolve(recs, nil)
	n := len(recs)
	if rsTo(res, "c.txt:"+strconv.Itoa(n*10-9)) != rsTo(res, "c.txt:"+strconv.Itoa(n*10+1)) {
		t.Errorf("the typo did not meet its title in a crowded block")
	}
	if want := 2*n - 1; len(res.Works) != want {
		t.Errorf("%d works, want %d", len(res.Works), want)
	}
}

// TestResolveSICI: SICI DOIs that parse.NormalizeDOI cut at "<" name a
// journal issue; the whole DOI is taken from the reference text, so two
// papers of one issue stay two works.
func TestResolveSICI(t *testing.T) {
	const a = "10.1002/(SICI)1097-4571(199009)41:6<391::AID-ASI1>3.0.CO;2-9"
	const b = "10.1002/(SICI)1097-4571(199009)41:6<433::AID-ASI11>3.0.CO;2-Q"
	cut := parse.NormalizeDOI(a)
	recs := []parse.Record{
		rsRec("s.txt", 1, "X", "Xx", 2000, "", "", "", "",
			parse.Reference{Raw: "DEERWESTER S, 1990, J AM SOC INFORM SCI, V41, P391, DOI " + a, DOI: cut, Line: 2,
				Authors: []parse.Author{{Family: "DEERWESTER", Given: "S"}}, Year: 1990, Venue: "J AM SOC INFORM SCI", Volume: "41", Pages: "391"}),
		rsRec("s.txt", 3, "Y", "Yy", 2001, "", "", "", "",
			parse.Reference{Raw: "MCCAIN KW, 1990, J AM SOC INFORM SCI, V41, P433, DOI " + b, DOI: parse.NormalizeDOI(b), Line: 4,
				Authors: []parse.Author{{Family: "MCCAIN", Given: "KW"}}, Year: 1990, Venue: "J AM SOC INFORM SCI", Volume: "41", Pages: "433"},
			// the cut DOI alone: not an identifier
			parse.Reference{Raw: "Deerwester S, 1990, J AM SOC INFORM SCI, V41, P391", DOI: cut, Line: 5,
				Authors: []parse.Author{{Family: "Deerwester", Given: "S"}}, Year: 1990, Venue: "J AM SOC INFORM SCI", Volume: "41", Pages: "391"}),
	}
	res := Resolve(recs, nil)
	if rsTo(res, "s.txt:2") == rsTo(res, "s.txt:4") {
		t.Fatalf("two papers of one issue merged on a cut SICI DOI")
	}
	if w := res.Works[rsTo(res, "s.txt:2")]; w.DOI != strings.ToLower(a) || rsTo(res, "s.txt:5") != rsTo(res, "s.txt:2") {
		t.Errorf("work DOI %q, want the whole SICI DOI; the reference with the cut DOI joined by %q",
			w.DOI, rsHow(t, res, "s.txt:5"))
	}
}

// TestResolveCrowdedKeys: one reference list of 20,000 entries that share
// first author, year, venue, volume and page (a scraped page of invented
// references) resolves in seconds, not in the hours that comparing every
// pair of them took, and nothing that should stay apart merges: each
// variant below gives 20,000 works plus the citing record, and the crowded
// key is counted. A small key of the same input still merges.
func TestResolveCrowdedKeys(t *testing.T) {
	if testing.Short() {
		t.Skip("large input")
	}
	const n = 20000
	variants := map[string]func(k int) parse.Reference{
		// distinct DOIs on the same key
		"dois": func(k int) parse.Reference {
			return rsWoS(k+2, "Roe", 2001, "J THINGS", "12", "45", "10.5555/ref."+strconv.Itoa(k))
		},
		// distinct titles on the same key, no DOI
		"titles": func(k int) parse.Reference {
			ref := rsTitled(k+2, "Roe", 2001, "Made-up title number "+strconv.Itoa(k), "J THINGS")
			ref.Volume, ref.Pages = "12", "45"
			return ref
		},
		// no volume or page, no title, distinct DOIs: the venues stage
		"vague": func(k int) parse.Reference {
			return rsWoS(k+2, "Roe", 2001, "J THINGS", "", "", "10.5555/ref."+strconv.Itoa(k))
		},
	}
	for name, ref := range variants {
		t.Run(name, func(t *testing.T) {
			refs := make([]parse.Reference, 0, n+2)
			for k := range n {
				refs = append(refs, ref(k))
			}
			refs = append(refs, rsWoS(n+2, "Doe", 1999, "J X", "3", "10", ""))
			recs := []parse.Record{
				rsRec("p.txt", 1, "A page", "Poe", 2005, "", "", "", "", refs...),
				rsRec("q.txt", 1, "Another", "Moe", 2006, "", "", "", "", rsWoS(2, "Doe", 1999, "J X", "3", "10", "10.1/x")),
			}
			start := time.Now()
			res := Resolve(recs, nil)
			if el := time.Since(start); el > time.Minute {
				t.Errorf("took %v", el)
			}
			// 2 records, n distinct references, one Doe work
			if want := n + 3; len(res.Works) != want {
				t.Errorf("%d works, want %d", len(res.Works), want)
			}
			if res.Stats.CrowdedKeys == 0 {
				t.Errorf("no crowded key counted")
			}
			if rsTo(res, "p.txt:"+strconv.Itoa(n+2)) != rsTo(res, "q.txt:2") {
				t.Errorf("the Doe references did not merge")
			}
		})
	}
}
