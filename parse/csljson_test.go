package parse

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func cslReadString(t *testing.T, in string) *Result {
	t.Helper()
	res, err := Read("t.json", strings.NewReader(in), "csl-json")
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return res
}

func TestCSLJSONItems(t *testing.T) {
	in := `[
  {
    "id": "smith2019",
    "type": "article-journal",
    "title": "Graphs of  citations",
    "author": [
      {"family": "Smith", "given": "John"},
      {"family": "Beethoven", "given": "Ludwig", "dropping-particle": "van"},
      {"family": "Berg", "given": "Anna", "non-dropping-particle": "van der"},
      {"family": "King", "given": "Martin", "suffix": "Jr."},
      {"literal": "World Health Organization"}
    ],
    "issued": {"date-parts": [[2019, 5, 1]]},
    "container-title": "Journal of Graphs",
    "container-title-short": "J. Graphs",
    "volume": 12, "issue": "3", "page": "101–110",
    "DOI": "https://doi.org/10.1234/ABC",
    "ISSN": "1234-5678", "PMID": "31000000", "PMCID": "PMC6500000",
    "URL": "https://example.org/a",
    "abstract": "An  abstract.",
    "keyword": "graphs; citations"
  },
  {"id": 7, "type": "book", "title": "A Book", "issued": {"date-parts": [["2001"]]}, "ISBN": "978-3-16-148410-0",
   "keyword": "one, two"},
  {"id": "c", "type": "report", "title": "Raw date", "issued": {"raw": "March 1999"}},
  {"id": "d", "type": "report", "title": "Literal date", "issued": {"literal": "circa 1850"}}
]`
	res := cslReadString(t, in)
	if len(res.Records) != 4 || len(res.Warnings) != 0 || len(res.Skipped) != 0 {
		t.Fatalf("records %d warnings %v skipped %v", len(res.Records), res.Warnings, res.Skipped)
	}
	r := res.Records[0]
	want := Record{Line: 2, Type: "article-journal", Title: "Graphs of citations",
		Authors: []Author{{Family: "Smith", Given: "John"}, {Family: "van Beethoven", Given: "Ludwig"}, {Family: "van der Berg", Given: "Anna"},
			{Family: "King Jr.", Given: "Martin"}, {Family: "World Health Organization"}},
		Year: 2019, Venue: "Journal of Graphs", VenueAbbrev: "J. Graphs", Volume: "12", Issue: "3",
		Pages: "101-110", DOI: "10.1234/abc", Abstract: "An abstract.", Keywords: []string{"graphs", "citations"},
		IDs: map[string]string{"key": "smith2019", "issn": "1234-5678", "pmid": "31000000", "pmcid": "PMC6500000",
			"url": "https://example.org/a"}}
	got := Record{Line: r.Line, Type: r.Type, Title: r.Title, Authors: r.Authors, Year: r.Year, Venue: r.Venue,
		VenueAbbrev: r.VenueAbbrev, Volume: r.Volume, Issue: r.Issue, Pages: r.Pages, DOI: r.DOI,
		Abstract: r.Abstract, Keywords: r.Keywords, IDs: r.IDs}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("item 1\n got %+v\nwant %+v", got, want)
	}
	if r.Format != "csl-json" || r.Source != "t.json:2" {
		t.Errorf("format %q source %q", r.Format, r.Source)
	}
	r = res.Records[1]
	if r.Line != 23 || r.Year != 2001 || r.IDs["key"] != "7" || r.IDs["isbn"] != "978-3-16-148410-0" ||
		!reflect.DeepEqual(r.Keywords, []string{"one", "two"}) {
		t.Errorf("item 2 %+v", r)
	}
	if r := res.Records[2]; r.Year != 1999 || r.Line != 25 {
		t.Errorf("item 3 %+v", r)
	}
	if r := res.Records[3]; r.Year != 1850 || r.Line != 26 {
		t.Errorf("item 4 %+v", r)
	}
}

func TestCSLJSONSingleAndLines(t *testing.T) {
	res := cslReadString(t, `{"id": "a", "type": "book", "title": "One"}`)
	if len(res.Records) != 1 || res.Records[0].Title != "One" || res.Records[0].Line != 1 {
		t.Errorf("single item: %+v", res.Records)
	}
	res = cslReadString(t, "{\"id\": \"a\", \"type\": \"book\", \"title\": \"One\"}\n\n{\"id\": \"b\", \"type\": \"book\", \"title\": \"Two\"}\n")
	if len(res.Records) != 2 || res.Records[1].Title != "Two" || res.Records[1].Line != 3 {
		t.Errorf("json lines: %+v", res.Records)
	}
	res = cslReadString(t, "{\"type\": \"book\", \"title\": \"One\"}\n}\n{\"type\": \"book\", \"title\": \"Two\"}\n")
	if len(res.Records) != 1 || len(res.Skipped) != 1 || res.Skipped[0].Line != 2 {
		t.Errorf("stray brace: records %+v, skipped %v", res.Records, res.Skipped)
	}
}

