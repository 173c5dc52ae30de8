package graph

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citegraph/citegraph/graph/layered"
)

// The layouts WriteDOT can write for.
const (
	// LayoutRows puts the works in rows by publication year, oldest on top,
	// a year's works wrapped onto more rows when they would make the drawing
	// too wide; citegraph lays it out and Graphviz only draws it.
	LayoutRows = "rows"
	// LayoutSFDP leaves the layout to Graphviz's force-directed sfdp: no
	// rows, so no year axis; for drawings of thousands of works.
	LayoutSFDP = "sfdp"
)

// DOTOptions controls WriteDOT. The zero value lays the drawing out in rows.
type DOTOptions struct {
	// Layout is LayoutRows (or "", or "dot", its old name) or LayoutSFDP.
	Layout string
	// MaxWidth is the width, in points, the drawing should keep within (a
	// browser shows 4/3 px a point); 0 means 1,650 (2,200 px). A year's works
	// wrap onto more rows to keep it.
	MaxWidth float64
}

// Engine is the Graphviz engine that draws the DOT written with these
// options: "nop2" (positions given) for rows, "sfdp" for sfdp.
func (o *DOTOptions) Engine() string {
	if o != nil && o.Layout == LayoutSFDP {
		return LayoutSFDP
	}
	return "nop2"
}

// Sizes of the drawing, in points (1/72 in).
const (
	labelWidth   = 24   // runes per line of a node label
	labelLines   = 2    // lines of title (or venue) under "Author Year"
	tooltipWidth = 300  // runes per line of a tooltip
	captionWidth = 120  // runes per line of the caption
	maxWidth     = 1650 // default DOTOptions.MaxWidth
	fontMin      = 10.0 // font size of the least ranked works
	fontMax      = 14.0 // and of the top one
	marginX      = 6.0  // space between a node's text and its border
	marginY      = 3.0
	axisWidth    = 44.0 // the year axis, left of the works
	legendFont   = 11.0
)

