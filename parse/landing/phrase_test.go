package landing

import (
	"slices"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/parse/model"
)

func TestLandingAuthorPhrase(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string // family names; nil: not an author phrase
	}{
		{"Аннотация статьи по медицине, автор научной работы — Петрова А. Б.", []string{"Петрова"}},
		{"Summary of the paper, authors of this work — Jane Roe, John Poe", []string{"Roe", "Poe"}},
		{"Authors of this article: Jane Roe and John Poe", []string{"Roe", "Poe"}},
		{"The author thanks the reviewers — all of them were kind and helpful to us here", nil},
		{"Author guidelines: see the journal home page for the latest version", nil},
		{"Some text without a separator by any author", nil},
	} {
		val, ok := lpAuthorPhrase(c.in)
		if !ok {
			if c.want != nil {
				t.Errorf("lpAuthorPhrase(%q) found no names", c.in)
			}
			continue
		}
		au, _ := lpAuthors(val)
		if got := lpFamilies(au); !slices.Equal(got, c.want) {
			t.Errorf("lpAuthorPhrase(%q) = %q, families %q, want %q", c.in, val, got, c.want)
		}
	}
}

func TestLandingSpacedInitials(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"Петрова А. Б.", []string{"Петрова"}},
		{"Roe J. K., Poe A. B.", []string{"Roe", "Poe"}},
		{"Jane K. Roe", []string{"Roe"}},
	} {
		au, ok := lpAuthors(c.in)
		if got := lpFamilies(au); !ok || !slices.Equal(got, c.want) {
			t.Errorf("lpAuthors(%q) families %q, %v, want %q", c.in, got, ok, c.want)
		}
	}
}

func TestLandingCitationWithMenuWords(t *testing.T) {
	line := "Roe J, Poe J. A made-up study of things. J Things 2020; 3:4-5. [DOI: 10.5555/made.1] [Download PDF] [Subscribe]"
	if boiler, _ := lpBoilerLine(line); boiler {
		t.Errorf("a citation of the work followed by menu words read as site furniture")
	}
	if boiler, _ := lpBoilerLine("Download PDF | Subscribe | Sign in"); !boiler {
		t.Errorf("a menu line not read as site furniture")
	}
}

// read runs the reader on a page given as text.
func read(page string) []model.Record {
	var in []Line
	for i, l := range strings.Split(page, "\n") {
		in = append(in, Line{N: i + 1, Text: l})
	}
	s := &model.Sink{File: "page.txt", Format: "landing"}
	Read(in, s)
	return s.Records
}

func TestLandingDateBadgeIsNoTitle(t *testing.T) {
	page := "Skip to content\n\nOpen Access 03.04.2021 | Research\n\nA made-up study of counting things\n\n" +
		"Authors: Jane Roe, John Poe\n\nPublished in: Journal of Things\n\nAbstract\n\nWe counted things for a long time and wrote it all down here."
	rs := read(page)
	if len(rs) != 1 {
		t.Fatalf("%d records", len(rs))
	}
	if r := rs[0]; r.Title != "A made-up study of counting things" || r.Year != 2021 {
		t.Errorf("title %q year %d", r.Title, r.Year)
	}
	// a received date alone is no publication year
	rs = read(strings.Replace(page, "Open Access 03.04.2021", "Received 03.04.2021", 1))
	if len(rs) != 1 || rs[0].Year != 0 {
		t.Errorf("received date read as the year: %+v", rs)
	}
}

func TestLandingBylineAfterMetrics(t *testing.T) {
	page := "A made-up study of counting things in the wild\nUn estudio inventado sobre contar cosas en el campo\nVisits\n1234\n" +
		"Jane Roe, John Poe\n\nAbstract\n\nWe counted things for a long time and wrote it all down here.\n\nDOI: 10.5555/made.2"
	rs := read(page)
	if len(rs) != 1 || !slices.Equal(lpFamilies(rs[0].Authors), []string{"Roe", "Poe"}) {
		t.Errorf("byline after a metric: %+v", rs)
	}
	page = "A made-up study of counting things in the wild\n\nJane Roe et al. J Things. 2020.\n\nAbstract\n\nWe counted things for a long time.\n\nDOI: 10.5555/made.3"
	rs = read(page)
	if len(rs) != 1 || !slices.Equal(lpFamilies(rs[0].Authors), []string{"Roe"}) {
		t.Errorf("names of a short citation: %+v", rs)
	}
}

func TestLandingKeywordsWithFooterWord(t *testing.T) {
	page := "A made-up study of counting things in the wild\n\nJane Roe, John Poe\n\nKeywords\nthings / counting / copyright / wild\n\n" +
		"Abstract\n\nWe counted things for a long time and wrote it all down here.\n\nDOI: 10.5555/made.5"
	rs := read(page)
	if len(rs) != 1 || !slices.Equal(rs[0].Keywords, []string{"things", "counting", "copyright", "wild"}) {
		t.Errorf("keywords: %+v", rs)
	}
}

func TestLandingSentenceWithYearIsNoTitle(t *testing.T) {
	page := "Background\n\nIn 2008, a made-up agency stressed how much counting things matters for the wild [1]. " +
		"Counting output in 21 places was small as of 2017 [2]. This may be due to other things.\n\nDOI: 10.5555/made.6"
	rs := read(page)
	if len(rs) == 1 && rs[0].Title != "" {
		t.Errorf("a sentence of the text read as the title: %q", rs[0].Title)
	}
}

