package mainpath

import (
	"bytes"
	"fmt"
	"math/big"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
)

// brute counts, by enumerating every path of the network one by one, how
// many paths of the weight's family run through each arc, and how many
// there are: SPC counts source–sink paths, SPLC paths from any node to a
// sink, SPNP paths between any two nodes (at least one arc each). It shares
// nothing with Weights but the network's arcs.
func brute(nw *Network, kind Kind) (perArc []*big.Int, total *big.Int) {
	n := nw.Len()
	out := make([][]int, n)
	indeg := make([]int, n)
	for k, a := range nw.Arcs {
		out[a.From] = append(out[a.From], k)
		indeg[a.To]++
	}
	perArc = make([]*big.Int, len(nw.Arcs))
	for k := range perArc {
		perArc[k] = new(big.Int)
	}
	total = new(big.Int)
	one := big.NewInt(1)
	var path []int // arcs
	var dfs func(v int)
	dfs = func(v int) {
		end := kind == SPNP || len(out[v]) == 0
		if end && len(path) > 0 {
			total.Add(total, one)
			for _, k := range path {
				perArc[k].Add(perArc[k], one)
			}
		}
		for _, k := range out[v] {
			path = append(path, k)
			dfs(nw.Arcs[k].To)
			path = path[:len(path)-1]
		}
	}
	for v := 0; v < n; v++ {
		if kind != SPC || indeg[v] == 0 {
			dfs(v)
		}
	}
	return perArc, total
}

func checkBrute(t *testing.T, name string, nw *Network) {
	t.Helper()
	for _, kind := range Kinds {
		w := nw.Weights(kind)
		want, total := brute(nw, kind)
		for k, a := range nw.Arcs {
			if w.Arc[k].Big().Cmp(want[k]) != 0 {
				t.Errorf("%s %v arc %d→%d: %v, enumeration gives %v", name, kind, a.From, a.To, w.Arc[k], want[k])
			}
		}
		if w.Total.Big().Cmp(total) != 0 {
			t.Errorf("%s %v total: %v, enumeration gives %v", name, kind, w.Total, total)
		}
	}
}

func netOf(p *pajekNet) *Network { return NewNetwork(len(p.labels), p.arcs) }

// TestWeightsTestNets compares the weights of Batagelj's test networks with
// enumeration, with the counts worked out by hand for Test.net, and checks
// that SPLC and SPNP are SPC of the extended networks TestSPLC.net (s linked
// to every vertex) and TestSPNP.net (also every vertex linked to t).
func TestWeightsTestNets(t *testing.T) {
	nets := map[string]*pajekNet{}
	for _, name := range []string{"Test", "TestSPLC", "TestSPNP"} {
		nets[name] = openPajek(t, "bavla-Nets_"+name+".net")
		checkBrute(t, name, netOf(nets[name]))
	}

	base := netOf(nets["Test"])
	// By hand: the source is "3" (1), the sink "22" (7); the four
	// source–sink paths are 1-6-7, 1-2-3-4-6-7, 1-2-3-4-7 and 1-2-3-5-7.
	hand := map[Arc]uint64{{0, 1}: 3, {0, 5}: 1, {1, 2}: 3, {2, 3}: 2, {2, 4}: 1, {3, 5}: 1, {3, 6}: 1, {4, 6}: 1, {5, 6}: 2}
	spc := base.Weights(SPC)
	if len(base.Arcs) != len(hand) || spc.Total.Cmp(NumOf(4)) != 0 {
		t.Fatalf("Test.net: %d arcs, %v paths; want 9 arcs, 4 paths", len(base.Arcs), spc.Total)
	}
	for k, a := range base.Arcs {
		if spc.Arc[k].Cmp(NumOf(hand[a])) != 0 {
			t.Errorf("SPC %v = %v, by hand %d", a, spc.Arc[k], hand[a])
		}
	}

	for name, kind := range map[string]Kind{"TestSPLC": SPLC, "TestSPNP": SPNP} {
		ext := netOf(nets[name])
		extSPC, _ := brute(ext, SPC)
		w := base.Weights(kind)
		for k, a := range base.Arcs {
			e, ok := slices.BinarySearchFunc(ext.Arcs, a, func(x, y Arc) int {
				if x.From != y.From {
					return x.From - y.From
				}
				return x.To - y.To
			})
			if !ok {
				t.Fatalf("%s lacks arc %v", name, a)
			}
			if w.Arc[k].Big().Cmp(extSPC[e]) != 0 {
				t.Errorf("%v of Test.net arc %v = %v; SPC of %s gives %v", kind, a, w.Arc[k], name, extSPC[e])
			}
		}
	}
}

