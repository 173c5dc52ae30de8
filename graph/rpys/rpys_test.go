package rpys

import (
	"cmp"
	"fmt"
	"slices"
	"testing"

	"github.com/citegraph/citegraph/graph"
)

// handGraph builds a graph of five corpus papers (2000) citing works of
// known years: A 1900 three times, B 1902 once, C and D 1903 once each,
// E 1905 five times, F (no year) twice and G 1400 once.
func handGraph() *graph.Graph {
	res := &graph.Resolution{}
	cited := []struct {
		id    string
		year  int
		cites int
	}{{"a", 1900, 3}, {"b", 1902, 1}, {"c", 1903, 1}, {"d", 1903, 1}, {"e", 1905, 5}, {"f", 0, 2}, {"g", 1400, 1}}
	for _, c := range cited {
		res.Works = append(res.Works, graph.Work{ID: c.id, Label: c.id, Year: c.year})
	}
	for p := 0; p < 5; p++ {
		res.Works = append(res.Works, graph.Work{ID: fmt.Sprintf("p%d", p), Label: "paper", Year: 2000, InCorpus: true})
	}
	for i, c := range cited {
		for p := 0; p < c.cites; p++ {
			res.Citations = append(res.Citations, graph.Citation{From: len(cited) + p, To: i})
		}
	}
	slices.SortFunc(res.Citations, func(a, b graph.Citation) int {
		return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To))
	})
	return graph.New(res)
}

// TestHand checks counts, medians, deviations and peaks worked out by hand.
func TestHand(t *testing.T) {
	g := handGraph()
	sp := Compute(g, nil)
	// counts 1900–1905: 3 0 1 2 0 5; centred medians over the clipped
	// windows: [3 0 1] 1, [3 0 1 2] 1.5, [3 0 1 2 0] 1, [0 1 2 0 5] 1,
	// [1 2 0 5] 1.5, [2 0 5] 2
	want := []Year{{1900, 3, 1, 1, 2}, {1901, 0, 0, 1.5, -1.5}, {1902, 1, 1, 1, 0}, {1903, 2, 2, 1, 1}, {1904, 0, 0, 1.5, -1.5}, {1905, 5, 1, 2, 3}}
	if !slices.Equal(sp.Years, want) {
		t.Errorf("years\n got %v\nwant %v", sp.Years, want)
	}
	if sp.Citations != 11 || sp.Undated != 2 || sp.Outside != 1 || sp.Window != "t-2..t+2" {
		t.Errorf("citations %d, undated %d, outside %d, window %s; want 11, 2, 1, t-2..t+2", sp.Citations, sp.Undated, sp.Outside, sp.Window)
	}
	// peaks: 1905 (3), 1900 (2), 1903 (1 > 0 and > -1.5)
	var years []int
	for _, p := range sp.Peaks {
		years = append(years, p.Year)
	}
	if !slices.Equal(years, []int{1905, 1900, 1903}) {
		t.Fatalf("peaks %v, want [1905 1900 1903]", years)
	}
	top := sp.Peaks[2].Top
	if len(top) != 2 || top[0].ID != "c" || top[1].ID != "d" || top[0].Share != 0.5 {
		t.Errorf("1903's works %+v, want c and d, half each", top)
	}
	if p := sp.Peaks[0]; p.Citations != 5 || len(p.Top) != 1 || p.Top[0].ID != "e" || p.Top[0].Citations != 5 {
		t.Errorf("1905 peak %+v", p)
	}

	// backward medians: [3] 3, [3 0] 1.5, [3 0 1] 1, [3 0 1 2] 1.5,
	// [3 0 1 2 0] 1, [0 1 2 0 5] 1
	sp = Compute(g, &Options{Backward: true, Peaks: 1, Top: 1})
	var dev []float64
	for _, y := range sp.Years {
		dev = append(dev, y.Deviation)
	}
	if !slices.Equal(dev, []float64{0, -1.5, 0, 0.5, -1, 4}) || sp.Window != "t-4..t" {
		t.Errorf("backward deviations %v (%s)", dev, sp.Window)
	}
	if len(sp.Peaks) != 1 || sp.Peaks[0].Year != 1905 {
		t.Errorf("backward peaks %+v, want 1905 only", sp.Peaks)
	}

	// bounds: from 1902 to 1903 leaves 1900 and 1905 (8 citations) outside
	sp = Compute(g, &Options{From: 1902, To: 1903})
	if len(sp.Years) != 2 || sp.Citations != 3 || sp.Outside != 9 {
		t.Errorf("bounded: %d years, %d citations, %d outside; want 2, 3, 9", len(sp.Years), sp.Citations, sp.Outside)
	}
}

func TestEmpty(t *testing.T) {
	sp := Compute(graph.New(&graph.Resolution{Works: []graph.Work{{ID: "x", InCorpus: true, Year: 2000}}}), nil)
	if len(sp.Years) != 0 || len(sp.Peaks) != 0 || sp.Citations != 0 {
		t.Errorf("empty graph: %+v", sp)
	}
}
