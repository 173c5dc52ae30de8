package parse

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"
)

// crTestWork is a single-work API response written for these tests; the
// line numbers in TestCrossrefWork count its lines.
const crTestWork = `{
  "status": "ok",
  "message-type": "work",
  "message": {
    "DOI": "10.5555/XYZ.1",
    "title": ["Effects of <i>Escherichia coli</i> &amp; friends"],
    "subtitle": ["a study"],
    "author": [
      {"given": "Jane A.", "family": "Doe", "sequence": "first"},
      {"name": "The Consortium"},
      {"given": "John", "family": "Roe", "suffix": "Jr."}
    ],
    "issued": {"date-parts": [[2019, 4]]},
    "created": {"date-parts": [[2018, 12, 1]]},
    "container-title": ["Journal of Tests"],
    "short-container-title": ["J. Tests"],
    "volume": "12",
    "issue": "3",
    "page": "100-110",
    "ISSN": ["1234-5678", "8765-4321"],
    "abstract": "<jats:title>Abstract</jats:title><jats:p>First part.</jats:p><jats:p>Second <jats:italic>part</jats:italic>.</jats:p>",
    "type": "journal-article",
    "is-referenced-by-count": 7,
    "reference-count": 5,
    "reference": [
      {"key": "r1", "DOI": "10.5555/ABC", "author": "Smith", "year": "2001", "journal-title": "Nature", "volume": "5", "first-page": "12"},
      {"key": "r2", "unstructured": "Brown, A. (1999). A book. Oxford.", "year": "1998"},
      {"key": "r3", "volume-title": "The Big Book", "author": "K Lee", "year": "2005", "ISBN": "9780000000001"},
      {"key": "r4", "article-title": "A chapter", "volume-title": "Edited Volume", "year": "2010"},
      {"key": "r5"}
    ]
  }
}
`

func TestCrossrefWork(t *testing.T) {
	res := jpRead(t, crTestWork, "")
	if res.Format != "crossref" {
		t.Fatalf("detected %q, want crossref", res.Format)
	}
	if len(res.Records) != 1 || len(res.Skipped) != 0 || len(res.Warnings) != 0 {
		t.Fatalf("got %d records, skipped %v, warnings %v; want 1 record and no problems", len(res.Records), res.Skipped, res.Warnings)
	}
	r := res.Records[0]
	want := Record{
		Source: "test:4", Format: "crossref", Line: 4, File: "test",
		Title:       "Effects of Escherichia coli & friends: a study",
		Label:       "Effects of Escherichia coli & friends: a study",
		Authors:     []Author{{Family: "Doe", Given: "Jane A."}, {Family: "The Consortium", Given: ""}, {Family: "Roe Jr.", Given: "John"}},
		Year:        2019,
		Venue:       "Journal of Tests",
		VenueAbbrev: "J. Tests",
		Volume:      "12", Issue: "3", Pages: "100-110",
		DOI:          "10.5555/xyz.1",
		IDs:          map[string]string{"issn": "1234-5678"},
		Type:         "journal-article",
		Abstract:     "First part. Second part.",
		CitedBy:      IntPtr(7),
		RefsDeclared: IntPtr(5),
	}
	got := r
	got.References = nil
	if !reflect.DeepEqual(got, want) {
		t.Errorf("record:\n got %+v\nwant %+v", got, want)
	}
	if len(r.References) != 5 {
		t.Fatalf("got %d references, want 5", len(r.References))
	}
	refs := r.References
	wantR1 := Reference{Raw: "Smith, 2001, Nature, 5, 12, DOI 10.5555/abc", Authors: []Author{{Family: "Smith"}},
		Year: 2001, Venue: "Nature", Volume: "5", Pages: "12", DOI: "10.5555/abc", Line: 26}
	if !reflect.DeepEqual(refs[0], wantR1) {
		t.Errorf("reference 1:\n got %+v\nwant %+v", refs[0], wantR1)
	}
	// unstructured text is the raw form; the structured year wins over the text's
	if refs[1].Raw != "Brown, A. (1999). A book. Oxford." || refs[1].Year != 1998 || refs[1].Line != 27 {
		t.Errorf("reference 2 = %+v, want the unstructured text, year 1998, line 27", refs[1])
	}
	wantR3 := Reference{Raw: "Lee, 2005, The Big Book", Authors: []Author{{Family: "Lee", Given: "K"}}, Year: 2005,
		Title: "The Big Book", IDs: map[string]string{"isbn": "9780000000001"}, Line: 28}
	if !reflect.DeepEqual(refs[2], wantR3) {
		t.Errorf("reference 3:\n got %+v\nwant %+v", refs[2], wantR3)
	}
	if refs[3].Title != "A chapter" || refs[3].Venue != "Edited Volume" || refs[3].Raw != "2010, Edited Volume" {
		t.Errorf("reference 4 = %+v, want title A chapter in venue Edited Volume", refs[3])
	}
	if refs[4].Raw != "r5" || refs[4].Line != 30 {
		t.Errorf("reference 5 = %+v, want the key r5 as raw text on line 30", refs[4])
	}
}

