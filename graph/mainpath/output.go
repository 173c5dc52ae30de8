package mainpath

import (
	"bufio"
	"cmp"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/safetext"
)

// Colours of the drawing: each arc takes the first path it lies on in the
// order global, local, key-route.
const (
	colourGlobal   = "#c0392b"
	colourLocal    = "#1f5f99"
	colourKeyRoute = "#9aa5b1"
)

// MaxDrawn is the most works WriteDOT draws: main paths with many ties
// (papers citing no other paper of the corpus make every reference arc a
// path of its own) would give Graphviz thousands of nodes to lay out.
const MaxDrawn = 80

// WriteDOT writes the main paths as a historiograph in Graphviz DOT: one row
// per publication year, oldest on top, with a year axis on the left. It
// draws every arc of the global, local forward and key-route main paths,
// coloured by the first of them it lies on, labelled with its weight and
// widened with the logarithm of it. Arrows point at the cited work, as in
// citegraph's other diagrams. A shrunk cycle is one node naming its works.
// When the paths join more than MaxDrawn works, it draws the heaviest arcs
// that join at most MaxDrawn and says so in the caption.
func WriteDOT(w io.Writer, g *graph.Graph, r *Result) error {
	nw := r.Network
	class := make(map[int]string)
	for _, p := range []struct {
		path   Path
		colour string
	}{{r.KeyRoute, colourKeyRoute}, {r.Local, colourLocal}, {r.Global, colourGlobal}} {
		for _, k := range p.path.Arcs {
			class[k] = p.colour
		}
	}
	all := make([]int, 0, len(class))
	for k := range class {
		all = append(all, k)
	}
	weights := r.Weights[r.Weight].Arc
	// heaviest first (ties by arc), so that a cut keeps the strongest
	slices.SortFunc(all, func(a, b int) int {
		if c := weights[b].Cmp(weights[a]); c != 0 {
			return c
		}
		return a - b
	})
	nodeSet := map[int]bool{}
	arcs := make([]int, 0, len(all))
	for _, k := range all {
		f, t := nw.Arcs[k].From, nw.Arcs[k].To
		add := 0
		if !nodeSet[f] {
			add++
		}
		if !nodeSet[t] && t != f {
			add++
		}
		if len(nodeSet)+add > MaxDrawn {
			continue
		}
		nodeSet[f], nodeSet[t] = true, true
		arcs = append(arcs, k)
	}
	slices.Sort(arcs)
	nodes := make([]int, 0, len(nodeSet))
	for v := range nodeSet {
		nodes = append(nodes, v)
	}
	slices.Sort(nodes)
	maxLog := 0.0
	for _, k := range arcs {
		maxLog = math.Max(maxLog, log10(weights[k]))
	}

	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	caption := fmt.Sprintf("citegraph main paths by %v: %d works, %d arcs; global main path total %v %s",
		r.Weight, len(nodes), len(arcs), r.Weight, r.GlobalWeight.Short())
	if len(arcs) < len(all) {
		caption += fmt.Sprintf("; the paths have %d arcs (ties), the %d heaviest drawn that join at most %d works, all in mainpath-arcs.csv",
			len(all), len(arcs), MaxDrawn)
	}
	if r.Tolerance > 0 {
		caption += fmt.Sprintf("; tolerance %g", r.Tolerance)
	}
	p("digraph mainpath {\n")
	p("  graph [rankdir=TB, ranksep=0.45, nodesep=0.3, fontname=\"Helvetica\", fontsize=11, labelloc=b, label=%s, tooltip=\"citegraph main paths\"];\n", dotQuote(caption))
	p("  node [fontname=\"Helvetica\", fontsize=10, penwidth=1];\n")
	p("  edge [arrowsize=0.6, fontname=\"Helvetica\", fontsize=8, fontcolor=\"#444444\"];\n")

	years := map[int]bool{}
	undated := false
	for _, v := range nodes {
		if y := r.Year[v]; y > 0 {
			years[y] = true
		} else {
			undated = true
		}
	}
	var chain []string
	p("  subgraph axis {\n    node [shape=plaintext, fontsize=11, fontcolor=\"#555555\", width=0.5];\n    edge [color=\"#bbbbbb\", arrowhead=none];\n")
	for _, y := range sortedKeys(years) {
		chain = append(chain, fmt.Sprintf("y%d", y))
		p("    y%d [label=\"%d\", tooltip=\"publication year %d\"];\n", y, y, y)
	}
	if undated {
		chain = append(chain, "ynd")
		p("    ynd [label=\"no year\", tooltip=\"works whose year is unknown\"];\n")
	}
	if len(chain) > 1 {
		p("    %s;\n", strings.Join(chain, " -> "))
	}
	p("  }\n")
	p("  legend [shape=plaintext, tooltip=\"legend\", label=<%s>];\n  { rank=min; legend; }\n", legend(r))

	byRow := map[string][]string{}
	for _, v := range nodes {
		members := nw.Members[v]
		first := &g.Works[members[0]]
		label := workLabel(first)
		tip := tooltip(g, members)
		if len(members) > 1 {
			label = fmt.Sprintf("%s\n+ %d citing each other", label, len(members)-1)
		}
		attrs := []string{"label=" + dotQuote(label), "tooltip=" + safetext.DOTTooltip(tip)}
		if first.InCorpus {
			attrs = append(attrs, "shape=box", "style=\"filled,rounded\"", "fillcolor=\"#cfe3f6\"", "color=\"#2b5d8a\"")
		} else {
			attrs = append(attrs, "shape=ellipse", "style=filled", "fillcolor=\"#ffffff\"", "color=\"#8a8a8a\"")
		}
		if len(members) > 1 {
			attrs = append(attrs, "peripheries=2")
		}
		if first.DOI != "" && len(members) == 1 {
			attrs = append(attrs, "URL="+dotQuote("https://doi.org/"+first.DOI), "target=\"_blank\"")
		}
		p("  n%d [%s];\n", v, strings.Join(attrs, ", "))
		row := "ynd"
		if y := r.Year[v]; y > 0 {
			row = fmt.Sprintf("y%d", y)
		}
		byRow[row] = append(byRow[row], fmt.Sprintf("n%d", v))
	}
	for _, row := range chain {
		p("  { rank=same; %s; %s; }\n", row, strings.Join(byRow[row], "; "))
	}
	for _, k := range arcs {
		a := nw.Arcs[k]
		width := 1.0
		if maxLog > 0 {
			width += 3 * log10(weights[k]) / maxLog
		}
		tip := fmt.Sprintf("%s cites %s: SPC %v, SPLC %v, SPNP %v", workLabel(&g.Works[nw.Members[a.To][0]]),
			workLabel(&g.Works[nw.Members[a.From][0]]), r.Weights[SPC].Arc[k], r.Weights[SPLC].Arc[k], r.Weights[SPNP].Arc[k])
		extra := ""
		if yf, yt := r.Year[a.From], r.Year[a.To]; yf == 0 || yt == 0 || yf >= yt {
			extra = ", constraint=false"
		}
		// drawn cited -> citing with dir=back: dot ranks by time, the arrow
		// still points at the cited work
		p("  n%d -> n%d [dir=back, color=%q, penwidth=%.2f, label=%s, tooltip=%s%s];\n",
			a.From, a.To, class[k], width, dotQuote(weights[k].Compact()), safetext.DOTTooltip(tip), extra)
	}
	p("}\n")
	return bw.Flush()
}