// randomGraph returns n items and arcs drawn with probability p between
// each ordered pair; acyclic when dag is set (arcs go from a lower to a
// higher rank of a random permutation), else with cycles likely.
func randomGraph(r *rand.Rand, n int, p float64, dag bool) []Arc {
	perm := r.Perm(n)
	var arcs []Arc
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			if i == j || (dag && perm[i] > perm[j]) {
				continue
			}
			if r.Float64() < p {
				arcs = append(arcs, Arc{i, j})
			}
		}
	}
	return arcs
}

func TestWeightsRandomDAGs(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 2003))
	for i := 0; i < 100; i++ {
		n := 2 + r.IntN(11)
		arcs := randomGraph(r, n, 0.1+0.4*r.Float64(), true)
		nw := NewNetwork(n, arcs)
		if nw.Len() != n || len(nw.Arcs) != len(arcs) {
			t.Fatalf("dag %d: %d nodes, %d arcs from %d items, %d arcs", i, nw.Len(), len(nw.Arcs), n, len(arcs))
		}
		checkBrute(t, fmt.Sprintf("dag %d", i), nw)
		checkGlobal(t, fmt.Sprintf("dag %d", i), nw)
	}
}

// checkGlobal compares global search with the heaviest path from s to t
// found by enumeration: every path with at least one arc from a node
// linked from s to a node linked to t, weighing its arcs plus N⁺ of its
// first node and N⁻ of its last, both counted by enumeration too.
func checkGlobal(t *testing.T, name string, nw *Network) {
	t.Helper()
	for _, kind := range Kinds {
		w := nw.Weights(kind)
		n := nw.Len()
		out := make([][]int, n)
		indeg := make([]int, n)
		for k, a := range nw.Arcs {
			out[a.From] = append(out[a.From], k)
			indeg[a.To]++
		}
		starts := func(v int) bool { return kind != SPC || indeg[v] == 0 }
		ends := func(v int) bool { return kind == SPNP || len(out[v]) == 0 }
		// N⁺ and N⁻ by enumeration: paths from v to an end (v itself if it
		// is one), from a start to v
		plus, minus := make([]int64, n), make([]int64, n)
		var walk func(v int, from int)
		walk = func(v int, from int) {
			if ends(v) {
				plus[from]++
			}
			for _, k := range out[v] {
				walk(nw.Arcs[k].To, from)
			}
		}
		var walkStart func(v int)
		walkStart = func(v int) {
			minus[v]++
			for _, k := range out[v] {
				walkStart(nw.Arcs[k].To)
			}
		}
		for v := 0; v < n; v++ {
			walk(v, v)
			if starts(v) {
				walkStart(v)
			}
		}
		type stPath struct {
			arcs  []int
			total *big.Int
		}
		var all []stPath
		var path []int
		var dfs func(v int, sum *big.Int)
		dfs = func(v int, sum *big.Int) {
			if ends(v) && len(path) > 0 {
				all = append(all, stPath{slices.Clone(path), new(big.Int).Add(sum, big.NewInt(minus[v]))})
			}
			for _, k := range out[v] {
				path = append(path, k)
				dfs(nw.Arcs[k].To, new(big.Int).Add(sum, w.Arc[k].Big()))
				path = path[:len(path)-1]
			}
		}
		for v := 0; v < n; v++ {
			if starts(v) {
				dfs(v, big.NewInt(plus[v]))
			}
		}
		// heaviest returns the largest total among the paths through arc
		// k (any when k < 0) and the union of the arcs of those paths
		heaviest := func(k int) (*big.Int, map[int]bool) {
			top, on := new(big.Int), map[int]bool{}
			for _, p := range all {
				if k >= 0 && !slices.Contains(p.arcs, k) {
					continue
				}
				switch p.total.Cmp(top) {
				case 1:
					top.Set(p.total)
					clear(on)
					fallthrough
				case 0:
					for _, a := range p.arcs {
						on[a] = true
					}
				}
			}
			return top, on
		}
		sorted := func(m map[int]bool) []int {
			var out []int
			for k := range m {
				out = append(out, k)
			}
			slices.Sort(out)
			return out
		}
		top, onTop := heaviest(-1)
		p, got := nw.Global(w, 0)
		if got.Big().Cmp(top) != 0 {
			t.Errorf("%s %v: global weight %v, enumeration %v", name, kind, got, top)
		}
		if want := sorted(onTop); !slices.Equal(p.Arcs, want) {
			t.Errorf("%s %v: global arcs %v, enumeration %v", name, kind, p.Arcs, want)
		}
		keys := nw.KeyArcs(w, 3)
		union := map[int]bool{}
		for _, k := range keys {
			_, on := heaviest(k)
			for a := range on {
				union[a] = true
			}
		}
		if got, want := nw.KeyRouteGlobal(w, keys).Arcs, sorted(union); !slices.Equal(got, want) {
			t.Errorf("%s %v: key-route global arcs %v, enumeration %v", name, kind, got, want)
		}
	}
}

