package graph

import (
	"bytes"
	"cmp"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
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
	// -cited 2: the two cited works join the three papers
	d := g.Historiograph(m, &HistOptions{Cited: 2})
	// Lee 2019 is cited by Smith and Jones (LCS 2), the others by nobody:
	// the papers in order Lee, then Jones and Smith by their other scores;
	// every paper has an arc to another. The classic (3 citations) and the
	// untitled work (1) follow.
	if d.Corpus != 3 || d.Cited != 2 || d.Arcs != 6 || d.Undated != 1 || d.Unlinked != 0 || d.Lower != 0 {
		t.Fatalf("Historiograph = %+v, want 3 papers, 2 cited works, 6 arcs, 1 undated", d)
	}
	if want := []int{1990, 2019, 2020, 2021}; !slices.Equal(d.Years, want) {
		t.Errorf("years = %v, want %v", d.Years, want)
	}
	var b bytes.Buffer
	if err := g.WriteDOT(&b, m, d, nil); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		`URL="https://doi.org/10.1/a"`,
		`Alpha & \"omega\"`,
		`layout=nop2`,
		`label="Smith 2020\nAlpha & \"omega\""`,
		`label="1990\nAn old classic"`,
		`label="1990"`, // the year axis
		`w0 -> w2 [tooltip="Smith 2020, Alpha & \"omega\" cites Lee 2019, Gamma (matched by doi)", pos="e,`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("DOT lacks %s", want)
		}
	}
	golden(t, "small.dot", b.Bytes())

	// sfdp: no rows, so no axis, no positions
	b.Reset()
	g.WriteDOT(&b, m, d, &DOTOptions{Layout: LayoutSFDP})
	if out := b.String(); strings.Contains(out, "pos=") || strings.Contains(out, `label="1990"`) || !strings.Contains(out, "layout=sfdp") {
		t.Errorf("sfdp DOT has rows or positions:\n%s", out)
	}
}

// histGraph is a hand-made corpus of eight papers c0…c7 and two works known
// only from references, r0 and r1. Citations (citing -> cited):
//
//	c1 -> c0, c2 -> c0, c3 -> c0, c3 -> c1, c4 -> c2,
//	c5 -> r0, c6 -> r0, c7 -> r0, c6 -> r1, c2 -> r1
//
// LCS: c0 3, c1 1, c2 1, the others 0; r0 3, r1 2. The GCS of c1…c7 is
// 10, 5, 7, 6, 3, 2, 1, so ties in LCS go to the higher GCS.
func histGraph() *Graph {
	gcs := []int{100, 10, 5, 7, 6, 3, 2, 1}
	var works []Work
	for k := 0; k < 8; k++ {
		works = append(works, Work{ID: fmt.Sprintf("c%d", k), InCorpus: true, Year: 2000 + k, CitedBy: &gcs[k],
			Authors: []parse.Author{{Family: fmt.Sprintf("Author%d", k)}}, Title: fmt.Sprintf("Paper %d", k)})
	}
	works = append(works, Work{ID: "r0", Year: 1990, Authors: []parse.Author{{Family: "Old"}}, Venue: "J OLD", Volume: "1", Pages: "10"},
		Work{ID: "r1", Year: 1995, Authors: []parse.Author{{Family: "Old"}}, Venue: "J OLD", Volume: "2", Pages: "20"})
	arcs := [][2]int{{1, 0}, {2, 0}, {2, 9}, {3, 0}, {3, 1}, {4, 2}, {5, 8}, {6, 8}, {6, 9}, {7, 8}}
	var cs []Citation
	for _, a := range arcs {
		cs = append(cs, Citation{From: a[0], To: a[1], Match: "doi"})
	}
	return New(&Resolution{Works: works, Citations: cs})
}

