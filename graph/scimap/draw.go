package scimap

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/layout"
	"github.com/citegraph/citegraph/graph/network"
	"github.com/citegraph/citegraph/graph/safetext"
	"github.com/citegraph/citegraph/parse"
)

// place lays out the drawn nodes with the VOS layout, starting from their
// clusters, and stores the positions in the nodes.
func place(net *network.Network, drawn []int, seed uint64) {
	local := make(map[int]int32, len(drawn))
	for k, i := range drawn {
		local[i] = int32(k)
	}
	var es []layout.Edge
	for _, e := range net.Edges {
		a, okA := local[int(e.A)]
		b, okB := local[int(e.B)]
		if okA && okB {
			es = append(es, layout.Edge{A: a, B: b, W: float64(e.Weight)})
		}
	}
	groups := make([]int32, len(drawn))
	for k, i := range drawn {
		groups[k] = int32(net.Nodes[i].Cluster)
	}
	pos := layout.VOS(len(drawn), es, &layout.Options{Seed: seed, Groups: groups, Cohesion: cohesion})
	for k, i := range drawn {
		net.Nodes[i].X, net.Nodes[i].Y = pos[k].X, pos[k].Y
	}
}

// cohesion is the pull of the layout towards the cluster centres (see
// layout.Options.Cohesion).
var cohesion = 0.3

// palette holds the cluster colours: Okabe & Ito's eight colours for
// colour-blind readers (black left out), then four of Paul Tol's; further
// clusters are grey.
var palette = []string{"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
	"#332288", "#882255", "#44AA99", "#999933", "#AA4499"}

// otherColor is the colour of the clusters beyond the palette.
const otherColor = "#BBBBBB"

// Color is the colour of cluster c (from 0) on the map, which the
// explorer and the GEXF export give it too.
func Color(c int) string {
	if c >= 0 && c < len(palette) {
		return palette[c]
	}
	return otherColor
}

// DrawOptions controls WriteDOT. The zero value draws a 1000 × 700 point
// map with its legend, the strongest links up to three per node.
type DrawOptions struct {
	// Width and Height of the map area in points; 0 means 1000 and 700.
	Width, Height float64
	// Links caps the links drawn, the strongest first; 0 means three per
	// node drawn (at least 100, at most 1500), -1 none.
	Links int
	// Title overrides the map's title.
	Title string
}

// box is a rectangle: centre and half sizes.
type box struct{ x, y, hw, hh float64 }

func (a box) overlaps(b box) bool {
	return math.Abs(a.x-b.x) < a.hw+b.hw && math.Abs(a.y-b.y) < a.hh+b.hh
}

// labelGrid finds overlaps between label boxes through a grid of cells,
// so that placing n labels costs O(n), not n².
type labelGrid struct {
	cell  float64
	cells map[[2]int][]box
}

func (g *labelGrid) span(b box) (x0, y0, x1, y1 int) {
	return int(math.Floor((b.x - b.hw) / g.cell)), int(math.Floor((b.y - b.hh) / g.cell)),
		int(math.Floor((b.x + b.hw) / g.cell)), int(math.Floor((b.y + b.hh) / g.cell))
}

func (g *labelGrid) free(b box) bool {
	x0, y0, x1, y1 := g.span(b)
	for x := x0; x <= x1; x++ {
		for y := y0; y <= y1; y++ {
			for _, o := range g.cells[[2]int{x, y}] {
				if o.overlaps(b) {
					return false
				}
			}
		}
	}
	return true
}

func (g *labelGrid) add(b box) {
	x0, y0, x1, y1 := g.span(b)
	for x := x0; x <= x1; x++ {
		for y := y0; y <= y1; y++ {
			g.cells[[2]int{x, y}] = append(g.cells[[2]int{x, y}], b)
		}
	}
}

// Layout of the page, in points.
const (
	legendWidth = 330.0
	titleHeight = 46.0
	gap         = 14.0
	fontName    = "Helvetica"
)

