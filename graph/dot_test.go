package graph

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/parse"
)

var update = flag.Bool("update", false, "rewrite golden files")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < max(len(gl), len(wl)); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("%s differs at line %d:\n-want %s\n+got  %s\n(run go test -update if the change is intended)", name, i+1, w, g)
			}
		}
	}
}

// smallGraph is a hand-made corpus: two papers of 2020 and 2021 citing
// three older works, one of which (a 2019 corpus paper) cites the oldest.
func smallGraph() *Graph {
	res := &Resolution{Works: []Work{
		{ID: "doi:10.1/a", InCorpus: true, Title: "Alpha & \"omega\"", Label: "Smith 2020", Authors: []parse.Author{{Family: "Smith", Given: "A"}}, Year: 2020, Venue: "J Test", DOI: "10.1/a"},
		{ID: "doi:10.1/b", InCorpus: true, Title: "Beta", Label: "Jones 2021", Authors: []parse.Author{{Family: "Jones"}}, Year: 2021, DOI: "10.1/b"},
		{ID: "doi:10.1/c", InCorpus: true, Title: "Gamma", Label: "Lee 2019", Authors: []parse.Author{{Family: "Lee"}}, Year: 2019, DOI: "10.1/c"},
		{ID: "old-1990", Title: "An old classic", Label: "An old classic", Year: 1990},
		{ID: "undated", Label: "untitled work"},
	}}
	res.Citations = []Citation{{From: 0, To: 2, Match: "doi"}, {From: 0, To: 3, Match: "title"}, {From: 1, To: 2, Match: "doi"},
		{From: 1, To: 3, Match: "title"}, {From: 1, To: 4, Match: "new"}, {From: 2, To: 3, Match: "title"}}
	return New(res)
}

func TestWriteDOTGolden(t *testing.T) {
	g := smallGraph()
	m := g.Metrics(nil)
	d := g.Select(m, &DOTOptions{Metric: "in_degree"})
	if len(d.Works) != 5 || d.Omitted != 0 || d.Arcs != 6 || d.Undated != 1 {
		t.Fatalf("Select = %+v, want 5 works, 0 omitted, 6 arcs, 1 undated", d)
	}
	if want := []int{1990, 2019, 2020, 2021}; !slices.Equal(d.Years, want) {
		t.Errorf("years = %v, want %v", d.Years, want)
	}
	var b bytes.Buffer
	if err := g.WriteDOT(&b, m, d); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		`URL="https://doi.org/10.1/a"`,
		`Alpha & \"omega\"`,
		`{ rank=same; y1990; w3; }`,
		`w2 -> w0 [dir=back`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("DOT lacks %s", want)
		}
	}
	golden(t, "small.dot", b.Bytes())
}

func TestSelectTopN(t *testing.T) {
	g := smallGraph()
	m := g.Metrics(nil)
	d := g.Select(m, &DOTOptions{Metric: "in_degree", MaxNodes: 2})
	// in-degrees: old-1990 3, Lee 2019 2, the rest 1 or 0
	if len(d.Works) != 2 || d.Works[0] != 3 || d.Works[1] != 2 || d.Omitted != 3 || d.Arcs != 1 {
		t.Errorf("Select top 2 = %+v, want works [3 2], 3 omitted, 1 arc", d)
	}
	var b bytes.Buffer
	g.WriteDOT(&b, m, d)
	if !strings.Contains(b.String(), "3 of 5 works left out") {
		t.Errorf("caption does not say what was left out:\n%s", b.String())
	}
}
