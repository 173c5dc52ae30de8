package graph

import (
	"strconv"
	"testing"

	"github.com/citegraph/citegraph/parse"
)

// rsCiting builds records x.txt:1, x.txt:10, … each citing the given WoS
// strings (parsed as WoS cited references), the reference of record k,
// string n at line 10k+n+1.
func rsCiting(lists ...[]string) []parse.Record {
	var recs []parse.Record
	for k, list := range lists {
		line := 10*k + 1
		var refs []parse.Reference
		for n, raw := range list {
			ref := parse.ParseWoSReference(raw)
			ref.Line = line + n + 1
			refs = append(refs, ref)
		}
		recs = append(recs, rsRec("x.txt", line, "Citing paper "+strconv.Itoa(k), "Citer"+strconv.Itoa(k), 2010, "", "", "", "", refs...))
	}
	return recs
}

// rsWorksOf returns the distinct works the references with text raw went to.
func rsWorksOf(res *Resolution, raw string) map[int]int {
	out := map[int]int{}
	for i, w := range res.Works {
		for _, m := range w.Mentions {
			if m.Raw == raw {
				out[i]++
			}
		}
	}
	return out
}

// TestResolveIdenticalStrings: identical reference strings with author,
// year, venue, volume and page are one work, even when one list holds the
// string twice (issue 11: "Puskas JD, 2003, J THORAC CARDIOV SUR, V125,
// P797" cited by 52 records became 21 works); vague identical strings too.
func TestResolveIdenticalStrings(t *testing.T) {
	const puskas = "Puskas JD, 2003, J THORAC CARDIOV SUR, V125, P797"
	const mitman = "Mitman G., 1991, P164"
	const goldstone = "Goldstone R. L., J AM SOC IN in press"
	var lists [][]string
	for k := range 12 {
		l := []string{puskas, mitman, goldstone, "Other A" + strconv.Itoa(k) + ", 2001, NATURE, V1, P" + strconv.Itoa(k+2)}
		if k == 1 {
			l = append(l, puskas) // listed twice by one paper
		}
		lists = append(lists, l)
	}
	res := Resolve(rsCiting(lists...), nil)
	for _, raw := range []string{puskas, mitman, goldstone} {
		if ws := rsWorksOf(res, raw); len(ws) != 1 {
			t.Errorf("%q: %d works %v, want 1", raw, len(ws), ws)
		}
	}
	if res.Stats.ByMethod["text"] != 3*11+1 {
		t.Errorf("by text %d, want %d (%v)", res.Stats.ByMethod["text"], 3*11+1, res.Stats.ByMethod)
	}
}

// TestResolveTextTie: identical strings in works of two DOIs (given apart
// from the text, as Crossref does) join each other and neither work; a
// vague string one list holds twice names two works there.
func TestResolveTextTie(t *testing.T) {
	const raw = "Smith J, 2005, J APPL PHYS, V97, P10"
	withDOI := func(line int, doi string) parse.Reference {
		r := parse.ParseWoSReference(raw)
		r.DOI, r.Line = doi, line
		return r
	}
	plain := func(line int) parse.Reference {
		r := parse.ParseWoSReference(raw)
		r.Line = line
		return r
	}
	recs := []parse.Record{
		rsRec("t.txt", 1, "A", "Aa", 2010, "", "", "", "", withDOI(2, "10.1063/1.1")),
		rsRec("t.txt", 11, "B", "Bb", 2010, "", "", "", "", withDOI(12, "10.1063/1.2")),
		rsRec("t.txt", 21, "C", "Cc", 2010, "", "", "", "", plain(22)),
		rsRec("t.txt", 31, "D", "Dd", 2010, "", "", "", "", plain(32)),
		rsRec("t.txt", 41, "E", "Ee", 2010, "", "", "", "", plain(42)),
	}
	res := Resolve(recs, nil)
	a, b, c := rsTo(res, "t.txt:2"), rsTo(res, "t.txt:12"), rsTo(res, "t.txt:22")
	if a == b || c == a || c == b || rsTo(res, "t.txt:32") != c || rsTo(res, "t.txt:42") != c {
		t.Errorf("works %d %d %d %d %d: want the DOIs apart and the plain strings together", a, b, c,
			rsTo(res, "t.txt:32"), rsTo(res, "t.txt:42"))
	}
	if res.Stats.TextTies != 1 {
		t.Errorf("text ties %d, want 1", res.Stats.TextTies)
	}
	// "Newman MEJ, 2001, PHYS REV E, V64" twice in one list: two papers
	const newman = "Newman MEJ, 2001, PHYS REV E, V64"
	res = Resolve(rsCiting([]string{newman, newman}, []string{newman}, []string{newman}), nil)
	if ws := rsWorksOf(res, newman); len(ws) != 2 || res.Stats.TextRepeated != 1 {
		t.Errorf("%d works %v, text repeated %d; want 2 and 1", len(ws), ws, res.Stats.TextRepeated)
	}
}

