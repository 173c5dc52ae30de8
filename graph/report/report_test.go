package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
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
		{ID: "a", InCorpus: true, Label: "Smith 2020", Title: "Alpha", Year: 2020, Authors: []parse.Author{{Family: "Smith"}},
			CitedBy: parse.IntPtr(12)},
		{ID: "b", InCorpus: true, Label: "Jones 2020", Title: "Beta", Year: 2020},
		{ID: "c", Label: parse.Shorten(long, 80), Title: long, Year: 1990},
		{ID: "d", Label: "untitled work"},
	}, Citations: []graph.Citation{{From: 0, To: 2}, {From: 0, To: 3}, {From: 1, To: 2}}}
	res.Stats = graph.Stats{Records: 3, CorpusWorks: 2, DuplicatesMerged: 1, References: 3, ByMethod: map[string]int{"new": 2, "title": 1}, Unresolved: 1}
	g := graph.New(res)
	m := g.Metrics(nil)
	m.Hub[2] = 4.96e-73 // zero within floating-point error, as HITS leaves it
	results := []*parse.Result{
		{File: "data/a.ris", Format: "ris", Records: []parse.Record{
			{Title: "Alpha", References: make([]parse.Reference, 2), RefsDeclared: parse.IntPtr(3)},
			{Title: "Alpha again"}}},
		{File: "data/b.txt", Format: "wos", Records: []parse.Record{{Title: "Beta", References: make([]parse.Reference, 1)}},
			Skipped: []*parse.ParseError{{File: "data/b.txt", Line: 40, Err: os.ErrInvalid}}},
	}
	fileErrs := []error{&parse.ParseError{File: "data/c.png", Err: parse.ErrBinary}}
	d := g.Historiograph(m, nil)
	return Build(results, fileErrs, g, m, g.Coupling(nil), g.Cocitation(nil), res.Stats,
		&Options{Metric: "in_degree", Top: 3, Drawing: d, Outputs: []string{"out/citations.svg"}})
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
	// the file a.ris declares 3 references in one record, which lists 2
	if r.Declaring != 1 || r.RefsListedDeclaring != 2 {
		t.Errorf("declaring: %d records listing %d, want 1 listing 2", r.Declaring, r.RefsListedDeclaring)
	}
	// top 3 by in-degree, that is LCS: c (2 citations), then d (1); then a
	// (GCS 12) before b (no GCS).
	if len(r.Ranking) != 3 || r.Metric != "lcs" || r.Ranking[0].ID != "c" || r.Ranking[1].ID != "d" || r.Ranking[2].ID != "a" {
		t.Fatalf("ranking = %+v", r.Ranking)
	}
	if c, a := r.Ranking[0], r.Ranking[2]; c.LCS != 2 || c.GCS != nil || a.LCS != 0 || a.GCS == nil || *a.GCS != 12 || a.Refs != 2 {
		t.Errorf("LCS, GCS, refs: %+v, %+v", c, a)
	}
	if r.Ranking[0].Hub != 0 {
		t.Errorf("hub %v: a value zero within floating-point error is not 0", r.Ranking[0].Hub)
	}
	// the same label for a work wherever the report names it
	if r.Ranking[2].Label != "Smith 2020, Alpha" || r.Coupling[0].ALabel != r.Ranking[2].Label {
		t.Errorf("labels: ranking %q, coupling %q", r.Ranking[2].Label, r.Coupling[0].ALabel)
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
	if strings.Contains(b.String(), "e-73") || !strings.Contains(b.String(), "LCS    GCS") {
		t.Errorf("text: a value of 1e-73, or no LCS and GCS side by side:\n%s", b.String())
	}
}

