package cluster

import (
	"iter"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"
)

// karate is Zachary's karate club (34 members, 78 friendships), the
// standard small test of community detection. Its best modularity is
// 0.419790 (four communities; Brandes et al. 2008 proved it optimal;
// python-igraph's Leiden and Louvain both reach 0.41978961209730437).
var karate = [][2]int32{{0, 1}, {0, 2}, {0, 3}, {0, 4}, {0, 5}, {0, 6}, {0, 7}, {0, 8}, {0, 10}, {0, 11},
	{0, 12}, {0, 13}, {0, 17}, {0, 19}, {0, 21}, {0, 31}, {1, 2}, {1, 3}, {1, 7}, {1, 13}, {1, 17}, {1, 19},
	{1, 21}, {1, 30}, {2, 3}, {2, 7}, {2, 8}, {2, 9}, {2, 13}, {2, 27}, {2, 28}, {2, 32}, {3, 7}, {3, 12},
	{3, 13}, {4, 6}, {4, 10}, {5, 6}, {5, 10}, {5, 16}, {6, 16}, {8, 30}, {8, 32}, {8, 33}, {9, 33}, {13, 33},
	{14, 32}, {14, 33}, {15, 32}, {15, 33}, {18, 32}, {18, 33}, {19, 33}, {20, 32}, {20, 33}, {22, 32},
	{22, 33}, {23, 25}, {23, 27}, {23, 29}, {23, 32}, {23, 33}, {24, 25}, {24, 27}, {24, 31}, {25, 31},
	{26, 29}, {26, 33}, {27, 33}, {28, 31}, {28, 33}, {29, 32}, {29, 33}, {30, 32}, {30, 33}, {31, 32},
	{31, 33}, {32, 33}}

// unweighted yields pairs as links of weight 1.
func unweighted(pairs [][2]int32) iter.Seq[Edge] {
	return func(yield func(Edge) bool) {
		for _, p := range pairs {
			if !yield(Edge{A: p[0], B: p[1], W: 1}) {
				return
			}
		}
	}
}

// modularity is Newman's modularity of a membership, computed from its
// definition on the link list, independently of the package's code.
func modularity(n int, pairs [][2]int32, w []float64, memb []int32, gamma float64) float64 {
	deg := make([]float64, n)
	m := 0.0
	inside := map[int32]float64{}
	for i, p := range pairs {
		x := 1.0
		if w != nil {
			x = w[i]
		}
		deg[p[0]] += x
		deg[p[1]] += x
		m += x
		if memb[p[0]] == memb[p[1]] {
			inside[memb[p[0]]] += x
		}
	}
	tot := map[int32]float64{}
	for v, c := range memb {
		tot[c] += deg[v]
	}
	q := 0.0
	for c, t := range tot {
		q += inside[c]/m - gamma*(t/(2*m))*(t/(2*m))
	}
	return q
}

func TestLeidenKarate(t *testing.T) {
	for seed := uint64(0); seed < 10; seed++ {
		r := Leiden(34, unweighted(karate), &Options{Seed: seed})
		want := modularity(34, karate, nil, r.Membership, 1)
		if math.Abs(r.Quality-want) > 1e-9 {
			t.Errorf("seed %d: reported modularity %v, computed %v", seed, r.Quality, want)
		}
		if r.Quality < 0.4197896 {
			t.Errorf("seed %d: modularity %.6f, want the optimum 0.419790", seed, r.Quality)
		}
		if r.Clusters != 4 {
			t.Errorf("seed %d: %d clusters, want 4", seed, r.Clusters)
		}
		checkConnected(t, 34, karate, r.Membership)
	}
}

// TestLeidenDeterministic runs the same network twice per seed.
func TestLeidenDeterministic(t *testing.T) {
	pairs, w := planted(2000, 20, 0.9, 7)
	seq := weighted(pairs, w)
	a := Leiden(2000, seq, &Options{Seed: 3})
	b := Leiden(2000, seq, &Options{Seed: 3})
	if !slices.Equal(a.Membership, b.Membership) || a.Quality != b.Quality {
		t.Fatalf("two runs with seed 3 differ")
	}
	// numbered by decreasing size
	size := make([]int, a.Clusters)
	for _, c := range a.Membership {
		size[c]++
	}
	for c := 1; c < len(size); c++ {
		if size[c] > size[c-1] {
			t.Errorf("cluster %d has %d nodes, cluster %d %d", c, size[c], c-1, size[c-1])
		}
	}
}

