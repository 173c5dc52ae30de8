package landing

import (
	"strings"
	"testing"
)

func TestLandingCopyrightYear(t *testing.T) {
	page := "Journal of Made-up Studies\nUDC 123.4 © 2016 Roe J. and co-authors\n" +
		"A MADE-UP STUDY OF COUNTING THINGS IN THE WILD\nJane Roe, John Poe\nDOI: 10.1234/jms.2016.5\n" +
		"Abstract\nWe counted things for a long time and wrote it all down here."
	rs := read(page)
	if len(rs) != 1 || rs[0].Year != 2016 {
		t.Fatalf("copyright year not taken: %+v", rs)
	}
	// a dated line says otherwise: the copyright does not count
	rs = read(strings.Replace(page, "Abstract\n", "Published 2015\nAbstract\n", 1))
	if len(rs) != 1 || rs[0].Year != 2015 {
		t.Errorf("copyright year beat the publication date: %+v", rs)
	}
	// two notices of different years (the work's, the site's): no year
	rs = read(strings.Replace(page, "Journal of Made-up Studies\n", "Journal of Made-up Studies\nCopyright 2024 Site Inc.\n", 1))
	if len(rs) != 1 || rs[0].Year != 0 {
		t.Errorf("one of two copyright years taken: %+v", rs)
	}
	// a received date of the year before fits; an update years later does not
	rs = read(strings.Replace(page, "Abstract\n", "Received 20.12.2015\nAbstract\n", 1))
	if len(rs) != 1 || rs[0].Year != 2016 {
		t.Errorf("copyright year lost to a received date before it: %+v", rs)
	}
	rs = read(strings.Replace(page, "Abstract\n", "Page updated 2021-02-03\nAbstract\n", 1))
	if len(rs) != 1 || rs[0].Year != 0 {
		t.Errorf("copyright year taken against a later date: %+v", rs)
	}
}

func TestLandingTaggedRecord(t *testing.T) {
	wos := "Export record\nPT J\nAU Roe, J\n   Poe, JK\nTI A made-up study of counting\n   things in the wild\n" +
		"SO Journal of Things\nPY 2019\nVL 7\nDI 10.1234/jot.2019.7\nDE counting; things\n" +
		"AB We counted things for a long\n\n   time and wrote it all down.\nER\n\nBack to the record"
	ris := "TY  - JOUR\nAU  - Roe, Jane\nAU  - Poe, John\nTI  - A made-up study of counting things in the wild\n" +
		"T2  - Journal of Things\nPY  - 2019\nVL  - 7\nDO  - 10.1234/jot.2019.7\nER  - \n"
	for name, page := range map[string]string{"wos": wos, "ris": ris} {
		rs := read(page)
		if len(rs) != 1 {
			t.Fatalf("%s: %d records", name, len(rs))
		}
		r := rs[0]
		if r.Title != "A made-up study of counting things in the wild" || r.Year != 2019 || r.Volume != "7" ||
			r.DOI != "10.1234/jot.2019.7" || r.Venue != "Journal of Things" {
			t.Errorf("%s: %+v", name, r)
		}
		if got := lpFamilies(r.Authors); len(got) != 2 || got[0] != "Roe" || got[1] != "Poe" {
			t.Errorf("%s: authors %q", name, got)
		}
	}
	// two tagged-looking lines are no record
	lines := []Line{{1, "AU Roe"}, {2, "TI Something"}, {3, "plain text"}}
	if got := lpUntag(lines); len(got) != 3 || got[0].Text != "AU Roe" {
		t.Errorf("lpUntag rewrote a non-record: %v", got)
	}
}

func TestLandingSubtitleBelowDOI(t *testing.T) {
	page := "Site logo\n\nA made-up study of counting things in the wild\n\nDOI: 10.1234/jot.2020.1\n\n" +
		"A survey of field workers\n\nPDF\n\nJane Roe, John Poe\n\nKeywords: counting, things\n\n" +
		"Abstract\n\nWe counted things for a long time and wrote it all down here, in many words, for all to read."
	rs := read(page)
	if len(rs) != 1 || rs[0].Title != "A made-up study of counting things in the wild" {
		t.Fatalf("subtitle taken for the title: %+v", rs)
	}
	if got := lpFamilies(rs[0].Authors); len(got) != 2 || got[0] != "Roe" {
		t.Errorf("authors %q", got)
	}
}