// WriteDOT writes the map as DOT for Graphviz: circles sized by count
// (area), coloured by cluster, at the VOS positions (pinned: render with
// the nop2 layout, "neato -n2"), the strongest links, the labels that fit
// without overlapping (largest nodes first; the others are in the
// tooltips), a legend of the clusters and a caption. Tooltips give each
// node's details and links point to DOIs.
func (m *Map) WriteDOT(w io.Writer, g *graph.Graph, opt *DrawOptions) error {
	o := DrawOptions{}
	if opt != nil {
		o = *opt
	}
	W, H := cmp.Or(o.Width, 1000), cmp.Or(o.Height, 700)
	net := m.Network
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	title := cmp.Or(o.Title, Title(net))
	p("graph %s {\n", safetext.DOTLabel("map"))
	p("  graph [bgcolor=white, splines=false, outputorder=edgesfirst, fontname=%s, pad=0.2]\n", safetext.DOTLabel(fontName))
	p("  node [fontname=%s, penwidth=0.8]\n", safetext.DOTLabel(fontName))
	p("  edge [penwidth=0.6]\n")

	// the map area spans x 0..W, y 0..H (y up, as Graphviz); the legend
	// lies to its right, the title above
	top := H + titleHeight
	grid := &labelGrid{cell: 40, cells: map[[2]int][]box{}}
	text := func(id string, x, y float64, size float64, bold bool, s string, tooltip, url string) {
		font := fontName
		if bold {
			font = "Helvetica-Bold"
		}
		p("  %s [shape=plaintext, id=%s, pos=\"%s,%s!\", width=0.01, height=0.01, margin=0, fontsize=%s, fontname=%s, label=%s",
			safetext.DOTLabel(id), safetext.DOTLabel(id), ff(x), ff(y), ff(size), safetext.DOTLabel(font), safetext.DOTLabel(s))
		if tooltip != "" {
			p(", tooltip=%s", safetext.DOTTooltip(tooltip))
		}
		if url != "" {
			p(", URL=%s, target=\"_blank\"", safetext.DOTLabel(url))
		}
		p("]\n")
		grid.add(textBox(s, x, y, size, bold))
	}
	// left-aligned text at x
	textLeft := func(id string, x, y, size float64, bold bool, s, tooltip string) {
		text(id, x+textWidth(s, size, bold)/2, y, size, bold, s, tooltip, "")
	}

	textLeft("title", 0, top-16, 16, true, title, "")
	capLines := wrap(m.Caption, W+legendWidth, 9)
	for i, l := range capLines {
		textLeft("caption-"+strconv.Itoa(i), 0, top-34-float64(i)*11.5, 9, false, l, "")
	}
	H -= float64(max(0, len(capLines)-1)) * 11.5 // room for longer captions

	if len(m.Drawn) == 0 {
		p("}\n")
		return bw.Flush()
	}

	// node sizes: area proportional to the count
	maxCount := 1
	for _, i := range m.Drawn {
		maxCount = max(maxCount, net.Nodes[i].Count)
	}
	n := float64(len(m.Drawn))
	rMax := math.Max(9, math.Min(26, 26*math.Sqrt(60/n)))
	rMin := math.Max(2.5, rMax/6)
	radius := func(i int) float64 {
		return rMin + (rMax-rMin)*math.Sqrt(float64(max(0, net.Nodes[i].Count))/float64(maxCount))
	}
	fontSize := func(i int) float64 {
		return 7.5 + 5*math.Sqrt(float64(max(0, net.Nodes[i].Count))/float64(maxCount))
	}
	// positions scaled into the map area
	pts := make([]layout.Point, len(m.Drawn))
	for k, i := range m.Drawn {
		pts[k] = layout.Point{X: net.Nodes[i].X, Y: net.Nodes[i].Y}
	}
	lo, hi := layout.Bounds(pts)
	if (hi.Y-lo.Y)*W > (hi.X-lo.X)*H*1.15 {
		// taller than the area: turn it a quarter, so that it fills more
		for k := range pts {
			pts[k] = layout.Point{X: -pts[k].Y, Y: pts[k].X}
		}
		lo, hi = layout.Bounds(pts)
	}
	margin := rMax + 4
	sx := (W - 2*margin) / math.Max(hi.X-lo.X, 1e-9)
	sy := (H - 2*margin) / math.Max(hi.Y-lo.Y, 1e-9)
	s := math.Min(sx, sy)
	offX := (W - s*(hi.X-lo.X)) / 2
	offY := (H - s*(hi.Y-lo.Y)) / 2
	circles := make([]circle, len(m.Drawn))
	for k, i := range m.Drawn {
		circles[k] = circle{offX + s*(pts[k].X-lo.X), offY + s*(pts[k].Y-lo.Y), radius(i)}
	}
	separate(circles, W, H)
	xy := make(map[int][2]float64, len(m.Drawn))
	for k, i := range m.Drawn {
		xy[i] = [2]float64{circles[k].x, circles[k].y}
	}

	// links: the strongest among the nodes drawn
	drawnSet := make(map[int32]bool, len(m.Drawn))
	for _, i := range m.Drawn {
		drawnSet[int32(i)] = true
	}
	var links []network.Edge
	for _, e := range net.Edges {
		if drawnSet[e.A] && drawnSet[e.B] {
			links = append(links, e)
		}
	}
	slices.SortStableFunc(links, func(a, b network.Edge) int { return cmp.Compare(b.Weight, a.Weight) })
	maxLinks := o.Links
	if maxLinks == 0 {
		maxLinks = min(1500, max(100, 3*len(m.Drawn)))
	}
	if maxLinks < 0 {
		maxLinks = 0
	}
	links = links[:min(maxLinks, len(links))]
	if len(links) > 0 {
		wMax, wMin := float64(links[0].Weight), float64(links[len(links)-1].Weight)
		for _, e := range links {
			f := 0.0
			if wMax > wMin {
				f = (float64(e.Weight) - wMin) / (wMax - wMin)
			}
			col := "#8c8c8c"
			ca, cb := net.Nodes[e.A].Cluster, net.Nodes[e.B].Cluster
			if ca == cb && ca >= 0 && ca < len(palette) {
				col = palette[ca]
			}
			p("  n%d -- n%d [color=\"%s%s\", penwidth=%s, tooltip=%s]\n", e.A, e.B, col, "59", ff(0.4+2.2*f),
				safetext.DOTTooltip(fmt.Sprintf("%s — %s: %s (weight %s)", net.Nodes[e.A].Label, net.Nodes[e.B].Label,
					linkCount(net, e.Count), strconv.FormatFloat(float64(e.Weight), 'g', 4, 32))))
		}
	}

	// circles, smallest last so that they stay visible over large ones
	order := slices.Clone(m.Drawn)
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(net.Nodes[b].Count, net.Nodes[a].Count) })
	labels := uniqueLabels(net, m.Drawn)
	for _, i := range order {
		nd := &net.Nodes[i]
		c := xy[i]
		col := Color(nd.Cluster)
		p("  n%d [id=\"n%d\", shape=circle, label=\" \", fixedsize=true, width=%s, style=filled, fillcolor=\"%scc\", color=\"%s\", pos=\"%s,%s!\", tooltip=%s",
			i, i, ff(2*radius(i)/72), col, darker(col), ff(c[0]), ff(c[1]), safetext.DOTTooltip(m.tooltip(g, i)))
		if u := nodeURL(nd); u != "" {
			p(", URL=%s, target=\"_blank\"", safetext.DOTLabel(u))
		}
		p("]\n")
	}
	// labels: centred on the node, else beside it, where they overlap no
	// other label; the largest nodes first
	for _, i := range order {
		c := xy[i]
		r := radius(i)
		fs := fontSize(i)
		b := textBox(labels[i], 0, 0, fs, false)
		up, side := r+b.hh+1, r+b.hw+2
		for _, d := range [][2]float64{{0, 0}, {0, up}, {0, -up}, {side, 0}, {-side, 0},
			{0.8 * side, 0.8 * up}, {-0.8 * side, 0.8 * up}, {0.8 * side, -0.8 * up}, {-0.8 * side, -0.8 * up},
			{0, 2 * up}, {0, -2 * up}} {
			x, y := c[0]+d[0], c[1]+d[1]
			bb := textBox(labels[i], x, y, fs, false)
			if bb.x-bb.hw < 0 || bb.x+bb.hw > W || bb.y-bb.hh < 0 || bb.y+bb.hh > H || !grid.free(bb) {
				continue
			}
			text("t"+strconv.Itoa(i), x, y, fs, false, labels[i], m.tooltip(g, i), nodeURL(&net.Nodes[i]))
			break
		}
	}

	// legend: one line per cluster drawn, largest first
	lx := W + gap
	y := H - 4
	textLeft("legend-title", lx, y, 11, true, "Clusters", "")
	y -= 16
	shown := map[int]int{}
	for _, i := range m.Drawn {
		if c := net.Nodes[i].Cluster; c >= 0 {
			shown[c]++
		}
	}
	var ids []int
	for c := range shown {
		ids = append(ids, c)
	}
	slices.Sort(ids)
	const maxRows = 16
	for k, c := range ids {
		if k == maxRows {
			textLeft("legend-more", lx, y, 8.5, false, fmt.Sprintf("… and %d more clusters (grey beyond %d)", len(ids)-k, len(palette)), "")
			y -= 13
			break
		}
		cl := &m.Clusters[c]
		p("  %s [id=%s, shape=box, label=\" \", style=filled, fixedsize=true, width=0.13, height=0.13, fillcolor=%s, color=%s, pos=\"%s,%s!\"]\n",
			safetext.DOTLabel("swatch-"+strconv.Itoa(c)), safetext.DOTLabel("swatch-"+strconv.Itoa(c)), safetext.DOTLabel(cl.Color),
			safetext.DOTLabel(darker(cl.Color)), ff(lx+5), ff(y))
		line := fmt.Sprintf("%d  %s (%d)", c+1, cl.Label, cl.Size)
		line = fitText(line, legendWidth-30, 8.5)
		textLeft("legend-"+strconv.Itoa(c), lx+14, y, 8.5, false, line, clusterTooltip(m.WorkLabels, net, cl))
		y -= 13
	}
	y -= 6
	for k, l := range []string{"Circle area: " + sizeNoun(net) + ".", fmt.Sprintf("Lines: the %d strongest links (%s).", len(links), net.Normalization)} {
		for _, part := range wrap(l, legendWidth-16, 8.5) {
			textLeft("legend-note-"+strconv.Itoa(k), lx, y, 8.5, false, part, "")
			y -= 12
		}
	}
	p("}\n")
	return bw.Flush()
}

