// Package layered lays out a directed graph whose nodes come in given rows,
// as a historiograph's publication years do. It follows Sugiyama's method
// with the ranks fixed beforehand: every edge that spans rows gets a
// point in each row it crosses, the rows are ordered to reduce crossings
// (barycentre sweeps), nodes are placed near their neighbours without
// overlap (weighted isotonic regression, row by row), and each edge is a
// smooth curve through its points.
//
// The work is linear in the nodes and edge points for each sweep, so
// thousands of nodes take milliseconds, and a row is never wider than the
// nodes it holds plus the gaps between them.
package layered

import (
	"cmp"
	"math"
	"slices"
)

// Node is a box to place, in row Row (0 at the top).
type Node struct {
	Row           int
	Width, Height float64
}

// Edge is drawn from node From to node To, with the arrow at To.
type Edge struct{ From, To int }

// Options controls Do. The zero value suits boxes with 10–15 pt text.
type Options struct {
	// NodeSep is the gap between two boxes of a row; 0 means 16.
	NodeSep float64
	// RowSep is the gap between rows; 0 means 36.
	RowSep float64
	// Sweeps is the number of ordering and placement passes; 0 means 12.
	Sweeps int
	// Bundle lets edges share their way through the rows they cross: the
	// edges leaving a node go together for the first half of their way, the
	// edges entering a node for the second half, as Graphviz's concentrate
	// does. Fans of citations to and from one work then take one line.
	Bundle bool
}

// Point is a position; y grows downwards.
type Point struct{ X, Y float64 }

// Layout is the result of Do.
type Layout struct {
	// Nodes are the centres of the nodes.
	Nodes []Point
	// Edges are, for each edge, the control points of a cubic Bézier
	// spline: the start on the border of From, then three points per
	// segment. The last point stops short of To's border by ArrowLength,
	// room for the arrowhead, whose tip is Tips.
	Edges [][]Point
	Tips  []Point
	// Rows are the centres of the rows, top to bottom, and RowHeights
	// their heights (the tallest node's).
	Rows, RowHeights []float64
	// Width and Height bound the drawing; every point is inside.
	Width, Height float64
}

// ArrowLength is the room left for an arrowhead at the end of an edge.
const ArrowLength = 6.0

// item is a node or an edge's point in a row.
type item struct {
	node  int // index into nodes, or -1 for an edge point
	width float64
	up    []int // items linked in the row above (indexes into items)
	down  []int // and below
	row   int
	pos   int     // index within its row
	x     float64 // centre
}