// TestResolveInPress: a reference in press joins the one published work of
// its author and venue; with two candidates, or none, it stays apart and is
// counted.
func TestResolveInPress(t *testing.T) {
	recs := rsCiting(
		[]string{"ABRAMO G, SCIENTOMETR IN PRESS", "Waltman L, J INFORMETR, IN PRESS", "Doe J, 2012, NATURE, IN PRESS"},
		[]string{"Abramo G, 2011, SCIENTOMETRICS, V86, P629", "Waltman L, 2011, J INFORMETR, V5, P37",
			"Waltman L, 2012, J INFORMETR, V6, P700"},
		[]string{"Doe J, 2013, NATURE, V493, P100", "Abramo G, 2011, RES POLICY, V40, P12"},
	)
	res := Resolve(recs, nil)
	// (the later mention of the two says how they met)
	if rsTo(res, "x.txt:2") != rsTo(res, "x.txt:12") || rsHow(t, res, "x.txt:12") != "press" {
		t.Errorf("Abramo in press not joined to its paper (how %q)", rsHow(t, res, "x.txt:12"))
	}
	if rsTo(res, "x.txt:4") != rsTo(res, "x.txt:22") {
		t.Errorf("Doe 2012 in press not joined to Doe 2013")
	}
	if w := rsTo(res, "x.txt:3"); w == rsTo(res, "x.txt:13") || w == rsTo(res, "x.txt:14") {
		t.Errorf("Waltman in press joined one of two candidates")
	}
	if res.Stats.InPressApart != 1 {
		t.Errorf("in press apart %d, want 1", res.Stats.InPressApart)
	}
}

// TestResolveProceedings: one conference paper under two names of its
// proceedings is one work; a journal paper on the same page is not.
func TestResolveProceedings(t *testing.T) {
	recs := rsCiting(
		[]string{"Leskovec J., 2008, P 17 INT C WORLD WID, P695", "HAGENAUER J, 1989, DALLAS GLOBECOM 89, VOLS 1-3, P1680",
			"Smith J, 2008, P IEEE C DEC CONTR, P123"},
		[]string{"Leskovec J., 2008, WWW 08, P695", "HAGENAUER J, 1989, IEEE GLOBECOM, P1680",
			"Smith J, 2008, NATURE, V451, P123"},
	)
	res := Resolve(recs, nil)
	if rsTo(res, "x.txt:2") != rsTo(res, "x.txt:12") || rsTo(res, "x.txt:3") != rsTo(res, "x.txt:13") {
		t.Errorf("proceedings variants not merged")
	}
	if rsTo(res, "x.txt:4") == rsTo(res, "x.txt:14") {
		t.Errorf("a proceedings paper merged with a journal paper of the same page")
	}
}