// TestShrinkCycles checks, on random graphs with cycles, that nodes are
// exactly the classes of mutual reachability and that arcs are the distinct
// arcs between classes; then the weights on the shrunk network against
// enumeration.
func TestShrinkCycles(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 1989))
	for i := 0; i < 100; i++ {
		n := 2 + r.IntN(10)
		arcs := randomGraph(r, n, 0.05+0.2*r.Float64(), false)
		if r.IntN(4) == 0 {
			arcs = append(arcs, Arc{0, 0}) // a self-citation
		}
		nw := NewNetwork(n, arcs)
		// reachability by Floyd–Warshall
		reach := make([][]bool, n)
		for a := range reach {
			reach[a] = make([]bool, n)
			reach[a][a] = true
		}
		for _, a := range arcs {
			reach[a.From][a.To] = true
		}
		for k := 0; k < n; k++ {
			for a := 0; a < n; a++ {
				for b := 0; b < n; b++ {
					reach[a][b] = reach[a][b] || reach[a][k] && reach[k][b]
				}
			}
		}
		for a := 0; a < n; a++ {
			for b := 0; b < n; b++ {
				same := reach[a][b] && reach[b][a]
				if (nw.Node[a] == nw.Node[b]) != same {
					t.Fatalf("graph %d: items %d and %d: same node %v, mutually reachable %v", i, a, b, nw.Node[a] == nw.Node[b], same)
				}
			}
		}
		want := map[Arc]bool{}
		for _, a := range arcs {
			if u, v := nw.Node[a.From], nw.Node[a.To]; u != v {
				want[Arc{u, v}] = true
			}
		}
		if len(want) != len(nw.Arcs) {
			t.Fatalf("graph %d: %d arcs, want %d", i, len(nw.Arcs), len(want))
		}
		for _, a := range nw.Arcs {
			if !want[a] {
				t.Fatalf("graph %d: unexpected arc %v", i, a)
			}
		}
		pos := make([]int, nw.Len())
		for k, v := range nw.topo {
			pos[v] = k
		}
		if len(nw.topo) != nw.Len() {
			t.Fatalf("graph %d: topological order has %d of %d nodes", i, len(nw.topo), nw.Len())
		}
		for _, a := range nw.Arcs {
			if pos[a.From] >= pos[a.To] {
				t.Fatalf("graph %d: arc %v goes backwards in the topological order", i, a)
			}
		}
		checkBrute(t, fmt.Sprintf("cyclic %d", i), nw)
	}
}