func TestLandingRunningHead(t *testing.T) {
	for _, c := range []struct {
		in, title string
		names     []string
		ok        bool
	}{
		{"김, 정, Kim, and Jung: 가상의 연구 제목입니다", "가상의 연구 제목입니다", []string{"Kim", "Jung"}, true},
		{"Roe et al.: A made-up study of counting things", "A made-up study of counting things", nil, true},
		{"Cancer, Diabetes, and Obesity: A made-up review", "", nil, false},
		{"War and Peace: a reading of a novel", "", nil, false},
		{"Counting things: a made-up study", "", nil, false},
	} {
		names, title, ok := lpRunningHead(c.in)
		if ok != c.ok || title != c.title || strings.Join(names, ";") != strings.Join(c.names, ";") {
			t.Errorf("lpRunningHead(%q) = %q, %q, %v", c.in, names, title, ok)
		}
	}
	rs := read("Journal List > J Things > v.3(2)\n\n김, 정, Kim, and Jung: 가상의 연구 제목입니다\n\nAbstract\n\n" +
		"We counted things for a long time and wrote it all down here, in many words, for all of you to read.")
	if len(rs) != 1 || rs[0].Title != "가상의 연구 제목입니다" || strings.Join(lpFamilies(rs[0].Authors), ";") != "Kim;Jung" {
		t.Errorf("running head: %+v", rs)
	}
}