func TestLandingOneAuthorPerLabel(t *testing.T) {
	page := "A made-up study of counting things in the wild\n| dc.contributor.author | Roe, Jane Anne | |\n" +
		"| dc.contributor.author | Poe, John | |\n| dc.identifier.doi | 10.5555/made.7 | |\n"
	rs := read(page)
	if len(rs) != 1 || !slices.Equal(lpFamilies(rs[0].Authors), []string{"Roe", "Poe"}) {
		t.Errorf("one author per label: %+v", rs)
	}
}

func TestLandingMarkedNames(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{
		{"Jane Roe1, 2 * Poe, John A.3, 4", 2},
		{"H1N1 and H5N1 in made-up birds", 0},
		{"Counting things in 2021: a made-up study", 0},
	} {
		if got := lpMarkedNames(c.in); got != c.want {
			t.Errorf("lpMarkedNames(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}

func TestLandingBylineAfterAffiliationsHeading(t *testing.T) {
	page := "A made-up study of counting things in the wild\n\nAffiliations\n\nA made-up study of counting things in the wild\n\n" +
		"Jane Roe et al. J Things. .\n\nAbstract\n\nWe counted things for a long time.\n\nDOI: 10.5555/made.8"
	rs := read(page)
	if len(rs) != 1 || !slices.Equal(lpFamilies(rs[0].Authors), []string{"Roe"}) {
		t.Errorf("byline after an affiliations heading: %+v", rs)
	}
}

func TestLandingInlineAffiliations(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"A. Roe, J. Poe Institute of Things, Town 12345, Land    K. L. Doe Department of Stuff, University of Nowhere, Land", []string{"Roe", "Poe", "Doe"}},
		{"Jane Roe 0000-0001-2345-6789 University of Things jane@things.example  and  John Poe University of Stuff john@stuff.example", []string{"Roe", "Poe"}},
		{"Jane Roe 1,2, John Poe 3", nil},        // footnote marks, no affiliation: a plain byline
		{"Jane Roe, John Poe", nil},              // no affiliation cut off
		{"Institute of Things, Town, Land", nil}, // no names first
	} {
		got := lpFamilies(lpInlineAffilNames(c.in))
		if !slices.Equal(got, c.want) {
			t.Errorf("lpInlineAffilNames(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestLandingGluedLabelWord(t *testing.T) {
	for in, want := range map[string]bool{
		"popularity This indicator reflects how much a made-up work is read": true,
		"scite: A made-up index of citations":                                false,
		"mRNA Vaccines for made-up things":                                   false,
		"Counting Things in the wild":                                        false,
		"a study of things":                                                  false,
	} {
		if got := lpGluedLabelWord(in); got != want {
			t.Errorf("lpGluedLabelWord(%q) = %v", in, got)
		}
	}
}

func TestLandingTabMenuOpensNoSection(t *testing.T) {
	page := "A made-up study of counting things in the wild\n\nJane Roe, John Poe\n\nArticle information\nAbstract\nFull Text\nBibliography\nStatistics\n\n" +
		"Objective. To count made-up things.\n\nDesign. A made-up count.\n\nSetting. The wild, 2020.\n\nDOI: 10.5555/made.9"
	rs := read(page)
	if len(rs) != 1 || len(rs[0].References) != 0 {
		t.Errorf("a tab menu's Bibliography opened a reference list: %+v", rs)
	}
	// a real heading followed by its list stays one
	rs = read("A made-up study of counting things\n\nJane Roe, John Poe\n\nDOI: 10.5555/made.10\n\nReferences\n" +
		"1. Roe J, Poe J (2001) Made-up title one. Journal of Things 12(3):45-67.\n" +
		"2. Roe J, Poe J (2002) Made-up title two. Journal of Things 13(1):1-9.\n")
	if len(rs) != 1 || len(rs[0].References) != 2 {
		t.Errorf("reference list after a heading: %+v", rs)
	}
}

func TestLandingLinkLineWithSeparator(t *testing.T) {
	page := "A made-up study of counting things\nAuthors: Jane Roe, John Poe\nDOI: 10.5555/made.11\nReferences\n-\n" +
		"Roe, J. and Poe, J. (2014) ‘Made-up title one’, Journal of Things, 1, pp. 2-3.\nhttps://doi.org/10.5555/ref.1 -\n" +
		"Doe, K. (2015) ‘Made-up title two’, Journal of Stuff, 4, pp. 5-6.\nhttps://doi.org/10.5555/ref.2 -\n"
	rs := read(page)
	if len(rs) != 1 || len(rs[0].References) != 2 {
		t.Fatalf("want one record with 2 references: %+v", rs)
	}
	if d := rs[0].References[1].DOI; d != "10.5555/ref.2" {
		t.Errorf("second reference's DOI %q", d)
	}
}

// TestCueSet checks the one-pass cue search against strings.Contains on
// every cue, at the start, the middle and the end of a line, and for cues
// of one byte and of several bytes sharing their first two.
func TestCueSet(t *testing.T) {
	cues := []string{"©", "x", "sign in", "sign up", "si", "cookie"}
	c := newCueSet(cues...)
	for _, line := range []string{"", "s", "please sign up here", "sign in", "design it", "a cookie",
		"cook", "©2020", "no cues here", "tax", "s i g n", "cookiE"} {
		want := false
		for _, cue := range cues {
			want = want || strings.Contains(line, cue)
		}
		if got := c.in([]byte(line)); got != want {
			t.Errorf("in(%q) = %v, want %v", line, got, want)
		}
	}
}