// WriteLayoutDOT writes the drawn nodes (as n<index>, sized as WriteDOT
// draws them) and their links, without labels, for a Graphviz layout
// engine to place; Pin then takes the positions back. This is how maps
// are drawn with sfdp instead of the VOS layout.
func (m *Map) WriteLayoutDOT(w io.Writer) error {
	net := m.Network
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "graph map {\n  graph [overlap=prism, sep=\"+2\"]\n  node [shape=circle, fixedsize=true, label=\" \"]\n")
	drawnSet := make(map[int32]bool, len(m.Drawn))
	maxCount := 1
	for _, i := range m.Drawn {
		drawnSet[int32(i)] = true
		maxCount = max(maxCount, net.Nodes[i].Count)
	}
	for _, i := range m.Drawn {
		r := 3 + 12*math.Sqrt(float64(max(0, net.Nodes[i].Count))/float64(maxCount))
		fmt.Fprintf(bw, "  n%d [width=%s]\n", i, ff(2*r/72))
	}
	for _, e := range net.Edges {
		if drawnSet[e.A] && drawnSet[e.B] {
			fmt.Fprintf(bw, "  n%d -- n%d [weight=%s]\n", e.A, e.B, strconv.FormatFloat(float64(e.Weight), 'g', 4, 32))
		}
	}
	fmt.Fprintf(bw, "}\n")
	return bw.Flush()
}