// Do lays out the nodes and edges.
func Do(nodes []Node, edges []Edge, opt *Options) *Layout {
	var o Options
	if opt != nil {
		o = *opt
	}
	if o.NodeSep == 0 {
		o.NodeSep = 16
	}
	if o.RowSep == 0 {
		o.RowSep = 36
	}
	if o.Sweeps == 0 {
		o.Sweeps = 12
	}
	l := &Layout{Nodes: make([]Point, len(nodes)), Edges: make([][]Point, len(edges)), Tips: make([]Point, len(edges))}
	if len(nodes) == 0 {
		return l
	}
	nrows := 0
	for _, n := range nodes {
		nrows = max(nrows, n.Row+1)
	}
	items := make([]item, len(nodes))
	rows := make([][]int, nrows)
	for i, n := range nodes {
		items[i] = item{node: i, width: n.Width, row: n.Row}
		rows[n.Row] = append(rows[n.Row], i)
	}
	linked := map[[2]int]bool{}
	link := func(a, b int) { // a is in the row just above b
		if linked[[2]int{a, b}] {
			return
		}
		linked[[2]int{a, b}] = true
		items[a].down = append(items[a].down, b)
		items[b].up = append(items[b].up, a)
	}
	type key struct {
		node, row int
		in        bool
	}
	shared := map[key]int{} // bundled edge points
	point := func(k key) int {
		if i, ok := shared[k]; ok && o.Bundle {
			return i
		}
		items = append(items, item{node: -1, width: 2, row: k.row})
		i := len(items) - 1
		rows[k.row] = append(rows[k.row], i)
		shared[k] = i
		return i
	}
	chains := make([][]int, len(edges)) // items of each edge, From to To
	for e, ed := range edges {
		a, b := nodes[ed.From].Row, nodes[ed.To].Row
		chain := []int{ed.From}
		step := 1
		if b < a {
			step = -1
		}
		span := (b - a) * step
		for r, k := a+step, 1; r != b && a != b; r, k = r+step, k+1 {
			// the first half with the edges leaving From, the rest with
			// those entering To
			if 2*k <= span {
				chain = append(chain, point(key{ed.From, r, false}))
			} else {
				chain = append(chain, point(key{ed.To, r, true}))
			}
		}
		chain = append(chain, ed.To)
		chains[e] = chain
		if a == b {
			continue
		}
		for k := 1; k < len(chain); k++ {
			if step > 0 {
				link(chain[k-1], chain[k])
			} else {
				link(chain[k], chain[k-1])
			}
		}
	}

	order(items, rows, o.Sweeps)
	place(items, rows, o)

	// rows: top to bottom
	l.Rows = make([]float64, nrows)
	heights := make([]float64, nrows)
	for _, n := range nodes {
		heights[n.Row] = max(heights[n.Row], n.Height)
	}
	y := o.RowSep / 2
	for r := range heights {
		heights[r] = max(heights[r], 10)
		l.Rows[r] = y + heights[r]/2
		y += heights[r] + o.RowSep
	}
	l.Height = y - o.RowSep/2
	l.RowHeights = heights
	minX, maxX := math.Inf(1), math.Inf(-1)
	for _, it := range items {
		minX = min(minX, it.x-it.width/2)
		maxX = max(maxX, it.x+it.width/2)
	}
	for i := range items {
		items[i].x -= minX
	}
	l.Width = maxX - minX
	for i := range nodes {
		l.Nodes[i] = Point{items[i].x, l.Rows[nodes[i].Row]}
	}
	for e, chain := range chains {
		l.Edges[e], l.Tips[e] = route(chain, items, nodes, l, o.RowSep)
	}
	return l
}

// order sorts every row by the barycentre of its links, sweeping down
// and up, and keeps the order with the fewest crossings.
func order(items []item, rows [][]int, sweeps int) {
	setPos := func() {
		for _, row := range rows {
			for p, i := range row {
				items[i].pos = p
			}
		}
	}
	setPos()
	best := cloneRows(rows)
	bestCross := crossings(items, rows)
	bary := make([]float64, len(items))
	for s := 0; s < sweeps && bestCross > 0; s++ {
		down := s%2 == 0
		for k := 1; k < len(rows); k++ {
			r := k
			if !down {
				r = len(rows) - 1 - k
			}
			row := rows[r]
			for _, i := range row {
				nb := items[i].up
				if !down {
					nb = items[i].down
				}
				if len(nb) == 0 {
					bary[i] = float64(items[i].pos)
					continue
				}
				sum := 0.0
				for _, j := range nb {
					sum += float64(items[j].pos)
				}
				bary[i] = sum / float64(len(nb))
			}
			slices.SortStableFunc(row, func(a, b int) int { return cmp.Compare(bary[a], bary[b]) })
			for p, i := range row {
				items[i].pos = p
			}
		}
		if c := crossings(items, rows); c < bestCross {
			bestCross = c
			best = cloneRows(rows)
		}
	}
	for r := range rows {
		copy(rows[r], best[r])
	}
	setPos()
}

func cloneRows(rows [][]int) [][]int {
	out := make([][]int, len(rows))
	for r := range rows {
		out[r] = slices.Clone(rows[r])
	}
	return out
}

