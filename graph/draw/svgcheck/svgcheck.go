// Package svgcheck reads an SVG drawn by Graphviz and reports what a reader
// would see: its size, its nodes with their label texts and boxes, its edges
// and their paths, and the problems that make a diagram hard to read (label
// texts that overlap, nodes without an edge, equal labels, edges that run
// through nodes). Tests of any package that draws use it.
//
// Text boxes are estimated from the font size and the length of the text, as
// a reader's browser would roughly draw them: 0.6 em a character, one em
// high. The estimate does not depend on how the drawing was made.
package svgcheck

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Rect is a box in the drawing's coordinates.
type Rect struct{ X0, Y0, X1, Y1 float64 }

// Overlaps reports whether r and s share more than a sliver (0.5 pt) of area.
func (r Rect) Overlaps(s Rect) bool {
	const eps = 0.5
	return r.X0+eps < s.X1 && s.X0+eps < r.X1 && r.Y0+eps < s.Y1 && s.Y0+eps < r.Y1
}

// Contains reports whether p lies inside r shrunk by margin on every side.
func (r Rect) Contains(x, y, margin float64) bool {
	return x > r.X0+margin && x < r.X1-margin && y > r.Y0+margin && y < r.Y1-margin
}

// Text is one <text> element.
type Text struct {
	S    string
	X, Y float64 // the anchor point; Y is the baseline
	Size float64
	// Box is the estimated extent of the text.
	Box Rect
	// Owner is the ID of the node or edge the text belongs to; "" for the
	// graph's own label (the caption).
	Owner string
}

// Node is one <g class="node">.
type Node struct {
	ID      string // the node's name in the DOT (its <title>)
	Texts   []Text
	Box     Rect // bounding box of its shapes; zero when it has none (plain text)
	HasBox  bool
	Tooltip string
	Link    string
}

// Label is the node's texts joined by newlines, top to bottom.
func (n *Node) Label() string {
	var s []string
	for _, t := range n.Texts {
		s = append(s, t.S)
	}
	return strings.Join(s, "\n")
}

// Edge is one <g class="edge">.
type Edge struct {
	From, To string
	Tooltip  string
	// Path holds the points of its curves: the ends and control points of
	// each cubic Bézier segment, in order.
	Path [][2]float64
}

// Drawing is what Parse found.
type Drawing struct {
	// Width and Height are the <svg> element's, in points (a browser shows
	// 4/3 px a point).
	Width, Height float64
	// ViewBox is the viewBox attribute ("" when missing).
	ViewBox string
	Nodes   []Node
	Edges   []Edge
	Texts   []Text // every text, the caption included
}

// WidthPx is the width a browser gives the drawing at 100 %.
func (d *Drawing) WidthPx() float64 { return d.Width * 4 / 3 }

var number = regexp.MustCompile(`-?[0-9]*\.?[0-9]+(?:e-?[0-9]+)?`)

