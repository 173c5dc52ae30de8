package parse

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseWoSReference(t *testing.T) {
	type want struct {
		au    []Author
		year  int
		venue string
		vol   string
		pages string
		doi   string
	}
	tests := []struct {
		name, in string
		want     want
	}{
		{"full", "Smith J, 2001, NATURE, V410, P123, DOI 10.1038/35065000",
			want{au: []Author{{Family: "Smith", Given: "J"}}, year: 2001, venue: "NATURE", vol: "410", pages: "123", doi: "10.1038/35065000"}},
		{"surname comma initials", "Aaker, JL, 1997, J MARKETING RES, V34, P347",
			want{au: []Author{{Family: "Aaker", Given: "JL"}}, year: 1997, venue: "J MARKETING RES", vol: "34", pages: "347"}},
		{"no author", "2024, J COMPUT RES INNOV, V9, DOI 10.1234/abc.9",
			want{year: 2024, venue: "J COMPUT RES INNOV", vol: "9", doi: "10.1234/abc.9"}},
		{"article number", "Lee K, 2020, PLOS ONE, V15, ARTN e0234567",
			want{au: []Author{{Family: "Lee", Given: "K"}}, year: 2020, venue: "PLOS ONE", vol: "15", pages: "e0234567"}},
		{"no page", "Kim H, 2019, SCI REP-UK, V9, DOI 10.1038/s41598-019-11111-1",
			want{au: []Author{{Family: "Kim", Given: "H"}}, year: 2019, venue: "SCI REP-UK", vol: "9", doi: "10.1038/s41598-019-11111-1"}},
		{"UNSP", "Chen X, 2018, J PHYS CONF SER, V1000, UNSP 012001",
			want{au: []Author{{Family: "Chen", Given: "X"}}, year: 2018, venue: "J PHYS CONF SER", vol: "1000", pages: "012001"}},
		{"PUNSP", "Chen X, 2018, J PHYS CONF SER, V1000, PUNSP 012001",
			want{au: []Author{{Family: "Chen", Given: "X"}}, year: 2018, venue: "J PHYS CONF SER", vol: "1000", pages: "012001"}},
		{"DOI list", "Wu Q, 2015, NANO LETT, V15, P1, DOI [10.1021/a.1, 10.1021/b.2]",
			want{au: []Author{{Family: "Wu", Given: "Q"}}, year: 2015, venue: "NANO LETT", vol: "15", pages: "1", doi: "10.1021/a.1"}},
		{"DOI list, first not a DOI", "Zed Q, 2020, J A, V1, P2, DOI [DOI 10.1/x, DOI 10.5555/Y.2]",
			want{au: []Author{{Family: "Zed", Given: "Q"}}, year: 2020, venue: "J A", vol: "1", pages: "2", doi: "10.5555/y.2"}},
		{"doubled DOI word", "Ng T, 2012, OPT EXPRESS, V20, P5, DOI DOI 10.1364/OE.20.000005",
			want{au: []Author{{Family: "Ng", Given: "T"}}, year: 2012, venue: "OPT EXPRESS", vol: "20", pages: "5", doi: "10.1364/oe.20.000005"}},
		{"anonymous", "[Anonymous], 2007, APPL PHYS LETT",
			want{year: 2007, venue: "APPL PHYS LETT"}},
		{"anonymous from BibTeX", "{[}Anonymous], 2007, APPL PHYS LETT.",
			want{year: 2007, venue: "APPL PHYS LETT"}},
		{"upper-case anonymous", "[ANONYMOUS], 1968, PHYS REV, V99, P1",
			want{year: 1968, venue: "PHYS REV", vol: "99", pages: "1"}},
		{"dotted initials, mixed-case source", "Smith J.A., 2003, Journal of Mixed Case Studies, V2, P10",
			want{au: []Author{{Family: "Smith", Given: "J.A."}}, year: 2003, venue: "Journal of Mixed Case Studies", vol: "2", pages: "10"}},
		{"spaced dotted initials", "Arnaud J. A., 1973, OPT COMMUN, V7",
			want{au: []Author{{Family: "Arnaud", Given: "J. A."}}, year: 1973, venue: "OPT COMMUN", vol: "7"}},
		{"hyphenated initials", "Harz A.-W., 1997, PUBLISH PERISH",
			want{au: []Author{{Family: "Harz", Given: "A.-W."}}, year: 1997, venue: "PUBLISH PERISH"}},
		{"name suffix", "Bay R. J. Jr., 1998, SIGMOD Record, V27, P85.",
			want{au: []Author{{Family: "Bay Jr.", Given: "R. J."}}, year: 1998, venue: "SIGMOD Record", vol: "27", pages: "85"}},
		{"lower-case doi with colon", "Lee K, 2020, J X, V1, doi:10.1234/ABC",
			want{au: []Author{{Family: "Lee", Given: "K"}}, year: 2020, venue: "J X", vol: "1", doi: "10.1234/abc"}},
		{"BibTeX-escaped DOI list", "Lar O.I., 1994, INT, V1, P375, DOI {[}10.1016/0969-6016(94)90037-X, DOI 10.1016/0969-6016(94)90037-X].",
			want{au: []Author{{Family: "Lar", Given: "O.I."}}, year: 1994, venue: "INT", vol: "1", pages: "375", doi: "10.1016/0969-6016(94)90037-x"}},
		{"multi-word surname", "El Jaouhari A, 2024, INT J STRATEG, V28, P286",
			want{au: []Author{{Family: "El Jaouhari", Given: "A"}}, year: 2024, venue: "INT J STRATEG", vol: "28", pages: "286"}},
		{"old truncated author", "BERTRAND.J, 1970, LETT NUOVO CIMENTO, V6, P305",
			want{au: []Author{{Family: "BERTRAND", Given: "J"}}, year: 1970, venue: "LETT NUOVO CIMENTO", vol: "6", pages: "305"}},
		{"author without year", "BREAZEALE MA, COMMUNICATION",
			want{au: []Author{{Family: "BREAZEALE", Given: "MA"}}, venue: "COMMUNICATION"}},
		{"source and page only", "ELECTROMAGNETIC SURF, pCH13",
			want{venue: "ELECTROMAGNETIC SURF", pages: "CH13"}},
		{"source only", "PROFICIENCY COLLABOR",
			want{venue: "PROFICIENCY COLLABOR"}},
		{"year and source", "1999, OPTICAL COMPONENTS G",
			want{year: 1999, venue: "OPTICAL COMPONENTS G"}},
		{"page with letter", "Gray D, 1999, PHYS REV E, V60, PE128",
			want{au: []Author{{Family: "Gray", Given: "D"}}, year: 1999, venue: "PHYS REV E", vol: "60", pages: "E128"}},
		{"lower-case p page", "Mont WD, 1968, J OPT SOC AM, V58, pA720",
			want{au: []Author{{Family: "Mont", Given: "WD"}}, year: 1968, venue: "J OPT SOC AM", vol: "58", pages: "A720"}},
		{"chapter page", "Tamir T, 1982, SURFACE WAVES, pCH13",
			want{au: []Author{{Family: "Tamir", Given: "T"}}, year: 1982, venue: "SURFACE WAVES", pages: "CH13"}},
		{"lettered volume", "Rossi C, 1975, NUOVO CIMENTO A, VA 21, P40",
			want{au: []Author{{Family: "Rossi", Given: "C"}}, year: 1975, venue: "NUOVO CIMENTO A", vol: "A 21", pages: "40"}},
		{"volume range", "Berg K, 1990, METH ENZYMOL, VOLS 1-2",
			want{au: []Author{{Family: "Berg", Given: "K"}}, year: 1990, venue: "METH ENZYMOL", vol: "1-2"}},
		{"comma inside the DOI", "Tan L, 2010, J X, V3, P7, DOI 10.1000/a,b-1",
			want{au: []Author{{Family: "Tan", Given: "L"}}, year: 2010, venue: "J X", vol: "3", pages: "7", doi: "10.1000/a,b-1"}},
		{"source with a comma", "Doe J, 2010, Comptes Rendus, Serie B, V5, P1",
			want{au: []Author{{Family: "Doe", Given: "J"}}, year: 2010, venue: "Comptes Rendus, Serie B", vol: "5", pages: "1"}},
		{"proceedings source starting with P", "Novak P, 2001, P 5 INT C FOO BAR, P17",
			want{au: []Author{{Family: "Novak", Given: "P"}}, year: 2001, venue: "P 5 INT C FOO BAR", pages: "17"}},
		{"page list", "Holm B, 2012, FISH RES, P[38, 129]",
			want{au: []Author{{Family: "Holm", Given: "B"}}, year: 2012, venue: "FISH RES", pages: "38"}},
		{"patent", "Moll E, 1986, Patent No. [US 1,234,567, 1234567]",
			want{au: []Author{{Family: "Moll", Given: "E"}}, year: 1986}},
		{"author named Doi", "DOI T, 1999, J PHYS SOC JPN, V68, P1",
			want{au: []Author{{Family: "DOI", Given: "T"}}, year: 1999, venue: "J PHYS SOC JPN", vol: "68", pages: "1"}},
		{"BibTeX trailing dot", "Smith J, 2001, NATURE, V410, P123, DOI 10.1038/35065000.",
			want{au: []Author{{Family: "Smith", Given: "J"}}, year: 2001, venue: "NATURE", vol: "410", pages: "123", doi: "10.1038/35065000"}},
		{"corporate author with comma", "Univ California, Berkeley, 2004, TECH REP",
			want{au: []Author{{Family: "Univ California, Berkeley", Given: ""}}, year: 2004, venue: "TECH REP"}},
		{"full-name author", "Grau Sebastian, 2018, Proc Assoc Inf Sci, V55",
			want{au: []Author{{Family: "Grau Sebastian", Given: ""}}, year: 2018, venue: "Proc Assoc Inf Sci", vol: "55"}},
		{"no-break space", "Jeb\u00a0 AK, 2021, J CIV ENG, V5, P18",
			want{au: []Author{{Family: "Jeb", Given: "AK"}}, year: 2021, venue: "J CIV ENG", vol: "5", pages: "18"}},
		{"empty", "", want{}},
		{"only commas", " , ,, ", want{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := ParseWoSReference(tc.in)
			if got.Raw != strings.Join(strings.Fields(tc.in), " ") {
				t.Errorf("Raw = %q, want %q", got.Raw, strings.Join(strings.Fields(tc.in), " "))
			}
			w := tc.want
			if !reflect.DeepEqual(got.Authors, w.au) {
				t.Errorf("Authors = %#v, want %#v", got.Authors, w.au)
			}
			if got.Year != w.year || got.Venue != w.venue || got.Volume != w.vol || got.Pages != w.pages || got.DOI != w.doi {
				t.Errorf("got year %d venue %q vol %q pages %q doi %q\nwant year %d venue %q vol %q pages %q doi %q",
					got.Year, got.Venue, got.Volume, got.Pages, got.DOI, w.year, w.venue, w.vol, w.pages, w.doi)
			}
			if got.Title != "" {
				t.Errorf("Title = %q, want empty", got.Title)
			}
		})
	}
}

func FuzzWoSReference(f *testing.F) {
	for _, s := range []string{
		"Smith J, 2001, NATURE, V410, P123, DOI 10.1038/35065000",
		"Aaker, JL, 1997, J MARKETING RES, V34, P347",
		"2024, J X, V9, DOI [10.1/a, DOI 10.1234/b, ",
		"{[}Anonymous], P[, V, DOI DOI DOI",
		"Holm B, 2012, FISH RES, P[38, 129]]]",
		"a.b, 1, ,,,DOI:",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ref := ParseWoSReference(s)
		if ref.Raw != strings.Join(strings.Fields(s), " ") {
			t.Fatalf("Raw = %q, want %q", ref.Raw, strings.Join(strings.Fields(s), " "))
		}
		if ref.DOI != "" && !strings.HasPrefix(ref.DOI, "10.") {
			t.Fatalf("DOI %q does not start with 10.", ref.DOI)
		}
	})
}
