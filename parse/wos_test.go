package parse

import (
	"reflect"
	"strings"
	"testing"
)

// wosSample is a hand-written two-record plain-text export.
const wosSample = `FN Clarivate Analytics Web of Science
VR 1.0
PT J
AU Doe, J
   Roe, RA
AF Doe, Jane
   Roe, Richard A.
TI A made-up title that wraps
   onto a second line
SO JOURNAL OF MADE UP STUDIES
LA English
DT Article
DE graphs; citations
ID NETWORKS; CITATIONS; MAGNETIC
   RECORDING
AB First sentence.
C1 [Doe, Jane] Univ Nowhere, Dept X, Nowhere, Utopia.
   [Roe, Richard A.] Inst Elsewhere, Elsewhere, Utopia.
CR Smith J, 2001, NATURE, V410, P123, DOI 10.1038/35065000
   [Anonymous], 1999, J IMAGINARY RES
NR 2
TC 7
Z9 9
SN 1234-5678
EI 8765-4321
J9 J MADE UP STUD
JI J. Made Up Stud.
PD MAR
PY 2020
VL 12
IS 3
BP 45
EP 67
DI 10.9999/JMUS.2020.45
UT WOS:000111122233344
PM 12345678
ER

PT S
AU Poe, E
TI Second record
SO MADE UP SERIES
PY 2019
VL 4
AR 101
UT ISI:000999888777666
ER

EF
`

func TestWoSRead(t *testing.T) {
	res, err := Read("sample.txt", strings.NewReader(wosSample), "")
	if err != nil {
		t.Fatal(err)
	}
	if res.Format != "wos" {
		t.Fatalf("format %q, want wos", res.Format)
	}
	if len(res.Warnings)+len(res.Skipped) != 0 {
		t.Errorf("unexpected problems: %v %v", res.Warnings, res.Skipped)
	}
	if len(res.Records) != 2 {
		t.Fatalf("%d records, want 2", len(res.Records))
	}
	r := res.Records[0]
	if r.Line != 3 || r.Source != "sample.txt:3" {
		t.Errorf("Line %d Source %q, want 3 sample.txt:3", r.Line, r.Source)
	}
	if want := []Author{{Family: "Doe", Given: "Jane"}, {Family: "Roe", Given: "Richard A."}}; !reflect.DeepEqual(r.Authors, want) {
		t.Errorf("Authors %v, want %v", r.Authors, want)
	}
	check := func(field, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %q, want %q", field, got, want)
		}
	}
	check("Title", r.Title, "A made-up title that wraps onto a second line")
	check("Venue", r.Venue, "JOURNAL OF MADE UP STUDIES")
	check("VenueAbbrev", r.VenueAbbrev, "J MADE UP STUD")
	check("Type", r.Type, "Article")
	check("Volume", r.Volume, "12")
	check("Issue", r.Issue, "3")
	check("Pages", r.Pages, "45-67")
	check("DOI", r.DOI, "10.9999/jmus.2020.45")
	check("Abstract", r.Abstract, "First sentence.")
	if r.Year != 2020 {
		t.Errorf("Year %d, want 2020", r.Year)
	}
	if want := map[string]string{"wos": "WOS:000111122233344", "pmid": "12345678", "issn": "1234-5678"}; !reflect.DeepEqual(r.IDs, want) {
		t.Errorf("IDs %v, want %v", r.IDs, want)
	}
	if want := []string{"graphs", "citations"}; !reflect.DeepEqual(r.Keywords, want) {
		t.Errorf("Keywords %v, want %v", r.Keywords, want)
	}
	if want := []string{"NETWORKS", "CITATIONS", "MAGNETIC RECORDING"}; !reflect.DeepEqual(r.IndexKeywords, want) {
		t.Errorf("IndexKeywords %v, want %v", r.IndexKeywords, want)
	}
	if r.CitedBy == nil || *r.CitedBy != 7 || r.RefsDeclared == nil || *r.RefsDeclared != 2 {
		t.Errorf("CitedBy %v RefsDeclared %v, want 7 and 2", r.CitedBy, r.RefsDeclared)
	}
	if len(r.References) != 2 {
		t.Fatalf("%d references, want 2", len(r.References))
	}
	ref := r.References[0]
	if ref.Line != 19 || ref.DOI != "10.1038/35065000" || ref.Year != 2001 || ref.Venue != "NATURE" {
		t.Errorf("first reference %+v", ref)
	}
	if ref := r.References[1]; ref.Line != 20 || ref.Raw != "[Anonymous], 1999, J IMAGINARY RES" || len(ref.Authors) != 0 {
		t.Errorf("second reference %+v", ref)
	}

	r = res.Records[1]
	if r.Line != 39 || r.Type != "series" || r.Pages != "101" || r.IDs["wos"] != "WOS:000999888777666" {
		t.Errorf("second record: line %d type %q pages %q ids %v", r.Line, r.Type, r.Pages, r.IDs)
	}
	if want := []Author{{Family: "Poe", Given: "E"}}; !reflect.DeepEqual(r.Authors, want) {
		t.Errorf("Authors %v, want %v (AU when there is no AF)", r.Authors, want)
	}
	if r.CitedBy != nil || r.RefsDeclared != nil || r.References != nil {
		t.Errorf("absent counts must stay nil: %v %v %v", r.CitedBy, r.RefsDeclared, r.References)
	}
}

