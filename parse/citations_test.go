package parse

import (
	"reflect"
	"testing"
)

const citTestCSV = `oci,citing,cited,creation,timespan,journal_sc,author_sc
0200-0300,coci => 10.5555/A,coci => 10.5555/B,2020,P1Y,no,no
x,doi:10.5555/C,doi:10.5555/D,,,,
x,10.5555/A,10.5555/E,,,,
x,omid:br/0601 doi:10.5555/A pmid:11,omid:br/0602 pmid:22,,,,
x,10.5555/A,10.5555/B,,,,
x,,10.5555/F,,,,
x,10.5555/C,,,,,
x,omid:br/0603,10.5555/G,,,,
x,10.5555/C,omid:br/0604,,,,
`

func TestCitationsCSV(t *testing.T) {
	res := jpRead(t, citTestCSV, "")
	if res.Format != "citations-csv" {
		t.Fatalf("detected %q, want citations-csv", res.Format)
	}
	want := []Record{
		{Source: "test:2", Format: "citations-csv", Label: "untitled, doi:10.5555/a", DOI: "10.5555/a",
			IDs: map[string]string{"pmid": "11"}, File: "test", Line: 2,
			References: []Reference{
				{Raw: "coci => 10.5555/B", DOI: "10.5555/b", Line: 2},
				{Raw: "10.5555/E", DOI: "10.5555/e", Line: 4},
				{Raw: "omid:br/0602 pmid:22", IDs: map[string]string{"pmid": "22"}, Line: 5},
			}},
		{Source: "test:3", Format: "citations-csv", Label: "untitled, doi:10.5555/c", DOI: "10.5555/c",
			File: "test", Line: 3,
			References: []Reference{
				{Raw: "doi:10.5555/D", DOI: "10.5555/d", Line: 3},
				{Raw: "omid:br/0604", Line: 10},
			}},
	}
	if !reflect.DeepEqual(res.Records, want) {
		t.Errorf("records:\n got %+v\nwant %+v", res.Records, want)
	}
	// 6: repeated pair, 8: empty cited value, 10: cited value without DOI
	if got := jpLines(res.Warnings); !reflect.DeepEqual(got, []int{6, 8, 10}) {
		t.Errorf("warnings on lines %v (%v), want 6, 8, 10", got, res.Warnings)
	}
	// 7: empty citing value, 9: citing value without DOI
	if got := jpLines(res.Skipped); !reflect.DeepEqual(got, []int{7, 9}) {
		t.Errorf("skipped on lines %v (%v), want 7, 9", got, res.Skipped)
	}
}

func TestCitationsCSVVariants(t *testing.T) {
	// tab-separated, quoted, header in capitals, only the two columns
	res := jpRead(t, "\"Citing\"\t\"Cited\"\n\"10.5555/a\"\t\"10.5555/b\"\n\"10.5555/a\"\t\"10.5555/c\"\n", "")
	if res.Format != "citations-csv" || len(res.Records) != 1 || refCount(res.Records) != 2 {
		t.Fatalf("got format %q, %d records, %d references; want citations-csv, 1, 2", res.Format, len(res.Records), refCount(res.Records))
	}
	// columns named after their DOIs
	res = jpRead(t, "citing_doi,cited_doi\n10.5555/a,10.5555/b\n", "")
	if res.Format != "citations-csv" || refCount(res.Records) != 1 {
		t.Errorf("got format %q with %d references, want citations-csv with 1", res.Format, refCount(res.Records))
	}
	// a row too short for the cited column
	res = jpRead(t, "citing,cited\n10.5555/a\n10.5555/a,10.5555/b\n", "citations-csv")
	if refCount(res.Records) != 1 || !reflect.DeepEqual(jpLines(res.Skipped), []int{2}) {
		t.Errorf("got %d references, skipped %v; want 1 reference and line 2 skipped", refCount(res.Records), res.Skipped)
	}
	// forced on a file without the columns
	res = jpRead(t, "a,b\n1,2\n", "citations-csv")
	if len(res.Records) != 0 || !jpHas(res.Skipped, "no citing and cited columns") {
		t.Errorf("got %d records, skipped %v", len(res.Records), res.Skipped)
	}
}

func TestCitationsSniff(t *testing.T) {
	for _, c := range []struct {
		name, head string
		want       bool
	}{
		{"coci", citTestCSV, true},
		{"openalex csv", oaCSVTestWeb, false},
		{"json", `{"citing":"10.5555/a","cited":"10.5555/b"}`, false},
		{"words", "papers citing and cited by others\n", false},
		{"other csv", "title,citing_count,cited_by\nx,1,2\n", false},
	} {
		if got := citSniff("x", []byte(c.head)); got != c.want {
			t.Errorf("%s: citSniff = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestCitationsCorpus(t *testing.T) {
	res := readCorpus(t, "crossref/opencitations-index_crossref_citations.csv")
	if res.Format != "citations-csv" {
		t.Fatalf("detected %q, want citations-csv", res.Format)
	}
	if len(res.Skipped) != 0 || len(res.Warnings) != 0 {
		t.Errorf("skipped %v, warnings %v; want none", res.Skipped, res.Warnings)
	}
	withDOI := 0
	for _, r := range res.Records {
		for _, ref := range r.References {
			if ref.DOI != "" {
				withDOI++
			}
		}
	}
	// 40 pairs from 2 citing works (the two of the dump that have references)
	if got := []int{len(res.Records), refCount(res.Records), withDOI}; !reflect.DeepEqual(got, []int{2, 40, 40}) {
		t.Errorf("records, pairs, pairs with DOI = %v, want [2 40 40]", got)
	}
}

func FuzzCitationsCSV(f *testing.F) {
	f.Add([]byte(citTestCSV))
	f.Add([]byte("citing,cited\n\"10.5555/a,10.5555/b\n"))
	f.Add([]byte("citing;cited\ndoi:;pmid:\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		res := fuzzRead(t, "citations-csv", data)
		for _, r := range res.Records {
			if r.Label == "" || r.Line == 0 {
				t.Fatalf("record without label or line: %+v", r)
			}
		}
	})
}
