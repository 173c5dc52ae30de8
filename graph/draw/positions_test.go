package draw

import (
	"bytes"
	"context"
	"regexp"
	"strconv"
	"testing"
)

// TestPinned renders nodes at the positions the DOT gives (nop2): the
// circles' centres keep their distances.
func TestPinned(t *testing.T) {
	dot := `graph g { node [shape=circle, fixedsize=true, width=0.2, label=" "];
  a [pos="100,100!"]; b [pos="400,100!"]; c [pos="100,300!"]; a -- b; }`
	var svg bytes.Buffer
	if err := SVG(context.Background(), &svg, []byte(dot), Given); err != nil {
		t.Fatal(err)
	}
	svgSummary(t, svg.Bytes())
	var xs, ys []float64
	for _, m := range regexp.MustCompile(`<ellipse[^>]* cx="([-0-9.]+)" cy="([-0-9.]+)"`).FindAllStringSubmatch(svg.String(), -1) {
		x, _ := strconv.ParseFloat(m[1], 64)
		y, _ := strconv.ParseFloat(m[2], 64)
		xs, ys = append(xs, x), append(ys, y)
	}
	if len(xs) != 3 || xs[1]-xs[0] != 300 || ys[0]-ys[2] != 200 {
		t.Errorf("centres %v %v, want a, b 300 apart across and a, c 200 apart up", xs, ys)
	}
}

// TestPositions lays out a small graph with sfdp and reads every node's
// position back.
func TestPositions(t *testing.T) {
	dot := `graph g { n1 -- n2; n2 -- n3; n3 -- n1; "n 4" -- n1; }`
	pos, err := Positions(context.Background(), []byte(dot), SFDP)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"n1", "n2", "n3", "n 4"} {
		if _, ok := pos[n]; !ok {
			t.Errorf("no position for %q in %v", n, pos)
		}
	}
	if _, err := Positions(context.Background(), []byte(dot), "circo"); err == nil {
		t.Errorf("unknown layout accepted")
	}
}