// Parse reads a Graphviz SVG. It fails on malformed XML.
func Parse(svg []byte) (*Drawing, error) {
	d := &Drawing{}
	dec := xml.NewDecoder(bytes.NewReader(svg))
	dec.Strict = true
	dec.Entity = xml.HTMLEntity
	var (
		stack   []string // element names
		group   = -1     // depth of the current node or edge group
		isNode  bool
		node    *Node
		edge    *Edge
		text    *Text
		anchor  string
		title   bool
		seen    bool // the <svg> element
		textBuf strings.Builder
	)
	attr := func(se xml.StartElement, name string) string {
		for _, a := range se.Attr {
			if a.Name.Local == name {
				return a.Value
			}
		}
		return ""
	}
	num := func(s string) float64 {
		v, _ := strconv.ParseFloat(strings.TrimSuffix(s, "pt"), 64)
		return v
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("svg is not well-formed: %v", err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			stack = append(stack, el.Name.Local)
			switch el.Name.Local {
			case "svg":
				if len(stack) == 1 {
					seen = true
					d.Width, d.Height, d.ViewBox = num(attr(el, "width")), num(attr(el, "height")), attr(el, "viewBox")
				}
			case "g":
				switch attr(el, "class") {
				case "node":
					group, isNode = len(stack), true
					d.Nodes = append(d.Nodes, Node{})
					node = &d.Nodes[len(d.Nodes)-1]
				case "edge":
					group, isNode = len(stack), false
					d.Edges = append(d.Edges, Edge{})
					edge = &d.Edges[len(d.Edges)-1]
				}
			case "title":
				title = true
				textBuf.Reset()
			case "a":
				if group > 0 {
					tip, href := attr(el, "title"), attr(el, "href")
					if isNode {
						node.Tooltip, node.Link = tip, href
					} else {
						edge.Tooltip = tip
					}
				}
			case "text":
				text = &Text{X: num(attr(el, "x")), Y: num(attr(el, "y")), Size: num(attr(el, "font-size"))}
				anchor = attr(el, "text-anchor")
				textBuf.Reset()
			case "polygon", "path", "ellipse", "polyline":
				if group > 0 && isNode {
					if r, ok := shapeBox(el, attr); ok {
						if node.HasBox {
							r = Rect{min(r.X0, node.Box.X0), min(r.Y0, node.Box.Y0), max(r.X1, node.Box.X1), max(r.Y1, node.Box.Y1)}
						}
						node.Box, node.HasBox = r, true
					}
				}
				if group > 0 && !isNode && el.Name.Local == "path" {
					edge.Path = append(edge.Path, pathPoints(attr(el, "d"))...)
				}
			}
		case xml.CharData:
			if title || text != nil {
				textBuf.Write(el)
			}
		case xml.EndElement:
			switch el.Name.Local {
			case "title":
				title = false
				if group > 0 {
					name := strings.TrimSpace(textBuf.String())
					if isNode {
						node.ID = name
					} else if from, to, ok := strings.Cut(name, "->"); ok {
						edge.From, edge.To = from, to
					}
				}
			case "text":
				text.S = strings.TrimSpace(textBuf.String())
				text.Box = estimate(text.S, text.X, text.Y, text.Size, anchor)
				if group > 0 && isNode {
					text.Owner = node.ID
					node.Texts = append(node.Texts, *text)
				} else if group > 0 {
					text.Owner = edge.From + "->" + edge.To
				}
				d.Texts = append(d.Texts, *text)
				text = nil
			case "g":
				if len(stack) == group {
					group, node, edge = -1, nil, nil
				}
			}
			stack = stack[:len(stack)-1]
		}
	}
	if len(stack) != 0 {
		return nil, fmt.Errorf("svg is cut short: %d elements open", len(stack))
	}
	if !seen {
		return nil, fmt.Errorf("no <svg> element")
	}
	return d, nil
}

// estimate is the box a text takes: 0.6 em a character, from 0.8 em above
// the baseline to 0.2 em below.
func estimate(s string, x, y, size float64, anchor string) Rect {
	w := float64(utf8.RuneCountInString(s)) * size * 0.6
	x0 := x - w/2
	switch anchor {
	case "start":
		x0 = x
	case "end":
		x0 = x - w
	}
	return Rect{x0, y - 0.8*size, x0 + w, y + 0.2*size}
}

func shapeBox(el xml.StartElement, attr func(xml.StartElement, string) string) (Rect, bool) {
	var xs, ys []float64
	switch el.Name.Local {
	case "ellipse":
		f := func(n string) float64 { v, _ := strconv.ParseFloat(attr(el, n), 64); return v }
		cx, cy, rx, ry := f("cx"), f("cy"), f("rx"), f("ry")
		return Rect{cx - rx, cy - ry, cx + rx, cy + ry}, true
	case "path":
		for _, p := range pathPoints(attr(el, "d")) {
			xs, ys = append(xs, p[0]), append(ys, p[1])
		}
	default:
		nums := number.FindAllString(attr(el, "points"), -1)
		for k := 0; k+1 < len(nums); k += 2 {
			x, _ := strconv.ParseFloat(nums[k], 64)
			y, _ := strconv.ParseFloat(nums[k+1], 64)
			xs, ys = append(xs, x), append(ys, y)
		}
	}
	if len(xs) == 0 {
		return Rect{}, false
	}
	r := Rect{xs[0], ys[0], xs[0], ys[0]}
	for k := range xs {
		r = Rect{min(r.X0, xs[k]), min(r.Y0, ys[k]), max(r.X1, xs[k]), max(r.Y1, ys[k])}
	}
	return r, true
}

// pathPoints reads the absolute coordinates of a Graphviz path ("M x,y
// C x,y x,y x,y …"), which holds only moves and cubic curves.
func pathPoints(d string) [][2]float64 {
	nums := number.FindAllString(d, -1)
	var pts [][2]float64
	for k := 0; k+1 < len(nums); k += 2 {
		x, _ := strconv.ParseFloat(nums[k], 64)
		y, _ := strconv.ParseFloat(nums[k+1], 64)
		pts = append(pts, [2]float64{x, y})
	}
	return pts
}

