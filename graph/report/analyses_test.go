package report

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/burst"
	"github.com/citegraph/citegraph/graph/mainpath"
	"github.com/citegraph/citegraph/graph/overview"
	"github.com/citegraph/citegraph/graph/rpys"
	"github.com/citegraph/citegraph/parse"
)

// analysed builds a report with every analysis on a small corpus: twelve
// papers of 2010–2015 by three authors, citing a 1962 classic, each other
// along a chain, and two papers of 2012 citing each other (a cycle).
func analysed(t *testing.T) *Report {
	t.Helper()
	res := &graph.Resolution{}
	res.Works = append(res.Works, graph.Work{ID: "classic", Label: "The structure of a very long classic title that needs cutting", Year: 1962,
		Authors: []parse.Author{{Family: "Kuhn", Given: "T"}}})
	names := []parse.Author{{Family: "Small", Given: "Henry"}, {Family: "Garfield", Given: "E."}, {Family: "Price", Given: "Derek J."}}
	for k := 0; k < 12; k++ {
		year := 2010 + k/2
		kw := []string{"citation analysis"}
		if year >= 2013 {
			kw = append(kw, "main path")
		}
		res.Works = append(res.Works, graph.Work{ID: fmt.Sprintf("p%02d", k), Label: fmt.Sprintf("Paper %d on citation networks", k), Year: year,
			InCorpus: true, Type: "Article", Venue: []string{"Scientometrics", "J Informetr"}[k%2], CitedBy: parse.IntPtr(20 - k),
			Authors: []parse.Author{names[k%3], names[(k+1)%3]}, Keywords: kw})
	}
	add := func(from, to int) { res.Citations = append(res.Citations, graph.Citation{From: from, To: to}) }
	for k := 1; k <= 12; k++ {
		add(k, 0)
		if k > 1 {
			add(k, k-1)
		}
		if k > 2 && k%2 == 1 {
			add(k, k-2)
		}
	}
	add(5, 6) // p04 and p05 cite each other
	slices.SortFunc(res.Citations, func(a, b graph.Citation) int { return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To)) })
	res.Citations = slices.CompactFunc(res.Citations, func(a, b graph.Citation) bool { return a.From == b.From && a.To == b.To })
	res.Stats = graph.Stats{Records: 12, CorpusWorks: 12, References: len(res.Citations)}
	g := graph.New(res)
	mp, err := mainpath.Analyse(g, nil)
	if err != nil {
		t.Fatal(err)
	}
	an := &Analyses{
		Overview: overview.Compute(g, 12, len(res.Citations), &overview.Options{Top: 5}),
		MainPath: mp,
		RPYS:     rpys.Compute(g, nil),
		Bursts:   burst.Compute(g, &burst.Options{MinYears: 1}),
		Years:    &Years{From: 2010, To: 2015, Kept: 12, Outside: 3, Undated: 1},
	}
	results := []*parse.Result{{File: "data/a.txt", Format: "wos", Records: make([]parse.Record, 12)}}
	return Build(results, nil, g, g.Metrics(nil), g.Coupling(nil), g.Cocitation(nil), res.Stats, &Options{Top: 5, Analyses: an})
}

func TestAnalysesText(t *testing.T) {
	r := analysed(t)
	if r.MainPath == nil || len(r.MainPath.Cycles) != 1 || len(r.MainPath.Cycles[0]) != 2 {
		t.Fatalf("main path section %+v, want the p04–p05 cycle", r.MainPath)
	}
	for _, width := range []int{60, 80, 100} {
		var b bytes.Buffer
		if err := WriteText(&b, r, TextOptions{Width: width}); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		for i, line := range strings.Split(out, "\n") {
			if n := utf8.RuneCountInString(line); n > width {
				t.Errorf("width %d, line %d has %d columns: %q", width, i+1, n, line)
			}
			if strings.HasSuffix(line, " ") {
				t.Errorf("width %d, line %d ends in a space: %q", width, i+1, line)
			}
		}
		order := []string{"Years 2010–2015", "Corpus overview", "Most productive authors", "Most relevant sources",
			"Most cited in the corpus (LCS)", "Most cited globally (GCS)", "Most frequent keywords", "What was read",
			"Main path analysis (SPC)", "Local forward main path", "Global main path", "Reference publication year spectroscopy",
			"Citation bursts", "Keywords:"}
		last := -1
		for _, s := range order {
			i := strings.Index(out, s)
			if i < 0 || i < last {
				t.Errorf("width %d: %q missing or out of order", width, s)
			}
			last = max(last, i)
		}
		if width == 80 {
			golden(t, "analyses.txt", b.Bytes())
		}
	}
}

func TestAnalysesJSONAndMarkdown(t *testing.T) {
	r := analysed(t)
	var b bytes.Buffer
	if err := WriteJSON(&b, r); err != nil {
		t.Fatal(err)
	}
	var back map[string]json.RawMessage
	if err := json.Unmarshal(b.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"years", "overview", "main_path", "rpys", "bursts"} {
		if len(back[k]) == 0 {
			t.Errorf("JSON lacks %q", k)
		}
	}
	if i, j := bytes.Index(b.Bytes(), []byte(`"overview"`)), bytes.Index(b.Bytes(), []byte(`"inputs"`)); i < 0 || i > j {
		t.Errorf("overview is not the first section of the JSON")
	}
	var mp MainPath
	if err := json.Unmarshal(back["main_path"], &mp); err != nil || mp.Paths == "" || len(mp.Local.Steps) == 0 {
		t.Errorf("main_path %s: %v", back["main_path"], err)
	}
	b.Reset()
	if err := WriteMarkdown(&b, r); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"## Corpus overview", "### Most productive authors", "## Main path analysis (SPC)", "### Global main path",
		"## Reference publication year spectroscopy", "## Citation bursts"} {
		if !strings.Contains(b.String(), s) {
			t.Errorf("Markdown lacks %q", s)
		}
	}
	golden(t, "analyses.md", b.Bytes())
}
