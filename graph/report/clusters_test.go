package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/network"
	"github.com/citegraph/citegraph/graph/scimap"
	"github.com/citegraph/citegraph/parse"
)

// TestMapsSection builds the report of a hand-made graph with two maps:
// co-citation (both citing works cite the same two works: one cluster of
// two, mean year 1985) and co-authorship (no authors: empty, with why).
func TestMapsSection(t *testing.T) {
	res := &graph.Resolution{Works: []graph.Work{
		{ID: "a", InCorpus: true, Label: "Smith 2020", Title: "Citation maps", Year: 2020},
		{ID: "b", InCorpus: true, Label: "Jones 2021", Title: "Citation maps again", Year: 2021},
		{ID: "c", Label: "Old 1990", Authors: []parse.Author{{Family: "Old"}}, Year: 1990},
		{ID: "d", Label: "Older 1980", Authors: []parse.Author{{Family: "Older"}}, Year: 1980},
	}, Citations: []graph.Citation{{From: 0, To: 2}, {From: 0, To: 3}, {From: 1, To: 2}, {From: 1, To: 3}}}
	g := graph.New(res)
	var maps []*scimap.Map
	for _, k := range []network.Kind{network.Cocitation, network.Coauthorship} {
		m, err := scimap.Make(g, &scimap.Options{Network: network.Options{Kind: k}, NoLayout: true})
		if err != nil {
			t.Fatal(err)
		}
		maps = append(maps, m)
	}
	r := Build([]*parse.Result{}, nil, g, g.Metrics(nil), graph.Shared{}, graph.Shared{}, res.Stats, &Options{Maps: maps})
	if len(r.Maps) != 2 || len(r.Maps[0].Clusters) != 1 || r.Maps[0].Clusters[0].Size != 2 ||
		r.Maps[0].Clusters[0].MeanYear != 1985 || len(r.Maps[1].Clusters) != 0 {
		t.Fatalf("maps %+v", r.Maps)
	}
	var text, md bytes.Buffer
	if err := WriteText(&text, r, TextOptions{Width: 80}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Science maps", "Co-citation of works: 2 works, 1 link, 1 cluster",
		"  1     2  1985 citation maps", "largest: Old 1990; Older 1980", "Co-authorship of authors: empty"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("text report lacks %q:\n%s", want, text.String())
		}
	}
	if err := WriteMarkdown(&md, r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), "## Science maps") || !strings.Contains(md.String(), "| 1 | 2 | 1985 | citation maps |") {
		t.Errorf("markdown lacks the maps:\n%s", md.String())
	}
}
