package parse

import (
	"bytes"
	"os"
	"reflect"
	"testing"
)

// oaTestWork is an OpenAlex work written for these tests; the line numbers
// in TestOpenAlexWork count its lines.
const oaTestWork = `{
  "id": "https://openalex.org/W100",
  "doi": "https://doi.org/10.5555/ABC.1",
  "title": "Cells in <i>vitro</i> &amp; <sub>2</sub>O",
  "display_name": "ignored when there is a title",
  "publication_year": 2020,
  "ids": {"mag": 100, "pmid": "https://pubmed.ncbi.nlm.nih.gov/123", "pmcid": "https://www.ncbi.nlm.nih.gov/pmc/articles/456"},
  "authorships": [
    {"author": {"display_name": "Ada Lovelace"}, "raw_author_name": "A. Lovelace"},
    {"author": {"display_name": null}, "raw_author_name": "Smith, John"},
    {"author": {}}
  ],
  "primary_location": {"source": {"display_name": "Journal of Things", "issn_l": "1111-2222"}},
  "type": "article",
  "biblio": {"volume": "7", "issue": null, "first_page": "10", "last_page": "20"},
  "cited_by_count": 42,
  "keywords": [{"display_name": "Cells"}, {"display_name": "Water"}],
  "concepts": [{"display_name": "Biology"}],
  "referenced_works_count": 3,
  "referenced_works": [
    "https://openalex.org/W1",
    "https://openalex.org/W22",
    "not-an-id"
  ],
  "abstract_inverted_index": {"Hello": [0], "world": [1, 3], "again": [2]}
}
`

func TestOpenAlexWork(t *testing.T) {
	res := jpRead(t, oaTestWork, "")
	if res.Format != "openalex" {
		t.Fatalf("detected %q, want openalex", res.Format)
	}
	if len(res.Records) != 1 || len(res.Skipped) != 0 {
		t.Fatalf("got %d records, skipped %v; want 1 record", len(res.Records), res.Skipped)
	}
	r := res.Records[0]
	want := Record{
		Source: "test:1", Format: "openalex", Line: 1, File: "test",
		Title:   "Cells in vitro & 2O",
		Label:   "Cells in vitro & 2O",
		Authors: []Author{{Family: "Lovelace", Given: "Ada"}, {Family: "Smith", Given: "John"}},
		Year:    2020,
		Venue:   "Journal of Things",
		Volume:  "7", Pages: "10-20",
		DOI:           "10.5555/abc.1",
		IDs:           map[string]string{"openalex": "W100", "mag": "100", "pmid": "123", "pmcid": "PMC456", "issn": "1111-2222"},
		Type:          "article",
		IndexKeywords: []string{"Cells", "Water"},
		Abstract:      "Hello world again world",
		CitedBy:       IntPtr(42),
		RefsDeclared:  IntPtr(3),
		References: []Reference{
			{Raw: "W1", IDs: map[string]string{"openalex": "W1"}, Line: 21},
			{Raw: "W22", IDs: map[string]string{"openalex": "W22"}, Line: 22},
			{Raw: "not-an-id", Line: 23},
		},
	}
	if !reflect.DeepEqual(r, want) {
		t.Errorf("record:\n got %+v\nwant %+v", r, want)
	}
	if got := jpLines(res.Warnings); !reflect.DeepEqual(got, []int{1, 23}) {
		t.Errorf("warnings on lines %v (%v), want 1 (authorship without name) and 23 (bad id)", got, res.Warnings)
	}
}

