package landing

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/citegraph/citegraph/parse/model"
)

func lpFamilies(as []model.Author) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Family)
	}
	return out
}

func TestLandingSplitGlued(t *testing.T) {
	for _, c := range []struct {
		in, title, venue string
		year             int
	}{
		{"Is GP Restratification Beginning in England?Social Policy & Administration, 2002", "Is GP Restratification Beginning in England?", "Social Policy & Administration", 2002},
		{"Medical leadership in practiceBMJ Open, 2015", "Medical leadership in practice", "BMJ Open", 2015},
		{"SOME EVIDENCE FROM THE NHSPublic Administration, 1996", "SOME EVIDENCE FROM THE NHS", "Public Administration", 1996},
		{"Ending with a stop.Journal of Things, 1990", "Ending with a stop", "Journal of Things", 1990},
		{"GPs and their views on McDonald's menusJournal of Food, 2001", "GPs and their views on McDonald's menus", "Journal of Food", 2001},
		{"A study of thingsPLoS ONE, 2010", "A study of things", "PLoS ONE", 2010},
	} {
		title, venue, year, ok := lpSplitGlued(c.in)
		if !ok || title != c.title || venue != c.venue || year != c.year {
			t.Errorf("lpSplitGlued(%q) = %q, %q, %d, %v", c.in, title, venue, year, ok)
		}
	}
	for _, in := range []string{"Smith J (2001) A title. Journal 1:2-3", "A plain title, 2001", "Counting things in the world", ""} {
		if title, venue, _, ok := lpSplitGlued(in); ok {
			t.Errorf("lpSplitGlued(%q) split into %q / %q", in, title, venue)
		}
	}
}

func TestLandingAuthorsLine(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string // families; nil: not an authors line
	}{
		{"Lorelei Jones and Kirsten Armit", []string{"Jones", "Armit"}},
		{"Ana Silva, Bruno Costa & Carla Dias", []string{"Silva", "Costa", "Dias"}},
		{"Roe, Jane; Poe, John", []string{"Roe", "Poe"}},
		{"Silva, A., Costa, B. & Dias, C.", []string{"Silva", "Costa", "Dias"}},
		{"Hans Müller · Eva Schmidt", []string{"Müller", "Schmidt"}},
		{"By Jane Roe", []string{"Roe"}},
		{"Jane Roe (University of Nowhere), John Poe", []string{"Roe", "Poe"}},
		{"Jane Roe, Department of Things, University of Nowhere", []string{"Roe"}},
		{"Research Article", nil},
		{"Economics at your fingertips", nil},
		{"Joining them up: the challenges of change", nil},
		{"Journal of Things 12(3):45-67", nil},
		{"Download PDF", nil},
		{"Cell Reports", nil},
		{"Public Administration", nil},
	} {
		got, ok := lpAuthors(c.in)
		if (c.want == nil) == ok || (ok && !slices.Equal(lpFamilies(got), c.want)) {
			t.Errorf("lpAuthors(%q) = %v, %v; want %q", c.in, got, ok, c.want)
		}
	}
}