// problemLines returns "line:kind" for each warning and skip, kind w or s.
func wosProblemLines(res *Result) map[int]string {
	m := map[int]string{}
	for _, w := range res.Warnings {
		m[w.Line] += "w"
	}
	for _, s := range res.Skipped {
		m[s.Line] += "s"
	}
	return m
}

func TestWoSDamaged(t *testing.T) {
	// Each damage is marked by its line number in the comment on the right.
	in := strings.Join([]string{
		"FN Thomson Reuters Web of Science", //  1
		"VR 1.0",                            //  2
		"PT J",                              //  3
		"AUDoe, J",                          //  4 tag glued to its value
		"TI First",                          //  5
		"C1 Univ Nowhere, Utopia.",          //  6
		"   Smith J, 2001, NATURE, V410, P123, DOI 10.1038/35065000", //  7 CR tag lost
		"   Brown K, 2002, SCIENCE, V5, P6",                          //  8
		"Green L, 2003, CELL, V7, P8",                                //  9 indentation lost
		"NR 3",                                                       // 10
		"UT WOS:000000000000001",                                     // 11
		"ER",                                                         // 12
		"PT J",                                                       // 13
		"AU Roe, R",                                                  // 14
		"TI Second",                                                  // 15
		"TI Second again",                                            // 16 repeated tag
		"UT WOS:000000000000002",                                     // 17
		"PT J",                                                       // 18 previous record has no ER (warned at 13)
		"AU Doe, J",                                                  // 19
		"TI First, once more",                                        // 20
		"UT WOS:000000000000001",                                     // 21 duplicate (warned at 18)
		"ER",                                                         // 22
		"ER",                                                         // 23 ER outside a record
		"PT J",                                                       // 24
		"TC many",                                                    // 25 not a count
		"ER",                                                         // 26 record with nothing: skipped at 24
		"PT J",                                                       // 27 truncated record (warned at 27)
		"AU Poe, E",                                                  // 28
		"TI Cut off",                                                 // 29
	}, "\n")
	res, err := Read("damaged.txt", strings.NewReader(in), "wos")
	if err != nil {
		t.Fatal(err)
	}
	got := wosProblemLines(res)
	want := map[int]string{4: "w", 7: "w", 9: "w", 13: "w", 16: "w", 18: "w", 23: "w", 24: "s", 25: "w", 27: "ww"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems at %v, want %v", got, want)
		for _, w := range res.Warnings {
			t.Log("warning:", w)
		}
		for _, s := range res.Skipped {
			t.Log("skipped:", s)
		}
	}
	if len(res.Records) != 4 {
		t.Fatalf("%d records, want 4", len(res.Records))
	}
	r := res.Records[0]
	if want := []Author{{Family: "Doe", Given: "J"}}; !reflect.DeepEqual(r.Authors, want) {
		t.Errorf("glued AU read as %v, want %v", r.Authors, want)
	}
	if len(r.References) != 3 || r.References[0].Line != 7 || r.References[2].Line != 9 || r.References[2].Venue != "CELL" {
		t.Errorf("references of the damaged record: %+v", r.References)
	}
	if res.Records[1].Title != "Second" {
		t.Errorf("repeated TI: got %q, want the first value", res.Records[1].Title)
	}
	if r := res.Records[3]; r.Title != "Cut off" || r.Line != 27 {
		t.Errorf("truncated record: %q at %d", r.Title, r.Line)
	}
}