func TestOpenAlexLayouts(t *testing.T) {
	for _, c := range []struct {
		name, in  string
		ids       []string
		lines     []int
		skipLines []int
	}{
		{"list response", `{"meta": {"count": 2, "page": 1},
 "results": [
  {"id": "https://openalex.org/W1", "display_name": "One", "publication_year": 2001},
  {"id": "W2", "title": null, "display_name": "Two", "host_venue": {"display_name": "Old Venue"}}
 ],
 "group_by": []}`, []string{"W1", "W2"}, []int{3, 4}, nil},
		{"array", "[{\"id\":\"https://openalex.org/W1\",\"title\":\"A\"},\n{\"id\":\"https://openalex.org/W2\",\"title\":\"B\"}]",
			[]string{"W1", "W2"}, []int{1, 2}, nil},
		{"json lines", `{"id":"https://openalex.org/W1","title":"A","publication_year":2001,"authorships":[]}
{"id":"https://openalex.org/W2","title":"B",

{"id":"https://openalex.org/W3","title":"C"}`, []string{"W1", "W3"}, []int{1, 4}, []int{2}},
		{"json lines of pages", `{"meta":{},"results":[{"id":"W1","title":"A"},{"id":"W2","title":"B"}]}
{"meta":{},"results":[{"id":"W3","title":"C"}]}
`, []string{"W1", "W2", "W3"}, []int{1, 1, 2}, nil},
		{"list of pages", "[{\"meta\":{},\"results\":[{\"id\":\"W1\",\"title\":\"A\"}]},\n{\"meta\":{},\"results\":[\n{\"id\":\"W2\",\"title\":\"B\"}]}]",
			[]string{"W1", "W2"}, []int{1, 3}, nil},
		{"error response", `{"error":"Invalid query parameters error.","message":"bad filter"}`, nil, nil, []int{1}},
		{"not json", "id,title\nW1,A\n", nil, nil, []int{1}},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := jpRead(t, c.in, "openalex")
			var ids []string
			var lines []int
			for _, r := range res.Records {
				ids = append(ids, r.IDs["openalex"])
				lines = append(lines, r.Line)
			}
			if !reflect.DeepEqual(ids, c.ids) || !reflect.DeepEqual(lines, c.lines) {
				t.Errorf("got ids %v on lines %v, want %v on %v", ids, lines, c.ids, c.lines)
			}
			if got := jpLines(res.Skipped); !reflect.DeepEqual(got, c.skipLines) {
				t.Errorf("skipped on lines %v (%v), want %v", got, res.Skipped, c.skipLines)
			}
		})
	}
}

func TestOpenAlexFields(t *testing.T) {
	res := jpRead(t, `{"meta": {"count": 2, "page": 1},
 "results": [
  {"id": "W2", "title": null, "display_name": "Two", "host_venue": {"display_name": "Old Venue", "issn_l": "1234-5678"}, "publication_date": "1999-05-01"},
  {"id": "W3", "title": "T", "concepts": [{"display_name": "Biology"}, {"display_name": "Biology"}], "abstract_inverted_index": {"a": ["x"]}}
 ]}`, "openalex")
	if len(res.Records) != 2 {
		t.Fatalf("got %d records, want 2", len(res.Records))
	}
	r := res.Records[0]
	if r.Title != "Two" || r.Venue != "Old Venue" || r.IDs["issn"] != "1234-5678" || r.Year != 1999 {
		t.Errorf("old response: got %+v, want title Two, venue Old Venue with its ISSN, year 1999 from the date", r)
	}
	r = res.Records[1]
	if !reflect.DeepEqual(r.IndexKeywords, []string{"Biology"}) || r.Abstract != "" {
		t.Errorf("got index keywords %q, abstract %q; want the concept once and no abstract", r.IndexKeywords, r.Abstract)
	}
	if !jpHas(res.Warnings, "abstract_inverted_index is damaged") {
		t.Errorf("warnings %v do not report the damaged abstract", res.Warnings)
	}

	res = jpRead(t, `{"id":"W4","title":"T","referenced_works":["W1",null]}`, "openalex")
	if refCount(res.Records) != 1 || !jpHas(res.Warnings, "referenced work 2 is empty") {
		t.Errorf("got %d references, warnings %v; want 1 and the null reported", refCount(res.Records), res.Warnings)
	}

	res = jpRead(t, `{"ids":{"openalex":"https://openalex.org/W9"},"title":"T"}`, "openalex")
	if len(res.Records) != 1 || res.Records[0].IDs["openalex"] != "W9" {
		t.Errorf("got %+v, want the id taken from ids.openalex", res.Records)
	}

	res = jpRead(t, `{"meta":{"count":10},"results":[],"group_by":[{"key":"2020","count":10}]}`, "openalex")
	if len(res.Records) != 0 || !jpHas(res.Warnings, "group_by") {
		t.Errorf("group_by response: got %d records, warnings %v", len(res.Records), res.Warnings)
	}
}

