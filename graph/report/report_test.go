package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/parse"
)

var update = flag.Bool("update", false, "rewrite golden files")

// sample builds a report from a hand-made graph: two 2020 papers citing an
// untitled undated work and a 1990 classic with a very long title; one file
// skipped a record.
func sample(t *testing.T) *Report {
	t.Helper()
	long := strings.Repeat("A very long title about citation analysis ", 5)
	res := &graph.Resolution{Works: []graph.Work{
		{ID: "a", InCorpus: true, Label: "Smith 2020", Title: "Alpha", Year: 2020, Authors: []parse.Author{{Family: "Smith"}}},
		{ID: "b", InCorpus: true, Label: "Jones 2020", Title: "Beta", Year: 2020},
		{ID: "c", Label: parse.Shorten(long, 80), Title: long, Year: 1990},
		{ID: "d", Label: "untitled work"},
	}, Citations: []graph.Citation{{From: 0, To: 2}, {From: 0, To: 3}, {From: 1, To: 2}}}
	res.Stats = graph.Stats{Records: 3, CorpusWorks: 2, DuplicatesMerged: 1, References: 3, ByMethod: map[string]int{"new": 2, "title": 1}, Unresolved: 1}
	g := graph.New(res)
	m := g.Metrics(nil)
	results := []*parse.Result{
		{File: "data/a.ris", Format: "ris", Records: []parse.Record{
			{Title: "Alpha", References: make([]parse.Reference, 2), RefsDeclared: parse.IntPtr(3)},
			{Title: "Alpha again"}}},
		{File: "data/b.txt", Format: "wos", Records: []parse.Record{{Title: "Beta", References: make([]parse.Reference, 1)}},
			Skipped: []*parse.ParseError{{File: "data/b.txt", Line: 40, Err: os.ErrInvalid}}},
	}
	fileErrs := []error{&parse.ParseError{File: "data/c.png", Err: parse.ErrBinary}}
	return Build(results, fileErrs, g, m, g.Coupling(nil), g.Cocitation(nil), res.Stats, &Options{Metric: "in_degree", Top: 3})
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		os.WriteFile(path, got, 0o644)
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update creates it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s changed; got:\n%s\n(go test -update rewrites it if intended)", name, got)
	}
}

func TestBuild(t *testing.T) {
	r := sample(t)
	if r.Records != 3 || r.RefsListed != 3 || r.RefsDeclared != 3 || r.NoRefs != 1 {
		t.Errorf("account: records %d, refs %d, declared %d, without refs %d; want 3, 3, 3, 1", r.Records, r.RefsListed, r.RefsDeclared, r.NoRefs)
	}
	if r.Works != 4 || r.CorpusWorks != 2 || r.CitedOnly != 2 || r.Citations != 3 {
		t.Errorf("graph: %d works (%d corpus, %d cited), %d citations", r.Works, r.CorpusWorks, r.CitedOnly, r.Citations)
	}
	// top 3 by in-degree: c (2 citations), then d (1); then a or b (0) by the
	// other metrics and ID.
	if len(r.Ranking) != 3 || r.Ranking[0].ID != "c" || r.Ranking[1].ID != "d" {
		t.Errorf("ranking = %+v", r.Ranking)
	}
	// a and b share c: one coupled pair, cosine 1/sqrt(2*1).
	if len(r.Coupling) != 1 || r.Coupling[0].Count != 1 || r.Coupling[0].A != "a" {
		t.Errorf("coupling = %+v", r.Coupling)
	}
	if len(r.Problems) != 2 || !strings.Contains(r.Problems[0], "data/b.txt:40") || !strings.Contains(r.Problems[1], "data/c.png: binary") {
		t.Errorf("problems = %q", r.Problems)
	}
}

func TestWriteText(t *testing.T) {
	r := sample(t)
	for _, width := range []int{60, 100, 160} {
		var b bytes.Buffer
		if err := WriteText(&b, r, TextOptions{Width: width}); err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(b.String(), "\n") {
			if n := utf8.RuneCountInString(line); n > width {
				t.Errorf("width %d: line of %d runes: %q", width, n, line)
			}
		}
		if strings.Contains(b.String(), "null") || strings.Contains(b.String(), "\x1b") {
			t.Errorf("width %d: null or escape codes in plain text", width)
		}
		if width == 100 {
			golden(t, "sample.txt", b.Bytes())
		}
	}
	var b bytes.Buffer
	WriteText(&b, r, TextOptions{Width: 100, Color: true})
	if !strings.Contains(b.String(), "\x1b[1m") {
		t.Error("Color: no ANSI styles")
	}
}

func TestWriteOtherFormats(t *testing.T) {
	r := sample(t)
	var js bytes.Buffer
	if err := WriteJSON(&js, r); err != nil {
		t.Fatal(err)
	}
	var back Report
	if err := json.Unmarshal(js.Bytes(), &back); err != nil || back.Works != 4 || len(back.Ranking) != 3 {
		t.Errorf("JSON round trip: %v, %+v", err, back)
	}
	var cs bytes.Buffer
	if err := WriteCSV(&cs, r); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&cs).ReadAll()
	if err != nil || len(rows) != 4 || rows[0][0] != "rank" || rows[1][1] != "c" {
		t.Errorf("CSV: %v, %q", err, rows)
	}
	var md bytes.Buffer
	if err := WriteMarkdown(&md, r); err != nil {
		t.Fatal(err)
	}
	golden(t, "sample.md", md.Bytes())
}