// WriteDOT writes the historiograph d in Graphviz DOT. Papers of the corpus
// are filled boxes, works from outside the corpus white dashed boxes; the
// font grows with the metric; every node has a label that tells it apart
// from the others ("Hellwig 2010" and the start of its title; "Richter 2006"
// and "IEEE T MAGN, V42, P2255"), a tooltip (title, authors, venue, DOI,
// scores) and, with a DOI, a link to it. Arcs point from the citing to the
// cited work. A drawing with nothing to draw gives a graph holding only its
// caption, which says why.
func (g *Graph) WriteDOT(w io.Writer, m *Metrics, d *Drawing, opt *DOTOptions) error {
	if opt == nil {
		opt = &DOTOptions{}
	}
	rows := opt.Engine() != LayoutSFDP
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	caption := d.Caption()
	if !rows && d.Empty == "" {
		caption = append(caption, "Force-directed layout: position carries no date; arrows point at the cited work.")
	}
	p("digraph citations {\n")
	p("  graph [fontname=\"Helvetica\", fontsize=11, labelloc=b, labeljust=l, label=%s, tooltip=\"citegraph historiograph\"",
		leftLines(caption, captionWidth))
	if rows {
		p(", layout=nop2")
	} else {
		p(", layout=sfdp, overlap=prism, overlap_scaling=-4, splines=false, outputorder=edgesfirst")
	}
	p("];\n")
	p("  node [fontname=\"Helvetica\", shape=box, margin=\"%.3f,%.3f\", penwidth=1];\n", marginX/72, marginY/72)
	p("  edge [color=\"#5b6b7b\", arrowsize=0.6, penwidth=0.7];\n")
	if d.Empty != "" {
		p("}\n")
		return bw.Flush()
	}

	labels := g.Labels(d.Works, &LabelOptions{Width: labelWidth, Sep: "\n", Lines: labelLines})
	boxes, attrs := g.nodeBoxes(m, d, labels)
	index := make(map[int]int, len(d.Works))
	for k, i := range d.Works {
		index[i] = k
	}
	oneLine := func(k int) string { return strings.ReplaceAll(labels[k], "\n", ", ") }
	arcTip := func(c Citation) string {
		how := "matched by " + c.Match
		if c.Match == "new" {
			how = "the first reference to it"
		}
		return quoteTooltip(fmt.Sprintf("%s cites %s (%s)", oneLine(index[c.From]), oneLine(index[c.To]), how))
	}

	if !rows {
		for k, i := range d.Works {
			p("  w%d [%s];\n", i, strings.Join(attrs[k], ", "))
		}
		for _, ci := range d.arcs {
			c := g.Citations[ci]
			p("  w%d -> w%d [tooltip=%s];\n", c.From, c.To, arcTip(c))
		}
		p("}\n")
		return bw.Flush()
	}

	limit := opt.MaxWidth
	if limit <= 0 {
		limit = maxWidth
	}
	edges := make([]layered.Edge, len(d.arcs))
	for e, ci := range d.arcs {
		c := g.Citations[ci]
		edges[e] = layered.Edge{From: index[c.From], To: index[c.To]}
	}
	rowYear, lay := g.layoutRows(d, boxes, edges, limit-axisWidth)
	flip := func(y float64) float64 { return lay.Height - y } // DOT's y grows upwards
	pt := func(q layered.Point) string { return fmt.Sprintf("%.1f,%.1f", q.X, flip(q.Y)) }

	// the legend above the drawing, the year axis on its left
	p("  legend [shape=plaintext, fontsize=%g, tooltip=\"legend\", label=<%s>, pos=\"%.1f,%.1f!\"];\n",
		legendFont, legend(d), legendWidth(d)/2-axisWidth, lay.Height+22)
	writeAxis(bw, lay, rowYear)
	p("  node [shape=box, fontsize=14, fontcolor=\"black\", penwidth=1];\n")
	for k, i := range d.Works {
		b := boxes[k]
		p("  w%d [%s, width=%.3f, height=%.3f, pos=\"%s!\"];\n", i, strings.Join(attrs[k], ", "),
			b.Width/72, b.Height/72, pt(lay.Nodes[k]))
	}
	for e, ci := range d.arcs {
		c := g.Citations[ci]
		var path []string
		for _, q := range lay.Edges[e] {
			path = append(path, pt(q))
		}
		p("  w%d -> w%d [tooltip=%s, pos=\"e,%s %s\"];\n", c.From, c.To, arcTip(c), pt(lay.Tips[e]), strings.Join(path, " "))
	}
	p("}\n")
	return bw.Flush()
}

// nodeBoxes returns the box of each drawn work, sized for its label, and its
// DOT attributes: the font grows with the metric, papers of the corpus are
// filled, works from outside dashed.
func (g *Graph) nodeBoxes(m *Metrics, d *Drawing, labels []string) ([]layered.Node, [][]string) {
	maxV := 0.0
	for _, i := range d.Works {
		v, _ := m.Value(d.Metric, i)
		maxV = math.Max(maxV, v)
	}
	boxes := make([]layered.Node, len(d.Works))
	attrs := make([][]string, len(d.Works))
	for k, i := range d.Works {
		wk := &g.Works[i]
		v, _ := m.Value(d.Metric, i)
		scale := 0.0
		if maxV > 0 && v > 0 {
			scale = math.Sqrt(v / maxV)
		}
		font := math.Round((fontMin+(fontMax-fontMin)*scale)*2) / 2
		lines := strings.Count(labels[k], "\n") + 1
		boxes[k] = layered.Node{Width: math.Ceil(textWidth(labels[k], font) + 2*marginX), Height: math.Ceil(float64(lines)*font*1.2 + 2*marginY)}
		a := []string{
			"label=" + quote(labels[k]),
			"tooltip=" + quoteTooltip(g.tooltip(wk, m, i)),
			fmt.Sprintf("fontsize=%g", font),
		}
		if wk.InCorpus {
			a = append(a, "style=\"filled,rounded\"", "fillcolor=\"#cfe3f6\"", "color=\"#2b5d8a\"")
		} else {
			a = append(a, "style=\"filled,dashed\"", "fillcolor=\"#ffffff\"", "color=\"#7a7a7a\"", "fontcolor=\"#333333\"")
		}
		if wk.DOI != "" {
			a = append(a, "URL="+quote("https://doi.org/"+wk.DOI), "target=\"_blank\"")
		}
		attrs[k] = a
	}
	return boxes, attrs
}

