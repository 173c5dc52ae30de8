package parse

import (
	"reflect"
	"strings"
	"testing"
)

// lensCSV is a hand-written Lens.org scholarly export.
const lensCSV = `"Lens ID","Title","Date Published","Publication Year","Publication Type","Source Title","ISSNs","Author/s","Abstract","Volume","Issue Number","Start Page","End Page","Keywords","MeSH Terms","PMID","DOI","Microsoft Academic ID","PMCID","References","Citing Works Count"
"001-002-003-004-005","A study of things","2020-05-01",2020,"journal article","Journal of Things","12345678; 87654321","Anna Berg; Karl J. Lund","Short abstract.","12","3","101","109","things; stuff","Humans","999","10.1000/ABC","3106885434; 3107776880","PMC1","010-020-030-040-050; 10.1000/cited; 060-070-080-090-100",5
"009-008-007-006-005","Untitled note","2019-01-01","","editorial","","","","","","","","","","","","","","","","",""
"bad row"
`

func TestLensRead(t *testing.T) {
	res, err := Read("lens.csv", strings.NewReader(lensCSV), "")
	if err != nil {
		t.Fatal(err)
	}
	if res.Format != "lens" || len(res.Records) != 2 {
		t.Fatalf("format %q, %d records", res.Format, len(res.Records))
	}
	r := res.Records[0]
	got := r
	got.References, got.File, got.Source, got.Format, got.Label = nil, "", "", "", ""
	want := Record{
		Title:    "A study of things",
		Authors:  []Author{{Family: "Berg", Given: "Anna"}, {Family: "Lund", Given: "Karl J."}},
		Year:     2020,
		Venue:    "Journal of Things",
		Volume:   "12",
		Issue:    "3",
		Pages:    "101-109",
		DOI:      "10.1000/abc",
		IDs:      map[string]string{"lens": "001-002-003-004-005", "pmid": "999", "pmcid": "PMC1", "mag": "3106885434", "issn": "12345678"},
		Type:     "journal article",
		Keywords: []string{"things", "stuff"}, IndexKeywords: []string{"Humans"},
		Abstract: "Short abstract.",
		CitedBy:  IntPtr(5),
		Line:     2,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("record\n got %+v\nwant %+v", got, want)
	}
	wantRefs := []Reference{
		{Raw: "010-020-030-040-050", IDs: map[string]string{"lens": "010-020-030-040-050"}, Line: 2},
		{Raw: "10.1000/cited", DOI: "10.1000/cited", Line: 2},
		{Raw: "060-070-080-090-100", IDs: map[string]string{"lens": "060-070-080-090-100"}, Line: 2},
	}
	if !reflect.DeepEqual(r.References, wantRefs) {
		t.Errorf("references\n got %+v\nwant %+v", r.References, wantRefs)
	}
	// "Publication Year" is empty: the year comes from "Date Published"
	if n := res.Records[1]; n.Year != 2019 || n.IDs["lens"] != "009-008-007-006-005" || n.CitedBy != nil {
		t.Errorf("second record = %+v", n)
	}
	if len(res.Skipped) != 1 || res.Skipped[0].Line != 4 {
		t.Errorf("skipped = %v, want the bad row at line 4", res.Skipped)
	}
}

func TestLensSniff(t *testing.T) {
	for head, want := range map[string]bool{
		`"Lens ID","Title","Author/s"` + "\n":   true,
		"Lens ID,Title,Source Title\n":          true,
		"Authors,Title,Year,Source title,EID\n": false,
		"Lens ID: 000-000\n":                    false,
	} {
		if got := lensSniff("x", []byte(head)); got != want {
			t.Errorf("lensSniff(%q) = %v, want %v", head, got, want)
		}
	}
}

func TestLensCorpus(t *testing.T) {
	res := readCorpus(t, "lens/bibliometrix_lens_sample.csv")
	if res.Format != "lens" || len(res.Records) != 8 || refCount(res.Records) != 517 || len(res.Skipped) != 0 {
		t.Fatalf("format %q, %d records, %d references, skipped %v; want lens, 8, 517",
			res.Format, len(res.Records), refCount(res.Records), res.Skipped)
	}
	for _, r := range res.Records {
		if r.IDs["lens"] == "" || r.Year == 0 || r.Title == "" {
			t.Errorf("record at line %d lacks lens id, year or title", r.Line)
		}
		for _, ref := range r.References {
			if ref.IDs["lens"] != ref.Raw {
				t.Errorf("reference %q is not a lens id", ref.Raw)
			}
		}
	}
}

func FuzzLens(f *testing.F) {
	f.Add([]byte(lensCSV))
	f.Add([]byte("Lens ID,Title,References\n1,\"x\"\"y,2;;3\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, "lens", data)
	})
}
