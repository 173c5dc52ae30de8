package netio

import (
	"bufio"
	"io"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/graph/safetext"
)

// PajekFile is one file of a Pajek export: the network (.net), a partition
// (.clu) or a vector (.vec).
type PajekFile struct {
	// Suffix completes the file name after the network's name: ".net",
	// "-year.clu", "-pagerank.vec".
	Suffix string
	Write  func(w io.Writer) error
}

// Pajek returns the files of the network in Pajek's formats: the network
// itself (WritePajekNet); a partition for the clusters, one for the
// publication years when the nodes have them (0 where unknown, as
// HistCite's PY.clu), one (1/0) for every yes/no attribute (in_corpus); and
// a vector for every numeric attribute that every node has (in-degree,
// PageRank, …). Pajek, networkx and igraph read the
// .net file; the .clu and .vec files list one value per vertex, in the
// order of the .net file.
func Pajek(n *Network) []PajekFile {
	files := []PajekFile{{Suffix: ".net", Write: func(w io.Writer) error { return WritePajekNet(w, n) }}}
	if len(n.Clusters) > 0 {
		files = append(files, PajekFile{Suffix: "-cluster.clu", Write: func(w io.Writer) error {
			return writePajekValues(w, n, func(nd *Node) string { return strconv.Itoa(nd.Cluster) })
		}})
	}
	complete := n.complete()
	for k, a := range n.NodeAttrs {
		k := k
		switch {
		case a.Name == "year" && a.Type == Int:
			files = append(files, PajekFile{Suffix: "-year.clu", Write: func(w io.Writer) error {
				return writePajekValues(w, n, func(nd *Node) string {
					if y, ok := nd.Values[k].(int); ok {
						return strconv.Itoa(y)
					}
					return "0"
				})
			}})
		case a.Type == Bool && complete[k]:
			files = append(files, PajekFile{Suffix: "-" + a.Name + ".clu", Write: func(w io.Writer) error {
				return writePajekValues(w, n, func(nd *Node) string {
					if nd.Values[k] == true {
						return "1"
					}
					return "0"
				})
			}})
		case (a.Type == Int || a.Type == Float) && complete[k]:
			files = append(files, PajekFile{Suffix: "-" + a.Name + ".vec", Write: func(w io.Writer) error {
				return writePajekValues(w, n, func(nd *Node) string {
					s, _ := formatValue(nd.Values[k])
					return s
				})
			}})
		}
	}
	return files
}

// WritePajekNet writes the network as a Pajek .net file: *Vertices with a
// quoted label per vertex (and its position, scaled into the unit square,
// when the network has a layout), then *Arcs for a directed network or
// *Edges, one "from to weight" line each.
//
// Readers such as networkx name vertices by their labels, so labels are
// made unique: a label met again gets " #2", " #3"…; double quotes, which
// a Pajek label cannot hold, become single quotes.
func WritePajekNet(w io.Writer, n *Network) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	if n.Description != "" {
		bw.WriteString("% " + pajekLabel(n.Description) + "\n")
	}
	bw.WriteString("*Network " + pajekName(n.Name) + "\n")
	bw.WriteString("*Vertices " + strconv.Itoa(n.Len) + "\n")
	minX, minY, scale := 0.0, 0.0, 1.0
	if n.Layout {
		minX, minY, scale = unitSquare(n)
	}
	seen := map[string]int{}
	for i, nd := range n.Nodes() {
		label := pajekLabel(nd.label())
		if c := seen[label]; c > 0 {
			seen[label] = c + 1
			label += " #" + strconv.Itoa(c+1)
			for seen[label] > 0 { // "X #2" was itself a label
				c++
				label = pajekLabel(nd.label()) + " #" + strconv.Itoa(c+1)
			}
		}
		seen[label]++
		bw.WriteString(strconv.Itoa(i+1) + ` "` + label + `"`)
		if n.Layout {
			bw.WriteString(" " + strconv.FormatFloat((nd.X-minX)*scale, 'f', 4, 64) + " " +
				strconv.FormatFloat(1-(nd.Y-minY)*scale, 'f', 4, 64) + " 0.5")
		}
		bw.WriteByte('\n')
	}
	if n.Directed {
		bw.WriteString("*Arcs\n")
	} else {
		bw.WriteString("*Edges\n")
	}
	for e := range n.Edges {
		if _, err := bw.WriteString(strconv.Itoa(e.From+1) + " " + strconv.Itoa(e.To+1) + " " + formatFloat(e.Weight) + "\n"); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// unitSquare returns the offset and scale that fit the positions into
// [0, 1]², keeping their proportions.
func unitSquare(n *Network) (minX, minY, scale float64) {
	first := true
	var maxX, maxY float64
	for _, nd := range n.Nodes() {
		if first {
			minX, maxX, minY, maxY, first = nd.X, nd.X, nd.Y, nd.Y, false
		}
		minX, maxX = min(minX, nd.X), max(maxX, nd.X)
		minY, maxY = min(minY, nd.Y), max(maxY, nd.Y)
	}
	if span := max(maxX-minX, maxY-minY); span > 0 {
		return minX, minY, 1 / span
	}
	return minX, minY, 1
}

func writePajekValues(w io.Writer, n *Network, value func(*Node) string) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.WriteString("*Vertices " + strconv.Itoa(n.Len) + "\n")
	for _, nd := range n.Nodes() {
		if _, err := bw.WriteString(value(nd) + "\n"); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// pajekLabel makes s fit between Pajek's double quotes on one line.
func pajekLabel(s string) string {
	s = safetext.Terminal(s)
	return strings.Map(func(r rune) rune {
		switch r {
		case '"':
			return '\''
		case '\n', '\r', '\t':
			return ' '
		case '\\':
			return '/'
		}
		return r
	}, s)
}

// pajekName makes a network name one word.
func pajekName(s string) string {
	return strings.Join(strings.Fields(pajekLabel(s)), "_")
}
