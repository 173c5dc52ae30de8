package graph

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
)

// DOTOptions controls WriteDOT. The zero value draws the 60 works with the
// highest in-degree.
type DOTOptions struct {
	// Metric sizes the nodes and picks the works drawn; "" means "in_degree".
	Metric string
	// MaxNodes is how many works are drawn at most, the top ones by Metric;
	// 0 means 60, negative means all.
	MaxNodes int
}

// Drawing says what a diagram shows: the works drawn, in rank order, and how
// many were left out.
type Drawing struct {
	Metric  string
	Works   []int // indexes into Graph.Works
	Arcs    int   // citations drawn between them
	Omitted int   // works not drawn
	Years   []int // the year axis, ascending
	Undated int   // drawn works without a year
}

// Select chooses the works a diagram draws.
func (g *Graph) Select(m *Metrics, opt *DOTOptions) *Drawing {
	if opt == nil {
		opt = &DOTOptions{}
	}
	metric := cmp.Or(opt.Metric, "in_degree")
	max := opt.MaxNodes
	if max == 0 {
		max = 60
	}
	rank := g.Rank(m, metric)
	if max < 0 || max > len(rank) {
		max = len(rank)
	}
	d := &Drawing{Metric: metric, Omitted: len(rank) - max}
	keep := make([]bool, g.Len())
	for _, s := range rank[:max] {
		d.Works = append(d.Works, s.Work)
		keep[s.Work] = true
	}
	years := map[int]bool{}
	for _, i := range d.Works {
		if y := g.Works[i].Year; y > 0 {
			years[y] = true
		} else {
			d.Undated++
		}
	}
	for y := range years {
		d.Years = append(d.Years, y)
	}
	slices.Sort(d.Years)
	for _, c := range g.Citations {
		if keep[c.From] && keep[c.To] {
			d.Arcs++
		}
	}
	return d
}

// WriteDOT writes a historiograph of the selected works in Graphviz DOT: one
// rank per publication year, oldest on top, with a year axis on the left;
// corpus works are filled boxes, works known only from reference lists are
// white ellipses; node size grows with the metric; every node has a tooltip
// (title, authors, venue, year, metrics) and, with a DOI, a link to it. Arcs
// point from the citing to the cited work.
func (g *Graph) WriteDOT(w io.Writer, m *Metrics, d *Drawing) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	p("digraph citations {\n")
	p("  graph [rankdir=TB, ranksep=0.45, nodesep=0.25, fontname=\"Helvetica\", fontsize=11, labelloc=b, label=%s, tooltip=\"citegraph historiograph\"];\n",
		quote(caption(g, d)))
	p("  node [fontname=\"Helvetica\", fontsize=10, penwidth=1];\n")
	p("  edge [color=\"#5b6b7b\", arrowsize=0.6, penwidth=0.8];\n")

	// the year axis
	axis := func(y int) string { return fmt.Sprintf("y%d", y) }
	p("  subgraph axis {\n    node [shape=plaintext, fontsize=11, fontcolor=\"#555555\", width=0.5];\n    edge [style=solid, color=\"#bbbbbb\", arrowhead=none];\n")
	var chain []string
	for _, y := range d.Years {
		chain = append(chain, axis(y))
		p("    %s [label=\"%d\", tooltip=\"publication year %d\"];\n", axis(y), y, y)
	}
	if d.Undated > 0 {
		chain = append(chain, "ynd")
		p("    ynd [label=\"no year\", tooltip=\"works whose year is unknown\"];\n")
	}
	if len(chain) > 1 {
		p("    %s;\n", strings.Join(chain, " -> "))
	}
	p("  }\n")

	// legend at the top
	p("  legend [shape=plaintext, tooltip=\"legend\", label=<%s>];\n", legend(d))
	p("  { rank=min; legend; }\n")

	maxV := 0.0
	for _, i := range d.Works {
		v, _ := m.Value(d.Metric, i)
		maxV = math.Max(maxV, v)
	}
	byYear := map[string][]string{}
	for _, i := range d.Works {
		wk := &g.Works[i]
		v, _ := m.Value(d.Metric, i)
		scale := 0.0
		if maxV > 0 {
			scale = math.Sqrt(v / maxV)
		}
		attrs := []string{
			"label=" + quote(nodeLabel(wk)),
			"tooltip=" + quoteTooltip(tooltip(wk, m, i)),
			fmt.Sprintf("fontsize=%.1f", 10.5+5.5*scale),
			fmt.Sprintf("width=%.2f", 0.9+0.9*scale),
			fmt.Sprintf("height=%.2f", 0.4+0.4*scale),
		}
		if wk.InCorpus {
			attrs = append(attrs, "shape=box", "style=\"filled,rounded\"", "fillcolor=\"#cfe3f6\"", "color=\"#2b5d8a\"", "penwidth=1.4")
		} else {
			attrs = append(attrs, "shape=ellipse", "style=filled", "fillcolor=\"#ffffff\"", "color=\"#8a8a8a\"")
		}
		if wk.DOI != "" {
			attrs = append(attrs, "URL="+quote("https://doi.org/"+wk.DOI), "target=\"_blank\"")
		}
		p("  w%d [%s];\n", i, strings.Join(attrs, ", "))
		key := "ynd"
		if wk.Year > 0 {
			key = axis(wk.Year)
		}
		byYear[key] = append(byYear[key], fmt.Sprintf("w%d", i))
	}
	for _, key := range chain {
		p("  { rank=same; %s; %s; }\n", key, strings.Join(byYear[key], "; "))
	}
	keep := map[int]bool{}
	for _, i := range d.Works {
		keep[i] = true
	}
	for _, c := range g.Citations {
		if !keep[c.From] || !keep[c.To] {
			continue
		}
		from, to := &g.Works[c.From], &g.Works[c.To]
		tip := quoteTooltip(fmt.Sprintf("%s cites %s (matched by %s)", from.Label, to.Label, c.Match))
		// Drawn cited -> citing with dir=back so that dot's ranking agrees with
		// time (older above) while the arrowhead still points at the cited work.
		extra := ""
		if from.Year == 0 || to.Year == 0 || to.Year >= from.Year {
			extra = ", constraint=false"
		}
		p("  w%d -> w%d [dir=back, tooltip=%s%s];\n", c.To, c.From, tip, extra)
	}
	p("}\n")
	return bw.Flush()
}