// Pin sets the positions of the drawn nodes from a layout of
// WriteLayoutDOT's graph (by node name, "n<index>"); nodes it does not
// name keep theirs.
func (m *Map) Pin(pos map[string][2]float64) {
	for _, i := range m.Drawn {
		if p, ok := pos["n"+strconv.Itoa(i)]; ok {
			m.Network.Nodes[i].X, m.Network.Nodes[i].Y = p[0], p[1]
		}
	}
}

// circle is a node as drawn: centre and radius, in points.
type circle struct{ x, y, r float64 }

// separate moves overlapping circles apart, each pair by its overlap along
// the line between their centres, in a few rounds, keeping them inside the
// w × h area; pairs are found through a grid of cells as large as the
// largest circle, so a round costs O(n).
func separate(cs []circle, w, h float64) {
	rMax := 0.0
	for _, c := range cs {
		rMax = max(rMax, c.r)
	}
	if rMax == 0 {
		return
	}
	size := 2*rMax + 1
	for round := 0; round < 60; round++ {
		cells := map[[2]int][]int{}
		for i, c := range cs {
			k := [2]int{int(c.x / size), int(c.y / size)}
			cells[k] = append(cells[k], i)
		}
		moved := false
		for i := range cs {
			a := &cs[i]
			kx, ky := int(a.x/size), int(a.y/size)
			for dx := -1; dx <= 1; dx++ {
				for dy := -1; dy <= 1; dy++ {
					for _, j := range cells[[2]int{kx + dx, ky + dy}] {
						if j <= i {
							continue
						}
						b := &cs[j]
						ddx, ddy := b.x-a.x, b.y-a.y
						d := math.Hypot(ddx, ddy)
						need := a.r + b.r + 1
						if d >= need {
							continue
						}
						if d < 1e-6 {
							ddx, ddy, d = 1, 0, 1 // on top of each other: apart sideways
						}
						push := (need - d) / 2
						a.x -= push * ddx / d
						a.y -= push * ddy / d
						b.x += push * ddx / d
						b.y += push * ddy / d
						moved = true
					}
				}
			}
		}
		for i := range cs {
			c := &cs[i]
			c.x = math.Min(math.Max(c.x, c.r+1), w-c.r-1)
			c.y = math.Min(math.Max(c.y, c.r+1), h-c.r-1)
		}
		if !moved {
			break
		}
	}
}