func TestCrossrefLayouts(t *testing.T) {
	for _, c := range []struct {
		name, in  string
		dois      []string
		lines     []int
		skipLines []int
	}{
		{"list response", `{"status":"ok","message-type":"work-list","message":{"facets":{},"total-results":2,"items":[
{"DOI":"10.5555/a","title":["A"],"reference-count":0},
{"DOI":"10.5555/b","title":["B"]}
],"items-per-page":20}}`, []string{"10.5555/a", "10.5555/b"}, []int{2, 3}, nil},
		{"bare items", `{"items":[{"DOI":"10.5555/a","title":["A"],"member":"1","prefix":"10.5555"}],"items-per-page":1,"query":{}}`,
			[]string{"10.5555/a"}, []int{1}, nil},
		{"bare work", "{\n\"DOI\":\"10.5555/a\",\"title\":[\"A\"],\"indexed\":{},\"member\":\"1\"}", []string{"10.5555/a"}, []int{1}, nil},
		{"array", "[{\"DOI\":\"10.5555/a\",\"member\":\"1\",\"prefix\":\"x\"},\n 5,\n {\"DOI\":\"10.5555/b\"}]",
			[]string{"10.5555/a", "10.5555/b"}, []int{1, 3}, []int{2}},
		{"json lines", `{"DOI":"10.5555/a","title":["A"],"member":"1","prefix":"x"}
{"DOI":"10.5555/b", "title":
{"DOI":"10.5555/c","title":["C"]}
`, []string{"10.5555/a", "10.5555/c"}, []int{1, 3}, []int{2}},
		{"cut off", "{\"items\":[{\"DOI\":\"10.5555/a\"},\n{\"DOI\":\"10.5555/b\"", []string{"10.5555/a"}, []int{1}, []int{2}},
		{"error text", `{"status":"failed","message-type":"route-not-found","message":"bad route"}`, nil, nil, []int{1}},
		{"error response", `{"status":"failed","message-type":"validation-failure","message":[{"type":"parameter-not-allowed","value":"x","message":"x is not allowed"}]}`,
			nil, nil, []int{1, 1}},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := jpRead(t, c.in, "crossref")
			var dois []string
			var lines []int
			for _, r := range res.Records {
				dois = append(dois, r.DOI)
				lines = append(lines, r.Line)
			}
			if !reflect.DeepEqual(dois, c.dois) || !reflect.DeepEqual(lines, c.lines) {
				t.Errorf("got DOIs %v on lines %v, want %v on %v", dois, lines, c.dois, c.lines)
			}
			if got := jpLines(res.Skipped); !reflect.DeepEqual(got, c.skipLines) {
				t.Errorf("skipped on lines %v (%v), want %v", got, res.Skipped, c.skipLines)
			}
		})
	}
}

func TestCrossrefFields(t *testing.T) {
	// CSL-style text titles, a null year part, references-count
	res := jpRead(t, `{"DOI":"10.5555/b","title":"B","container-title":"J","references-count":3,`+
		`"published-print":{"date-parts":[[null]]},"published-online":{"date-parts":[["2020"]]}}`, "crossref")
	if len(res.Records) != 1 {
		t.Fatalf("got %d records, want 1", len(res.Records))
	}
	r := res.Records[0]
	if r.Title != "B" || r.Venue != "J" || r.Year != 2020 || r.RefsDeclared == nil || *r.RefsDeclared != 3 || r.CitedBy != nil {
		t.Errorf("got %+v, want title B, venue J, year 2020, 3 declared references, no citation count", r)
	}

	// a field of the wrong kind is reported and the rest is read
	res = jpRead(t, `{"DOI":"10.5555/a","author":{"family":"X"},"title":["T"]}`, "crossref")
	if len(res.Records) != 1 || res.Records[0].Title != "T" || len(res.Records[0].Authors) != 0 {
		t.Fatalf("got %+v, want one record titled T without authors", res.Records)
	}
	if !jpHas(res.Warnings, `"author"`) {
		t.Errorf("warnings %v do not name the author field", res.Warnings)
	}

	res = jpRead(t, `{"status":"failed","message-type":"route-not-found","message":"bad route"}`, "crossref")
	if !jpHas(res.Skipped, `status is "failed"`) {
		t.Errorf("skipped %v, want the failed status reported", res.Skipped)
	}

	// an object with nothing of a work is skipped, not read as an empty work
	res = jpRead(t, `{"foo":1}`, "crossref")
	if len(res.Records) != 0 || !jpHas(res.Skipped, "not a crossref work") {
		t.Errorf("got %d records, skipped %v; want the object skipped", len(res.Records), res.Skipped)
	}
}