// writeAxis writes the year axis of a layout in rows: every other year on a
// light band, its label in the middle of its rows.
func writeAxis(bw io.Writer, lay *layered.Layout, rowYear []int) {
	flip := func(y float64) float64 { return lay.Height - y }
	type span struct{ first, last int }
	var spans []span
	for r := range lay.Rows {
		if r > 0 && rowYear[r] == rowYear[r-1] {
			spans[len(spans)-1].last = r
			continue
		}
		spans = append(spans, span{r, r})
	}
	gap := 0.0
	if len(lay.Rows) > 1 {
		gap = lay.Rows[1] - lay.RowHeights[1]/2 - (lay.Rows[0] + lay.RowHeights[0]/2)
	}
	fmt.Fprintf(bw, "  node [shape=box, style=filled, penwidth=0, fillcolor=\"#f3f5f8\", label=\" \", fixedsize=true];\n")
	for k, sp := range spans {
		if k%2 == 0 {
			continue
		}
		top := lay.Rows[sp.first] - lay.RowHeights[sp.first]/2 - gap/2
		bottom := lay.Rows[sp.last] + lay.RowHeights[sp.last]/2 + gap/2
		width := lay.Width + axisWidth
		fmt.Fprintf(bw, "  band%d [tooltip=\" \", width=%.3f, height=%.3f, pos=\"%.1f,%.1f!\"];\n", k, width/72, (bottom-top)/72,
			width/2-axisWidth, flip((top+bottom)/2))
	}
	fmt.Fprintf(bw, "  node [shape=plaintext, fontsize=12, fontcolor=\"#555555\", style=\"\", fixedsize=false];\n")
	for _, sp := range spans {
		year := rowYear[sp.first]
		label, tip := strconv.Itoa(year), "publication year "+strconv.Itoa(year)
		if year == 0 {
			label, tip = "no year", "works whose year is unknown"
		}
		y := (lay.Rows[sp.first] + lay.Rows[sp.last]) / 2
		fmt.Fprintf(bw, "  y%d [label=%s, tooltip=%s, pos=\"%.1f,%.1f!\"];\n", sp.first, quote(label), quoteTooltip(tip), -axisWidth/2, flip(y))
	}
}

// layoutRows puts the drawn works in rows, a row per year, oldest first, and
// lays them out: a year's works wrap onto more rows while the layout is
// wider than limit. It returns the year of each row (0: no year).
func (g *Graph) layoutRows(d *Drawing, boxes []layered.Node, edges []layered.Edge, limit float64) ([]int, *layered.Layout) {
	byYear := map[int][]int{} // positions in d.Works, in rank order
	for k, i := range d.Works {
		y := g.Works[i].Year
		byYear[y] = append(byYear[y], k)
	}
	years := append([]int(nil), d.Years...)
	if d.Undated > 0 {
		years = append(years, 0)
	}
	widest := 0.0
	for _, b := range boxes {
		widest = max(widest, b.Width)
	}
	// Narrower rows mean more rows, and more points where long arcs cross
	// them, so wrapping does not always pay: six tries at most, the first
	// that fits, else the narrowest.
	budget := limit
	var best *layered.Layout
	var bestRows []int
	for try := 0; try < 6; try++ {
		var rowYear []int
		for _, y := range years {
			used := 0.0
			rowYear = append(rowYear, y)
			for _, k := range byYear[y] {
				if used > 0 && used+boxes[k].Width > budget {
					rowYear = append(rowYear, y)
					used = 0
				}
				boxes[k].Row = len(rowYear) - 1
				used += boxes[k].Width + 14
			}
		}
		lay := layered.Do(boxes, edges, &layered.Options{Bundle: true})
		if best == nil || lay.Width < best.Width {
			best, bestRows = lay, rowYear
		}
		if lay.Width <= limit || budget <= widest {
			break
		}
		budget = max(widest, budget*0.8)
	}
	return bestRows, best
}

