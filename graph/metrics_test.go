package graph

import (
	"bufio"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/gonum/graph/network"
)

// readTSV reads a tab-separated test file into rows of fields.
func readTSV(t testing.TB, name string) [][]string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "networkx", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		rows = append(rows, strings.Split(sc.Text(), "\t"))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

// edgeListGraph builds a graph whose works are named by the node names
// (sorted) and whose citations are the given pairs.
func edgeListGraph(t testing.TB, names []string, edges [][2]string) *Graph {
	t.Helper()
	res := &Resolution{}
	idx := map[string]int{}
	for i, n := range names {
		idx[n] = i
		res.Works = append(res.Works, Work{ID: n, Label: n})
	}
	for _, e := range edges {
		res.Citations = append(res.Citations, Citation{From: idx[e[0]], To: idx[e[1]]})
	}
	return New(res)
}

// networkxGraph is the 320-node fixed-seed digraph of testdata/networkx,
// whose expected metrics networkx 2.8.8 computed (gen.py).
func networkxGraph(t testing.TB) (*Graph, [][]string) {
	exp := readTSV(t, "expected.tsv")[1:]
	var names []string
	for _, r := range exp {
		names = append(names, r[0])
	}
	var edges [][2]string
	for _, r := range readTSV(t, "edges.tsv") {
		edges = append(edges, [2]string{r[0], r[1]})
	}
	return edgeListGraph(t, names, edges), exp
}

func TestMetricsMatchNetworkx(t *testing.T) {
	g, exp := networkxGraph(t)
	if g.Len() != 320 || len(g.Citations) != 1104 {
		t.Fatalf("graph has %d nodes, %d arcs; want 320, 1104", g.Len(), len(g.Citations))
	}
	m := g.Metrics(nil)
	const tol = 1e-9
	for i, r := range exp {
		want := make([]float64, 6)
		for k := range want {
			want[k], _ = strconv.ParseFloat(r[k+1], 64)
		}
		got := []float64{float64(m.InDegree[i]), float64(m.OutDegree[i]), m.PageRank[i], m.Hub[i], m.Authority[i], m.Betweenness[i]}
		for k, name := range []string{"in_degree", "out_degree", "pagerank", "hub", "authority", "betweenness"} {
			if math.Abs(got[k]-want[k]) > tol {
				t.Errorf("%s %s = %.12g, networkx %.12g", r[0], name, got[k], want[k])
			}
		}
	}
	sum := func(x []float64) (s float64) {
		for _, v := range x {
			s += v
		}
		return s
	}
	for name, x := range map[string][]float64{"pagerank": m.PageRank, "hub": m.Hub, "authority": m.Authority} {
		if s := sum(x); math.Abs(s-1) > 1e-12 {
			t.Errorf("sum of %s = %v, want 1", name, s)
		}
	}
}

// TestMetricsMatchGonum checks the flat-array algorithms against gonum's
// own on the same graph, through Graph's graph.Directed implementation.
func TestMetricsMatchGonum(t *testing.T) {
	g, _ := networkxGraph(t)
	m := g.Metrics(nil)
	pr := network.PageRankSparse(g, 0.85, 1e-12)
	bc := network.Betweenness(g)
	n := float64(g.Len())
	for i := 0; i < g.Len(); i++ {
		if d := math.Abs(pr[int64(i)] - m.PageRank[i]); d > 1e-9 {
			t.Errorf("node %d pagerank %v, gonum %v", i, m.PageRank[i], pr[int64(i)])
		}
		if d := math.Abs(bc[int64(i)]/((n-1)*(n-2)) - m.Betweenness[i]); d > 1e-12 {
			t.Errorf("node %d betweenness %v, gonum %v", i, m.Betweenness[i], bc[int64(i)]/((n-1)*(n-2)))
		}
	}
}

// TestMetricsHand checks a five-node graph computed by hand:
// a->b, a->c, b->c, c->d; e isolated.
func TestMetricsHand(t *testing.T) {
	g := edgeListGraph(t, []string{"a", "b", "c", "d", "e"}, [][2]string{{"a", "b"}, {"a", "c"}, {"b", "c"}, {"c", "d"}})
	m := g.Metrics(nil)
	// Betweenness: shortest paths through b: none needed (a->c direct);
	// through c: a->d and b->d, each the only shortest path: 2/((5-1)(5-2)).
	wantBC := []float64{0, 0, 2.0 / 12, 0, 0}
	for i, w := range wantBC {
		if math.Abs(m.Betweenness[i]-w) > 1e-15 {
			t.Errorf("betweenness[%d] = %v, want %v", i, m.Betweenness[i], w)
		}
	}
	if got := []int{m.InDegree[0], m.InDegree[2], m.OutDegree[0]}; got[0] != 0 || got[1] != 2 || got[2] != 2 {
		t.Errorf("degrees = %v, want [0 2 2]", got)
	}
	// Authorities ∝ Aᵀh, hubs ∝ A a. A graph this small has a closed form
	// through the eigenvector of AᵀA = [[0,0,0,0],[0,1,1,0],[0,1,2,0],[0,0,0,1]]
	// on b,c (d is a separate block with eigenvalue 1 < (3+√5)/2):
	// authority(b):authority(c) = 1:φ with φ = (1+√5)/2, d gets 0.
	phi := (1 + math.Sqrt(5)) / 2
	if r := m.Authority[2] / m.Authority[1]; math.Abs(r-phi) > 1e-9 {
		t.Errorf("authority c/b = %v, want φ = %v", r, phi)
	}
	if m.Authority[3] > 1e-9 || m.Hub[4] != 0 {
		t.Errorf("authority d = %v, hub e = %v, want 0, 0", m.Authority[3], m.Hub[4])
	}
	// PageRank of the isolated node e: only teleport and dangling mass.
	// Solve by hand: dangling nodes d, e. Let D = pd + pe; every node gets
	// t = 0.15/5 + 0.85·D/5; pa = t, pb = t + .85·pa/2, pc = t + .85(pa/2 + pb),
	// pd = t + .85·pc, pe = t; normalisation fixes t.
	pa := 1.0
	pb := pa + 0.85*pa/2
	pc := pa + 0.85*(pa/2+pb)
	pd := pa + 0.85*pc
	total := pa + pb + pc + pd + pa
	if math.Abs(m.PageRank[4]-pa/total) > 1e-12 || math.Abs(m.PageRank[3]-pd/total) > 1e-12 {
		t.Errorf("pagerank e, d = %v, %v; want %v, %v", m.PageRank[4], m.PageRank[3], pa/total, pd/total)
	}
}

