package layout

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// planted returns a network of k groups of size nodes, dense inside and
// sparse between, with each node's group.
func planted(k, size int, seed uint64) ([]Edge, []int32) {
	rng := rand.New(rand.NewPCG(seed, 2))
	n := k * size
	groups := make([]int32, n)
	for i := range groups {
		groups[i] = int32(i / size)
	}
	var es []Edge
	for a := 0; a < n; a++ {
		for b := a + 1; b < n; b++ {
			p := 0.02
			if groups[a] == groups[b] {
				p = 0.4
			}
			if rng.Float64() < p {
				es = append(es, Edge{A: int32(a), B: int32(b), W: 0.5 + rng.Float64()})
			}
		}
	}
	return es, groups
}

// TestVOSSeparatesGroups lays out four planted groups without telling the
// layout the groups: their silhouette must show them apart.
func TestVOSSeparatesGroups(t *testing.T) {
	es, groups := planted(4, 40, 1)
	pos := VOS(len(groups), es, &Options{Seed: 3})
	if s := Separation(pos, groups); s < 0.4 {
		t.Errorf("separation %.3f, want ≥ 0.4 for four planted groups", s)
	}
	for _, p := range pos {
		if math.IsNaN(p.X) || math.IsNaN(p.Y) || math.IsInf(p.X, 0) || math.IsInf(p.Y, 0) {
			t.Fatalf("position %v", p)
		}
	}
	again := VOS(len(groups), es, &Options{Seed: 3})
	if !slices.Equal(pos, again) {
		t.Errorf("two runs with seed 3 differ")
	}
}

// TestRepulsionApproximation compares the Barnes–Hut repulsion with the
// exact sum over all pairs.
func TestRepulsionApproximation(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	pos := make([]Point, 500)
	for i := range pos {
		pos[i] = Point{rng.NormFloat64() * 10, rng.NormFloat64() * 10}
	}
	tree := &quadtree{}
	tree.build(pos)
	worst := 0.0
	for i, p := range pos {
		var ex, ey float64
		for j, q := range pos {
			if i != j {
				d := math.Hypot(p.X-q.X, p.Y-q.Y)
				ex += (p.X - q.X) / d
				ey += (p.Y - q.Y) / d
			}
		}
		fx, fy := tree.repulsion(p, 0.5)
		worst = max(worst, math.Hypot(fx-ex, fy-ey)/max(1, math.Hypot(ex, ey)))
	}
	if worst > 0.05 {
		t.Errorf("Barnes–Hut repulsion off by %.1f%% at worst, want under 5%%", 100*worst)
	}
	// θ = 0 opens every cell: the exact sum
	fx, fy := tree.repulsion(pos[0], 0)
	var ex, ey float64
	for _, q := range pos[1:] {
		d := math.Hypot(pos[0].X-q.X, pos[0].Y-q.Y)
		ex += (pos[0].X - q.X) / d
		ey += (pos[0].Y - q.Y) / d
	}
	if math.Abs(fx-ex) > 1e-9 || math.Abs(fy-ey) > 1e-9 {
		t.Errorf("θ = 0: (%v, %v), exact (%v, %v)", fx, fy, ex, ey)
	}
}

// TestVOSSmall covers networks of 0, 1 and 2 nodes and coincident starts.
func TestVOSSmall(t *testing.T) {
	if got := VOS(0, nil, nil); len(got) != 0 {
		t.Errorf("0 nodes: %v", got)
	}
	if got := VOS(1, nil, nil); len(got) != 1 || got[0] != (Point{}) {
		t.Errorf("1 node: %v", got)
	}
	got := VOS(2, []Edge{{A: 0, B: 1, W: 1}}, nil)
	if d := math.Hypot(got[0].X-got[1].X, got[0].Y-got[1].Y); !(d > 0) || math.IsInf(d, 0) {
		t.Errorf("2 linked nodes at distance %v", d)
	}
}

// BenchmarkVOS lays out 150 nodes in 6 planted groups, a map's size.
func BenchmarkVOS(b *testing.B) {
	es, groups := planted(6, 25, 1)
	for b.Loop() {
		VOS(len(groups), es, &Options{Seed: 1, Groups: groups, Cohesion: 0.3})
	}
}
