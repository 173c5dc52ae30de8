package svgcheck

import (
	"reflect"
	"strings"
	"testing"
)

// sample is laid out by hand: w1 and w2 side by side, w3 below them, w4
// alone; w2's label overlaps w5's; the edge w3 -> w1 runs through w2's box.
const sample = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<svg width="300pt" height="200pt" viewBox="0.00 0.00 300.00 200.00" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
<g id="graph0" class="graph" transform="scale(1 1) rotate(0) translate(4 196)">
<title>citations</title>
<text text-anchor="start" x="8" y="-4" font-family="Helvetica" font-size="10.00">caption &amp; more</text>
<g id="node1" class="node"><title>w1</title>
<g id="a_node1"><a xlink:href="https://doi.org/10.1/a" xlink:title="Title A">
<polygon fill="none" stroke="black" points="0,-180 60,-180 60,-150 0,-150 0,-180"/>
<text text-anchor="middle" x="30" y="-168" font-size="10.00">Smith 2020</text>
<text text-anchor="middle" x="30" y="-156" font-size="10.00">Alpha</text>
</a></g></g>
<g id="node2" class="node"><title>w2</title>
<path fill="none" stroke="black" d="M100,-180C100,-180 160,-180 160,-180 160,-150 100,-150 100,-180"/>
<text text-anchor="middle" x="130" y="-160" font-size="10.00">Smith 2020</text>
</g>
<g id="node3" class="node"><title>w3</title>
<polygon fill="none" stroke="black" points="100,-60 160,-60 160,-40 100,-40 100,-60"/>
<text text-anchor="middle" x="130" y="-46" font-size="10.00">Lee 2021</text>
</g>
<g id="node4" class="node"><title>w4</title>
<polygon fill="none" stroke="black" points="200,-60 260,-60 260,-40 200,-40 200,-60"/>
<text text-anchor="middle" x="230" y="-46" font-size="10.00">Alone 2000</text>
</g>
<g id="node5" class="node"><title>y2020</title>
<text text-anchor="start" x="150" y="-158" font-size="10.00">2020</text>
</g>
<g id="edge1" class="edge"><title>w3&#45;&gt;w1</title>
<g id="a_edge1"><a xlink:title="Lee 2021 cites Smith 2020">
<path fill="none" stroke="black" d="M130,-60C130,-120 30,-120 30,-150"/>
</a></g></g>
<g id="edge2" class="edge"><title>w3&#45;&gt;w2</title>
<path fill="none" stroke="black" d="M130,-60C130,-90 130,-120 130,-150"/>
</g>
</g>
</svg>`

func TestParse(t *testing.T) {
	d, err := Parse([]byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	if d.Width != 300 || d.Height != 200 || d.WidthPx() != 400 || d.ViewBox == "" {
		t.Errorf("size %v × %v (%v px), viewBox %q", d.Width, d.Height, d.WidthPx(), d.ViewBox)
	}
	works := d.Works("w")
	if len(works) != 4 || len(d.Nodes) != 5 || len(d.Edges) != 2 {
		t.Fatalf("%d works of %d nodes, %d edges; want 4 of 5, 2", len(works), len(d.Nodes), len(d.Edges))
	}
	w1 := works[0]
	if w1.Label() != "Smith 2020\nAlpha" || w1.Tooltip != "Title A" || w1.Link != "https://doi.org/10.1/a" ||
		w1.Box != (Rect{0, -180, 60, -150}) {
		t.Errorf("w1 = %+v", w1)
	}
	if d.Edges[0].From != "w3" || d.Edges[0].To != "w1" || d.Edges[0].Tooltip != "Lee 2021 cites Smith 2020" {
		t.Errorf("edge = %+v", d.Edges[0])
	}
	if d.Texts[0].S != "caption & more" || d.Texts[0].Owner != "" {
		t.Errorf("caption = %+v", d.Texts[0])
	}
	if got := d.Isolated(works); !reflect.DeepEqual(got, []string{"w4"}) {
		t.Errorf("isolated = %v, want [w4]", got)
	}
	if got := DuplicateLabels(works); len(got) != 0 {
		t.Errorf("duplicates = %q: w1 has two lines, w2 one", got)
	}
	if got := DuplicateLabels([]*Node{works[1], {Texts: []Text{{S: "Smith 2020"}}}}); !reflect.DeepEqual(got, []string{"Smith 2020"}) {
		t.Errorf("duplicates = %q, want Smith 2020", got)
	}
	// "Smith 2020" of w2: 10 runes × 10 × 0.6 = 60 wide, centred on 130:
	// 100…160; "2020" starts at 150: 150…174. They overlap; nothing else does
	// (w1's lines are 12 apart, 10 high).
	ov := d.Overlaps()
	if len(ov) != 1 || ov[0].A.S != "Smith 2020" || ov[0].A.Owner != "w2" || ov[0].B.S != "2020" {
		t.Errorf("overlaps = %v", ov)
	}
	// w3 -> w1 passes (80, -112.5) at t = 0.5, outside w2 (100…160); but
	// w3 -> w2 is straight up into w2, its own end. Move w2 into the way:
	cr := d.EdgesThroughNodes(works, 2)
	if len(cr) != 0 {
		t.Errorf("crossings = %v, want none", cr)
	}
	w4 := works[3]
	w4.Box = Rect{20, -130, 140, -100}
	cr = d.EdgesThroughNodes(works, 2)
	if len(cr) != 2 || cr[0].Node != "w4" || cr[0].Edge.To != "w1" || cr[1].Edge.To != "w2" {
		t.Errorf("crossings = %+v, want both edges through w4", cr)
	}
}

func TestParseErrors(t *testing.T) {
	for _, bad := range []string{"", "<svg", "<svg><g></svg>", sample[:len(sample)/2], "not xml at all"} {
		if _, err := Parse([]byte(bad)); err == nil {
			t.Errorf("Parse(%.30q): no error", bad)
		}
	}
	if d, err := Parse([]byte(strings.Replace(sample, ` viewBox="0.00 0.00 300.00 200.00"`, "", 1))); err != nil || d.ViewBox != "" {
		t.Errorf("no viewBox: %v, %q", err, d.ViewBox)
	}
}
