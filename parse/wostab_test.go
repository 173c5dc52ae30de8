package parse

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"
)

// wosTabSample is a hand-written tab-delimited export: rows end with a tab.
var wosTabSample = strings.Join([]string{
	"PT\tAU\tAF\tTI\tSO\tDE\tID\tCR\tNR\tTC\tSN\tJ9\tPY\tVL\tIS\tBP\tEP\tAR\tDI\tUT",
	"J\tDoe, J; Roe, RA\tDoe, Jane; Roe, Richard A.\tA made-up title\tJOURNAL OF MADE UP STUDIES\tgraphs; citations\tNETWORKS\t" +
		"Smith J, 2001, NATURE, V410, P123, DOI 10.1038/35065000; [Anonymous], 1999, J IMAGINARY RES; Lee K, 2020, J X, V1, DOI 10.1002/(SICI)1;2-N\t" +
		"3\t7\t1234-5678\tJ MADE UP STUD\t2020\t12\t3\t45\t67\t\t10.9999/JMUS.2020.45\tWOS:000111122233344\t",
	"",
	"J\tPoe, E\t\tSecond record\tMADE UP JOURNAL\t\t\t\t0\t0\t\t\t2019\t4\t\t\t\t101\t\tWOS:000999888777666\t",
}, "\n") + "\n"

func TestWoSTabRead(t *testing.T) {
	res, err := Read("tab.txt", strings.NewReader(wosTabSample), "")
	if err != nil {
		t.Fatal(err)
	}
	if res.Format != "wos-tab" {
		t.Fatalf("format %q, want wos-tab", res.Format)
	}
	if len(res.Warnings)+len(res.Skipped) != 0 {
		t.Errorf("unexpected problems: %v %v", res.Warnings, res.Skipped)
	}
	if len(res.Records) != 2 {
		t.Fatalf("%d records, want 2", len(res.Records))
	}
	r := res.Records[0]
	if want := []Author{{Family: "Doe", Given: "Jane"}, {Family: "Roe", Given: "Richard A."}}; !reflect.DeepEqual(r.Authors, want) {
		t.Errorf("Authors %v, want %v", r.Authors, want)
	}
	if r.Line != 2 || r.Title != "A made-up title" || r.Venue != "JOURNAL OF MADE UP STUDIES" || r.VenueAbbrev != "J MADE UP STUD" ||
		r.Year != 2020 || r.Volume != "12" || r.Issue != "3" || r.Pages != "45-67" || r.DOI != "10.9999/jmus.2020.45" {
		t.Errorf("record 1: %+v", r)
	}
	if want := map[string]string{"wos": "WOS:000111122233344", "issn": "1234-5678"}; !reflect.DeepEqual(r.IDs, want) {
		t.Errorf("IDs %v, want %v", r.IDs, want)
	}
	if want := []string{"graphs", "citations"}; !reflect.DeepEqual(r.Keywords, want) {
		t.Errorf("Keywords %q, want %q", r.Keywords, want)
	}
	if want := []string{"NETWORKS"}; !reflect.DeepEqual(r.IndexKeywords, want) {
		t.Errorf("IndexKeywords %q, want %q", r.IndexKeywords, want)
	}
	if len(r.References) != 3 {
		t.Fatalf("%d references, want 3 (a ';' inside a DOI does not split)", len(r.References))
	}
	if ref := r.References[2]; ref.Raw != "Lee K, 2020, J X, V1, DOI 10.1002/(SICI)1;2-N" || ref.Line != 2 {
		t.Errorf("third reference %+v", ref)
	}
	if *r.RefsDeclared != 3 || *r.CitedBy != 7 {
		t.Errorf("NR %d TC %d, want 3 and 7", *r.RefsDeclared, *r.CitedBy)
	}
	r = res.Records[1]
	if r.Line != 4 || r.Pages != "101" || r.Title != "Second record" || len(r.Authors) != 1 || r.References != nil {
		t.Errorf("record 2: %+v", r)
	}
	if r.CitedBy == nil || *r.CitedBy != 0 {
		t.Errorf("TC 0 must be kept as 0, got %v", r.CitedBy)
	}
}

// wosUTF16LE encodes s as UTF-16 little endian with a BOM, as WoS "Tab-
// delimited (Win)" exports are written.
func wosUTF16LE(s string) string {
	var b strings.Builder
	b.WriteString("\xff\xfe")
	for _, u := range utf16.Encode([]rune(s)) {
		b.WriteByte(byte(u))
		b.WriteByte(byte(u >> 8))
	}
	return b.String()
}

