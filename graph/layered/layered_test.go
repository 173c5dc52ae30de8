package layered

import (
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
)

// randomGraph has n boxes in rows of a citation-like graph: arcs from a
// later row to an earlier one, a few within a row.
func randomGraph(rng *rand.Rand, n, rows int) ([]Node, []Edge) {
	nodes := make([]Node, n)
	for i := range nodes {
		nodes[i] = Node{Row: rng.IntN(rows), Width: 40 + float64(rng.IntN(120)), Height: 20 + float64(rng.IntN(3))*12}
	}
	seen := map[Edge]bool{}
	var edges []Edge
	for k := 0; k < 2*n; k++ {
		a, b := rng.IntN(n), rng.IntN(n)
		e := Edge{a, b}
		if a == b || seen[e] || seen[Edge{b, a}] {
			continue
		}
		seen[e] = true
		edges = append(edges, e)
	}
	return nodes, edges
}

func TestDoGeometry(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := 0; trial < 30; trial++ {
		nodes, edges := randomGraph(rng, 5+rng.IntN(60), 1+rng.IntN(8))
		for _, bundle := range []bool{false, true} {
			l := Do(nodes, edges, &Options{Bundle: bundle})
			// boxes of a row apart by at least NodeSep (16)
			for i := range nodes {
				for j := range nodes {
					if i >= j || nodes[i].Row != nodes[j].Row {
						continue
					}
					gap := math.Abs(l.Nodes[i].X-l.Nodes[j].X) - (nodes[i].Width+nodes[j].Width)/2
					if gap < 16-1e-6 {
						t.Fatalf("trial %d: nodes %d and %d of row %d are %.1f apart", trial, i, j, nodes[i].Row, gap)
					}
				}
				x0, x1 := l.Nodes[i].X-nodes[i].Width/2, l.Nodes[i].X+nodes[i].Width/2
				if x0 < -1e-6 || x1 > l.Width+1e-6 {
					t.Fatalf("trial %d: node %d [%.1f, %.1f] outside the width %.1f", trial, i, x0, x1, l.Width)
				}
			}
			// rows top to bottom, apart
			for r := 1; r < len(l.Rows); r++ {
				if l.Rows[r]-l.RowHeights[r]/2 < l.Rows[r-1]+l.RowHeights[r-1]/2+36-1e-6 {
					t.Fatalf("trial %d: rows %d and %d too close", trial, r-1, r)
				}
			}
			for e, ed := range edges {
				p := l.Edges[e]
				if len(p) < 4 || (len(p)-1)%3 != 0 {
					t.Fatalf("trial %d: edge %d has %d control points", trial, e, len(p))
				}
				onBorder := func(q Point, i int) bool {
					c, n := l.Nodes[i], nodes[i]
					return math.Abs(math.Abs(q.Y-c.Y)-n.Height/2) < 1e-6 && math.Abs(q.X-c.X) <= n.Width/2+1e-6
				}
				if !onBorder(p[0], ed.From) || !onBorder(l.Tips[e], ed.To) {
					t.Fatalf("trial %d: edge %d %v does not run from border to border: %v … %v", trial, e, ed, p[0], l.Tips[e])
				}
				if d := math.Hypot(p[len(p)-1].X-l.Tips[e].X, p[len(p)-1].Y-l.Tips[e].Y); math.Abs(d-ArrowLength) > 1e-6 {
					t.Fatalf("trial %d: edge %d stops %.1f from its tip, want %v", trial, e, d, ArrowLength)
				}
			}
			if again := Do(nodes, edges, &Options{Bundle: bundle}); !reflect.DeepEqual(again, l) {
				t.Fatalf("trial %d: two runs differ", trial)
			}
		}
	}
}

func TestDoUncrosses(t *testing.T) {
	// row 0: a, b; row 1: c, d; c cites b, d cites a. In the given order the
	// arcs cross; ordering must swap one row.
	nodes := []Node{{0, 50, 20}, {0, 50, 20}, {1, 50, 20}, {1, 50, 20}}
	l := Do(nodes, []Edge{{2, 1}, {3, 0}}, nil)
	a, b, c, d := l.Nodes[0].X, l.Nodes[1].X, l.Nodes[2].X, l.Nodes[3].X
	if (a < b) != (d < c) {
		t.Errorf("arcs cross: a %.0f b %.0f, c %.0f d %.0f", a, b, c, d)
	}
}

func TestBundle(t *testing.T) {
	// node 0 in row 3 cites nodes 1 and 2 in row 0: with bundling the two
	// edges share their point in row 2 (the first half of their way)
	nodes := []Node{{3, 50, 20}, {0, 50, 20}, {0, 50, 20}}
	edges := []Edge{{0, 1}, {0, 2}}
	shared := func(l *Layout) bool {
		// the start, the way out of row 3, then into row 2: points 0…6 alike
		return reflect.DeepEqual(l.Edges[0][1:7], l.Edges[1][1:7])
	}
	if l := Do(nodes, edges, &Options{Bundle: true}); !shared(l) {
		t.Errorf("bundled edges do not share their way: %v / %v", l.Edges[0], l.Edges[1])
	}
	if l := Do(nodes, edges, nil); shared(l) {
		t.Errorf("edges share their way without Bundle: %v / %v", l.Edges[0], l.Edges[1])
	}
}

func TestInversions(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for trial := 0; trial < 100; trial++ {
		s := make([]int, rng.IntN(30))
		for k := range s {
			s[k] = rng.IntN(10)
		}
		want := 0
		for i := range s {
			for j := i + 1; j < len(s); j++ {
				if s[i] > s[j] {
					want++
				}
			}
		}
		if got := inversions(s); got != want {
			t.Fatalf("inversions(%v) = %d, want %d", s, got, want)
		}
	}
}

func BenchmarkDo(b *testing.B) {
	rng := rand.New(rand.NewPCG(8, 9))
	nodes, edges := randomGraph(rng, 1000, 30)
	for b.Loop() {
		Do(nodes, edges, &Options{Bundle: true})
	}
}