func TestSharedMatchSets(t *testing.T) {
	g, _ := networkxGraph(t)
	for _, tc := range []struct {
		file  string
		pairs []Pair
	}{{"coupling.tsv", g.Coupling(nil).Pairs}, {"cocitation.tsv", g.Cocitation(nil).Pairs}} {
		want := readTSV(t, tc.file)
		if len(tc.pairs) != len(want) {
			t.Errorf("%s: %d pairs, want %d", tc.file, len(tc.pairs), len(want))
			continue
		}
		type key struct{ a, b string }
		got := map[key]Pair{}
		for _, p := range tc.pairs {
			got[key{g.Works[p.A].ID, g.Works[p.B].ID}] = p
		}
		for _, r := range want {
			p, ok := got[key{r[0], r[1]}]
			c, _ := strconv.Atoi(r[2])
			cos, _ := strconv.ParseFloat(r[3], 64)
			if !ok || p.Count != c || math.Abs(p.Cosine-cos) > 1e-12 {
				t.Errorf("%s: pair %s %s = %+v, want count %d cosine %v", tc.file, r[0], r[1], p, c, cos)
			}
			if ok && len(g.SharedItems(p.A, p.B, tc.file == "cocitation.tsv")) != c {
				t.Errorf("%s: SharedItems(%s, %s) has %d items, want %d", tc.file, r[0], r[1], len(g.SharedItems(p.A, p.B, tc.file == "cocitation.tsv")), c)
			}
		}
		for i := 1; i < len(tc.pairs); i++ {
			if tc.pairs[i].Count > tc.pairs[i-1].Count {
				t.Fatalf("%s: pairs not sorted by count at %d", tc.file, i)
			}
		}
	}
}

func TestRankTotalOrder(t *testing.T) {
	g, _ := networkxGraph(t)
	m := g.Metrics(nil)
	r1 := g.Rank(m, "in_degree")
	r2 := g.Rank(g.Metrics(nil), "in_degree")
	for i := range r1 {
		if r1[i] != r2[i] {
			t.Fatalf("rank differs between runs at %d: %+v vs %+v", i, r1[i], r2[i])
		}
		if i > 0 && r1[i].Value > r1[i-1].Value {
			t.Fatalf("rank not descending at %d", i)
		}
	}
}

func TestSharedLimit(t *testing.T) {
	g, _ := networkxGraph(t)
	for _, f := range []func(*SharedOptions) Shared{g.Coupling, g.Cocitation} {
		all := f(nil)
		top := f(&SharedOptions{Limit: 25})
		if top.Total != all.Total || len(all.Pairs) != all.Total || len(top.Pairs) != 25 {
			t.Fatalf("limit 25: total %d (all %d), kept %d", top.Total, all.Total, len(top.Pairs))
		}
		for i, p := range top.Pairs {
			if p != all.Pairs[i] {
				t.Errorf("top[%d] = %+v, want %+v", i, p, all.Pairs[i])
			}
		}
		min2 := f(&SharedOptions{MinCount: 2})
		for _, p := range min2.Pairs {
			if p.Count < 2 {
				t.Fatalf("MinCount 2 kept %+v", p)
			}
		}
	}
}

func TestBetweennessSampled(t *testing.T) {
	g, _ := networkxGraph(t)
	exact := g.Metrics(nil)
	if exact.BetweennessSampled != 0 || exact.BetweennessAll == 0 {
		t.Fatalf("exact run says sampled %d of %d", exact.BetweennessSampled, exact.BetweennessAll)
	}
	all := exact.BetweennessAll
	if m := g.Metrics(&MetricOptions{BetweennessSources: all}); m.BetweennessSampled != 0 {
		t.Errorf("k = all sources should be exact, sampled %d", m.BetweennessSampled)
	}
	k := all * 3 / 4
	a := g.Metrics(&MetricOptions{BetweennessSources: k})
	b := g.Metrics(&MetricOptions{BetweennessSources: k})
	if a.BetweennessSampled != k {
		t.Fatalf("sampled %d sources, want %d", a.BetweennessSampled, k)
	}
	var diff, sum float64
	for i := range a.Betweenness {
		if a.Betweenness[i] != b.Betweenness[i] {
			t.Fatalf("sampled betweenness differs between runs at %d", i)
		}
		diff += math.Abs(a.Betweenness[i] - exact.Betweenness[i])
		sum += exact.Betweenness[i]
	}
	// three quarters of the sources, scaled up: the estimate is close
	if diff/sum > 0.35 {
		t.Errorf("relative L1 error of the estimate %.3f, want < 0.35", diff/sum)
	}
	t.Logf("betweenness from %d of %d sources: relative L1 error %.3f", k, all, diff/sum)
}