func TestHistoriograph(t *testing.T) {
	g := histGraph()
	m := g.Metrics(nil)
	ids := func(d *Drawing) string {
		var s []string
		for _, i := range d.Works {
			s = append(s, g.Works[i].ID)
		}
		return strings.Join(s, " ")
	}
	for _, tc := range []struct {
		name string
		opt  HistOptions
		// expected by hand, following the ranking c0 c1 c2 c3 c4 c5 c6 c7
		works                           string
		arcs, unlinked, lower, belowMin int
		auto                            bool
	}{
		// c0, c1, c2 linked (3); c3 would make 4
		{"top 3", HistOptions{Nodes: 3}, "c0 c1 c2", 2, 0, 5, 0, false},
		// c0…c4 linked; c5, c6, c7 cite no paper: ranked, left out
		{"top 5", HistOptions{Nodes: 5}, "c0 c1 c2 c3 c4", 5, 3, 0, 0, false},
		// r0 would bring c5…c7 beyond the quota: they leave, and r0 has no
		// drawn citer; r1 is cited by c2
		{"top 5 and 1 cited", HistOptions{Nodes: 5, Cited: 1}, "c0 c1 c2 c3 c4 r1", 6, 3, 0, 0, false},
		// room for all: r0 links c5, c6, c7
		{"all and 2 cited", HistOptions{Nodes: -1, Cited: 2}, "c0 c1 c2 c3 c4 c5 c6 c7 r0 r1", 10, 0, 0, 0, false},
		// LCS ≥ 1: c0, c1, c2; c3…c7 under the threshold. Three papers
		// are fewer than MinLinked, so the works they cite join: r1 (r0 is
		// cited only by papers under the threshold)
		{"min 1", HistOptions{MinCitations: 1}, "c0 c1 c2 r1", 3, 0, 0, 5, true},
		// ranked by GCS: c0 (100), c1 (10), c3 (7), c4 (6), c2 (5). c4 has
		// no arc among c0, c1, c3; c2 would link itself and c4: 5 > 4
		{"gcs top 4", HistOptions{Metric: "gcs", Nodes: 4}, "c0 c1 c3", 3, 1, 4, 0, false},
		{"reduced", HistOptions{Nodes: 5, Reduce: true}, "c0 c1 c2 c3 c4", 4, 3, 0, 0, false},
	} {
		d := g.Historiograph(m, &tc.opt)
		if got := ids(d); got != tc.works || d.Arcs != tc.arcs || d.Unlinked != tc.unlinked || d.Lower != tc.lower ||
			d.BelowMin != tc.belowMin || d.AutoCited != tc.auto {
			t.Errorf("%s: works %q, %d arcs, %d unlinked, %d lower, %d below min, auto %v; want %q, %d, %d, %d, %d, %v",
				tc.name, got, d.Arcs, d.Unlinked, d.Lower, d.BelowMin, d.AutoCited, tc.works, tc.arcs, tc.unlinked, tc.lower, tc.belowMin, tc.auto)
		}
		if d.Linked != 5 || d.CorpusWorks != 8 {
			t.Errorf("%s: %d linked of %d papers, want 5 of 8", tc.name, d.Linked, d.CorpusWorks)
		}
	}
}

func TestHistoriographAutoCited(t *testing.T) {
	// three papers that cite no paper of the corpus, only r0 and r1
	works := []Work{
		{ID: "a", InCorpus: true, Year: 2020}, {ID: "b", InCorpus: true, Year: 2021}, {ID: "c", InCorpus: true, Year: 2022},
		{ID: "r0", Year: 2000}, {ID: "r1", Year: 2001},
	}
	g := New(&Resolution{Works: works, Citations: []Citation{{From: 0, To: 3}, {From: 1, To: 3}, {From: 1, To: 4}}})
	m := g.Metrics(nil)
	d := g.Historiograph(m, nil)
	// r0 (2 citers) then r1; c cites nothing and stays out
	if !d.AutoCited || d.Corpus != 2 || d.Cited != 2 || d.Arcs != 3 || d.Unlinked != 1 || d.Linked != 0 {
		t.Errorf("Historiograph = %+v, want the cited works added: 2 papers, 2 cited works, 3 arcs, c unlinked", d)
	}
	if c := strings.Join(d.Caption(), " "); !strings.Contains(c, "No paper of the corpus cites another") {
		t.Errorf("caption does not say why cited works are drawn: %s", c)
	}
	// -cited -1: none, and so nothing to draw
	d = g.Historiograph(m, &HistOptions{Cited: -1})
	if len(d.Works) != 0 || d.Empty == "" {
		t.Errorf("Cited -1: %+v, want an empty drawing that says why", d)
	}
}

func TestHistoriographEmpty(t *testing.T) {
	// records without references: a sentence and a hint
	g := New(&Resolution{Works: []Work{{ID: "a", InCorpus: true}, {ID: "b", InCorpus: true}}})
	d := g.Historiograph(g.Metrics(nil), nil)
	if len(d.Works) != 0 || !strings.Contains(d.Empty, "none of the 2 records lists its cited references") ||
		!strings.Contains(d.Hint, "re-export") {
		t.Errorf("no references: %+v", d)
	}
	var b bytes.Buffer
	g.WriteDOT(&b, g.Metrics(nil), d, nil)
	if !strings.Contains(b.String(), "Nothing to draw: none of the 2 records") || strings.Contains(b.String(), " -> ") {
		t.Errorf("DOT of an empty drawing:\n%s", b.String())
	}
}