// TestLeidenProcs checks that the partition does not depend on the number
// of CPUs, with the refinement and the aggregation side by side on every
// level.
func TestLeidenProcs(t *testing.T) {
	pairs, w := planted(20000, 40, 0.8, 5)
	seq := weighted(pairs, w)
	defer func(p int) { parallelArcs = p }(parallelArcs)
	parallelArcs = 10
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	one := Leiden(20000, seq, &Options{Seed: 2})
	runtime.GOMAXPROCS(4)
	four := Leiden(20000, seq, &Options{Seed: 2})
	if !slices.Equal(one.Membership, four.Membership) || one.Quality != four.Quality {
		t.Errorf("1 CPU: %d clusters, Q %v; 4 CPUs: %d clusters, Q %v", one.Clusters, one.Quality,
			four.Clusters, four.Quality)
	}
}

// TestLeidenTolerance checks the stopping rules: on a network above
// smallArcs, iterating until nothing changes runs at least as many
// iterations as the default tolerance and reaches at least its quality; on
// a small one the default iterates until nothing changes; the best of two
// starts begins from the one-start stream.
func TestLeidenTolerance(t *testing.T) {
	const n = 12000
	pairs, w := planted(n, 25, 0.6, 9)
	if 2*len(pairs) < smallArcs {
		t.Fatalf("%d arcs, want at least %d", 2*len(pairs), smallArcs)
	}
	seq := weighted(pairs, w)
	def := Leiden(n, seq, &Options{Seed: 4})
	full := Leiden(n, seq, &Options{Seed: 4, Tolerance: -1})
	if full.Iterations < def.Iterations || full.Quality < def.Quality-1e-12 {
		t.Errorf("until no change: %d iterations, Q %v; default: %d iterations, Q %v", full.Iterations,
			full.Quality, def.Iterations, def.Quality)
	}
	one := Leiden(n, seq, &Options{Seed: 4, Starts: 1, Iterations: 1})
	two := Leiden(n, seq, &Options{Seed: 4, Starts: 2, Iterations: 1})
	if two.Quality < one.Quality {
		t.Errorf("first iteration: best of two starts Q %v, below start 0's %v", two.Quality, one.Quality)
	}
	for _, r := range []Result{def, full, one, two} {
		if want := modularity(n, pairs, w, r.Membership, 1); math.Abs(r.Quality-want) > 1e-6 {
			t.Errorf("reported modularity %v, computed %v", r.Quality, want)
		}
	}
	small, smallFull := Leiden(34, unweighted(karate), &Options{Seed: 4}), Leiden(34, unweighted(karate),
		&Options{Seed: 4, Tolerance: -1})
	if !slices.Equal(small.Membership, smallFull.Membership) || small.Iterations != smallFull.Iterations {
		t.Errorf("karate: default %d iterations, until no change %d", small.Iterations, smallFull.Iterations)
	}
}

// TestLeidenPlanted checks that a planted partition of 20 groups with 90 %
// of the links inside is found exactly.
func TestLeidenPlanted(t *testing.T) {
	pairs, w := planted(2000, 20, 0.9, 11)
	r := Leiden(2000, weighted(pairs, w), &Options{Seed: 1})
	if r.Clusters != 20 {
		t.Errorf("%d clusters, want 20", r.Clusters)
	}
	// every planted group (i mod 20) is one cluster
	for v := 20; v < 2000; v++ {
		if r.Membership[v] != r.Membership[v%20] {
			t.Fatalf("node %d in cluster %d, node %d of its group in %d", v, r.Membership[v], v%20, r.Membership[v%20])
		}
	}
	want := modularity(2000, pairs, w, r.Membership, 1)
	if math.Abs(r.Quality-want) > 1e-6 {
		t.Errorf("reported modularity %v, computed %v", r.Quality, want)
	}
}