// crossings counts pairs of links between consecutive rows that cross.
func crossings(items []item, rows [][]int) int {
	total := 0
	var pairs [][2]int
	for r := 0; r+1 < len(rows); r++ {
		pairs = pairs[:0]
		for _, i := range rows[r] {
			for _, j := range items[i].down {
				pairs = append(pairs, [2]int{items[i].pos, items[j].pos})
			}
		}
		slices.SortFunc(pairs, func(a, b [2]int) int {
			if a[0] != b[0] {
				return a[0] - b[0]
			}
			return a[1] - b[1]
		})
		lower := make([]int, len(pairs))
		for k, p := range pairs {
			lower[k] = p[1]
		}
		total += inversions(lower)
	}
	return total
}

// inversions counts pairs i < j with s[i] > s[j], by merge sort.
func inversions(s []int) int {
	if len(s) < 2 {
		return 0
	}
	buf := make([]int, len(s))
	var sortCount func(a, tmp []int) int
	sortCount = func(a, tmp []int) int {
		if len(a) < 2 {
			return 0
		}
		m := len(a) / 2
		n := sortCount(a[:m], tmp[:m]) + sortCount(a[m:], tmp[m:])
		i, j, k := 0, m, 0
		for i < m && j < len(a) {
			if a[j] < a[i] {
				n += m - i
				tmp[k] = a[j]
				j++
			} else {
				tmp[k] = a[i]
				i++
			}
			k++
		}
		k += copy(tmp[k:], a[i:m])
		copy(tmp[k:], a[j:])
		copy(a, tmp[:len(a)])
		return n
	}
	return sortCount(slices.Clone(s), buf)
}

// place gives every item an x: rows packed first, then each item drawn
// towards the mean x of its links, row after row, down and up, each row
// kept in order and without overlap by a weighted isotonic regression.
func place(items []item, rows [][]int, o Options) {
	gap := func(a, b int) float64 {
		g := o.NodeSep
		if items[a].node < 0 || items[b].node < 0 {
			g = o.NodeSep / 2
		}
		return (items[a].width+items[b].width)/2 + g
	}
	widest := 0.0
	for _, row := range rows {
		x := 0.0
		for k, i := range row {
			if k > 0 {
				x += gap(row[k-1], i)
			}
			items[i].x = x
		}
		widest = max(widest, x)
	}
	for _, row := range rows { // centre the rows
		if len(row) == 0 {
			continue
		}
		shift := (widest - items[row[len(row)-1]].x) / 2
		for _, i := range row {
			items[i].x += shift
		}
	}
	// weight of the link between a and b: long edges are kept straight
	weight := func(a, b int) float64 {
		switch {
		case items[a].node < 0 && items[b].node < 0:
			return 8
		case items[a].node < 0 || items[b].node < 0:
			return 2
		}
		return 1
	}
	target := make([]float64, len(items))
	w := make([]float64, len(items))
	for s := 0; s < 2*o.Sweeps; s++ {
		down := s%2 == 0
		for k := range rows {
			r := k
			if !down {
				r = len(rows) - 1 - k
			}
			row := rows[r]
			for _, i := range row {
				sum, ws := 0.0, 0.0
				for _, j := range items[i].up {
					sum += weight(i, j) * items[j].x
					ws += weight(i, j)
				}
				for _, j := range items[i].down {
					sum += weight(i, j) * items[j].x
					ws += weight(i, j)
				}
				if ws == 0 {
					target[i], w[i] = items[i].x, 0.1
					continue
				}
				target[i], w[i] = sum/ws, ws
			}
			isotonic(items, row, target, w, gap)
		}
	}
}