// TestResolveChapter: a chapter of the corpus, whose record names its book,
// is cited by the book's series with the same author, year and first page
// and no volume; an article of the corpus is not joined so, and neither is
// a reference with a volume.
func TestResolveChapter(t *testing.T) {
	chapter := rsRec("c.bib", 1, "The estimation of the parameters", "De Leone", 2014,
		"Analysis and modeling of complex data in behavioral and social sciences", "", "93-101", "")
	chapter.Type = "inproceedings"
	article := rsRec("c.bib", 5, "Another paper", "Minnetti", 2018, "Omega", "", "31-39", "")
	article.Type = "article"
	citing := rsCiting([]string{"De Leone J, 2014, STUD CLASS DATA ANAL, P93", "Minnetti J, 2018, STUD CLASS DATA ANAL, P31",
		"De Leone J, 2014, J CLASSIF, V31, P93"})
	res := Resolve(append(citing, chapter, article), nil)
	w := rsTo(res, "x.txt:2")
	if w < 0 || !res.Works[w].InCorpus || res.Works[w].Title != chapter.Title {
		t.Errorf("the series citation did not meet the chapter (work %d)", w)
	}
	if w := rsTo(res, "x.txt:3"); w >= 0 && res.Works[w].InCorpus {
		t.Errorf("a series citation joined an article of the same author, year and page")
	}
	if rsTo(res, "x.txt:4") == w {
		t.Errorf("a journal reference with a volume joined the chapter")
	}
}

// TestResolveCompoundName: WoS cites the first author of a record whose
// family name has two words by the last one, the first turned into an
// initial ("Neto JGD" for "Duarte Neto, Joao Guerra"), with a page or
// without; a vague reference to another author of the last name, with
// other initials, is someone else.
func TestResolveCompoundName(t *testing.T) {
	rec := func(line int, fam, given, title, vol, pages string) parse.Record {
		// the record names the conference, the reference the series
		r := rsRec("n.bib", line, title, "", 2017, "5th International Conference on Information Technology", vol, pages, "")
		r.Authors = []parse.Author{{Family: fam, Given: given}}
		r.Label = parse.MakeLabel(&r)
		return r
	}
	citing := rsCiting([]string{"Neto JGD, 2017, PROCEDIA COMPUT SCI, V122, P194"},
		[]string{"Silva A, 2017, 5 INT C INF TECHN, V123"}, []string{"Silva DFD, 2017, 5 INT C INF TECHN, V123"})
	res := Resolve(append(citing, rec(1, "Duarte Neto", "Joao Guerra", "Investments in a new infrastructure", "122", "194-199"),
		rec(9, "de Lima Silva", "Diogo Ferreira", "Sorting with boundary profiles", "123", "10-20")), nil)
	if w := rsTo(res, "x.txt:2"); w < 0 || !res.Works[w].InCorpus || res.Works[w].Authors[0].Family != "Duarte Neto" {
		t.Errorf("Neto JGD did not meet Duarte Neto, Joao Guerra (work %d)", w)
	}
	if w := rsTo(res, "x.txt:12"); w >= 0 && res.Works[w].InCorpus {
		t.Errorf("Silva A joined %v", res.Works[w].Authors)
	}
	// without a page: by author, year, venue and volume
	if w := rsTo(res, "x.txt:22"); w < 0 || !res.Works[w].InCorpus || res.Works[w].Authors[0].Family != "de Lima Silva" {
		t.Errorf("Silva DFD did not meet de Lima Silva, Diogo Ferreira (work %d)", w)
	}
	for _, tt := range []struct {
		a    parse.Author
		want string
	}{
		{parse.Author{Family: "Duarte Neto", Given: "Joao Guerra"}, "neto"},
		{parse.Author{Family: "de Lima Silva", Given: "Diogo Ferreira"}, "silva"},
		{parse.Author{Family: "Flores-Alsina", Given: "Xavier"}, ""}, // cited whole
		{parse.Author{Family: "Duarte Neto", Given: "JG"}, ""},       // a WoS name already
		{parse.Author{Family: "van der Marck", Given: "Steven"}, "marck"},
		{parse.Author{Family: "Garfield", Given: "Eugene"}, ""},
	} {
		if got := rsCitedFam([]parse.Author{tt.a}); got != tt.want {
			t.Errorf("rsCitedFam(%+v) = %q, want %q", tt.a, got, tt.want)
		}
	}
}