// TestLeidenResolution checks that a higher resolution gives more
// clusters, and that CPM at resolution 0.5 on two cliques joined by one
// link separates them (the link is far below density 0.5).
func TestLeidenResolution(t *testing.T) {
	lo := Leiden(34, unweighted(karate), &Options{Resolution: 0.5, Seed: 1})
	hi := Leiden(34, unweighted(karate), &Options{Resolution: 2, Seed: 1})
	if !(lo.Clusters < 4 && hi.Clusters > 4) {
		t.Errorf("clusters at γ=0.5: %d, at γ=2: %d; want fewer and more than 4", lo.Clusters, hi.Clusters)
	}
	var pairs [][2]int32
	for a := int32(0); a < 6; a++ {
		for b := a + 1; b < 6; b++ {
			pairs = append(pairs, [2]int32{a, b}, [2]int32{a + 6, b + 6})
		}
	}
	pairs = append(pairs, [2]int32{0, 6})
	r := Leiden(12, unweighted(pairs), &Options{Quality: CPM, Resolution: 0.5})
	want := []int32{0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1}
	if !slices.Equal(r.Membership, want) {
		t.Errorf("membership %v, want %v", r.Membership, want)
	}
	// H = 2 cliques × (15 links − 0.5·6·5/2)
	if r.Quality != 2*(15-0.5*15) {
		t.Errorf("CPM quality %v, want 15", r.Quality)
	}
}

// TestLeidenMinSize merges a pendant pair into the clique it hangs on and
// marks an isolated pair.
func TestLeidenMinSize(t *testing.T) {
	var pairs [][2]int32
	for a := int32(0); a < 6; a++ {
		for b := a + 1; b < 6; b++ {
			pairs = append(pairs, [2]int32{a, b})
		}
	}
	pairs = append(pairs, [2]int32{6, 7}, [2]int32{7, 0}, [2]int32{8, 9})
	r := Leiden(10, unweighted(pairs), &Options{Quality: CPM, Resolution: 0.9, MinSize: 3})
	want := []int32{0, 0, 0, 0, 0, 0, 0, 0, -1, -1}
	if !slices.Equal(r.Membership, want) || r.Merged < 1 || r.Marked != 1 {
		t.Errorf("membership %v (merged %d, marked %d), want %v", r.Membership, r.Merged, r.Marked, want)
	}
}

// TestLeidenEmpty covers networks without links.
func TestLeidenEmpty(t *testing.T) {
	r := Leiden(3, unweighted(nil), nil)
	if r.Clusters != 3 || r.Quality != 0 {
		t.Errorf("3 nodes without links: %+v", r)
	}
	if r := Leiden(0, unweighted(nil), nil); len(r.Membership) != 0 {
		t.Errorf("empty network: %+v", r)
	}
}

// checkConnected fails when a cluster's nodes are not connected by links
// inside it: Leiden guarantees connected clusters.
func checkConnected(t *testing.T, n int, pairs [][2]int32, memb []int32) {
	t.Helper()
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			i = parent[i]
		}
		return i
	}
	for _, p := range pairs {
		if memb[p[0]] == memb[p[1]] {
			parent[find(int(p[0]))] = find(int(p[1]))
		}
	}
	root := map[int32]int{}
	for v := 0; v < n; v++ {
		if r, ok := root[memb[v]]; !ok {
			root[memb[v]] = find(v)
		} else if r != find(v) {
			t.Errorf("cluster %d is not connected", memb[v])
		}
	}
}

// planted makes a network of n nodes in k groups (node i in group i mod
// k), each node with 10 links, a share in of them inside its group, with
// random weights in [0.5, 1.5).
func planted(n, k int, in float64, seed uint64) ([][2]int32, []float64) {
	rng := rand.New(rand.NewPCG(seed, 1))
	seen := map[[2]int32]bool{}
	var pairs [][2]int32
	var w []float64
	for a := 0; a < n; a++ {
		for j := 0; j < 5; j++ {
			var b int
			if rng.Float64() < in {
				b = (rng.IntN(n/k))*k + a%k
			} else {
				b = rng.IntN(n)
			}
			p := [2]int32{int32(min(a, b)), int32(max(a, b))}
			if a == b || seen[p] {
				continue
			}
			seen[p] = true
			pairs = append(pairs, p)
			w = append(w, 0.5+rng.Float64())
		}
	}
	return pairs, w
}