// isotonic sets the x of the row's items to minimise Σ w(x − target)²
// with each item at least gap(a, b) right of the one before: with offsets
// taken out, the pool-adjacent-violators algorithm for a non-decreasing fit.
func isotonic(items []item, row []int, target, w []float64, gap func(a, b int) float64) {
	n := len(row)
	if n == 0 {
		return
	}
	off := make([]float64, n)
	for k := 1; k < n; k++ {
		off[k] = off[k-1] + gap(row[k-1], row[k])
	}
	type block struct {
		sum, weight float64
		start, end  int
	}
	var blocks []block
	for k, i := range row {
		b := block{sum: w[i] * (target[i] - off[k]), weight: w[i], start: k, end: k + 1}
		blocks = append(blocks, b)
		for len(blocks) > 1 {
			last, prev := blocks[len(blocks)-1], blocks[len(blocks)-2]
			if prev.sum/prev.weight <= last.sum/last.weight {
				break
			}
			blocks = blocks[:len(blocks)-1]
			blocks[len(blocks)-1] = block{sum: prev.sum + last.sum, weight: prev.weight + last.weight, start: prev.start, end: last.end}
		}
	}
	for _, b := range blocks {
		v := b.sum / b.weight
		for k := b.start; k < b.end; k++ {
			items[row[k]].x = v + off[k]
		}
	}
}

// route draws an edge through its items as cubic Bézier segments: it
// leaves and enters its nodes vertically, crosses every row in between
// straight down (or up) the room kept for it, and bends only in the gaps
// between rows, where there are no nodes. An edge within one row arcs
// above it.
func route(chain []int, items []item, nodes []Node, l *Layout, rowSep float64) ([]Point, Point) {
	from, to := chain[0], chain[len(chain)-1]
	fn, tn := nodes[from], nodes[to]
	if fn.Row == tn.Row {
		top := l.Rows[fn.Row] - l.RowHeights[fn.Row]/2
		a := Point{items[from].x, l.Rows[fn.Row] - fn.Height/2}
		b := Point{items[to].x, l.Rows[tn.Row] - tn.Height/2}
		lift := top - rowSep*0.6
		end := Point{b.X, b.Y - ArrowLength}
		return []Point{a, {a.X, lift}, {b.X, lift}, end}, b
	}
	up := tn.Row < fn.Row
	// the way points: where the edge enters and leaves each row it crosses
	var pts []Point
	for k := 1; k+1 < len(chain); k++ {
		it := items[chain[k]]
		y, h := l.Rows[it.row], l.RowHeights[it.row]/2
		if up {
			pts = append(pts, Point{it.x, y + h}, Point{it.x, y - h})
		} else {
			pts = append(pts, Point{it.x, y - h}, Point{it.x, y + h})
		}
	}
	border := func(i int, towards Point) Point {
		n := nodes[i]
		c := Point{items[i].x, l.Rows[n.Row]}
		inset := min(6, n.Width/4)
		x := math.Max(c.X-n.Width/2+inset, math.Min(c.X+n.Width/2-inset, towards.X))
		if towards.Y < c.Y {
			return Point{x, c.Y - n.Height/2}
		}
		return Point{x, c.Y + n.Height/2}
	}
	next := Point{items[to].x, l.Rows[tn.Row]}
	prev := Point{items[from].x, l.Rows[fn.Row]}
	if len(pts) > 0 {
		next, prev = pts[0], pts[len(pts)-1]
	}
	start, tip := border(from, next), border(to, prev)
	dir := 1.0
	if up {
		dir = -1
	}
	end := Point{tip.X, tip.Y - dir*ArrowLength}
	// out of the start's row and into the end's straight, past any taller
	// neighbour
	all := []Point{start}
	if edge := l.Rows[fn.Row] + dir*l.RowHeights[fn.Row]/2; edge != start.Y {
		all = append(all, Point{start.X, edge})
	}
	all = append(all, pts...)
	if edge := l.Rows[tn.Row] - dir*l.RowHeights[tn.Row]/2; edge != tip.Y {
		all = append(all, Point{tip.X, edge})
	}
	all = append(all, end)
	out := []Point{start}
	for k := 1; k < len(all); k++ {
		a, b := all[k-1], all[k]
		if a.X == b.X { // a straight stretch
			out = append(out, Point{a.X, a.Y + (b.Y-a.Y)/3}, Point{b.X, a.Y + 2*(b.Y-a.Y)/3}, b)
			continue
		}
		h := (b.Y - a.Y) / 2 // a bend in a gap: vertical at both ends
		out = append(out, Point{a.X, a.Y + h}, Point{b.X, b.Y - h}, b)
	}
	return out, tip
}
