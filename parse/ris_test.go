package parse

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"
)

// risCase is one hand-written input and the records, warnings and skips a
// reader must produce from it.
type risCase struct {
	name  string
	in    string
	want  []Record
	warns []string // substrings of the warnings, in line order
	skips []string // substrings of the skip reasons, in line order
}

// risProject keeps the parts of a record a table test states: it drops the
// file position and label the Sink derives, and keeps only Raw and Line of
// references, whose parsed parts belong to the shared reference parsers.
func risProject(r Record) Record {
	r.File, r.Source, r.Label = "", "", ""
	if r.References != nil {
		refs := make([]Reference, len(r.References))
		for i, ref := range r.References {
			refs[i] = Reference{Raw: ref.Raw, Line: ref.Line}
		}
		r.References = refs
	}
	return r
}

// risRun reads each case with the named format and compares.
func risRun(t *testing.T, format string, cases []risCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := Read("in.txt", strings.NewReader(c.in), format)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			var got []Record
			for _, r := range res.Records {
				got = append(got, risProject(r))
			}
			if len(got) != len(c.want) {
				t.Fatalf("got %d records, want %d: %+v", len(got), len(c.want), got)
			}
			for i := range got {
				if !reflect.DeepEqual(got[i], c.want[i]) {
					t.Errorf("record %d:\n got %+v\nwant %+v", i, got[i], c.want[i])
				}
			}
			risCheckMsgs(t, "warning", res.Warnings, c.warns)
			risCheckMsgs(t, "skip", res.Skipped, c.skips)
		})
	}
}

func risCheckMsgs(t *testing.T, kind string, got []*ParseError, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("got %d %ss %v, want %d %q", len(got), kind, got, len(want), want)
		return
	}
	for i, w := range want {
		if !strings.Contains(got[i].Error(), w) {
			t.Errorf("%s %d = %q, want it to contain %q", kind, i, got[i].Error(), w)
		}
	}
}