func weighted(pairs [][2]int32, w []float64) iter.Seq[Edge] {
	return func(yield func(Edge) bool) {
		for i, p := range pairs {
			if !yield(Edge{A: p[0], B: p[1], W: w[i]}) {
				return
			}
		}
	}
}

// TestQ scores given partitions of the karate club against the
// definition: all in one cluster (0), the two factions of the club's split
// (Mr. Hi's: nodes 0–8, 10–13, 16, 17, 19, 21; networkx's modularity of
// that split is 0.3582347140039448), and marked nodes counted alone.
func TestQ(t *testing.T) {
	one := make([]int32, 34)
	if q := Q(34, unweighted(karate), one, 1); math.Abs(q) > 1e-12 {
		t.Errorf("one cluster: Q = %v, want 0", q)
	}
	split := make([]int32, 34)
	for _, v := range []int{9, 14, 15, 18, 20, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33} {
		split[v] = 1
	}
	want := modularity(34, karate, nil, split, 1)
	if q := Q(34, unweighted(karate), split, 1); math.Abs(q-want) > 1e-12 || math.Abs(q-0.3582347140039448) > 1e-12 {
		t.Errorf("factions: Q = %v, want %v (networkx 0.3582347140039448)", q, want)
	}
	marked := slices.Clone(split)
	marked[0] = -1
	alone := slices.Clone(split)
	alone[0] = 2
	if a, b := Q(34, unweighted(karate), marked, 1), modularity(34, karate, nil, alone, 1); math.Abs(a-b) > 1e-12 {
		t.Errorf("a marked node: Q = %v, want %v (alone)", a, b)
	}
}

// BenchmarkLeiden clusters a planted network of 20,000 nodes and about
// 50,000 links.
func BenchmarkLeiden(b *testing.B) {
	pairs, w := planted(20000, 50, 0.8, 3)
	seq := weighted(pairs, w)
	for b.Loop() {
		Leiden(20000, seq, &Options{Seed: 1})
	}
}

// TestMoveNodesInside checks the weight of each node's links inside its
// cluster that the moves keep up to date for the refinement, on weights
// that are not whole numbers, against a sum over the links.
func TestMoveNodesInside(t *testing.T) {
	const n = 3000
	pairs, w := planted(n, 30, 0.7, 13)
	g := newGraph(n, weighted(pairs, w), Modularity)
	l := &leiden{rng: rand.New(rand.NewPCG(1, 2)), gamma: 1 / g.total, scratch: &scratch{}}
	part := make([]int32, n)
	for v := range part {
		part[v] = int32(v)
	}
	inW := make([]float64, n)
	l.moveNodes(g, part, inW)
	want := make([]float64, n)
	for i, p := range pairs {
		if part[p[0]] == part[p[1]] {
			x := float64(float32(w[i]))
			want[p[0]] += x
			want[p[1]] += x
		}
	}
	for v := range want {
		if math.Abs(inW[v]-want[v]) > 1e-9*max(1, want[v]) {
			t.Fatalf("node %d: weight inside its cluster %v, want %v", v, inW[v], want[v])
		}
	}
}

// TestNetworkReuse clusters one built Network several times, with other
// seeds, qualities of options and minimum sizes in turn, and checks that
// each result is the one a fresh Leiden gives: clustering does not change
// the network.
func TestNetworkReuse(t *testing.T) {
	pairs, w := planted(600, 6, 0.3, 7)
	for _, q := range []Quality{Modularity, CPM} {
		nw := NewNetwork(600, weighted(pairs, w), q)
		for _, o := range []Options{{Seed: 1}, {Seed: 2, Starts: 1}, {Seed: 1, MinSize: 50}, {Seed: 3, Resolution: 0.05}, {Seed: 1}} {
			o.Quality = q
			got := nw.Cluster(&o)
			want := Leiden(600, weighted(pairs, w), &o)
			if !slices.Equal(got.Membership, want.Membership) || got.Quality != want.Quality {
				t.Fatalf("%s %+v: reused network Q %.6f, fresh Q %.6f", q, o, got.Quality, want.Quality)
			}
		}
	}
}