// TestResolveFieldTrust: a record read from scraped text never overwrites
// a field of one read from a structured export or a saved page's tags,
// whatever the order of the files, and the work says where each field
// came from.
func TestResolveFieldTrust(t *testing.T) {
	rec := func(file, format, title string, year int, venue string) parse.Record {
		r := rsRec(file, 1, title, "Jones", year, venue, "", "", "10.1111/1467-9566.00352")
		r.Format = format
		return r
	}
	scraped := rec("a-notes.txt", "landing", "Notes about the paper", 2025, "")
	page := rec("b-page.html", "html", "Doctors and patients, from the page tags", 2025, "Sociology of Health")
	export := rec("c-export.json", "crossref", "Doctors and patients", 0, "")
	for _, recs := range [][]parse.Record{{scraped, page, export}, {export, page, scraped}, {scraped, page}} {
		res := Resolve(recs, nil)
		if len(res.Works) != 1 {
			t.Fatalf("%d works, want 1", len(res.Works))
		}
		w := &res.Works[0]
		wantTitle, wantFrom := "Doctors and patients", "c-export.json:1"
		if len(recs) == 2 {
			wantTitle, wantFrom = "Doctors and patients, from the page tags", "b-page.html:1"
		}
		if m, ok := w.FieldSource(FieldTitle); w.Title != wantTitle || !ok || m.Source != wantFrom {
			t.Errorf("title %q from %+v, want %q from %s", w.Title, m, wantTitle, wantFrom)
		}
		// the export has no year or venue: the page gives them, not the scraped text
		if m, ok := w.FieldSource(FieldYear); !ok || m.Source != "b-page.html:1" || m.Format != "html" {
			t.Errorf("year from %+v, want the page", m)
		}
		if m, ok := w.FieldSource(FieldVenue); w.Venue != "Sociology of Health" || !ok || m.Source != "b-page.html:1" {
			t.Errorf("venue %q from %+v", w.Venue, m)
		}
		if _, ok := w.FieldSource(FieldVolume); ok {
			t.Errorf("an empty volume has a source")
		}
	}
}

// TestResolveBareIDs: an OpenAlex or Lens id cited bare takes its title,
// authors and year from any record or reference of the input that carries
// the same id, in any of its written forms.
func TestResolveBareIDs(t *testing.T) {
	citing := rsRec("a.json", 1, "Citing", "Aa", 2023, "", "", "", "",
		parse.Reference{Raw: "https://openalex.org/W4285719527", IDs: map[string]string{"openalex": "W4285719527"}, Line: 3},
		parse.Reference{Raw: "000-273-229-462-62X", IDs: map[string]string{"lens": "000-273-229-462-62X"}, Line: 4})
	// a reference elsewhere names the OpenAlex work with its title
	other := rsRec("b.json", 1, "Other", "Bb", 2023, "", "", "", "",
		parse.Reference{Raw: "Smith J (2022) A titled work. Nature 600:1", Title: "A titled work", Year: 2022,
			Authors: []parse.Author{{Family: "Smith", Given: "J"}}, IDs: map[string]string{"openalex": "https://openalex.org/w4285719527"}, Line: 5})
	// a Lens record is the Lens work
	lens := rsRec("c.csv", 2, "Lens titled", "Lee", 2019, "J X", "1", "2", "")
	lens.IDs = map[string]string{"lens": "000-273-229-462-62x"}
	res := Resolve([]parse.Record{citing, other, lens}, nil)
	for src, want := range map[string]string{"a.json:3": "Smith 2022", "a.json:4": "Lee 2019"} {
		if w := res.Works[rsTo(res, src)]; w.Label != want || w.Year == 0 {
			t.Errorf("%s: work %s labelled %q, year %d; want %q", src, w.ID, w.Label, w.Year, want)
		}
	}
}

// TestResolveRecordDOIWithoutDigits keeps a record's own DOI even when its
// suffix has no digit: the rule that drops such DOIs is for reference
// strings a source cut ("10.1016/j"), not for a record's DOI field.
func TestResolveRecordDOIWithoutDigits(t *testing.T) {
	recs := []parse.Record{{Source: "a.txt:1", File: "a.txt", Format: "wos", Title: "A paper", DOI: "10.1234/evil", Year: 2020,
		Authors: []parse.Author{{Family: "Smith", Given: "J"}}}}
	res := Resolve(recs, nil)
	if len(res.Works) != 1 || res.Works[0].DOI != "10.1234/evil" || res.Works[0].ID != "doi:10.1234/evil" {
		t.Fatalf("works %+v", res.Works)
	}
	if got := res.Lookup("10.1234/EVIL"); len(got) != 1 {
		t.Errorf("Lookup by DOI: %v", got)
	}
}