// TestRankedColumn checks that the column a ranking is sorted by is shown,
// even where narrow reports leave it out otherwise.
func TestRankedColumn(t *testing.T) {
	r := sample(t)
	for metric, head := range map[string]string{"out_degree": "REFS", "hub": "HUB", "authority": "AUTH", "gcs": "GCS", "lcs": "LCS"} {
		r.Metric = metric
		var b bytes.Buffer
		WriteText(&b, r, TextOptions{Width: 60})
		var header []string
		for _, line := range strings.Split(b.String(), "\n") {
			if f := strings.Fields(line); len(f) > 2 && f[0] == "#" && f[1] == "WORK" {
				header = f
			}
		}
		if !slices.Contains(header, head) {
			t.Errorf("-metric %s at 60 columns: no %s column in %q", metric, head, header)
		}
	}
}

func TestReadSummary(t *testing.T) {
	for _, tc := range []struct {
		r    Report
		want string
	}{
		{Report{Records: 2, RefsListed: 10, Declaring: 2, RefsListedDeclaring: 10, RefsDeclared: 12},
			"2 records, 10 references listed of 12 declared; 0 records have no reference list."},
		{Report{Records: 2, RefsListed: 10, NoRefs: 1},
			"2 records, 10 references listed (no record declares how many it has); 1 record has no reference list."},
		{Report{Records: 1300, RefsListed: 75911, Declaring: 800, RefsListedDeclaring: 40000, RefsDeclared: 40248},
			"1,300 records, 75,911 references listed; the 800 records that declare how many they have list 40,000 of 40,248 declared; 0 records have no reference list."},
	} {
		if got := readSummary(&tc.r); got != tc.want {
			t.Errorf("readSummary = %q\nwant           %q", got, tc.want)
		}
	}
}

// TestJSONSnakeCase walks every key of the JSON report: snake_case, but for
// the resolution methods, which are data ("id:openalex").
func TestJSONSnakeCase(t *testing.T) {
	r := sample(t)
	var b bytes.Buffer
	if err := WriteJSON(&b, r); err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(b.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	snake := regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, val := range x {
				if !snake.MatchString(k) && !strings.HasSuffix(path, ".by_method") {
					t.Errorf("key %s.%s is not snake_case", path, k)
				}
				walk(path+"."+k, val)
			}
		case []any:
			for _, val := range x {
				walk(path+"[]", val)
			}
		}
	}
	walk("", v)
	for _, key := range []string{`"resolution"`, `"by_method"`, `"drawing"`, `"lcs"`, `"gcs"`} {
		if !strings.Contains(b.String(), key) {
			t.Errorf("JSON lacks %s", key)
		}
	}
}

// TestMarkdownComplete checks that the Markdown report carries every
// section and sentence of the text report.
func TestMarkdownComplete(t *testing.T) {
	r := sample(t)
	var text, md bytes.Buffer
	WriteText(&text, r, TextOptions{Width: 1000})
	WriteMarkdown(&md, r)
	flat := strings.Join(strings.Fields(md.String()), " ")
	for _, line := range strings.Split(text.String(), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.Contains(line, "WORK") || strings.HasPrefix(line, "FILE") || strings.Contains(line, "explain WORK") {
			continue // table headers, and the hint for the terminal
		}
		// a table row: its first words are in a Markdown row
		if fields := strings.Fields(line); len(fields) > 3 && (strings.Contains(line, "  ") || strings.HasPrefix(line, "data/")) {
			line = fields[0]
		}
		line = strings.TrimPrefix(line, "* = paper of the corpus")
		line = strings.TrimPrefix(line, "citegraph: ") // the Markdown title says it
		if !strings.Contains(flat, strings.Join(strings.Fields(line), " ")) {
			t.Errorf("markdown lacks %q", line)
		}
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
	if err != nil || len(rows) != 4 || rows[0][0] != "rank" || rows[0][5] != "lcs" || rows[1][1] != "c" || rows[3][6] != "12" {
		t.Errorf("CSV: %v, %q", err, rows)
	}
	var md bytes.Buffer
	if err := WriteMarkdown(&md, r); err != nil {
		t.Fatal(err)
	}
	golden(t, "sample.md", md.Bytes())
}