// Works returns the nodes whose ID starts with prefix ("w" for citegraph's
// works) followed by digits only.
func (d *Drawing) Works(prefix string) []*Node {
	var out []*Node
	for k := range d.Nodes {
		n := &d.Nodes[k]
		rest, ok := strings.CutPrefix(n.ID, prefix)
		if ok && rest != "" && strings.Trim(rest, "0123456789") == "" {
			out = append(out, n)
		}
	}
	return out
}

// Isolated returns the IDs of the nodes among works with no edge to or from
// another of them, sorted.
func (d *Drawing) Isolated(works []*Node) []string {
	in := map[string]bool{}
	for _, n := range works {
		in[n.ID] = true
	}
	linked := map[string]bool{}
	for _, e := range d.Edges {
		if in[e.From] && in[e.To] && e.From != e.To {
			linked[e.From], linked[e.To] = true, true
		}
	}
	var out []string
	for _, n := range works {
		if !linked[n.ID] {
			out = append(out, n.ID)
		}
	}
	sort.Strings(out)
	return out
}

// DuplicateLabels returns the labels (texts joined) that more than one of
// the nodes carry, sorted.
func DuplicateLabels(nodes []*Node) []string {
	count := map[string]int{}
	for _, n := range nodes {
		count[n.Label()]++
	}
	var out []string
	for s, c := range count {
		if c > 1 {
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

// Overlap is two texts whose estimated boxes overlap.
type Overlap struct{ A, B Text }

func (o Overlap) String() string {
	return fmt.Sprintf("%q (%s at %.0f,%.0f) overlaps %q (%s at %.0f,%.0f)", o.A.S, o.A.Owner, o.A.X, o.A.Y, o.B.S, o.B.Owner, o.B.X, o.B.Y)
}

// Overlaps returns every pair of non-empty texts whose estimated boxes
// overlap, in document order: with a sweep over x, so thousands of labels
// cost little.
func (d *Drawing) Overlaps() []Overlap {
	var texts []Text
	for _, t := range d.Texts {
		if t.S != "" {
			texts = append(texts, t)
		}
	}
	idx := make([]int, len(texts))
	for k := range idx {
		idx[k] = k
	}
	sort.SliceStable(idx, func(a, b int) bool { return texts[idx[a]].Box.X0 < texts[idx[b]].Box.X0 })
	var out []Overlap
	for a := range idx {
		ta := texts[idx[a]]
		for b := a + 1; b < len(idx) && texts[idx[b]].Box.X0 < ta.Box.X1; b++ {
			tb := texts[idx[b]]
			if ta.Box.Overlaps(tb.Box) {
				x, y := ta, tb
				if idx[b] < idx[a] {
					x, y = tb, ta
				}
				out = append(out, Overlap{x, y})
			}
		}
	}
	return out
}

// Crossing is an edge whose path runs through a node that is not one of its
// ends.
type Crossing struct {
	Edge Edge
	Node string
}

// EdgesThroughNodes returns the edges whose curves pass through the box of
// a node among nodes other than their own ends, sampling each Bézier
// segment; margin shrinks the boxes, so that grazing a corner is allowed.
func (d *Drawing) EdgesThroughNodes(nodes []*Node, margin float64) []Crossing {
	var out []Crossing
	for _, e := range d.Edges {
		hit := map[string]bool{}
		p := e.Path
		for k := 0; k+3 < len(p); k += 3 {
			for s := 0; s <= 16; s++ {
				t := float64(s) / 16
				u := 1 - t
				x := u*u*u*p[k][0] + 3*u*u*t*p[k+1][0] + 3*u*t*t*p[k+2][0] + t*t*t*p[k+3][0]
				y := u*u*u*p[k][1] + 3*u*u*t*p[k+1][1] + 3*u*t*t*p[k+2][1] + t*t*t*p[k+3][1]
				for _, n := range nodes {
					if n.ID == e.From || n.ID == e.To || !n.HasBox || hit[n.ID] {
						continue
					}
					if n.Box.Contains(x, y, margin) {
						hit[n.ID] = true
						out = append(out, Crossing{e, n.ID})
					}
				}
			}
		}
	}
	return out
}