func TestRISRecords(t *testing.T) {
	risRun(t, "ris", []risCase{
		{
			name: "zotero journal article",
			in: "TY  - JOUR\n" +
				"TI  - A study of graphs\n" +
				"AU  - van der Berg, Anna\n" +
				"AU  - Smith, J. A.\n" +
				"A2  - Editor, Ed\n" +
				"ED  - Other, Ed\n" +
				"T2  - Journal of Graphs\n" +
				"J2  - J. Graphs\n" +
				"AB  - We study graphs.\n" +
				"DA  - 2019/05/01/\n" +
				"PY  - 2019\n" +
				"DO  - https://doi.org/10.1234/ABC.5\n" +
				"VL  - 12\n" +
				"IS  - 3\n" +
				"SP  - 101\n" +
				"EP  - 110\n" +
				"SN  - 1234-567x\n" +
				"UR  - https://example.org/paper\n" +
				"KW  - graphs\n" +
				"KW  - networks\n" +
				"ER  -\n",
			want: []Record{{
				Format: "ris", Line: 1, Type: "JOUR", Title: "A study of graphs",
				Authors: []Author{{Family: "van der Berg", Given: "Anna"}, {Family: "Smith", Given: "J. A."}},
				Venue:   "Journal of Graphs", VenueAbbrev: "J. Graphs", Abstract: "We study graphs.",
				Year: 2019, DOI: "10.1234/abc.5", Volume: "12", Issue: "3", Pages: "101-110",
				IDs:      map[string]string{"issn": "1234-567X", "url": "https://example.org/paper"},
				Keywords: []string{"graphs", "networks"},
			}},
		},
		{
			name: "title precedence, year forms, continuation lines, keywords",
			in: "TY  - CONF\n" +
				"T1  - Secondary spelling\n" +
				"TI  - Main title\n" +
				"Y1  - 2017///\n" +
				"AB  - First line of the abstract\n" +
				"continued here.\n" +
				"KW  - alpha; beta\n" +
				"gamma\n" +
				"KW  - Beta\n" +
				"ER  - \n" +
				"\n" +
				"TY  - JOUR\n" +
				"T1  - Only T1\n" +
				"DA  - 2003/07/01/\n" +
				"N2  - Abstract from N2.\n" +
				"ER  - \n",
			want: []Record{
				{
					Format: "ris", Line: 1, Type: "CONF", Title: "Main title", Year: 2017,
					Abstract: "First line of the abstract continued here.",
					Keywords: []string{"alpha", "beta", "gamma"},
				},
				{Format: "ris", Line: 12, Type: "JOUR", Title: "Only T1", Year: 2003, Abstract: "Abstract from N2."},
			},
		},
		{
			name: "venue tags and abbreviations",
			in: "TY  - JOUR\nTI  - One\nJO  - Full Name\nJA  - Abbr. N.\nER  - \n" +
				"TY  - JOUR\nTI  - Two\nJF  - Journal Full\nJO  - J Full\nER  - \n" +
				"TY  - CHAP\nTI  - Three\nBT  - The Book\nER  - \n" +
				"TY  - BOOK\nBT  - Whole Book\nER  - \n",
			want: []Record{
				{Format: "ris", Line: 1, Type: "JOUR", Title: "One", Venue: "Full Name", VenueAbbrev: "Abbr. N."},
				{Format: "ris", Line: 6, Type: "JOUR", Title: "Two", Venue: "Journal Full"},
				{Format: "ris", Line: 11, Type: "CHAP", Title: "Three", Venue: "The Book"},
				{Format: "ris", Line: 15, Type: "BOOK", Title: "Whole Book"},
			},
		},
		{
			name: "repeated author lines",
			in: "TY  - JOUR\nTI  - Doubled\nAU  - G. Kalbe\nAU  - G. Kalbe\nAU  - B. Other\nER  - \n" +
				"TY  - JOUR\nTI  - List twice\nAU  - Li, X\nAU  - Wu, Y\nAU  - Li, X\nAU  - Wu, Y\nER  - \n" +
				"TY  - JOUR\nTI  - Namesakes\nAU  - Wang, J\nAU  - Chen, L\nAU  - Wang, J\nER  - \n" +
				"TY  - JOUR\nTI  - Semicolons\nA1  - Roe, R.; Doe, D.\nER  - \n",
			want: []Record{
				{Format: "ris", Line: 1, Type: "JOUR", Title: "Doubled", Authors: []Author{{Family: "Kalbe", Given: "G."}, {Family: "Other", Given: "B."}}},
				{Format: "ris", Line: 7, Type: "JOUR", Title: "List twice", Authors: []Author{{Family: "Li", Given: "X"}, {Family: "Wu", Given: "Y"}}},
				{Format: "ris", Line: 14, Type: "JOUR", Title: "Namesakes", Authors: []Author{{Family: "Wang", Given: "J"}, {Family: "Chen", Given: "L"}, {Family: "Wang", Given: "J"}}},
				{Format: "ris", Line: 20, Type: "JOUR", Title: "Semicolons", Authors: []Author{{Family: "Roe", Given: "R."}, {Family: "Doe", Given: "D."}}},
			},
			warns: []string{"in.txt:1: 1 repeated author", "in.txt:7: 2 repeated author"},
		},
		{
			name: "doi fallbacks and identifiers",
			in: "TY  - JOUR\nTI  - Doi in UR\nUR  - http://dx.doi.org/10.5555/XY.1\nUR  - https://example.org/x\nID  - Key2001\nER  - \n" +
				"TY  - JOUR\nTI  - Doi in M3\nM3  - doi: 10.5555/m3.2\nAN  - 12345\nER  - \n" +
				"TY  - JOUR\nTI  - Doi in a sentence\nN1  - see 10.5555/not.this for details\nDB  - PubMed\nAN  - 998877\nC2  - PMCID: PMC4455\nER  - \n" +
				"TY  - JOUR\nTI  - Scopus EID\nAN  - 2-s2.0-85000000001\nSN  - 9780306406157\nSN  - 00189464 (ISSN)\nER  - \n" +
				"TY  - JOUR\nTI  - Bad DO\nDO  - n/a\nUR  - https://doi.org/10.5555/from.ur\nDB  - NLM\nAN  - 42\nER  - \n",
			want: []Record{
				{Format: "ris", Line: 1, Type: "JOUR", Title: "Doi in UR", DOI: "10.5555/xy.1", IDs: map[string]string{"url": "https://example.org/x", "key": "Key2001"}},
				{Format: "ris", Line: 7, Type: "JOUR", Title: "Doi in M3", DOI: "10.5555/m3.2", IDs: map[string]string{"key": "12345"}},
				{Format: "ris", Line: 12, Type: "JOUR", Title: "Doi in a sentence", IDs: map[string]string{"pmid": "998877", "pmcid": "PMC4455"}},
				{Format: "ris", Line: 19, Type: "JOUR", Title: "Scopus EID", IDs: map[string]string{"scopus": "2-s2.0-85000000001", "isbn": "9780306406157", "issn": "0018-9464"}},
				{Format: "ris", Line: 25, Type: "JOUR", Title: "Bad DO", DOI: "10.5555/from.ur", IDs: map[string]string{"pmid": "42"}},
			},
			warns: []string{`in.txt:25: DO holds no DOI: "n/a"`},
		},
		{
			name: "web of science ris",
			in: "TY  - JOUR\nAU  - Doe, J\nTI  - WoS paper\nT2  - JOURNAL OF TESTS\nJ9  - J TESTS\nJI  - J. Tests\n" +
				"SN  - 1111-2222\nSN  - 3333-4444\nPY  - 2018\nAN  - WOS:000444108200009\n" +
				"N1  - Times Cited in Web of Science Core Collection:  5\nTotal Times Cited:  7\nCited Reference Count:  30\nER  -\n",
			want: []Record{{
				Format: "wos-ris", Line: 1, Type: "JOUR", Title: "WoS paper", Authors: []Author{{Family: "Doe", Given: "J"}},
				Venue: "JOURNAL OF TESTS", VenueAbbrev: "J TESTS", Year: 2018,
				IDs:     map[string]string{"issn": "1111-2222", "wos": "WOS:000444108200009"},
				CitedBy: IntPtr(5), RefsDeclared: IntPtr(30),
			}},
		},
		{
			name: "scopus ris with a reference block",
			in: "TY  - CONF\n" +
				"TI  - Scopus paper\n" +
				"C3  - Proc. of a Conference\n" +
				"J2  - Proc. Conf.\n" +
				"PY  - 2020\n" +
				"AU  - Nguyen, C.D.\n" +
				"N1  - Export Date: 15 October 2020\n" +
				"M3  - Conference Paper\n" +
				"DB  - Scopus\n" +
				"C7  - 9158129\n" +
				"N1  - References: Wood, R., Future drives (2009) J. Magn., 321, pp. 555-561;\n" +
				"Ross, C.A., Patterned media (2001) Annu. Rev., 31, pp. 203-235;\n" +
				"Nabavi, S., (2008) Thesis, , Carnegie Mellon\n" +
				"N1  - Cited By :12\n" +
				"N1  - Correspondence Address: Nguyen, C.D.; Some University\n" +
				"UR  - https://www.scopus.com/inward/record.uri?eid=2-s2.0-85091874496&doi=10.1109%2fX&partnerID=40\n" +
				"ER  -\n",
			want: []Record{{
				Format: "scopus-ris", Line: 1, Type: "Conference Paper", Title: "Scopus paper",
				Venue: "Proc. of a Conference", VenueAbbrev: "Proc. Conf.", Year: 2020, Pages: "9158129",
				Authors: []Author{{Family: "Nguyen", Given: "C.D."}},
				IDs: map[string]string{"scopus": "2-s2.0-85091874496",
					"url": "https://www.scopus.com/inward/record.uri?eid=2-s2.0-85091874496&doi=10.1109%2fX&partnerID=40"},
				CitedBy: IntPtr(12),
				References: []Reference{
					{Raw: "Wood, R., Future drives (2009) J. Magn., 321, pp. 555-561", Line: 11},
					{Raw: "Ross, C.A., Patterned media (2001) Annu. Rev., 31, pp. 203-235", Line: 12},
					{Raw: "Nabavi, S., (2008) Thesis, , Carnegie Mellon", Line: 13},
				},
			}},
		},
		{
			name: "scopus references on one line and CR tags",
			in: "TY  - JOUR\nTI  - One line\nN1  - References: Alpha, A., (2001) X, 1; Beta, B., (2002) Y, 2\nER  - \n" +
				"TY  - JOUR\nTI  - Cited refs\nCR  - Smith J, 1999, NATURE, V1, P2\nCR  - Doe, J. (2001). A title. Journal, 3, 4-5.\nER  - \n" +
				"TY  - JOUR\nTI  - Old Scopus count\nN1  - Cited By (since 1996): 17\nER  - \n",
			want: []Record{
				{Format: "scopus-ris", Line: 1, Type: "JOUR", Title: "One line", References: []Reference{
					{Raw: "Alpha, A., (2001) X, 1", Line: 3}, {Raw: "Beta, B., (2002) Y, 2", Line: 3}}},
				{Format: "ris", Line: 5, Type: "JOUR", Title: "Cited refs", References: []Reference{
					{Raw: "Smith J, 1999, NATURE, V1, P2", Line: 7}, {Raw: "Doe, J. (2001). A title. Journal, 3, 4-5.", Line: 8}}},
				{Format: "ris", Line: 10, Type: "JOUR", Title: "Old Scopus count", CitedBy: IntPtr(17)},
			},
		},
		{
			name: "CRLF, CR and LF line ends mixed; CT title",
			in:   "TY  - GEN\r\nCT  - Mixed ends\rAU  - Doe, J\nER  - \r\n\r\nTY  - GEN\rTI  - Next\rER  -",
			want: []Record{
				{Format: "ris", Line: 1, Type: "GEN", Title: "Mixed ends", Authors: []Author{{Family: "Doe", Given: "J"}}},
				{Format: "ris", Line: 6, Type: "GEN", Title: "Next"},
			},
		},
		{
			name: "scopus reference block with a blank line inside",
			in:   "TY  - JOUR\nTI  - Gap\nN1  - References: A, B., (2001) X;\n\nC, D., (2002) Y;\nUR  - https://example.org/p\nER  - \n",
			want: []Record{{
				Format: "scopus-ris", Line: 1, Type: "JOUR", Title: "Gap", IDs: map[string]string{"url": "https://example.org/p"},
				References: []Reference{{Raw: "A, B., (2001) X", Line: 3}, {Raw: "C, D., (2002) Y", Line: 5}},
			}},
		},
		{
			name: "ieee layout: single-space tags, blank and stray lines, empty values",
			in: "TY  - JOUR\nTI  - IEEE one\nAU  - A. Author\nIS  - \nSN  - \nVO  - 21\nY1  - 1 Jan.-Feb. 2019\nER  - \n\n\n" +
				"\rTY - CONF\nTI - IEEE two\nSP - 479\nEP - 487\nER -\n",
			want: []Record{
				{Format: "ris", Line: 1, Type: "JOUR", Title: "IEEE one", Authors: []Author{{Family: "Author", Given: "A."}}, Volume: "21", Year: 2019},
				// the lone CR before TY is a line end of its own: TY is line 12
				{Format: "ris", Line: 12, Type: "CONF", Title: "IEEE two", Pages: "479-487"},
			},
		},
		{
			name: "pages variants",
			in: "TY  - JOUR\nTI  - Range in SP\nSP  - 12-19\nEP  - 19\nER  - \n" +
				"TY  - JOUR\nTI  - Only SP\nSP  - e1002\nER  - \n" +
				"TY  - JOUR\nTI  - Same\nSP  - 7\nEP  - 7\nER  - \n",
			want: []Record{
				{Format: "ris", Line: 1, Type: "JOUR", Title: "Range in SP", Pages: "12-19"},
				{Format: "ris", Line: 6, Type: "JOUR", Title: "Only SP", Pages: "e1002"},
				{Format: "ris", Line: 10, Type: "JOUR", Title: "Same", Pages: "7"},
			},
		},
		{
			name: "damaged structure",
			in: "Provider: Some Database\nContent: text/plain\n\n" +
				"TY  - JOUR\nTI  - No ER before next TY\n" +
				"TY  - JOUR\nTI  - Closed\nER  - \n" +
				"stray text between records\n" +
				"ER  - \n" +
				"TI  - No TY here\nER  - \n" +
				"TY  - JOUR\nER  - \n" +
				"TY  - JOUR\nTI  - Not closed at the end\n",
			want: []Record{
				{Format: "ris", Line: 4, Type: "JOUR", Title: "No ER before next TY"},
				{Format: "ris", Line: 6, Type: "JOUR", Title: "Closed"},
				{Format: "ris", Line: 11, Title: "No TY here"},
				{Format: "ris", Line: 15, Type: "JOUR", Title: "Not closed at the end"},
			},
			warns: []string{
				"in.txt:1: 2 line(s) of text outside",
				"in.txt:4: record not closed by ER",
				"in.txt:9: 1 line(s) of text outside",
				"in.txt:10: ER line outside",
				"in.txt:11: record does not start with TY",
				"in.txt:15: last record not closed",
			},
			skips: []string{"in.txt:13: record has no title"},
		},
	})
}