func caption(g *Graph, d *Drawing) string {
	s := fmt.Sprintf("citegraph: %d works, %d citations drawn; node size: %s", len(d.Works), d.Arcs, d.Metric)
	if d.Omitted > 0 {
		s += fmt.Sprintf("; %d of %d works left out (only the top %d by %s are drawn)", d.Omitted, g.Len(), len(d.Works), d.Metric)
	}
	return s
}

func legend(d *Drawing) string {
	return `<table border="0" cellborder="1" cellspacing="0" cellpadding="4" color="#999999">` +
		`<tr><td colspan="2"><b>Legend</b></td></tr>` +
		`<tr><td bgcolor="#cfe3f6" style="rounded">   </td><td align="left">paper of the corpus</td></tr>` +
		`<tr><td bgcolor="#ffffff">   </td><td align="left">cited work, not in the corpus</td></tr>` +
		`<tr><td>→</td><td align="left">cites (arrow points at the cited work)</td></tr>` +
		`<tr><td>size</td><td align="left">` + htmlEscape(d.Metric) + `</td></tr>` +
		`<tr><td>rows</td><td align="left">publication year, oldest on top</td></tr>` +
		`</table>`
}

// nodeLabel is "First author Year" when both are known, else a short title.
func nodeLabel(w *Work) string {
	if len(w.Authors) > 0 && w.Authors[0].Family != "" && w.Year > 0 {
		return fmt.Sprintf("%s %d", w.Authors[0].Family, w.Year)
	}
	return wrap(w.Label, 24)
}

func tooltip(w *Work, m *Metrics, i int) string {
	var b strings.Builder
	b.WriteString(cmp.Or(w.Title, w.Label))
	if len(w.Authors) > 0 {
		names := make([]string, len(w.Authors))
		for k, a := range w.Authors {
			names[k] = a.String()
		}
		b.WriteString("\n" + strings.Join(names, ", "))
	}
	var venue []string
	if w.Venue != "" {
		venue = append(venue, w.Venue)
	}
	if w.Year > 0 {
		venue = append(venue, fmt.Sprint(w.Year))
	}
	if len(venue) > 0 {
		b.WriteString("\n" + strings.Join(venue, ", "))
	}
	if w.DOI != "" {
		b.WriteString("\ndoi:" + w.DOI)
	}
	fmt.Fprintf(&b, "\ncitations %d, PageRank %.4f, betweenness %.4f", m.InDegree[i], m.PageRank[i], m.Betweenness[i])
	return b.String()
}

// wrap breaks s into lines of about width runes at spaces.
func wrap(s string, width int) string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		if line != "" && len([]rune(line))+1+len([]rune(word)) > width {
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
