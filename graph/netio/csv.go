package netio

import (
	"encoding/csv"
	"io"

	"github.com/citegraph/citegraph/graph/safetext"
)

// appendCells appends the values as cells: text made safe by
// safetext.Cell (no control characters, never read as a formula), numbers
// as they are, unknown values empty.
func appendCells(row []string, attrs []Attr, vals []any) []string {
	for k, v := range vals {
		s, _ := formatValue(v)
		if attrs[k].Type == String {
			s = safetext.Cell(s)
		}
		row = append(row, s)
	}
	return row
}

// WriteCSV writes the network as two RFC 4180 tables (UTF-8 without BOM,
// CRLF line ends, fields quoted where needed): the nodes, one row per
// node with the columns id, label, the attributes, url, and cluster, x, y,
// size when the network has them; and the edges, one row per edge with
// source and target (node IDs; for a directed network, source is the
// citing work), weight and the edge attributes. Unknown values are empty
// cells. Gephi's spreadsheet import, pandas and R read the pair as they are.
func WriteCSV(nodes, edges io.Writer, n *Network) error {
	cw := csv.NewWriter(nodes)
	cw.UseCRLF = true
	head := []string{"id", "label"}
	for _, a := range n.NodeAttrs {
		head = append(head, a.Name)
	}
	head = append(head, "url")
	if len(n.Clusters) > 0 {
		head = append(head, "cluster")
	}
	if n.Layout {
		head = append(head, "x", "y")
	}
	if n.Sized {
		head = append(head, "size")
	}
	cw.Write(head)
	row := make([]string, 0, len(head))
	ids := make([]string, n.Len)
	for i, nd := range n.Nodes() {
		ids[i] = safetext.Cell(nd.ID)
		row = append(row[:0], ids[i], safetext.Cell(nd.label()))
		row = appendCells(row, n.NodeAttrs, nd.Values)
		row = append(row, safetext.Cell(nd.URL))
		if len(n.Clusters) > 0 {
			row = append(row, formatFloat(float64(nd.Cluster)))
		}
		if n.Layout {
			row = append(row, formatFloat(nd.X), formatFloat(nd.Y))
		}
		if n.Sized {
			row = append(row, formatFloat(nd.Size))
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	ew := csv.NewWriter(edges)
	ew.UseCRLF = true
	head = append(head[:0], "source", "target", "weight")
	for _, a := range n.EdgeAttrs {
		head = append(head, a.Name)
	}
	ew.Write(head)
	for e := range n.Edges {
		row = append(row[:0], ids[e.From], ids[e.To], formatFloat(e.Weight))
		row = appendCells(row, n.EdgeAttrs, e.Values)
		if err := ew.Write(row); err != nil {
			return err
		}
	}
	ew.Flush()
	return ew.Error()
}