// TestRISReadBOM feeds the reader directly, without the normaliser, a BOM
// and CR line ends.
func TestRISReadBOM(t *testing.T) {
	s := &Sink{File: "x.ris", Format: "ris"}
	in := "\ufeffTY  - JOUR\r\nTI  - With BOM\r\nER  - \r\n\r\n\rTY  - JOUR\r\nTI  - Second\r\nER  - \r\n"
	if err := risRead(strings.NewReader(in), s); err != nil {
		t.Fatal(err)
	}
	if len(s.Records) != 2 || s.Records[0].Title != "With BOM" || s.Records[0].Type != "JOUR" || s.Records[1].Title != "Second" {
		t.Fatalf("got %+v", s.Records)
	}
	if len(s.Warnings)+len(s.Skipped) != 0 {
		t.Errorf("unexpected messages %v %v", s.Warnings, s.Skipped)
	}
}

func TestRISSniff(t *testing.T) {
	cases := []struct {
		name, head string
		want       bool
	}{
		{"zotero", "TY  - JOUR\nTI  - x\nER  - \n", true},
		{"leading blank lines and CR", "\n\n\rTY  - JOUR\nER  -\n", true},
		{"single-space tags", "TY - JOUR\nTI - x\nER -\n", true},
		{"short header", "Provider: JSTOR http://www.jstor.org\nDatabase: JSTOR\n\nTY  - JOUR\n", true},
		{"first tag is not TY", "TI  - x\nTY  - JOUR\n", false},
		{"pubmed", "PMID- 123\nOWN - NLM\nSTAT- MEDLINE\nTI  - x\n", false},
		{"wos", "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\n", false},
		{"bibtex", "@article{k,\n title={TY  - x}\n}\n", false},
		{"csv", "Authors,Title,Year\n\"A\",\"TY  - x\",2001\n", false},
		{"json", "{\"items\": []}\n", false},
		{"long prose", strings.Repeat("some text line\n", 20) + "TY  - JOUR\n", false},
		{"empty", "", false},
	}
	for _, c := range cases {
		if got := risSniff("f", []byte(c.head)); got != c.want {
			t.Errorf("%s: risSniff = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestRISSplitTag(t *testing.T) {
	cases := []struct {
		line, tag, val string
		ok             bool
	}{
		{"AU  - Smith, J", "AU", "Smith, J", true},
		{"ER  -", "ER", "", true},
		{"ER  - ", "ER", "", true},
		{"TY - JOUR", "TY", "JOUR", true},
		{"ER -", "ER", "", true},
		{"T2  -Journal", "T2", "Journal", true},
		{"XQ - unknown tag with one space", "", "", false},
		{"AU   - Three, Spaces", "AU", "Three, Spaces", true},
		{"XQ   - unknown tag with three spaces", "", "", false},
		{"AU    - four spaces", "", "", false},
		{"AU -Glued", "", "", false},
		{"AU-Glued", "", "", false},
		{"XQ  - unknown tag, regular form", "XQ", "unknown tag, regular form", true},
		{"Li, X., (2001) J. Phys., 3;", "", "", false},
		{"US - based firms", "", "", false},
		{"au  - lower case", "", "", false},
		{"TY", "", "", false},
	}
	for _, c := range cases {
		tag, val, ok := risSplitTag(c.line)
		if tag != c.tag || val != c.val || ok != c.ok {
			t.Errorf("risSplitTag(%q) = %q, %q, %v; want %q, %q, %v", c.line, tag, val, ok, c.tag, c.val, c.ok)
		}
	}
}

// TestRISCorpus checks the record and reference counts of the real RIS files
// against the corpus README, and field facts counted by hand with grep:
// every Zotero and WoS record has a DO line; litstudy has 25 DO lines of
// which one is empty; the Scopus file has 771 DO lines, 639 "Cited By" notes
// and one "UR ... eid=2-s2.0-" per record that has a UR (806).
func TestRISCorpus(t *testing.T) {
	cases := []struct {
		file                                  string
		records, withRefs, refs, doi, citedBy int
		format                                string
		formats                               map[string]int
	}{
		{"ris/asreview_baseline_zotero.ris", 100, 0, 0, 100, 0, "ris", map[string]int{"ris": 100}},
		// 9 records carry "AN  - WOS:..."; the tenth (ID Kassin1997) has none
		{"ris/asreview_web_of_science.txt", 10, 0, 0, 10, 9, "ris", map[string]int{"wos-ris": 9, "ris": 1}},
		{"ris/litstudy_example.ris", 25, 0, 0, 24, 0, "ris", map[string]int{"ris": 25}},
		{"ris/python-bibx_scopus.ris", 836, 804, 16144, 771, 639, "ris", map[string]int{"scopus-ris": 836}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			res := readCorpus(t, c.file)
			if res.Format != c.format {
				t.Errorf("format %q, want %q", res.Format, c.format)
			}
			withRefs, doi, citedBy := 0, 0, 0
			formats := map[string]int{}
			for _, r := range res.Records {
				if len(r.References) > 0 {
					withRefs++
				}
				if r.DOI != "" {
					doi++
				}
				if r.CitedBy != nil {
					citedBy++
				}
				formats[r.Format]++
			}
			if len(res.Records) != c.records || withRefs != c.withRefs || refCount(res.Records) != c.refs {
				t.Errorf("records %d, with refs %d, refs %d; want %d, %d, %d",
					len(res.Records), withRefs, refCount(res.Records), c.records, c.withRefs, c.refs)
			}
			if doi != c.doi || citedBy != c.citedBy || !reflect.DeepEqual(formats, c.formats) {
				t.Errorf("with DOI %d, cited-by %d, formats %v; want %d, %d, %v", doi, citedBy, formats, c.doi, c.citedBy, c.formats)
			}
			if len(res.Skipped) != 0 {
				t.Errorf("skipped: %v", res.Skipped)
			}
		})
	}
}

// TestRISCorpusFields checks single fields read from the real files against
// the lines they come from.
func TestRISCorpusFields(t *testing.T) {
	t.Run("litstudy", func(t *testing.T) {
		res := readCorpus(t, "ris/litstudy_example.ris")
		if len(res.Records) < 2 {
			t.Fatalf("%d records", len(res.Records))
		}
		// the first record repeats "AU  - G. Kalbe" on two lines
		r := res.Records[0]
		if !reflect.DeepEqual(r.Authors, []Author{{Family: "Kalbe", Given: "G."}}) || r.Volume != "21" || r.Issue != "1" ||
			r.Pages != "42-47" || r.Year != 2019 || r.DOI != "10.1109/mcse.2018.2884139" || len(r.Keywords) != 6 {
			t.Errorf("first record: %+v", r)
		}
		// the second record's TY line starts with a stray CR; it has 14 authors
		if r := res.Records[1]; r.Type != "CONF" || len(r.Authors) != 14 || r.Volume != "" {
			t.Errorf("second record: type %q, %d authors, volume %q", r.Type, len(r.Authors), r.Volume)
		}
		authors, kw := 0, 0
		for _, r := range res.Records {
			authors += len(r.Authors)
			kw += len(r.Keywords)
		}
		// 163 AU lines, one of them a repeat; 264 KW lines of which 16 repeat
		// an earlier keyword of the record but for case ("Monitoring") and 2
		// but for a hyphen ("power-aware computing")
		if authors != 162 || kw != 246 {
			t.Errorf("%d authors, %d keywords; want 162, 246", authors, kw)
		}
	})
	t.Run("zotero", func(t *testing.T) {
		res := readCorpus(t, "ris/asreview_baseline_zotero.ris")
		authors, kw := 0, 0
		for _, r := range res.Records {
			authors += len(r.Authors)
			kw += len(r.Keywords)
		}
		// 648 AU lines and 390 KW lines, no repeats within a record
		if authors != 648 || kw != 390 {
			t.Errorf("%d authors, %d keywords; want 648, 390", authors, kw)
		}
		if r := res.Records[0]; r.Venue != "Nature Machine Intelligence" || r.Year != 2021 || r.Pages != "125-133" ||
			r.IDs["issn"] != "2522-5839" || r.Authors[0] != (Author{Family: "van de Schoot", Given: "Rens"}) {
			t.Errorf("first record: %+v", r)
		}
	})
	t.Run("scopus", func(t *testing.T) {
		res := readCorpus(t, "ris/python-bibx_scopus.ris")
		if len(res.Records) == 0 {
			t.Fatal("no records")
		}
		// first record: 64 reference lines, lines 16 to 79
		r := res.Records[0]
		if len(r.References) != 64 || r.References[0].Line != 16 || r.References[63].Line != 79 ||
			!strings.HasPrefix(r.References[0].Raw, "Mayergoyz, I.D., (1986)") || strings.HasSuffix(r.References[0].Raw, ";") {
			t.Errorf("first record: %d refs, first %+v", len(r.References), r.References[0])
		}
		if r.IDs["scopus"] != "2-s2.0-85091557653" || r.Type != "Article" || r.Pages != "093903" {
			t.Errorf("first record ids %v, type %q, pages %q", r.IDs, r.Type, r.Pages)
		}
		var withScopusID int
		for _, r := range res.Records {
			if r.IDs["scopus"] != "" {
				withScopusID++
			}
		}
		if withScopusID != 806 {
			t.Errorf("%d records with a Scopus EID, want 806", withScopusID)
		}
	})
}

func FuzzRIS(f *testing.F) {
	f.Add([]byte("TY  - JOUR\nTI  - x\nAU  - A, B\nN1  - References: a;\nb\nER  -\n"))
	f.Add([]byte("\rTY - CONF\nER -\nTI  - y\n\nKW  - a;b\nTY  - JOUR\n"))
	f.Add([]byte("TY  - JOUR\nAN  - WOS:1\nN1  - Cited By :3\nSN  - 1234-567X\nUR  - https://doi.org/10.1/x\nER  - \n"))
	f.Add([]byte("TY  - \nSP  - 1-\nEP  - 2\nN1  - References:\nER  - \n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, "ris", data)
	})
}

func BenchmarkRIS(b *testing.B) {
	data, err := os.ReadFile(corpusFile(b, "ris/python-bibx_scopus.ris"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Read("scopus.ris", bytes.NewReader(data), "ris"); err != nil {
			b.Fatal(err)
		}
	}
}

// TestRISDetect checks that detection over every registered sniffer picks
// the right reader for RIS and MEDLINE heads, which share the tag syntax.
func TestRISDetect(t *testing.T) {
	cases := []struct{ head, want string }{
		{"TY  - JOUR\nTI  - A title\nAU  - Doe, J\nER  - \n", "ris"},
		{"\n\rTY - CONF\nTI - A title\nER -\n", "ris"},
		{"PMID- 123\nOWN - NLM\nTI  - A title\nFAU - Doe, John\nAU  - Doe J\n", "pubmed"},
	}
	for _, c := range cases {
		if got := Detect("export.txt", []byte(c.head)); got != c.want {
			t.Errorf("Detect(%q) = %q, want %q", c.head, got, c.want)
		}
	}
}
