package netio

import (
	"bufio"
	"io"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/graph/safetext"
)

// WriteDOT writes the network as plain Graphviz DOT data: a digraph whose
// arcs go from the citing to the cited work (or a graph, for an undirected
// network), every node with its label, attributes, url and, where the
// network has them, cluster and position (pos="x,y"), every edge with its
// weight and attributes. It carries no styling and no axis or legend
// nodes: it is for programs (networkx.read_dot, Graphviz tools) to read.
// The historiograph drawn by the report is a different DOT file.
func WriteDOT(w io.Writer, n *Network) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	kind, arc := "graph", " -- "
	if n.Directed {
		kind, arc = "digraph", " -> "
	}
	bw.WriteString(kind + " " + dotID(n.Name) + " {\n")
	ids := make([]string, n.Len)
	for i, nd := range n.Nodes() {
		ids[i] = dotID(nd.ID)
		bw.WriteString("  " + ids[i] + " [label=" + dotID(nd.label()))
		for k, a := range n.NodeAttrs {
			if s, ok := formatValue(nd.Values[k]); ok {
				bw.WriteString(", " + a.Name + "=" + dotValue(a.Type, s))
			}
		}
		if nd.URL != "" {
			bw.WriteString(", URL=" + dotID(nd.URL))
		}
		if len(n.Clusters) > 0 {
			bw.WriteString(", cluster=" + strconv.Itoa(nd.Cluster))
		}
		if n.Layout {
			bw.WriteString(`, pos="` + formatFloat(nd.X) + "," + formatFloat(nd.Y) + `"`)
		}
		if _, err := bw.WriteString("];\n"); err != nil {
			return err
		}
	}
	for e := range n.Edges {
		bw.WriteString("  " + ids[e.From] + arc + ids[e.To])
		sep := " ["
		if n.Weighted {
			bw.WriteString(sep + "weight=" + formatFloat(e.Weight))
			sep = ", "
		}
		for k, a := range n.EdgeAttrs {
			if s, ok := formatValue(e.Values[k]); ok {
				bw.WriteString(sep + a.Name + "=" + dotValue(a.Type, s))
				sep = ", "
			}
		}
		if sep == ", " {
			bw.WriteString("]")
		}
		if _, err := bw.WriteString(";\n"); err != nil {
			return err
		}
	}
	bw.WriteString("}\n")
	return bw.Flush()
}

// dotValue writes numbers bare (DOT numerals have no exponent, so those
// with one are quoted) and everything else quoted.
func dotValue(t Type, s string) string {
	if (t == Int || t == Float) && !strings.ContainsAny(s, "eE") {
		return s
	}
	return dotID(s)
}

// dotID quotes s as a DOT string, as safetext.DOTLabel does.
func dotID(s string) string { return safetext.DOTLabel(s) }