func TestCrossrefFill(t *testing.T) {
	// structured fields win; the text adds what they lack, a page range
	// starting at the deposited first page, and the full author list when
	// its first author is the deposited one
	ref := Reference{Authors: []Author{{Family: "Tucker", Given: "T"}}, Year: 2009, Pages: "142", Volume: "85"}
	crFill(&ref, Reference{
		Authors: []Author{{Family: "Tucker", Given: "T."}, {Family: "Marra", Given: "M."}},
		Year:    2008, Pages: "142–154", Volume: "86", Title: "Sequencing",
		DOI: "10.5555/t", IDs: map[string]string{"pmid": "1"},
	})
	want := Reference{Authors: []Author{{Family: "Tucker", Given: "T."}, {Family: "Marra", Given: "M."}}, Year: 2009, Pages: "142–154",
		Volume: "85", Title: "Sequencing", DOI: "10.5555/t", IDs: map[string]string{"pmid": "1"}}
	if !reflect.DeepEqual(ref, want) {
		t.Errorf("crFill:\n got %+v\nwant %+v", ref, want)
	}
	ref = Reference{Authors: []Author{{Family: "Lee"}}, Pages: "14"}
	crFill(&ref, Reference{Authors: []Author{{Family: "Kim"}, {Family: "Park"}}, Pages: "1420-1430"})
	if ref.Authors[0].Family != "Lee" || len(ref.Authors) != 1 || ref.Pages != "14" {
		t.Errorf("crFill replaced structured fields: %+v", ref)
	}
}