// uniqueLabels returns the labels of the drawn nodes, with " (2)", " (3)"
// added where two read the same.
func uniqueLabels(net *network.Network, drawn []int) map[int]string {
	out := make(map[int]string, len(drawn))
	seen := map[string]int{}
	sorted := slices.Clone(drawn)
	slices.Sort(sorted)
	for _, i := range sorted {
		l := parse.Shorten(net.Nodes[i].Label, 40)
		seen[l]++
		if k := seen[l]; k > 1 {
			l += " (" + strconv.Itoa(k) + ")"
		}
		out[i] = l
	}
	return out
}

// sizeNoun says what a node's count is.
func sizeNoun(net *network.Network) string {
	switch {
	case net.Kind == network.Cooccurrence:
		return "occurrences"
	case net.Kind == network.Cocitation:
		return "citations by corpus works"
	case net.Kind == network.Coupling && net.Unit == network.Works:
		return "citations"
	}
	return "documents"
}

// linkCount says what a link's count is.
func linkCount(net *network.Network, c float32) string {
	v := strconv.FormatFloat(float64(c), 'g', 4, 32)
	switch net.Kind {
	case network.Coupling:
		return v + " shared references"
	case network.Cocitation:
		return "co-cited " + v + " times"
	case network.Cooccurrence:
		return v + " works together"
	}
	return v + " works co-authored"
}