func TestOpenAlexAbstract(t *testing.T) {
	got, bad := oaAbstract(map[string][]int{"b": {1}, "a": {0, 2}, "x": {-1}})
	if got != "a b a" || !bad {
		t.Errorf("oaAbstract = %q, %v; want \"a b a\", true", got, bad)
	}
}

func TestOpenAlexIDs(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"https://openalex.org/W2741809807", "W2741809807"},
		{"https://openalex.org/works/w123", "W123"},
		{"W5", "W5"},
		{"https://openalex.org/A5048491430", ""},
		{"W12x", ""},
	} {
		if got := oaShortID(c.in); got != c.want {
			t.Errorf("oaShortID(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestOpenAlexSniff(t *testing.T) {
	for _, c := range []struct {
		name, head string
		want       bool
	}{
		{"work", oaTestWork, true},
		{"selected fields", `{"results":[{"id":"https://openalex.org/W1","referenced_works":[]}]}`, true},
		{"crossref", crTestWork, false},
		{"author entity", `{"id":"https://openalex.org/A1","display_name":"X","cited_by_count":3,"works_count":5}`, false},
		{"csv", "id,publication_year,authorships\nW1,2020,x\n", false},
	} {
		if got := oaSniff("x", []byte(c.head)); got != c.want {
			t.Errorf("%s: oaSniff = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestOpenAlexCorpus(t *testing.T) {
	for _, c := range []struct {
		file                            string
		records, withRefs, refs, titled int
	}{
		{"openalex/Academic-Explorer_W2741809807.json", 1, 1, 45, 1},
		// W2911964244 (Breiman, Random Forests) has null title and display_name
		{"openalex/Academic-Explorer_page__3D__1__26__per_page__3D__50.json", 50, 38, 1802, 49},
	} {
		t.Run(c.file, func(t *testing.T) {
			res := readCorpus(t, c.file)
			if res.Format != "openalex" {
				t.Fatalf("detected %q, want openalex", res.Format)
			}
			if len(res.Skipped) != 0 || len(res.Warnings) != 0 {
				t.Errorf("skipped %v, warnings %v; want none", res.Skipped, res.Warnings)
			}
			withRefs, titled := 0, 0
			for _, r := range res.Records {
				if len(r.References) > 0 {
					withRefs++
				}
				if r.Title != "" {
					titled++
				}
				if r.IDs["openalex"] == "" || r.Year == 0 {
					t.Errorf("%s: record lacks id or year: %+v", r.Source, r)
				}
				if r.RefsDeclared == nil || *r.RefsDeclared != len(r.References) {
					t.Errorf("%s: %d references, declared %v", r.Source, len(r.References), r.RefsDeclared)
				}
				for _, ref := range r.References {
					if ref.IDs["openalex"] != ref.Raw || ref.Line <= r.Line {
						t.Errorf("%s: reference %+v lacks its id or line", r.Source, ref)
					}
				}
			}
			got := []int{len(res.Records), withRefs, refCount(res.Records), titled}
			if want := []int{c.records, c.withRefs, c.refs, c.titled}; !reflect.DeepEqual(got, want) {
				t.Errorf("records, with refs, refs, with title = %v, want %v", got, want)
			}
		})
	}
}

func FuzzOpenAlex(f *testing.F) {
	f.Add([]byte(oaTestWork))
	f.Add([]byte(`{"meta":{},"results":[{"id":"W1","abstract_inverted_index":{"a":[0,99999999]}}],"group_by":[]}`))
	f.Add([]byte("{\"id\":\"W1\"}\n{\"id\":\n[{\"referenced_works\":[1,null,{}]}]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, "openalex", data)
	})
}

func BenchmarkOpenAlex(b *testing.B) {
	data, err := os.ReadFile(corpusFile(b, "openalex/Academic-Explorer_page__3D__1__26__per_page__3D__50.json"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Read("bench", bytes.NewReader(data), "openalex"); err != nil {
			b.Fatal(err)
		}
	}
}