func TestCrossrefSniff(t *testing.T) {
	for _, c := range []struct {
		name, head string
		want       bool
	}{
		{"api response", crTestWork, true},
		{"bare work", `{"indexed":{"date-parts":[[2020]]},"reference-count":3,"DOI":"10.5555/x"}`, true},
		{"openalex", oaTestWork, false},
		{"csl-json", `[{"id":"doe2019","type":"article-journal","title":"T","container-title":"J",` +
			`"author":[{"family":"Doe","given":"J"}],"issued":{"date-parts":[[2019]]},"DOI":"10.5555/x"}]`, false},
		{"csv", "citing,cited\n10.5555/a,10.5555/b\n", false},
		{"text mentioning keys", `The keys "reference-count": and "member": appear in prose.`, false},
	} {
		if got := crSniff("x", []byte(c.head)); got != c.want {
			t.Errorf("%s: crSniff = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestCrossrefCorpus(t *testing.T) {
	for _, c := range []struct {
		file                              string
		records, withRefs, refs, declared int
		withDOI                           int
	}{
		{"crossref/abbotsbury_test1.json", 1, 1, 68, 68, 68},
		{"crossref/abbotsbury_test2.json", 1, 1, 161, 161, 141},
		{"crossref/commonmeta-py_crossref.json", 1, 1, 27, 27, 27},
		{"crossref/oc_meta_crossref_2019.json", 20, 8, 300, 489, 205},
		// The README counts 40 references with a DOI field; reference b36 of
		// 10.1108/jd-12-2013-0166 has no DOI field but its unstructured text
		// ends "doi:10.1045/june2004-harnad", which the reader keeps: 41.
		{"crossref/opencitations-index_crossref_dump.json", 5, 2, 43, 172, 41},
	} {
		t.Run(c.file, func(t *testing.T) {
			res := readCorpus(t, c.file)
			if res.Format != "crossref" {
				t.Fatalf("detected %q, want crossref", res.Format)
			}
			if len(res.Skipped) != 0 || len(res.Warnings) != 0 {
				t.Errorf("skipped %v, warnings %v; want none", res.Skipped, res.Warnings)
			}
			withRefs, declared, withDOI := 0, 0, 0
			for _, r := range res.Records {
				if len(r.References) > 0 {
					withRefs++
				}
				if r.RefsDeclared != nil {
					declared += *r.RefsDeclared
				}
				// every work of these files has a DOI, a year and authors
				// (one of oc_meta's has an empty title list)
				if r.DOI == "" || r.Year == 0 || len(r.Authors) == 0 {
					t.Errorf("%s: record lacks DOI, year or authors: %+v", r.Source, r)
				}
				for _, ref := range r.References {
					if ref.DOI != "" {
						withDOI++
					}
					if ref.Raw == "" || ref.Line == 0 {
						t.Errorf("%s: reference without raw text or line: %+v", r.Source, ref)
					}
				}
			}
			got := []int{len(res.Records), withRefs, refCount(res.Records), declared, withDOI}
			want := []int{c.records, c.withRefs, c.refs, c.declared, c.withDOI}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("records, with refs, refs, declared, refs with DOI = %v, want %v", got, want)
			}
		})
	}
}

// TestCrossrefMatchesOpenCitations checks the citation pairs read from the
// Crossref dump against the pairs the OpenCitations pipeline extracted from
// the same dump (its gold output, read with the citations-csv reader).
func TestCrossrefMatchesOpenCitations(t *testing.T) {
	dump := readCorpus(t, "crossref/opencitations-index_crossref_dump.json")
	gold := readCorpus(t, "crossref/opencitations-index_crossref_citations.csv")
	pairs := func(recs []Record) map[string]bool {
		m := map[string]bool{}
		for _, r := range recs {
			for _, ref := range r.References {
				if ref.DOI != "" {
					m[r.DOI+" -> "+ref.DOI] = true
				}
			}
		}
		return m
	}
	got, want := pairs(dump.Records), pairs(gold.Records)
	if len(want) != 40 {
		t.Fatalf("gold file gives %d pairs, want 40", len(want))
	}
	// OpenCitations takes DOI fields only; the reader also finds the DOI
	// written in the unstructured text of one reference (see TestCrossrefCorpus)
	const fromText = "10.1108/jd-12-2013-0166 -> 10.1045/june2004-harnad"
	if !got[fromText] {
		t.Errorf("pair %s, whose DOI is in the reference text, not found", fromText)
	}
	delete(got, fromText)
	if !reflect.DeepEqual(got, want) {
		for p := range got {
			if !want[p] {
				t.Errorf("extra pair %s", p)
			}
		}
		for p := range want {
			if !got[p] {
				t.Errorf("missing pair %s", p)
			}
		}
	}
}

func FuzzCrossref(f *testing.F) {
	f.Add([]byte(crTestWork))
	f.Add([]byte(`{"message":{"items":[{"DOI":"10.5555/a","reference":[{"key":"k","unstructured":"x"}]}]}}`))
	f.Add([]byte("{\"DOI\":\"10.5555/a\"}\n{\"DOI\":\n[1,{\"title\":[[]]}]\n"))
	f.Add([]byte(`{"message":{"message":{"message":{"message":{"message":{"DOI":"10.5555/a"}}}}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, "crossref", data)
	})
}

func BenchmarkCrossref(b *testing.B) {
	data, err := os.ReadFile(corpusFile(b, "crossref/oc_meta_crossref_2019.json"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Read("bench", bytes.NewReader(data), "crossref"); err != nil {
			b.Fatal(err)
		}
	}
}

// crLongList builds a list response of n works for tests of size.
func crLongList(n int) string {
	var sb strings.Builder
	sb.WriteString(`{"message":{"items":[`)
	for i := range n {
		if i > 0 {
			sb.WriteString(",\n")
		}
		sb.WriteString(`{"DOI":"10.5555/w` + strings.Repeat("x", i%7) + `","title":["T"],"reference":[{"key":"a","DOI":"10.5555/r"}]}`)
	}
	sb.WriteString("]}}")
	return sb.String()
}

func TestCrossrefLongList(t *testing.T) {
	res := jpRead(t, crLongList(3000), "crossref")
	if len(res.Records) != 3000 || refCount(res.Records) != 3000 {
		t.Fatalf("got %d records with %d references, want 3000 and 3000", len(res.Records), refCount(res.Records))
	}
	if last := res.Records[2999]; last.Line != 3000 {
		t.Errorf("last work on line %d, want 3000", last.Line)
	}
}