// TestNoOverflow chains 100 diamonds: 2¹⁰⁰ source–sink paths, far beyond 64
// bits; every arc lies on half of them.
func TestNoOverflow(t *testing.T) {
	const d = 100
	var arcs []Arc
	for i := 0; i < d; i++ {
		a, b, c, e := 3*i, 3*i+1, 3*i+2, 3*i+3
		arcs = append(arcs, Arc{a, b}, Arc{a, c}, Arc{b, e}, Arc{c, e})
	}
	nw := NewNetwork(3*d+1, arcs)
	w := nw.Weights(SPC)
	all := new(big.Int).Lsh(big.NewInt(1), d)
	half := new(big.Int).Lsh(big.NewInt(1), d-1)
	if w.Total.Big().Cmp(all) != 0 {
		t.Fatalf("total %v, want 2^%d = %v", w.Total, d, all)
	}
	for k := range nw.Arcs {
		if w.Arc[k].Big().Cmp(half) != 0 {
			t.Fatalf("arc %v: %v, want %v", nw.Arcs[k], w.Arc[k], half)
		}
	}
	if s := w.Total.Short(); s != "1.268e+30" {
		t.Errorf("Short(2^100) = %q", s)
	}
	if f := w.Arc[0].Share(w.Total); f != 0.5 {
		t.Errorf("share %v, want 0.5", f)
	}
	_, top := nw.Global(w, 0)
	// every path: 2d arcs of 2^99, plus s→source and sink→t of 2^100 each
	want := new(big.Int).Add(new(big.Int).Mul(half, big.NewInt(2*d)), new(big.Int).Lsh(all, 1))
	if top.Big().Cmp(want) != 0 {
		t.Errorf("global weight %v, want %v", top, want)
	}
}