func TestLandingGluedTranslation(t *testing.T) {
	for in, want := range map[string]string{
		"数え上げの架空の研究A Made-up Study of Counting": "数え上げの架空の研究",
		"数え上げの架空の研究 A Made-up Study":            "数え上げの架空の研究 A Made-up Study", // spaced: left to the title rules
		"BMJ研究のDNA解析":                           "BMJ研究のDNA解析",
		"A Made-up Study of Counting":           "A Made-up Study of Counting",
	} {
		if got := lpGluedTranslation(in); got != want {
			t.Errorf("lpGluedTranslation(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLandingTitleWithTranslation(t *testing.T) {
	// the title, then its translations, then the names: the first version
	// is the title and the names below the last are its authors
	page := "Skip to main content\n\nHome Page of the Journal\n\nA made-up study of counting things in 12 towns\n\n" +
		"Un estudio inventado sobre contar cosas en 12 pueblos\n\n" +
		"Une étude inventée sur le comptage des choses dans 12 villes\n\n" +
		"Eine erfundene Studie über das Zählen von Dingen in 12 Städten\n\n" +
		"Выдуманное исследование подсчёта вещей в 12 городах\n\nJane Roe, John Poe\n\nAbstract\n\n" +
		"We counted things for a long time and wrote it all down here, in many words, for all of you to read."
	rs := read(page)
	if len(rs) != 1 || rs[0].Title != "A made-up study of counting things in 12 towns" {
		t.Fatalf("title: %+v", rs)
	}
	if got := lpFamilies(rs[0].Authors); strings.Join(got, ";") != "Roe;Poe" {
		t.Errorf("authors %q", got)
	}
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"Counting things in Lilloa (1937-2021)", "Contar cosas en Lilloa (1937-2021)", true},
		{"A made-up study of counting", "Выдуманное исследование подсчёта", true},
		{"Links to other pages", "Share this article now", false},
	} {
		if got := lpTranslated(c.a, c.b); got != c.want {
			t.Errorf("lpTranslated(%q, %q) = %v", c.a, c.b, got)
		}
	}
}

func TestLandingTwoLanguageVersions(t *testing.T) {
	// each version of the title with its own byline: the first version
	// and its names, whichever language comes first
	en := "A made-up study of papers printed in the Journal of Things\nJane Roe, John Poe, Ann Lee\n" +
		"1Department of Things, University of Nowhere.\n"
	ko := "가상의 논문 분석 연구\n김민수, 이영희, 박철수\n"
	tail := "Abstract\n\nWe counted things for a long time and wrote it all down here, in many words, for all of you to read."
	for name, c := range map[string]struct {
		page, title, first string
	}{
		"en first": {"Journal of Things 1998;19(4):353-363.\nPublished online April 1, 1998.\n" + en + ko + tail,
			"A made-up study of papers printed in the Journal of Things", "Roe"},
		"ko first": {"Journal of Things 1998;19(4):353-363.\nPublished online April 1, 1998.\n" + ko + en + tail,
			"가상의 논문 분석 연구", "김민수"},
	} {
		rs := read(c.page)
		if len(rs) != 1 || rs[0].Title != c.title {
			t.Errorf("%s: title %+v", name, rs)
			continue
		}
		if au := rs[0].Authors; len(au) != 3 || au[0].Family != c.first {
			t.Errorf("%s: authors %#v", name, au)
		}
	}
}

func TestLandingArrayDump(t *testing.T) {
	page := "array:9 [\n  \"id\" => \"X1\"\n  \"doi\" => \"10.1234/jot.2001.1\"\n  \"fechaPublicacion\" => \"2001-05-01\"\n" +
		"  \"cita\" => \"J Things. 2001;3:10-19\"\n  \"itemSiguiente\" => array:4 [\n    \"doi\" => \"10.1234/jot.2001.2\"\n" +
		"    \"fechaPublicacion\" => \"2001-05-01\"\n    \"es\" => array:2 [\n" +
		"      \"titulo\" => \"Un estudio inventado sobre contar cosas en el campo\"\n    ]\n  ]\n]\n"
	rs := read(page)
	if len(rs) != 2 {
		t.Fatalf("%d records, want 2: %+v", len(rs), rs)
	}
	if rs[0].DOI != "10.1234/jot.2001.1" || rs[0].Year != 2001 {
		t.Errorf("first item: %+v", rs[0])
	}
	if r := rs[1]; r.DOI != "10.1234/jot.2001.2" || r.Year != 2001 || r.Title != "Un estudio inventado sobre contar cosas en el campo" {
		t.Errorf("second item: %+v", r)
	}
	// a few arrows in prose are no dump
	in := []Line{{1, `"a" => "b"`}, {2, "text"}}
	if got := lpUnarray(in); got[0].Text != `"a" => "b"` {
		t.Errorf("lpUnarray rewrote %q", got[0].Text)
	}
}

func TestLandingMarcRecord(t *testing.T) {
	page := "Staff view\n\nLEADER 00000nam a2200000 c 4500\n001 | BV000000001\n020 | |a 9780000000002 | ||\n" +
		"041 | 0 | |a eng | |\n084 | |a XC 1 |2 rvk | ||\n" +
		"245 | 1 | 0 | |a A made-up handbook of counting |b 12 tables |c Jane K. Roe. With help from John Poe ... |\n" +
		"264 | 1 | |a Nowhere |b Things Press |c 2006 | |\n300 | |a XX, 300 p. | ||\n"
	rs := read(page)
	if len(rs) != 1 {
		t.Fatalf("%d records", len(rs))
	}
	r := rs[0]
	if r.Title != "A made-up handbook of counting: 12 tables" || r.Year != 2006 {
		t.Errorf("title %q year %d", r.Title, r.Year)
	}
	if got := lpFamilies(r.Authors); strings.Join(got, ";") != "Roe" {
		t.Errorf("authors %q", got)
	}
}

func TestLandingDashAffiliation(t *testing.T) {
	page := "Journal of Things №4(8) 2018, 3-12\n\n" +
		"Roe J. K. — Senior Researcher, Institute of Things, 1 Main Street, Nowhere, 01234; +00 (000) 000-00-00;\n\n" +
		"Abstract. We counted things for a long time and wrote it all down here, in many words, for all of you to read.\n\n" +
		"Keywords: counting, things.\n"
	rs := read(page)
	if len(rs) != 1 {
		t.Fatalf("%d records", len(rs))
	}
	if got := lpFamilies(rs[0].Authors); strings.Join(got, ";") != "Roe" {
		t.Errorf("authors %q", got)
	}
}