// helvetica holds the advance widths of Helvetica for ASCII 32–126, in
// thousandths of an em (Adobe's font metrics, which Graphviz's own estimate
// uses too).
var helvetica = [95]uint16{
	278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space to /
	556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 to ?
	1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ to O
	667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P to _
	333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` to o
	556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p to ~
}

// textWidth estimates, in points, the width of the widest line of s in
// Helvetica at the given size, 4 % wide, and never under 0.58 em a rune:
// a browser without Helvetica draws in a wider font.
func textWidth(s string, fontSize float64) float64 {
	widest := 0.0
	for _, line := range strings.Split(s, "\n") {
		w := 0.0
		widest = max(widest, 580*float64(utf8.RuneCountInString(line))/1.04)
		for _, r := range line {
			switch {
			case r >= 32 && r < 127:
				w += float64(helvetica[r-32])
			case unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hangul, r) || unicode.Is(unicode.Hiragana, r) ||
				unicode.Is(unicode.Katakana, r):
				w += 1000
			default:
				w += 600
			}
		}
		widest = max(widest, w)
	}
	return widest / 1000 * fontSize * 1.04
}

// leftLines is a DOT string of the sentences, each wrapped at width runes,
// in left-justified lines.
func leftLines(sentences []string, width int) string {
	var b strings.Builder
	for _, s := range sentences {
		for _, line := range strings.Split(wrap(s, width), "\n") {
			q := quote(line)
			b.WriteString(q[1:len(q)-1] + `\l`)
		}
	}
	return `"` + b.String() + `"`
}

// legendItems are the legend's entries: a sample cell and its meaning.
func legendItems(d *Drawing) [][2]string {
	items := [][2]string{{`<td bgcolor="#cfe3f6" style="rounded">   </td>`, "paper of the corpus"}}
	if d.Cited > 0 {
		items = append(items, [2]string{`<td style="dashed">   </td>`, "cited work, not in the corpus"})
	}
	return append(items,
		[2]string{`<td>→</td>`, "cites"},
		[2]string{`<td>size</td>`, MetricName(d.Metric)},
		[2]string{`<td>rows</td>`, "publication year"})
}

func legend(d *Drawing) string {
	var b strings.Builder
	b.WriteString(`<table border="0" cellborder="1" cellspacing="4" cellpadding="2" color="#999999"><tr>`)
	for _, it := range legendItems(d) {
		// as wide as the text in any font, and apart from the next entry
		w := int(math.Ceil(textWidth(it[1], legendFont)))
		fmt.Fprintf(&b, `%s<td align="left" border="0" width="%d">%s</td><td border="0" width="10"></td>`, it[0], w, htmlEscape(it[1]))
	}
	b.WriteString(`</tr></table>`)
	return b.String()
}

// legendWidth estimates the legend's width in points.
func legendWidth(d *Drawing) float64 {
	w := 0.0
	for _, it := range legendItems(d) {
		w += 30 + textWidth(it[1], legendFont) + 22
	}
	return w
}

// tooltip describes a work and its scores, each line capped so that a
// title of megabytes never reaches Graphviz whole.
func (g *Graph) tooltip(w *Work, m *Metrics, i int) string {
	gcs := "-"
	if m.GCS[i] >= 0 {
		gcs = strconv.Itoa(m.GCS[i])
	}
	return Describe(w, tooltipWidth) + fmt.Sprintf("\nLCS %d, GCS %s, PageRank %.4f", m.InDegree[i], gcs, m.PageRank[i])
}

// wrap breaks s into lines of about width runes at spaces.
func wrap(s string, width int) string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		if line != "" && utf8.RuneCountInString(line)+1+utf8.RuneCountInString(word) > width {
			lines = append(lines, line)
			line = word
			continue
		}
		if line != "" {
			line += " "
		}
		line += word
	}
	if line != "" {
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}