func TestNum(t *testing.T) {
	max := NumOf(^uint64(0))
	sum := max.Add(NumOf(1))
	if sum.String() != "18446744073709551616" || sum.Cmp(max) <= 0 || max.Cmp(sum) >= 0 {
		t.Errorf("2^64-1 + 1 = %v", sum)
	}
	prod := max.Mul(max)
	want := new(big.Int).Mul(max.Big(), max.Big())
	if prod.Big().Cmp(want) != 0 {
		t.Errorf("(2^64-1)^2 = %v, want %v", prod, want)
	}
	if z := prod.Mul(NumOf(0)); !z.IsZero() || z.big != nil {
		t.Errorf("x·0 = %#v, want an inline 0", z)
	}
	if !NumOf(90).AtLeastShare(NumOf(100), 0.1) || NumOf(89).AtLeastShare(NumOf(100), 0.1) {
		t.Error("AtLeastShare(…, 0.1) wrong at 90/89 of 100")
	}
	for in, want := range map[uint64]string{9999: "9999", 10000: "10.0k", 40026382: "40.0M", 1588617: "1.59M", 999_500: "1.00M",
		999_499: "999k", 123_456_789_012_345: "123T", 1_234_567_890_123_456: "1.23e15"} {
		if got := NumOf(in).Compact(); got != want {
			t.Errorf("Compact(%d) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[uint64]string{999_999_999_999: "999999999999", 1_000_000_000_000: "1.000e+12", 99_999_999_999_999: "1.000e+14"} {
		if got := NumOf(in).Short(); got != want {
			t.Errorf("Short(%d) = %q, want %q", in, got, want)
		}
	}
}

// TestSearchTestNet checks each search on Test.net against paths worked out
// by hand from the SPC weights above.
func TestSearchTestNet(t *testing.T) {
	nw := netOf(openPajek(t, "bavla-Nets_Test.net"))
	w := nw.Weights(SPC)
	arcsOf := func(p Path) []Arc {
		var out []Arc
		for _, k := range p.Arcs {
			out = append(out, nw.Arcs[k])
		}
		return out
	}
	// forward: 1→2 (3 against 1→6's 1), 2→3, 3→4 (2 against 1), then 4→6
	// and 4→7 tie at 1, 6→7
	local := []Arc{{0, 1}, {1, 2}, {2, 3}, {3, 5}, {3, 6}, {5, 6}}
	if got := arcsOf(nw.LocalForward(w, 0)); !slices.Equal(got, local) {
		t.Errorf("local forward %v, want %v", got, local)
	}
	// backward: into the sink 7: 6→7 (2); into 6: 1→6 (1) and 4→6 (1) tie;
	// into 4: 3→4; into 3: 2→3; into 2: 1→2
	back := []Arc{{0, 1}, {0, 5}, {1, 2}, {2, 3}, {3, 5}, {5, 6}}
	if got := arcsOf(nw.LocalBackward(w, 0)); !slices.Equal(got, back) {
		t.Errorf("local backward %v, want %v", got, back)
	}
	// global: 1-2-3-4-6-7 weighs 3+3+2+1+2 = 11; 1-2-3-4-7 9, 1-2-3-5-7 8,
	// 1-6-7 3; each also s→1 (N⁺(1) = 4) and 7→t (N⁻(7) = 4): 19, 17, 16, 11
	p, top := nw.Global(w, 0)
	if want := []Arc{{0, 1}, {1, 2}, {2, 3}, {3, 5}, {5, 6}}; !slices.Equal(arcsOf(p), want) || top.Cmp(NumOf(19)) != 0 {
		t.Errorf("global %v (%v), want %v (19)", arcsOf(p), top, want)
	}
	if !slices.Equal(p.Nodes, []int{0, 1, 2, 3, 5, 6}) {
		t.Errorf("global nodes %v", p.Nodes)
	}
	// a tolerance of 12% admits 1-2-3-4-7 (17 ≥ 16.72) but not 1-2-3-5-7 (16)
	p, _ = nw.Global(w, 0.12)
	if want := []Arc{{0, 1}, {1, 2}, {2, 3}, {3, 5}, {3, 6}, {5, 6}}; !slices.Equal(arcsOf(p), want) {
		t.Errorf("global with tolerance 0.2: %v, want %v", arcsOf(p), want)
	}
	// the search leaves s for the source with the most paths onwards: a (2
	// paths: a-c-e, a-d-e), not b (1: b-c-e), although b→c weighs as much
	// as a→c and a→d
	two := NewNetwork(5, []Arc{{0, 2}, {1, 2}, {0, 3}, {2, 4}, {3, 4}})
	if got := two.LocalForward(two.Weights(SPC), 0); !slices.Equal(got.Arcs, []int{0, 1, 3, 4}) {
		t.Errorf("local forward from the heaviest source: %v", got)
	}
	// key routes: the heaviest arcs are 1→2 and 2→3 (3 each)
	keys := nw.KeyArcs(w, 1)
	if got := []Arc{nw.Arcs[keys[0]], nw.Arcs[keys[1]]}; len(keys) != 2 || got[0] != (Arc{0, 1}) || got[1] != (Arc{1, 2}) {
		t.Fatalf("key arcs %v", keys)
	}
	if got := arcsOf(nw.KeyRoute(w, keys)); !slices.Equal(got, local) {
		t.Errorf("key-route 1: %v, want %v", got, local)
	}
	// key route from 3→5 (weight 1, among the 9 heaviest) adds 3→5 and 5→7
	all := nw.KeyArcs(w, 9)
	if got := arcsOf(nw.KeyRoute(w, all)); len(got) != 9 {
		t.Errorf("key-route over every arc: %v", got)
	}
}

// TestWriteDOTCapsTies draws the main paths of 50 papers that cite 60
// references each and never one another: every one of the 3,000 arcs is a
// path of weight 1, all tied, so the paths hold 3,050 works. The DOT must
// keep at most MaxDrawn works (Graphviz would spend minutes on 3,050) and
// say in its caption that the rest are in the arc list.
func TestWriteDOTCapsTies(t *testing.T) {
	res := &graph.Resolution{}
	for i := range 50 {
		res.Works = append(res.Works, graph.Work{ID: fmt.Sprintf("p%d", i), Label: fmt.Sprintf("P%d 2020", i), Year: 2020, InCorpus: true})
	}
	for i := range 50 {
		for j := range 60 {
			res.Citations = append(res.Citations, graph.Citation{From: i, To: len(res.Works)})
			res.Works = append(res.Works, graph.Work{ID: fmt.Sprintf("r%d-%d", i, j), Label: fmt.Sprintf("R%d 2000", len(res.Works)), Year: 2000})
		}
	}
	g := graph.New(res)
	r, err := Analyse(g, nil)
	if err != nil {
		t.Fatal(err)
	}
	var dot bytes.Buffer
	if err := WriteDOT(&dot, g, r); err != nil {
		t.Fatal(err)
	}
	works := regexp.MustCompile(`(?m)^  n\d+ \[`).FindAll(dot.Bytes(), -1)
	arcs := regexp.MustCompile(`(?m)^  n\d+ -> n\d+ `).FindAll(dot.Bytes(), -1)
	if len(works) == 0 || len(works) > MaxDrawn {
		t.Errorf("%d works drawn, want 1..%d", len(works), MaxDrawn)
	}
	if len(arcs) == 0 || len(arcs) >= 3000 {
		t.Errorf("%d arcs drawn, want fewer than the 3,000 of the paths", len(arcs))
	}
	if want := "the paths have 3000 arcs (ties)"; !strings.Contains(dot.String(), want) {
		t.Errorf("caption lacks %q", want)
	}
}

// TestWriteArcsOnPaths checks that WriteArcs with OnPaths writes exactly
// the rows of the full list that name a main path, in the same order, on
// random graphs with cycles (whose citations inside a cycle are left out).
func TestWriteArcsOnPaths(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 2026))
	dropped := 0
	for i := range 30 {
		n := 20 + r.IntN(40)
		res := &graph.Resolution{}
		for v := range n {
			res.Works = append(res.Works, graph.Work{ID: fmt.Sprintf("w%d", v), Label: fmt.Sprintf("W%d", v), Year: 2000 + v%7, InCorpus: true})
		}
		for _, a := range randomGraph(r, n, 0.08, i%2 == 0) {
			res.Citations = append(res.Citations, graph.Citation{From: a.To, To: a.From})
		}
		g := graph.New(res)
		mp, err := Analyse(g, nil)
		if err != nil {
			t.Fatal(err)
		}
		var all, on bytes.Buffer
		if err := WriteArcs(&all, g, mp, nil); err != nil {
			t.Fatal(err)
		}
		if err := WriteArcs(&on, g, mp, &ArcsOptions{OnPaths: true}); err != nil {
			t.Fatal(err)
		}
		lines := strings.SplitAfter(all.String(), "\n")
		want := lines[0]
		for _, l := range lines[1:] {
			if l == "" {
				continue
			}
			last := l[strings.LastIndexByte(l, ',')+1:]
			if s := strings.TrimSpace(last); s == "" || s == "cycle" {
				dropped++
				continue
			}
			want += l
		}
		if on.String() != want {
			t.Fatalf("graph %d: OnPaths wrote\n%s\nwant the rows on a path of\n%s", i, on.String(), all.String())
		}
	}
	if dropped == 0 {
		t.Error("no row was left out: the graphs do not test OnPaths")
	}
}