func TestWoSLostCRTagLikeATag(t *testing.T) {
	in := strings.Join([]string{
		"PT J",                            // 1
		"TI Refs whose tag was lost",      // 2
		"C1 Univ Nowhere, Utopia.",        // 3
		"LI X, 2010, PHYS REV B, V81, P1", // 4 CR tag lost: looks like tag LI
		"   Wu Q, 2011, J X, V2, P3",      // 5
		"DE ROSA A, 1990, J Y, V1, P2",    // 6 indentation lost: looks like tag DE
		"NR 3",                            // 7
		"DE graphs",                       // 8 a real DE
		"UT WOS:000000000000005",          // 9
		"ER",                              // 10
	}, "\n")
	res, err := Read("lost.txt", strings.NewReader(in), "wos")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := wosProblemLines(res), map[int]string{4: "w", 6: "w"}; !reflect.DeepEqual(got, want) {
		t.Errorf("problems at %v, want %v: %v", got, want, res.Warnings)
	}
	if len(res.Records) != 1 {
		t.Fatalf("%d records", len(res.Records))
	}
	r := res.Records[0]
	if len(r.References) != 3 || r.References[0].Raw != "LI X, 2010, PHYS REV B, V81, P1" || r.References[2].Venue != "J Y" {
		t.Errorf("references %+v", r.References)
	}
	if !reflect.DeepEqual(r.Keywords, []string{"graphs"}) {
		t.Errorf("keywords %q", r.Keywords)
	}
}

func TestWoSNoHeader(t *testing.T) {
	in := "PT J\nAU Doe, J\nTI Headless\nUT WOS:000000000000009\nER\n"
	res, err := Read("x.txt", strings.NewReader(in), "")
	if err != nil {
		t.Fatal(err)
	}
	if res.Format != "wos" || len(res.Records) != 1 || res.Records[0].Title != "Headless" || len(res.Warnings) != 0 {
		t.Errorf("format %q records %d warnings %v", res.Format, len(res.Records), res.Warnings)
	}
}

func TestWoSConcatenated(t *testing.T) {
	// Two exports joined with cat: the second keeps its BOM and header.
	one := "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nTI One\nUT WOS:000000000000001\nER\nEF\n"
	two := "\ufeffFN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nTI Two\nUT WOS:000000000000002\nER\nEF\n"
	res, err := Read("cat.txt", strings.NewReader(one+two), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Records) != 2 || res.Records[1].Title != "Two" || res.Records[1].Line != 10 || len(res.Warnings) != 0 {
		t.Errorf("records %d warnings %v", len(res.Records), res.Warnings)
	}
}

