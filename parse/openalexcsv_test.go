package parse

import (
	"reflect"
	"testing"
)

// oaCSVTestWeb is laid out as the OpenAlex web export (underscored names).
const oaCSVTestWeb = `id,display_name,publication_year,author_names,primary_location_display_name,primary_location_issn_l,biblio_volume,biblio_issue,biblio_first_page,biblio_last_page,cited_by_count,doi,referenced_works,pmid,type
https://openalex.org/W10,"A title, with comma",2015,Ada Lovelace|Alan Turing,Journal X,1234-5678,3,1,5,9,12,https://doi.org/10.5555/X,https://openalex.org/W1|https://openalex.org/W2,https://pubmed.ncbi.nlm.nih.gov/77,article
https://openalex.org/W11,Second,unknown,,,,,,,,many,,,,
`

// oaCSVTestDotted is laid out as bibliometrix writes OpenAlex data.
const oaCSVTestDotted = `"id","abstract","authorships.author.display_name","display_name","primary_location.source.display_name","publication_year","keywords.display_name","referenced_works_count"
"https://openalex.org/W7","An <i>abstract</i>.","Jane Doe|Roe, Richard","Dotted","Venue Y",2022,"alpha|beta",0
`

func TestOpenAlexCSVWeb(t *testing.T) {
	res := jpRead(t, oaCSVTestWeb, "")
	if res.Format != "openalex-csv" {
		t.Fatalf("detected %q, want openalex-csv", res.Format)
	}
	if len(res.Records) != 2 {
		t.Fatalf("got %d records, want 2", len(res.Records))
	}
	want := Record{
		Source: "test:2", Format: "openalex-csv", File: "test", Line: 2,
		Title: "A title, with comma", Label: "A title, with comma",
		Authors: []Author{{Family: "Lovelace", Given: "Ada"}, {Family: "Turing", Given: "Alan"}},
		Year:    2015, Venue: "Journal X", Volume: "3", Issue: "1", Pages: "5-9",
		DOI:     "10.5555/x",
		IDs:     map[string]string{"openalex": "W10", "issn": "1234-5678", "pmid": "77"},
		Type:    "article",
		CitedBy: IntPtr(12),
		References: []Reference{
			{Raw: "W1", IDs: map[string]string{"openalex": "W1"}, Line: 2},
			{Raw: "W2", IDs: map[string]string{"openalex": "W2"}, Line: 2},
		},
	}
	if !reflect.DeepEqual(res.Records[0], want) {
		t.Errorf("record:\n got %+v\nwant %+v", res.Records[0], want)
	}
	r := res.Records[1]
	if r.Title != "Second" || r.Year != 0 || r.CitedBy != nil || r.Line != 3 {
		t.Errorf("second record = %+v, want title Second on line 3 without year or count", r)
	}
	// the year and the count that are not numbers are reported
	if got := jpLines(res.Warnings); !reflect.DeepEqual(got, []int{3, 3}) {
		t.Errorf("warnings on lines %v (%v), want 3, 3", got, res.Warnings)
	}
}

func TestOpenAlexCSVDotted(t *testing.T) {
	res := jpRead(t, oaCSVTestDotted, "")
	if res.Format != "openalex-csv" || len(res.Records) != 1 {
		t.Fatalf("got format %q with %d records, want openalex-csv with 1", res.Format, len(res.Records))
	}
	r := res.Records[0]
	want := Record{
		Source: "test:2", Format: "openalex-csv", File: "test", Line: 2,
		Title: "Dotted", Label: "Dotted",
		Authors:       []Author{{Family: "Doe", Given: "Jane"}, {Family: "Roe", Given: "Richard"}},
		Year:          2022,
		Venue:         "Venue Y",
		IDs:           map[string]string{"openalex": "W7"},
		IndexKeywords: []string{"alpha", "beta"},
		Abstract:      "An abstract.",
		RefsDeclared:  IntPtr(0),
	}
	if !reflect.DeepEqual(r, want) {
		t.Errorf("record:\n got %+v\nwant %+v", r, want)
	}
}

func TestOpenAlexCSVRefSeparators(t *testing.T) {
	res := jpRead(t, "id,title,referenced_works\nW1,T,\"https://openalex.org/W2; https://openalex.org/W3\"\n", "openalex-csv")
	if len(res.Records) != 1 || refCount(res.Records) != 2 || res.Records[0].References[1].Raw != "W3" {
		t.Errorf("got %+v, want one record citing W2 and W3", res.Records)
	}
}

func TestOpenAlexCSVFlat(t *testing.T) {
	// openalexR's flat column names
	res := jpRead(t, "id,title,so,ab,volume,issue,first_page,last_page,issn_l,publication_year\n"+
		"https://openalex.org/W3,T,Src,Text.,4,2,10,12,1234-5678,2001\n", "")
	want := Record{Source: "test:2", Format: "openalex-csv", File: "test", Line: 2, Title: "T", Label: "T",
		Venue: "Src", Abstract: "Text.", Volume: "4", Issue: "2", Pages: "10-12", Year: 2001,
		IDs: map[string]string{"openalex": "W3", "issn": "1234-5678"}}
	if res.Format != "openalex-csv" || len(res.Records) != 1 || !reflect.DeepEqual(res.Records[0], want) {
		t.Errorf("got %q %+v\nwant %+v", res.Format, res.Records, want)
	}
}

func TestOpenAlexCSVSniff(t *testing.T) {
	for _, c := range []struct {
		name, head string
		want       bool
	}{
		{"web export", oaCSVTestWeb, true},
		{"dotted", oaCSVTestDotted, true},
		{"short ids", "id;display_name;publication_year\nW5;T;2020\n", true},
		{"other ids", "id,publication_year,title\n123,2020,T\n", false},
		{"citations", citTestCSV, false},
		{"header only", "id,publication_year\n", false},
		{"json", oaTestWork, false},
	} {
		if got := oaCSVSniff("x", []byte(c.head)); got != c.want {
			t.Errorf("%s: oaCSVSniff = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestOpenAlexCSVCorpus(t *testing.T) {
	res := readCorpus(t, "openalex/bibliometrix_openalex_sample.csv")
	if res.Format != "openalex-csv" {
		t.Fatalf("detected %q, want openalex-csv", res.Format)
	}
	if len(res.Skipped) != 0 || len(res.Warnings) != 0 {
		t.Errorf("skipped %v, warnings %v; want none", res.Skipped, res.Warnings)
	}
	for _, r := range res.Records {
		if r.IDs["openalex"] == "" || r.Title == "" || r.Year == 0 || len(r.Authors) == 0 || r.CitedBy == nil {
			t.Errorf("%s: record lacks id, title, year, authors or count: %+v", r.Source, r)
		}
	}
	if got := []int{len(res.Records), refCount(res.Records)}; !reflect.DeepEqual(got, []int{8, 0}) {
		t.Errorf("records, refs = %v, want [8 0]", got)
	}
}

func FuzzOpenAlexCSV(f *testing.F) {
	f.Add([]byte(oaCSVTestWeb))
	f.Add([]byte(oaCSVTestDotted))
	f.Add([]byte("id,abstract_inverted_index\nW1,\"{\"\"a\"\":[-1,0]}\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, "openalex-csv", data)
	})
}