func TestCSLJSONDamaged(t *testing.T) {
	in := `[
  "not an item", {},
  {"id": "a", "type": "book", "title": {"x": 1}, "author": "Smith", "issued": {"date-parts": [["spring"]]}},
  {"id": "b", "type": "book", "title": "Fine", "DOI": "none"},
  {"id": "c", "title": "Broken" "type": "book"}
]`
	res := cslReadString(t, in)
	if len(res.Records) != 2 || res.Records[1].Title != "Fine" {
		t.Fatalf("records %+v", res.Records)
	}
	if r := res.Records[0]; r.Title != "" || r.Authors != nil || r.Year != 0 || r.IDs["key"] != "a" {
		t.Errorf("damaged item %+v", r)
	}
	var warns, skips []string
	for _, w := range res.Warnings {
		warns = append(warns, strings.TrimPrefix(w.Error(), "t.json:"))
	}
	for _, w := range res.Skipped {
		skips = append(skips, strings.TrimPrefix(w.Error(), "t.json:"))
	}
	wantWarns := []string{
		`3: item field "title" is not text, ignored`,
		`3: item authors are not a list of names, ignored`,
		`3: item date {"date-parts": [["spring"]]} holds no year`,
		`4: DOI "none" is not a doi`,
	}
	if !reflect.DeepEqual(warns, wantWarns) {
		t.Errorf("warnings\n got %q\nwant %q", warns, wantWarns)
	}
	if len(skips) != 3 || skips[0] != "2: item is not a json object" || !strings.HasPrefix(skips[1], "2: item has none of the CSL variables") ||
		!strings.HasPrefix(skips[2], "5: invalid json, the rest of the file is not read") {
		t.Errorf("skipped %q", skips)
	}
}

func TestCSLJSONSniff(t *testing.T) {
	yes := []string{
		`[{"id": "a", "type": "article-journal", "title": "T"}]`,
		"  [\n {\"type\": \"book\", \"author\": [{\"family\": \"X\"}], \"note\": {\"deep\": [1, {\"a\": 2}]}}]",
		`{"id": "a", "type": "book", "issued": {"date-parts": [[2000]]}}`,
		`[{"id": "a", "type": "book", "title": "cut off here`, // head cut inside the first item
	}
	no := []string{
		`{"status": "ok", "message-type": "work", "message": {"type": "journal-article", "title": ["T"]}}`,
		`{"indexed": {}, "reference-count": 3, "type": "journal-article", "title": ["T"], "author": []}`,
		`{"type": "journal-article", "title": ["T"], "author": []}`,
		`{"id": "https://openalex.org/W1", "title": "T", "display_name": "T", "type": "article", "referenced_works": []}`,
		`{"meta": {"count": 1}, "results": [{"type": "article", "title": "T"}]}`,
		`[{"lens_id": "000-1", "type": "journal article", "title": "T"}]`,
		`[{"id": "a", "title": "no type"}]`,
		`[1, 2, 3]`,
		"@article{k, title = {x}}",
		"TY  - JOUR\nER  - \n",
	}
	for _, s := range yes {
		if !cslSniff("x", []byte(s)) {
			t.Errorf("cslSniff(%q) = false", s)
		}
	}
	for _, s := range no {
		if cslSniff("x", []byte(s)) {
			t.Errorf("cslSniff(%q) = true", s)
		}
	}
}

func TestCSLJSONDetected(t *testing.T) {
	res, err := Read("items.json", strings.NewReader(`[{"id": "a", "type": "book", "title": "T"}]`), "")
	if err != nil || res.Format != "csl-json" || len(res.Records) != 1 {
		t.Errorf("format %q, %d records, %v", res.Format, len(res.Records), err)
	}
}

func FuzzCSLJSON(f *testing.F) {
	seeds := []string{
		`[{"id": "a", "type": "book", "title": "T", "author": [{"family": "X", "given": "Y"}], "issued": {"date-parts": [[2000]]}}]`,
		`{"id": 1, "type": "x", "issued": "1999", "keyword": ["a", "b"], "page": 3}`,
		`[{"author": [{"literal": 5}], "issued": {"raw": null}}, [], "x", {]`,
		`[{"issued": {"date-parts": [[]]}}, {"issued": {"date-parts": []}}]`,
		"{}\n{}\n{",
		`x`,
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, "csl-json", data)
	})
}

// BenchmarkCSLJSON reads a generated array of 5,000 Zotero-like items (no
// CSL-JSON file is among the shared corpora).
func BenchmarkCSLJSON(b *testing.B) {
	var buf bytes.Buffer
	buf.WriteString("[\n")
	for i := range 5000 {
		if i > 0 {
			buf.WriteString(",\n")
		}
		fmt.Fprintf(&buf, `  {
    "id": "item%d", "type": "article-journal", "title": "A study of citation graphs number %d",
    "author": [{"family": "Smith", "given": "John"}, {"family": "Berg", "given": "Anna", "non-dropping-particle": "van der"}],
    "issued": {"date-parts": [[%d, 5, 1]]}, "container-title": "Journal of Graphs", "volume": "%d", "issue": "2",
    "page": "100-110", "DOI": "10.1234/jg.%d", "abstract": "We study graphs of citations between papers and what they show."
  }`, i, i, 1950+i%70, i%40, i)
	}
	buf.WriteString("\n]\n")
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		res, err := Read("bench.json", bytes.NewReader(data), "csl-json")
		if err != nil || len(res.Records) != 5000 {
			b.Fatalf("%v, %d records", err, len(res.Records))
		}
	}
}