func TestLandingKeywordsSplit(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"a; b; c (search for similar items in EconPapers)", []string{"a", "b", "c"}},
		{"case study, health policy, 1117 Public Health And Health Services, 1607 Social Work, Nursing,", []string{"case study", "health policy"}},
		{"Hausarzt · Praxis", []string{"Hausarzt", "Praxis"}},
		{"one keyword", []string{"one keyword"}},
		{"R Medicine > RA Public aspects of medicine", nil},
	} {
		if got := lpSplitKeywords(c.in); !slices.Equal(got, c.want) {
			t.Errorf("lpSplitKeywords(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestLandingDates(t *testing.T) {
	for _, s := range []string{"18 June 2003", "June 18, 2003", "Jul 2009", "2003 Jun 18", "2003-06-18", "18.06.2003", "12. März 2018", "2003"} {
		if !lpDateOnly(s) {
			t.Errorf("lpDateOnly(%q) = false", s)
		}
	}
	for _, s := range []string{"Views 2003", "Page updated 2025-07-15", "Volume 2003", "18 June", "Smith 2003"} {
		if lpDateOnly(s) {
			t.Errorf("lpDateOnly(%q) = true", s)
		}
	}
}

func TestLandingSniff(t *testing.T) {
	for _, c := range []struct {
		name, head string
		want       bool
	}{
		{"x.txt", "", false},
		{"x.txt", "abc", false},
		{"x.txt", "12 34 56 78 90 12", false},
		{"x.txt", `{"title": "A JSON file", "year": 2001}`, false},
		{"x.txt", `[{"title": "A JSON array"}]`, false},
		{"x.txt", "<?xml version=\"1.0\"?><dataset><sequence/></dataset>", false},
		{"x.txt", "*Vertices 3\n1 \"a\"\n2 \"b\"\n*Arcs\n1 2\n", false},
		{"x.txt", "Title,Authors,Year\nA thing,Roe J,2001\nAnother thing,Poe J,2002\n", false},
		{"x.txt", "TI\tAU\tPY\nA thing\tRoe J\t2001\nAnother\tPoe J\t2002\n", false},
		{"x.txt", "bin\x00ary data with words in it", false},
		// a line of words, a lone label or name: no sign of a work
		{"x.txt", "A study of made-up things\nJane Roe\n", false},
		{"x.txt", "Title: Things\n", false},
		// signs of a work
		{"x.txt", "Title: Made-up things\nDOI: 10.5555/abc.1\n", true},
		{"x.txt", "A study of made-up things\nJane Roe and John Poe\nJournal of Things, 2011, vol. 3, issue 2, pp. 10-20\n", true},
		{"x.txt", "[1] Roe J. A title. J Things 2001;3:1-2.", true},
		{"x.txt", "Made-up things\nAbstract\nWe counted things that do not exist.\nKeywords: things; counting\n", true},
		// what lies around in data folders
		{"README.md", "# citegraph data\n\nThe exports of our review (see [the protocol](https://example.org/p)).\n\n" +
			"Cite as: Roe J (2021) A review of things. J Things 3:1-2. doi:10.5555/x.1\n\n```\ngo run ./cmd/citegraph data/\n```\n", false},
		{"notes.txt", "Meeting 2021-03-04\n- read Roe 2001 again\n- ask Poe about the grant\n- DOI of the second paper: 10.5555/x.2\n", false},
		{"run.log", "2024-05-01 12:00:01 INFO reading data/wos.txt\n2024-05-01 12:00:02 INFO 500 records\n" +
			"2024-05-01 12:00:02 WARN data/x.txt: not read\n2024-05-01 12:00:03 INFO done, doi 10.5555/x.3\n", false},
	} {
		if got := Sniff(c.name, []byte(c.head)); got != c.want {
			ev, against := evidence([]byte(c.head))
			t.Errorf("Sniff(%s, %q) = %v, want %v (evidence %d, against %d)", c.name, c.head, got, c.want, ev, against)
		}
	}
	for _, p := range []string{"000_", "001_", "002_", "003_", "004_"} {
		matches, _ := filepath.Glob(filepath.Join("..", "..", "seeds", p+"*.txt"))
		for _, m := range matches {
			b, err := os.ReadFile(m)
			if err != nil {
				t.Fatal(err)
			}
			if !Sniff(filepath.Base(m), b) {
				t.Errorf("Sniff(%s) = false", m)
			}
		}
	}
}

func TestLandingUnglue(t *testing.T) {
	for in, want := range map[string]string{
		"price: 15.00doi: 10.5555/123.456isbn: 978-1-2": "price: 15.00 doi: 10.5555/123.456 isbn: 978-1-2",
		"DOI: 10.5555/x ISBN: 1":                        "DOI: 10.5555/x ISBN: 1",
		"no labels here":                                "no labels here",
	} {
		if got := lpUnglue(in); got != want {
			t.Errorf("lpUnglue(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLandingGluedLabel(t *testing.T) {
	for _, c := range []struct{ in, key, val string }{
		{"Title of host publicationAnnals of Things", "venue", "Annals of Things"},
		{"StatePublished - Sep 19 2016", "pubdate", "Published - Sep 19 2016"},
		{"A study of GlobalThings", "", ""},
		{"McDonald and the iPhone", "", ""},
	} {
		key, val, ok := lpGluedLabel(c.in)
		if ok != (c.key != "") || key != c.key || val != c.val {
			t.Errorf("lpGluedLabel(%q) = %q, %q, %v; want %q, %q", c.in, key, val, ok, c.key, c.val)
		}
	}
}

func TestLandingCrumbSource(t *testing.T) {
	got := lpCrumbSource("Journal List > J Invent Stud > v.59(11) > 1043126")
	want := []lpField{{key: "venue", val: "J Invent Stud", rank: 1}, {key: "volume", val: "59", rank: 1}, {key: "issue", val: "11", rank: 1}}
	if !slices.Equal(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if got := lpCrumbSource("Home > Journals > Things"); got != nil {
		t.Errorf("a trail without a volume: %+v", got)
	}
}