func TestWoSTabUTF16(t *testing.T) {
	in := wosUTF16LE(strings.ReplaceAll(wosTabSample, "\n", "\r\n"))
	res, err := Read("tab16.txt", strings.NewReader(in), "")
	if err != nil {
		t.Fatal(err)
	}
	if res.Format != "wos-tab" || len(res.Records) != 2 || refCount(res.Records) != 3 || len(res.Warnings) != 0 {
		t.Errorf("format %q records %d refs %d warnings %v", res.Format, len(res.Records), refCount(res.Records), res.Warnings)
	}
}

func TestWoSTabDamaged(t *testing.T) {
	in := strings.Join([]string{
		"PT\tAU\tTI\tUT",                  // 1
		"J\tDoe, J\tOne\tWOS:1\t",         // 2 trailing tab: fine
		"J\tRoe, R",                       // 3 short row
		"J\tPoe, E\tThree\tWOS:3\textra",  // 4 extra text
		"J\t\t\t",                         // 5 nothing: skipped
		"J\tDoe, J\tOne again\tWOS:1\t\t", // 6 repeats line 2
	}, "\n")
	res, err := Read("bad.txt", strings.NewReader(in), "wos-tab")
	if err != nil {
		t.Fatal(err)
	}
	// line 3 also has no UT
	want := map[int]string{3: "ww", 4: "w", 5: "s", 6: "w"}
	if got := wosProblemLines(res); !reflect.DeepEqual(got, want) {
		t.Errorf("problems at %v, want %v", got, want)
		for _, w := range res.Warnings {
			t.Log(w)
		}
	}
	if len(res.Records) != 4 {
		t.Errorf("%d records, want 4", len(res.Records))
	}

	res, err = Read("nohead.txt", strings.NewReader("hello\tworld\n"), "wos-tab")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Records) != 0 || len(res.Skipped) != 1 || res.Skipped[0].Line != 1 {
		t.Errorf("file without header: records %d skipped %v", len(res.Records), res.Skipped)
	}
}

func TestWoSTabSpreadsheetQuotes(t *testing.T) {
	in := strings.Join([]string{
		"PT\tAU\tTI\tAB\tUT",
		"J\tDoe, J\t\"\"\"Big data\"\" and \"\"small data\"\"\"\t\"First line",
		"second line\"\tWOS:000000000000001",
		"J\tRoe, R\t\"Big data\" and \"small data\"\tplain\tWOS:000000000000002",
	}, "\n")
	res, err := Read("q.txt", strings.NewReader(in), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Records) != 2 || len(res.Warnings) != 0 {
		t.Fatalf("records %d warnings %v", len(res.Records), res.Warnings)
	}
	want := `"Big data" and "small data"`
	if r := res.Records[0]; r.Title != want || r.Abstract != "First line second line" || r.IDs["wos"] != "WOS:000000000000001" {
		t.Errorf("quoted row: title %q abstract %q ids %v", r.Title, r.Abstract, r.IDs)
	}
	if r := res.Records[1]; r.Title != want || r.Line != 4 {
		t.Errorf("unquoted row: title %q line %d", r.Title, r.Line)
	}
}

func TestWoSTabSniff(t *testing.T) {
	tests := []struct {
		name, head string
		want       bool
	}{
		{"classic", "PT\tAU\tBA\tBE\tGP\tAF\tBF\tCA\tTI\tSO\tUT\t\nJ\t", true},
		{"minimal", "PT\tAU\tTI\tSO\tPY\nJ\tx\n", true},
		{"bom", "\ufeffPT\tAU\tTI\tSO\tUT\n", true},
		{"plain text", "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\n", false},
		{"csv", "PT,AU,TI,SO,UT\n", false},
		{"other tab file", "PT\tName\tAge\tTown\tJob\n", false},
		{"ris", "TY  - JOUR\n", false},
	}
	for _, tc := range tests {
		if got := wosTabSniff("x", []byte(tc.head)); got != tc.want {
			t.Errorf("%s: wosTabSniff = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func FuzzWoSTab(f *testing.F) {
	f.Add([]byte(wosTabSample))
	f.Add([]byte(wosUTF16LE("PT\tAU\tCR\nJ\t;;\t; ;\n")))
	f.Add([]byte("PT\tTC\tNR\tPY\nJ\t-1\tx\t99999\t\t\t\n\n\t"))
	f.Fuzz(func(t *testing.T, b []byte) {
		res := fuzzRead(t, "wos-tab", b)
		sameInBatches(t, "wos-tab", b)
		for _, r := range res.Records {
			for _, ref := range r.References {
				if r.Line < 1 || ref.Line < r.Line {
					t.Fatalf("record at line %d has a reference at line %d", r.Line, ref.Line)
				}
			}
		}
	})
}