// nodeURL is the DOI link of a work's node.
func nodeURL(nd *network.Node) string {
	if nd.DOI == "" {
		return ""
	}
	return "https://doi.org/" + nd.DOI
}

// tooltip describes node i.
func (m *Map) tooltip(g *graph.Graph, i int) string {
	net := m.Network
	nd := &net.Nodes[i]
	var b strings.Builder
	b.WriteString(nd.Label)
	if net.Unit == network.Works && len(net.Members(i)) > 0 {
		w := &g.Works[net.Members(i)[0]]
		if w.Title != "" {
			b.WriteString("\n" + parse.Shorten(w.Title, 120))
		}
		var parts []string
		if len(w.Authors) > 0 {
			a := w.Authors[0].String()
			if len(w.Authors) > 1 {
				a += " et al."
			}
			parts = append(parts, a)
		}
		if w.Venue != "" {
			parts = append(parts, w.Venue)
		}
		if w.Year > 0 {
			parts = append(parts, strconv.Itoa(w.Year))
		}
		if len(parts) > 0 {
			b.WriteString("\n" + strings.Join(parts, ", "))
		}
		if w.DOI != "" {
			b.WriteString("\ndoi:" + w.DOI)
		}
	}
	fmt.Fprintf(&b, "\n%s: %d · links %d · total link strength %s", sizeNoun(net), nd.Count, nd.Links,
		strconv.FormatFloat(nd.Strength, 'g', 6, 64))
	if nd.Year > 0 {
		fmt.Fprintf(&b, " · mean year %.1f", nd.Year)
	}
	if c := nd.Cluster; c >= 0 && c < len(m.Clusters) {
		fmt.Fprintf(&b, "\ncluster %d: %s", c+1, m.Clusters[c].Label)
	}
	return b.String()
}

// clusterTooltip describes a cluster: its largest nodes and main citers.
func clusterTooltip(labels []string, net *network.Network, c *Cluster) string {
	var b strings.Builder
	fmt.Fprintf(&b, "cluster %d: %d %s", c.ID+1, c.Size, unitNames[net.Unit])
	if c.MeanYear > 0 {
		fmt.Fprintf(&b, ", mean year %.1f", c.MeanYear)
	}
	var top []string
	for _, i := range c.Top {
		top = append(top, net.Nodes[i].Label)
	}
	b.WriteString("\nlargest: " + strings.Join(top, "; "))
	if len(c.Citing) > 0 {
		var cs []string
		for _, x := range c.Citing {
			cs = append(cs, fmt.Sprintf("%s (%d)", labels[x.Work], x.Count))
		}
		b.WriteString("\ncited most by: " + strings.Join(cs, "; "))
	}
	return b.String()
}

// darker returns a colour darkened by a third, for outlines.
func darker(hex string) string {
	v, err := strconv.ParseUint(strings.TrimPrefix(hex, "#"), 16, 32)
	if err != nil {
		return "#444444"
	}
	r, g, b := (v>>16)&0xff, (v>>8)&0xff, v&0xff
	return fmt.Sprintf("#%02x%02x%02x", r*2/3, g*2/3, b*2/3)
}

// ff formats a coordinate or size.
func ff(x float64) string { return strconv.FormatFloat(math.Round(x*100)/100, 'f', -1, 64) }

// wrap splits text into lines of at most width points at size.
func wrap(text string, width, size float64) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		next := w
		if line != "" {
			next = line + " " + w
		}
		if line != "" && textWidth(next, size, false) > width {
			lines = append(lines, line)
			next = w
		}
		line = next
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// fitText cuts text with "…" to at most width points at size.
func fitText(s string, width, size float64) string {
	if textWidth(s, size, false) <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 1 && textWidth(string(r)+"…", size, false) > width {
		r = r[:len(r)-1]
	}
	return strings.TrimRight(string(r), " ·") + "…"
}
