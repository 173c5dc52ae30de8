package parse

import (
	"bytes"
	"encoding/csv"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// scopusNewCSV is a hand-written export in the current layout: all fields
// quoted, "; " between authors, full names with author ids, 2024+ reference
// layout, an abstract spanning two lines.
const scopusNewCSV = `"Authors","Author full names","Author(s) ID","Title","Year","Source title","Volume","Issue","Art. No.","Page start","Page end","Cited by","DOI","Link","Abstract","Author Keywords","Index Keywords","References","PubMed ID","Abbreviated Source Title","Document Type","Source","EID"
"Berg A.; Lund K.J.","Berg, Anna (111); Lund, Karl Johan (222)","111; 222","A study of things",2024,"Journal of Things","12","3","","101","109",7,"10.1000/XYZ.1","https://example.org/1","First line.
Second line.","things; stuff","Things; measurement","Ito T.; Sato K., Other work, Nature, 4, pp. 1-2, (2001); Report on nothing, Agency, (2010)","12345","J. Things","Article","Scopus","2-s2.0-100"
"[No author name available]","[No author name available]","[No author id available]","Editorial",2023,"Journal of Things","","","e55","","","","","","[No abstract available]","","","","","","Editorial","Scopus","2-s2.0-101"
`

// scopusOldCSV is a hand-written export in the old layout: no "Author full
// names", ", " between authors, unquoted fields, classic references, and
// a document with a second funding text that the header does not name.
const scopusOldCSV = "\ufeffAuthors,Title,Year,Source title,Volume,Issue,Art. No.,Page start,Page end,Cited by,DOI,Funding Text 1,References,Correspondence Address,Document Type,EID\n" +
	"\"Berg A., Lund K.J.\",Old study,1999,J. Things,12,3,,1,9,,10.1000/old,,\"Ito, T., (2001) Phys. Rev. B, 63, p. 104; van Dam, K., Coffee (2002) Food Rev., 3, p. 5\",Berg A.,Article,2-s2.0-200\n" +
	"Roe P.,Funded study,2001,J. Things,13,,,,,2,,first grant,second grant,\"Ito, T., (2001) Phys. Rev. B, 63, p. 104\",Roe P.,Article,2-s2.0-201\n" +
	"Short row,2001\n"

func TestScopusCSVNewLayout(t *testing.T) {
	res, err := Read("new.csv", strings.NewReader(scopusNewCSV), "")
	if err != nil {
		t.Fatal(err)
	}
	if res.Format != "scopus-csv" || len(res.Records) != 2 || len(res.Skipped) != 0 {
		t.Fatalf("format %q, %d records, skipped %v", res.Format, len(res.Records), res.Skipped)
	}
	r := res.Records[0]
	want := Record{
		Title:       "A study of things",
		Authors:     []Author{{Family: "Berg", Given: "Anna"}, {Family: "Lund", Given: "Karl Johan"}},
		Year:        2024,
		Venue:       "Journal of Things",
		VenueAbbrev: "J. Things",
		Volume:      "12",
		Issue:       "3",
		Pages:       "101-109",
		DOI:         "10.1000/xyz.1",
		IDs:         map[string]string{"scopus": "2-s2.0-100", "pmid": "12345", "url": "https://example.org/1"},
		Type:        "Article",
		Keywords:    []string{"things", "stuff"}, IndexKeywords: []string{"Things", "measurement"},
		Abstract: "First line.\nSecond line.",
		CitedBy:  IntPtr(7),
		Line:     2,
	}
	got := r
	got.References, got.File, got.Source, got.Format, got.Label = nil, "", "", "", ""
	if !reflect.DeepEqual(got, want) {
		t.Errorf("record\n got %+v\nwant %+v", got, want)
	}
	if len(r.References) != 2 {
		t.Fatalf("references = %d, want 2", len(r.References))
	}
	ref := r.References[0]
	if ref.Raw != "Ito T.; Sato K., Other work, Nature, 4, pp. 1-2, (2001)" || ref.Year != 2001 ||
		ref.Title != "Other work" || ref.Venue != "Nature" || ref.Line != 3 ||
		!reflect.DeepEqual(ref.Authors, []Author{{Family: "Ito", Given: "T."}, {Family: "Sato", Given: "K."}}) {
		t.Errorf("reference 0 = %+v", ref)
	}
	e := res.Records[1]
	if e.Line != 4 || e.Authors != nil || e.Abstract != "" || e.Pages != "e55" || e.CitedBy != nil || e.References != nil {
		t.Errorf("editorial = %+v", e)
	}
}

func TestScopusCSVOldLayout(t *testing.T) {
	res, err := Read("old.csv", strings.NewReader(scopusOldCSV), "")
	if err != nil {
		t.Fatal(err)
	}
	if res.Format != "scopus-csv" || len(res.Records) != 2 {
		t.Fatalf("format %q, %d records", res.Format, len(res.Records))
	}
	r := res.Records[0]
	if !reflect.DeepEqual(r.Authors, []Author{{Family: "Berg", Given: "A."}, {Family: "Lund", Given: "K.J."}}) {
		t.Errorf("authors = %v", r.Authors)
	}
	if r.Pages != "1-9" || r.Year != 1999 || r.DOI != "10.1000/old" || r.IDs["scopus"] != "2-s2.0-200" || len(r.References) != 2 {
		t.Errorf("record = %+v", r)
	}
	if a := r.References[1].Authors; !reflect.DeepEqual(a, []Author{{Family: "van Dam", Given: "K."}}) {
		t.Errorf("reference authors = %v", a)
	}
	// the second funding text shifts the fields; they are realigned
	f := res.Records[1]
	if f.Title != "Funded study" || f.IDs["scopus"] != "2-s2.0-201" || f.Type != "Article" || len(f.References) != 1 || *f.CitedBy != 2 {
		t.Errorf("realigned record = %+v", f)
	}
	if len(res.Skipped) != 1 || res.Skipped[0].Line != 4 || !strings.Contains(res.Skipped[0].Error(), "2 fields") {
		t.Errorf("skipped = %v, want the short row at line 4", res.Skipped)
	}
}

func TestScopusCSVRepeatedHeaderAndBadValues(t *testing.T) {
	in := "Authors,Title,Year,Source title,Cited by,DOI,EID\n" +
		"Berg A.,One,20x4,J,many,not a doi,2-s2.0-1\n" +
		"Authors,Title,Year,Source title,Cited by,DOI,EID\n" +
		"Lund K.,Two,2020,J,3,,2-s2.0-2\n"
	res, err := Read("cat.csv", strings.NewReader(in), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Records) != 2 || res.Records[1].Title != "Two" || res.Records[1].Line != 4 {
		t.Fatalf("records = %+v", res.Records)
	}
	if len(res.Warnings) != 3 {
		t.Errorf("warnings = %v, want year, count and doi", res.Warnings)
	}
	if r := res.Records[0]; r.Year != 0 || r.CitedBy != nil || r.DOI != "" {
		t.Errorf("bad values kept: %+v", r)
	}
}

// TestScopusCSVSemicolons reads an export saved again by a spreadsheet
// program with ";" between fields.
func TestScopusCSVSemicolons(t *testing.T) {
	in := "Authors;Title;Year;Source title;References;EID\n" +
		"Berg A.;Semi study;2018;J. Things;\"Ito, T., (2001) Phys. Rev. B, 63, p. 104; Roe, P., (2002) Nature, 1, p. 2\";2-s2.0-9\n"
	res, err := Read("semi.csv", strings.NewReader(in), "")
	if err != nil {
		t.Fatal(err)
	}
	if res.Format != "scopus-csv" || len(res.Records) != 1 {
		t.Fatalf("format %q, records %+v", res.Format, res.Records)
	}
	r := res.Records[0]
	if r.Title != "Semi study" || r.Year != 2018 || r.IDs["scopus"] != "2-s2.0-9" || len(r.References) != 2 {
		t.Errorf("record = %+v", r)
	}
}

// TestScopusCSVUnterminatedQuote checks that a quote left open takes the
// rest of the file into one field: that row, short of fields, is skipped
// with its line, and the rows before are kept.
func TestScopusCSVUnterminatedQuote(t *testing.T) {
	in := "Authors,Title,Source title,EID\n" +
		"Berg A.,Fine,J,2-s2.0-1\n" +
		"Lund K.,\"Never closed,J,2-s2.0-2\nmore text\n"
	res, err := Read("open.csv", strings.NewReader(in), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Records) != 1 || res.Records[0].Title != "Fine" {
		t.Errorf("records = %+v", res.Records)
	}
	if len(res.Skipped) != 1 || res.Skipped[0].Line != 3 || !strings.Contains(res.Skipped[0].Error(), "quote left open") {
		t.Errorf("skipped = %v, want the 2-field row at line 3 with a hint", res.Skipped)
	}
}

func TestScopusAuthorList(t *testing.T) {
	for in, want := range map[string][]Author{
		"Berg A., Lund K.J.":         {{Family: "Berg", Given: "A."}, {Family: "Lund", Given: "K.J."}},
		"Berg A.; Lund K.J.":         {{Family: "Berg", Given: "A."}, {Family: "Lund", Given: "K.J."}},
		"Berg, A., Lund, K.J.":       {{Family: "Berg", Given: "A."}, {Family: "Lund", Given: "K.J."}},
		"Van Der Berg J., Wu X.-Y":   {{Family: "Van Der Berg", Given: "J."}, {Family: "Wu", Given: "X.-Y"}},
		"[No author name available]": nil,
		"Janko Wolfgang, Berg A.":    {{Family: "Janko", Given: "Wolfgang"}, {Family: "Berg", Given: "A."}},
		"Heart Study Group; Berg A.": {{Family: "Heart Study Group", Given: ""}, {Family: "Berg", Given: "A."}},
		"Anon":                       {{Family: "Anon", Given: ""}},
	} {
		if got := scopusRecordAuthors(in, ""); !reflect.DeepEqual(got, want) {
			t.Errorf("scopusRecordAuthors(%q) = %v, want %v", in, got, want)
		}
	}
	// full names are used when they match the short list in number
	got := scopusRecordAuthors("Berg A.; Lund K.", "Berg, Anna (1); Lund, Karl (2)")
	if !reflect.DeepEqual(got, []Author{{Family: "Berg", Given: "Anna"}, {Family: "Lund", Given: "Karl"}}) {
		t.Errorf("full names = %v", got)
	}
	got = scopusRecordAuthors("Berg A.; Lund K.", "Berg, Anna (1)")
	if !reflect.DeepEqual(got, []Author{{Family: "Berg", Given: "A."}, {Family: "Lund", Given: "K."}}) {
		t.Errorf("mismatched full names = %v", got)
	}
}

func TestScopusSniff(t *testing.T) {
	for head, want := range map[string]bool{
		"Authors,Title,Year,Source title,EID\n":                     true,
		`"Authors","Author full names","Title","Year","EID"` + "\n": true,
		"Authors,Title,Year\n":                                      false,
		"Authors,Title,Year,Source title,Page start\n":              true,
		"Authors;Title;Year;Source title;EID\n":                     true,
		"Authors\tTitle\tYear\tSource title\tEID\n":                 true,
		`"Rank","Publication ID","DOI","Title","Source title","PubYear","Authors","Cited references"` + "\n": false,
		`"Lens ID","Title","Author/s","Source Title"` + "\n":                                                 false,
		"PT\tAU\tTI\tSO\n": false,
		"TY  - JOUR\nAU  - Berg, A.\nTI  - Authors, Title, EID\nER  -": false,
		"@article{k, title={Authors, Title, Source title}}":            false,
	} {
		if got := scopusSniff("x", []byte(head)); got != want {
			t.Errorf("scopusSniff(%q) = %v, want %v", head, got, want)
		}
	}
}

// scopusCorpusRefs reads a Scopus corpus file and checks its counts.
func scopusCorpusRefs(t *testing.T, rel string, records, refs int) *Result {
	t.Helper()
	res := readCorpus(t, rel)
	if res.Format != "scopus-csv" {
		t.Fatalf("%s detected as %q", rel, res.Format)
	}
	if len(res.Records) != records || refCount(res.Records) != refs {
		t.Errorf("%s: %d records, %d references; want %d, %d", rel, len(res.Records), refCount(res.Records), records, refs)
	}
	if len(res.Skipped) != 0 {
		t.Errorf("%s: skipped %v", rel, res.Skipped)
	}
	return res
}

func TestScopusCorpus(t *testing.T) {
	// The README's 476 references for litstudy_scopus.csv come from reading
	// the References column at its header position in every row. But 56 of
	// the 58 rows have 46 fields under a 45-column header: Scopus wrote a
	// second, unnamed funding text after "Funding Text 1", which shifts
	// "References" one field to the right (the EID column then holds
	// "Scopus" and the real EID is in field 46). Realigned, 48 records carry
	// references, 2,452 "; "-separated pieces (475 in the two 45-field rows,
	// 1,977 in the others; the README's 476 = 475 + one funding text read as
	// a reference). Of those pieces 35 are not references but parts of one
	// that held "; ": editor lists ("…, Lecture Notes…; Deuflhard, P.;
	// Hermans, J.; …; Skeel, R. D., Eds.; Springer-Verlag: Berlin"),
	// "Publisher: City" after a proceedings reference, and titles with a
	// semicolon ("…coloured Petri nets; application to…", "…with
	// interdependent token; Application to the proof…"): 2,417 references.
	scopusCorpusRefs(t, "scopus-csv/litstudy_scopus.csv", 58, 2417)

	// The README's 10,412 is the number of "; "-separated pieces. 37 of them
	// continue the previous reference: title semicolons ("Betel nut and
	// tobacco chewing; potential risk factors…", "LKB1; Linking cell
	// structure…", "Laboratory investigation; a journal of technical
	// methods…"), editor/publisher tails ("(Eds.); Cambridge, MA: MIT
	// Press"), an HTML entity ("Meucci, O. &amp; Fatatis, A.") and export
	// debris ("…, p. 148; note"): 10,375 references.
	scopusCorpusRefs(t, "scopus-csv/metaknowledge_scopus_testing.csv.scopus", 220, 10375)

	// 2024+ layout. Every reference ends with "(YYYY)": split at "(YYYY); "
	// there are 381 pieces, each ending with its only "(YYYY)", and every
	// "; "-separated part before a piece's last is a bare author name (no
	// comma, at most four words), so no reference without a year was merged
	// into the next one and no title held "; ": exactly 381 references.
	res := scopusCorpusRefs(t, "scopus-csv/bibliometrix_scopus_sample.csv", 8, 381)
	for _, r := range res.Records {
		if r.IDs["scopus"] == "" || r.Year == 0 || len(r.Authors) == 0 {
			t.Errorf("record at line %d lacks eid, year or authors: %+v", r.Line, r)
		}
	}
}

// TestScopusCorpusAuthorCounts checks the authors of every record against
// the "Author(s) ID" column read independently with encoding/csv: one
// Scopus author id per author.
func TestScopusCorpusAuthorCounts(t *testing.T) {
	for _, rel := range []string{"scopus-csv/litstudy_scopus.csv", "scopus-csv/bibliometrix_scopus_sample.csv"} {
		res := readCorpus(t, rel)
		f, err := os.Open(corpusFile(t, rel))
		if err != nil {
			t.Fatal(err)
		}
		cr := csv.NewReader(f)
		cr.LazyQuotes, cr.FieldsPerRecord = true, -1
		rows, err := cr.ReadAll()
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		col := slices.Index(rows[0], "Author(s) ID")
		if col < 0 || len(rows)-1 != len(res.Records) {
			t.Fatalf("%s: id column %d, %d rows for %d records", rel, col, len(rows)-1, len(res.Records))
		}
		checked := 0
		for i, row := range rows[1:] {
			ids := 0
			for _, id := range strings.Split(row[col], ";") {
				if id = strings.TrimSpace(id); id != "" && !strings.HasPrefix(id, "[") {
					ids++
				}
			}
			if got := len(res.Records[i].Authors); got != ids {
				t.Errorf("%s record %d: %d authors, %d author ids", rel, i+1, got, ids)
			}
			checked++
		}
		t.Logf("%s: author count equals the author-id count in all %d records", rel, checked)
	}
}

// TestScopusCorpusReferenceQuality measures how many parsed references of
// the Scopus corpora have a year and a first author.
func TestScopusCorpusReferenceQuality(t *testing.T) {
	for _, c := range []struct {
		rel              string
		minYear, minAuth float64
	}{
		{"scopus-csv/litstudy_scopus.csv", 0.97, 0.95},
		{"scopus-csv/metaknowledge_scopus_testing.csv.scopus", 0.98, 0.95},
		{"scopus-csv/bibliometrix_scopus_sample.csv", 1, 0.99},
	} {
		res := readCorpus(t, c.rel)
		n, year, auth, title := 0, 0, 0, 0
		for _, r := range res.Records {
			for _, ref := range r.References {
				n++
				if ref.Year != 0 {
					year++
				}
				if len(ref.Authors) > 0 && ref.Authors[0].Family != "" {
					auth++
				}
				if ref.Title != "" {
					title++
				}
			}
		}
		if n == 0 {
			t.Fatalf("%s: no references", c.rel)
		}
		fy, fa := float64(year)/float64(n), float64(auth)/float64(n)
		t.Logf("%s: %d references, %.1f%% with year, %.1f%% with first author, %.1f%% with title",
			c.rel, n, 100*fy, 100*fa, 100*float64(title)/float64(n))
		if fy < c.minYear || fa < c.minAuth {
			t.Errorf("%s: year %.3f (min %.2f), author %.3f (min %.2f)", c.rel, fy, c.minYear, fa, c.minAuth)
		}
	}
}

func FuzzScopusCSV(f *testing.F) {
	f.Add([]byte(scopusNewCSV))
	f.Add([]byte(scopusOldCSV))
	f.Add([]byte("Authors,Title,Source title,EID\n\"a,\"b\"\",c\n\"unterminated"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, "scopus-csv", data)
		sameInBatches(t, "scopus-csv", data)
	})
}