func TestWoSSniff(t *testing.T) {
	tests := []struct {
		name, head string
		want       bool
	}{
		{"clarivate", "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\n", true},
		{"thomson", "FN Thomson Reuters Web of Science™\nVR 1.0\n", true},
		{"web of knowledge", "FN Thomson Reuters Web of Knowledge\n", true},
		{"isi", "FN ISI Export Format\nVR 1.0\n", true},
		{"bare PT", "\nPT J\nAU Doe, J\nTI X\n", true},
		{"bare PT without tags", "PT J\nhello\n", false},
		{"ris", "TY  - JOUR\nAU  - Doe, J\nER  - \n", false},
		{"medline", "PMID- 123\nOWN - NLM\nPT  - Journal Article\n", false},
		{"medline PT first", "PT  - Journal Article\nTI  - X\n", false},
		{"tab", "PT\tAU\tTI\tSO\tUT\nJ\tDoe, J\tX\tY\tWOS:1\n", false},
		{"FN other", "FN something\nhello\n", false},
	}
	for _, tc := range tests {
		if got := wosSniff("x", []byte(tc.head)); got != tc.want {
			t.Errorf("%s: wosSniff = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestWoSUT(t *testing.T) {
	for in, want := range map[string]string{
		"WOS:000111122233344": "WOS:000111122233344",
		"ISI:000111122233344": "WOS:000111122233344",
		"000111122233344":     "WOS:000111122233344",
		"A1979GV55600001":     "WOS:A1979GV55600001",
		"MEDLINE:12345":       "MEDLINE:12345",
		"":                    "",
	} {
		if got := wosUT(in); got != want {
			t.Errorf("wosUT(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWoSMalformedCorpus(t *testing.T) {
	res := readCorpus(t, "malformed/metaknowledge_testFile.isi")
	// The README counts 34 records, 883 CR lines and NR 986. We read 34
	// records and 987 references: the README's 883 leaves out the 104
	// references of the first record whose "CR " tag was lost (they look like
	// C1 continuation lines, line 13 on), which we recover as CR, and counts
	// the one stray "CR [ANONYMOUS]" line added after its NR (line 118):
	// 883 - 1 + 104 + 1 = 987. NR sums to 986 (the first record's NR 104
	// predates the added line).
	if len(res.Records) != 34 {
		t.Errorf("%d records, want 34", len(res.Records))
	}
	if n := refCount(res.Records); n != 987 {
		t.Errorf("%d references, want 987", n)
	}
	nr := 0
	for _, r := range res.Records {
		if r.RefsDeclared != nil {
			nr += *r.RefsDeclared
		}
	}
	if nr != 986 {
		t.Errorf("NR sum %d, want 986", nr)
	}
	if res.Records[0].References[0].Line != 13 {
		t.Errorf("first recovered reference at line %d, want 13", res.Records[0].References[0].Line)
	}
	// The damaged spots, by line: lost CR tag (13), NR 104 vs 105 listed
	// (117), the added CR line (118), PT B on a journal record (140), the
	// duplicate of the record at 362 (415) with its glued "AUGilles" (416),
	// and the duplicate of the record at 468 without UT (534, two warnings).
	want := map[int]string{13: "w", 117: "w", 118: "w", 140: "w", 415: "w", 416: "w", 534: "ww"}
	if got := wosProblemLines(res); !reflect.DeepEqual(got, want) {
		t.Errorf("problems at %v, want %v", got, want)
		for _, w := range res.Warnings {
			t.Log(w)
		}
	}
}

func FuzzWoS(f *testing.F) {
	f.Add([]byte(wosSample))
	f.Add([]byte("PT J\nAUx\n   1999, A, V1, P2\nCR\nER\nER\nEF\nPT"))
	f.Add([]byte("FN Web of Science\n\ufeffPT B\nXX y\n  z\nTC -1\nNR x\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		res := fuzzRead(t, "wos", b)
		sameInBatches(t, "wos", b)
		for _, r := range res.Records {
			for _, ref := range r.References {
				if r.Line < 1 || ref.Line < r.Line {
					t.Fatalf("record at line %d has a reference at line %d", r.Line, ref.Line)
				}
			}
		}
	})
}

func TestWoSFieldVariants(t *testing.T) {
	in := strings.Join([]string{
		"FN Clarivate Analytics Web of Science",
		"VR 1.0",
		"PT J",
		"AU [Anonymous]",
		"CA Made Up Consortium",
		"TI Early access, no PY",
		"DT Article; Early Access",
		"EA MAR 2025",
		"BP 7",
		"EP 7",
		"EI 2222-3333",
		"UT WOS:001111122233344",
		"ER",
		"PT B",
		"AU SMITH JA",
		"TI Old ISI author form",
		"BN 978-0-00-000000-0",
		"PY 1999",
		"TC 3",
		"NR 0",
		"UT 000999888777666",
		"ER",
	}, "\n")
	res, err := Read("v.txt", strings.NewReader(in), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Warnings)+len(res.Skipped) != 0 || len(res.Records) != 2 {
		t.Fatalf("records %d warnings %v skipped %v", len(res.Records), res.Warnings, res.Skipped)
	}
	r := res.Records[0]
	if want := []Author{{Family: "Made Up Consortium"}}; !reflect.DeepEqual(r.Authors, want) {
		t.Errorf("Authors %v, want %v (group author when AU is anonymous)", r.Authors, want)
	}
	if r.Year != 2025 || r.Pages != "7" || r.Type != "Article; Early Access" || r.IDs["issn"] != "2222-3333" {
		t.Errorf("year %d pages %q type %q ids %v", r.Year, r.Pages, r.Type, r.IDs)
	}
	r = res.Records[1]
	if want := []Author{{Family: "SMITH", Given: "JA"}}; !reflect.DeepEqual(r.Authors, want) {
		t.Errorf("Authors %v, want %v", r.Authors, want)
	}
	if r.Type != "book" || r.IDs["isbn"] != "978-0-00-000000-0" || r.IDs["wos"] != "WOS:000999888777666" {
		t.Errorf("type %q ids %v", r.Type, r.IDs)
	}
	if r.RefsDeclared == nil || *r.RefsDeclared != 0 || r.CitedBy == nil || *r.CitedBy != 3 {
		t.Errorf("NR %v TC %v, want 0 and 3", r.RefsDeclared, r.CitedBy)
	}
}

// TestWoSFullNameOrder checks that AF full names without a comma take
// their family name from AU: family first ("Wang Ying", AU "Wang, Y"), a
// two-word family name, and the Western order ("Maria Garcia", AU
// "Garcia, M") all read right; names with a comma are read as written; C1
// addresses find the authors by those names.
func TestWoSFullNameOrder(t *testing.T) {
	in := strings.Join([]string{
		"FN Clarivate Analytics Web of Science",
		"VR 1.0",
		"PT J",
		"AU Wang, Y",
		"   Xie, HL",
		"   Garcia, M",
		"   Smith, J",
		"   de la Cruz, P",
		"AF Wang Ying",
		"   Xie Hai-Long",
		"   Maria Garcia",
		"   Smith, John",
		"   de la Cruz Pedro",
		"TI Invented record for name order",
		"C1 [Wang Ying; Xie Hai-Long] Invented Univ, Sch Phys, Beijing 100000, Peoples R China.",
		"   [Maria Garcia; de la Cruz Pedro] Invented Inst, Madrid, Spain.",
		"PY 2013",
		"UT WOS:000111122233355",
		"ER",
	}, "\n")
	res, err := Read("n.txt", strings.NewReader(in), "")
	if err != nil || len(res.Records) != 1 {
		t.Fatalf("%v %+v", err, res)
	}
	want := []Author{{Family: "Wang", Given: "Ying"}, {Family: "Xie", Given: "Hai-Long"},
		{Family: "Garcia", Given: "Maria"}, {Family: "Smith", Given: "John"}, {Family: "de la Cruz", Given: "Pedro"}}
	if got := res.Records[0].Authors; !reflect.DeepEqual(got, want) {
		t.Errorf("Authors %+v, want %+v", got, want)
	}
	// the addresses name the authors as AF writes them
	var links [][]int
	for _, a := range res.Records[0].Affiliations {
		links = append(links, a.Authors)
	}
	if want := [][]int{{0, 1}, {2, 4}}; !reflect.DeepEqual(links, want) {
		t.Errorf("address authors %v, want %v", links, want)
	}
}