func TestReduce(t *testing.T) {
	// a -> b -> c and a -> c: a -> c goes; with b -> a too (a cycle),
	// b -> c stays, since a -> c went first
	for _, tc := range []struct {
		arcs [][2]int
		want string
	}{
		{[][2]int{{0, 1}, {0, 2}, {1, 2}}, "0>1 1>2"},
		{[][2]int{{0, 1}, {0, 2}, {1, 0}, {1, 2}}, "0>1 1>0 1>2"},
		{[][2]int{{0, 1}, {1, 2}, {2, 3}, {0, 3}, {0, 2}, {1, 3}}, "0>1 1>2 2>3"},
	} {
		var cs []Citation
		for _, a := range tc.arcs {
			cs = append(cs, Citation{From: a[0], To: a[1]})
		}
		slices.SortFunc(cs, func(x, y Citation) int { return cmp.Or(x.From-y.From, x.To-y.To) })
		g := New(&Resolution{Works: make([]Work, 4), Citations: cs})
		all := make([]int, len(cs))
		for k := range all {
			all[k] = k
		}
		var got []string
		for _, ci := range g.reduce(all) {
			got = append(got, fmt.Sprintf("%d>%d", cs[ci].From, cs[ci].To))
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("reduce(%v) = %v, want %s", tc.arcs, got, tc.want)
		}
	}
}

// TestReduceKeepsReachability checks on random graphs, cycles included,
// that the reduction keeps exactly the pairs reachable before, by a
// breadth-first search of its own.
func TestReduceKeepsReachability(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	reach := func(n int, arcs [][2]int) [][]bool {
		out := make([][]int, n)
		for _, a := range arcs {
			out[a[0]] = append(out[a[0]], a[1])
		}
		r := make([][]bool, n)
		for s := range r {
			r[s] = make([]bool, n)
			queue := []int{s}
			for len(queue) > 0 {
				v := queue[0]
				queue = queue[1:]
				for _, w := range out[v] {
					if !r[s][w] {
						r[s][w] = true
						queue = append(queue, w)
					}
				}
			}
		}
		return r
	}
	for trial := 0; trial < 50; trial++ {
		n := 3 + rng.IntN(12)
		seen := map[[2]int]bool{}
		var cs []Citation
		for k := 0; k < n*2; k++ {
			a, b := rng.IntN(n), rng.IntN(n)
			if a != b && !seen[[2]int{a, b}] {
				seen[[2]int{a, b}] = true
				cs = append(cs, Citation{From: a, To: b})
			}
		}
		slices.SortFunc(cs, func(x, y Citation) int { return cmp.Or(x.From-y.From, x.To-y.To) })
		g := New(&Resolution{Works: make([]Work, n), Citations: cs})
		var all []int
		var before, after [][2]int
		for k, c := range cs {
			all = append(all, k)
			before = append(before, [2]int{c.From, c.To})
		}
		kept := g.reduce(all)
		for _, ci := range kept {
			after = append(after, [2]int{cs[ci].From, cs[ci].To})
		}
		rb, ra := reach(n, before), reach(n, after)
		for s := 0; s < n; s++ {
			if !slices.Equal(rb[s], ra[s]) {
				t.Fatalf("trial %d: reachability from %d changed: %v -> %v", trial, s, before, after)
			}
		}
		// and no kept arc is implied by the others
		for k := range after {
			rest := slices.Delete(slices.Clone(after), k, k+1)
			if reach(n, rest)[after[k][0]][after[k][1]] {
				t.Fatalf("trial %d: arc %v kept though implied: %v", trial, after[k], after)
			}
		}
	}
}

// TestWriteDOTHugeTitle: a title of megabytes (a damaged record) reaches
// Graphviz capped, in the label and the tooltip alike.
func TestWriteDOTHugeTitle(t *testing.T) {
	g := smallGraph()
	g.Works[0].Title = strings.Repeat("word ", 1<<21) // 10 MB
	g.Works[0].Authors = append(g.Works[0].Authors, make([]parse.Author, 5000)...)
	m := g.Metrics(nil)
	var b bytes.Buffer
	if err := g.WriteDOT(&b, m, g.Historiograph(m, &HistOptions{Cited: 2}), nil); err != nil {
		t.Fatal(err)
	}
	if b.Len() > 20000 {
		t.Errorf("DOT of %d bytes: the title was not capped", b.Len())
	}
}

// BenchmarkHistoriograph chooses and lays out the historiograph of a
// fixed-seed corpus of 2,000 papers over 30 years, at the default 40
// papers and at 300.
func BenchmarkHistoriograph(b *testing.B) {
	g := synthetic(2000, 40)
	for i := range g.Works {
		g.Works[i].Year = 1990 + 30*i/g.Len()
		g.Works[i].Authors = []parse.Author{{Family: fmt.Sprintf("Author%d", i%97)}}
		g.Works[i].Title = fmt.Sprintf("A study of citation number %d in a field", i)
	}
	m := g.Metrics(&MetricOptions{SkipBetweenness: true})
	for _, n := range []int{40, 300} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				d := g.Historiograph(m, &HistOptions{Nodes: n})
				if err := g.WriteDOT(io.Discard, m, d, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