func BenchmarkScopusCSV(b *testing.B) {
	path := corpusFile(b, "scopus-csv/metaknowledge_scopus_testing.csv.scopus")
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := Read(path, bytes.NewReader(data), "scopus-csv"); err != nil {
			b.Fatal(err)
		}
	}
}

// TestScopusCSVExcelCut: a cell of exactly 32,767 characters, as Excel
// leaves a longer one it saved, is reported on the record's line; one
// character less or more is not.
func TestScopusCSVExcelCut(t *testing.T) {
	ref := "Ito, T., Other work (2001) Nature, 4, pp. 1-2; "
	cell := func(n int) string {
		s := strings.Repeat(ref, n/len(ref)+1)
		return strings.TrimSpace(s[:n])
	}
	for _, n := range []int{32766, 32767, 32768} {
		c := cell(n)
		for len(c) < n { // TrimSpace may have cut a trailing space
			c += "x"
		}
		in := "Authors,Title,Year,References\nBerg A.,Short list,2020,\"Ito, T., (2001) Nature, 4, p. 1\"\n" +
			"Roe P.,Long list,2021,\"" + c + "\"\n"
		res, err := Read("s.csv", strings.NewReader(in), "scopus-csv")
		if err != nil || len(res.Records) != 2 {
			t.Fatalf("%d: %v", n, err)
		}
		var cut []string
		for _, w := range res.Warnings {
			if strings.Contains(w.Error(), "32767 characters") {
				cut = append(cut, w.Error())
			}
		}
		if want := n == 32767; want != (len(cut) == 1) || want && !strings.HasPrefix(cut[0], "s.csv:3: the References cell") {
			t.Errorf("%d characters: warnings %q", n, cut)
		}
	}
}

// TestScopusCSVExcelCutUTF16: Excel counts UTF-16 units, in which a rune
// beyond U+FFFF takes two: a cell of 32,765 letters and one emoji holds
// 32,767 of them and is reported; with a "é" (one unit) instead it is not.
func TestScopusCSVExcelCutUTF16(t *testing.T) {
	for _, c := range []struct {
		rune string
		want bool
	}{{"\U0001F600", true}, {"é", false}} {
		cell := strings.Repeat("x", 32765) + c.rune
		in := "Authors,Title,Year,Abstract\nRoe P.,Long abstract,2021,\"" + cell + "\"\n"
		res, err := Read("s.csv", strings.NewReader(in), "scopus-csv")
		if err != nil || len(res.Records) != 1 {
			t.Fatalf("%q: %v", c.rune, err)
		}
		got := len(res.Warnings) == 1 && strings.Contains(res.Warnings[0].Error(), "the Abstract cell holds exactly 32767 characters")
		if got != c.want || !c.want && len(res.Warnings) != 0 {
			t.Errorf("%q: warnings %v, want a cut warning %v", c.rune, res.Warnings, c.want)
		}
	}
}