func legend(r *Result) string {
	row := func(colour, text string) string {
		return fmt.Sprintf(`<tr><td><font color="%s">━━▶</font></td><td align="left">%s</td></tr>`, colour, text)
	}
	keys := "key-route main path"
	if n := len(r.KeyArcs); n > 0 {
		keys = fmt.Sprintf("key-route main path (%d key arcs)", n)
	}
	return `<table border="0" cellborder="1" cellspacing="0" cellpadding="4" color="#999999">` +
		`<tr><td colspan="2"><b>Main paths (` + r.Weight.String() + `)</b></td></tr>` +
		row(colourGlobal, "global main path") + row(colourLocal, "local forward main path") + row(colourKeyRoute, keys) +
		`<tr><td>label</td><td align="left">` + r.Weight.String() + ` weight of the arc (k = 10³, M = 10⁶, G = 10⁹, T = 10¹²)</td></tr>` +
		`<tr><td></td><td align="left">an arc on several paths has the first colour</td></tr>` +
		`<tr><td>rows</td><td align="left">publication year, oldest on top</td></tr>` +
		`<tr><td bgcolor="#cfe3f6">   </td><td align="left">paper of the corpus</td></tr>` +
		`</table>`
}

// workLabel is "First author Year" when both are known, else the label.
func workLabel(w *graph.Work) string {
	if len(w.Authors) > 0 && w.Authors[0].Family != "" && w.Year > 0 {
		return fmt.Sprintf("%s %d", w.Authors[0].Family, w.Year)
	}
	return w.Label
}

func tooltip(g *graph.Graph, members []int) string {
	var parts []string
	for _, i := range members {
		w := &g.Works[i]
		s := cmp.Or(w.Title, w.Label)
		if w.Year > 0 {
			s += fmt.Sprintf(" (%d)", w.Year)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "\n")
}

func log10(n Num) float64 {
	f := n.Float64()
	if f <= 1 {
		return 0
	}
	if math.IsInf(f, 1) {
		return float64(len(n.String()))
	}
	return math.Log10(f)
}

func sortedKeys(m map[int]bool) []int {
	out := make([]int, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// dotQuote makes a DOT double-quoted string (not for tooltips: see
// safetext.DOTTooltip); newlines become line breaks.
var dotQuote = safetext.DOTLabel

// ArcsOptions controls WriteArcs. The zero value writes every citation.
type ArcsOptions struct {
	// OnPaths writes only the citations on a main path (global, local
	// forward or key-route): a graph of 800,000 citations makes a 60 MB
	// file of every one.
	OnPaths bool
}

// WriteArcs writes the traversal weights as CSV, one row per citation of
// the graph in the graph's order: the citing and the cited work's IDs,
// SPC, SPLC and SPNP as exact integers, and the main paths the arc lies on
// ("global local key-route", space-separated). A citation inside a shrunk
// cycle has no weights and "cycle" in the last column. With OnPaths, only
// the rows with a main path are written.
func WriteArcs(w io.Writer, g *graph.Graph, r *Result, opt *ArcsOptions) error {
	nw := r.Network
	on := make([][]string, len(nw.Arcs))
	for _, p := range []struct {
		name string
		path Path
	}{{"global", r.Global}, {"local", r.Local}, {"key-route", r.KeyRoute}} {
		for _, k := range p.path.Arcs {
			on[k] = append(on[k], p.name)
		}
	}
	onPaths := opt != nil && opt.OnPaths
	cw := csv.NewWriter(w)
	cw.Write([]string{"citing", "cited", "spc", "splc", "spnp", "main_paths"})
	// with onPaths, only citations between nodes of a path can be listed:
	// the rest are skipped without looking their arc up
	var onNode []bool
	if onPaths {
		onNode = make([]bool, nw.Len())
		for k := range on {
			if on[k] != nil {
				onNode[nw.Arcs[k].From], onNode[nw.Arcs[k].To] = true, true
			}
		}
	}
	row := make([]string, 6)
	for _, c := range g.Citations {
		u, v := nw.Node[c.To], nw.Node[c.From]
		if onPaths && (u == v || !onNode[u] || !onNode[v]) {
			continue
		}
		row[0], row[1], row[2], row[3], row[4], row[5] = g.Works[c.From].ID, g.Works[c.To].ID, "", "", "", "cycle"
		if u != v {
			k := nw.arc(u, v)
			if onPaths && on[k] == nil {
				continue
			}
			row[2], row[3], row[4] = r.Weights[SPC].Arc[k].String(), r.Weights[SPLC].Arc[k].String(), r.Weights[SPNP].Arc[k].String()
			row[5] = strings.Join(on[k], " ")
		}
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}
