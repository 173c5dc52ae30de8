package netio

import (
	"bufio"
	"io"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/graph/safetext"
)

// vosColumns are the node attributes VOSviewer gets as weight<…> and
// score<…> columns: those marked VOS that every node has (VOSviewer wants a
// value in every row).
func vosColumns(n *Network) (weights, scores []int) {
	complete := n.complete()
	for k, a := range n.NodeAttrs {
		if !complete[k] || (a.Type != Int && a.Type != Float) {
			continue
		}
		switch a.VOS {
		case "weight":
			weights = append(weights, k)
		case "score":
			scores = append(scores, k)
		}
	}
	return weights, scores
}

// vosDescription is a node's VOSviewer description: an HTML table of its
// Describe attributes, as VOSviewer's own descriptions are.
func vosDescription(n *Network, nd *Node) string {
	var b strings.Builder
	for k, a := range n.NodeAttrs {
		s, ok := formatValue(nd.Values[k])
		if !a.Describe || !ok {
			continue
		}
		if b.Len() == 0 {
			b.WriteString("<table>")
		}
		b.WriteString("<tr><td>" + safetext.EscapeXML(a.title()) + ":</td><td>" + safetext.EscapeXML(s) + "</td></tr>")
	}
	if b.Len() > 0 {
		b.WriteString("</table>")
	}
	return b.String()
}

// vosCell makes s fit in a tab-separated cell.
func vosCell(s string) string {
	s = safetext.Terminal(s)
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

// WriteVOSMap writes a VOSviewer map file: tab-separated, a header line,
// then one line per item with id (1, 2, … in node order), label,
// description, url, x and y when the network has a layout, cluster when it
// has clusters, and weight<…> and score<…> columns for the attributes marked
// VOS that every node has (a citation network: weight<Local citations>,
// score<Pub. year>, score<PageRank>…).
func WriteVOSMap(w io.Writer, n *Network) error {
	weights, scores := vosColumns(n)
	bw := bufio.NewWriterSize(w, 1<<16)
	head := []string{"id", "label", "description", "url"}
	if n.Layout {
		head = append(head, "x", "y")
	}
	if len(n.Clusters) > 0 {
		head = append(head, "cluster")
	}
	for _, k := range weights {
		head = append(head, "weight<"+vosCell(n.NodeAttrs[k].title())+">")
	}
	for _, k := range scores {
		head = append(head, "score<"+vosCell(n.NodeAttrs[k].title())+">")
	}
	bw.WriteString(strings.Join(head, "\t") + "\n")
	row := make([]string, 0, len(head))
	numeric := append(append([]int(nil), weights...), scores...)
	for i, nd := range n.Nodes() {
		row = append(row[:0], strconv.Itoa(i+1), vosCell(nd.label()), vosCell(vosDescription(n, nd)), vosCell(nd.URL))
		if n.Layout {
			row = append(row, formatFloat(nd.X), formatFloat(nd.Y))
		}
		if len(n.Clusters) > 0 {
			row = append(row, strconv.Itoa(nd.Cluster))
		}
		for _, k := range numeric {
			s, _ := formatValue(nd.Values[k])
			row = append(row, s)
		}
		if _, err := bw.WriteString(strings.Join(row, "\t") + "\n"); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// WriteVOSNetwork writes a VOSviewer network file: one tab-separated line
// per link, the ids of its two items (as in the map file) and its
// strength. A directed network's arcs are written as they go, citing work
// first.
func WriteVOSNetwork(w io.Writer, n *Network) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	for e := range n.Edges {
		if _, err := bw.WriteString(strconv.Itoa(e.From+1) + "\t" + strconv.Itoa(e.To+1) + "\t" + formatFloat(e.Weight) + "\n"); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// WriteVOSJSON writes a VOSviewer JSON file (what VOSviewer and VOSviewer
// Online open): {"config": {"terminology": …}, "network": {"items": […],
// "links": […], "clusters": […]}}. Items carry id, label, description, url,
// x and y with a layout, cluster with clusters, and "weights" and "scores"
// objects as the map file's columns; links carry source_id, target_id and
// strength; clusters their labels where known.
func WriteVOSJSON(w io.Writer, n *Network) error {
	weights, scores := vosColumns(n)
	bw := bufio.NewWriterSize(w, 1<<16)
	var buf []byte
	buf = append(buf, `{"config":{"terminology":{`...)
	t := n.Terms
	sep := ""
	for _, kv := range [][2]string{{"item", t.Item}, {"items", t.Items}, {"link", t.Link}, {"links", t.Links},
		{"link_strength", t.LinkStrength}, {"total_link_strength", totalLink(t.LinkStrength)}} {
		if kv[1] == "" {
			continue
		}
		buf = append(buf, sep...)
		buf = appendJSONString(buf, kv[0])
		buf = append(buf, ':')
		buf = appendJSONString(buf, kv[1])
		sep = ","
	}
	buf = append(buf, "}},\n\"network\":{\"items\":[\n"...)
	bw.Write(buf)
	sep = ""
	for i, nd := range n.Nodes() {
		buf = append(buf[:0], sep+`{"id":`...)
		buf = strconv.AppendInt(buf, int64(i+1), 10)
		buf = append(buf, `,"label":`...)
		buf = appendJSONString(buf, nd.label())
		if d := vosDescription(n, nd); d != "" {
			buf = append(buf, `,"description":`...)
			buf = appendJSONString(buf, d)
		}
		if nd.URL != "" {
			buf = append(buf, `,"url":`...)
			buf = appendJSONString(buf, nd.URL)
		}
		if n.Layout {
			buf = append(buf, `,"x":`+formatFloat(nd.X)+`,"y":`+formatFloat(nd.Y)...)
		}
		if len(n.Clusters) > 0 {
			buf = append(buf, `,"cluster":`+strconv.Itoa(nd.Cluster)...)
		}
		for _, group := range []struct {
			name string
			keys []int
		}{{"weights", weights}, {"scores", scores}} {
			if len(group.keys) == 0 {
				continue
			}
			buf = append(buf, `,"`+group.name+`":{`...)
			for j, k := range group.keys {
				if j > 0 {
					buf = append(buf, ',')
				}
				buf = appendJSONString(buf, n.NodeAttrs[k].title())
				s, _ := formatValue(nd.Values[k])
				buf = append(buf, ':')
				buf = append(buf, s...)
			}
			buf = append(buf, '}')
		}
		buf = append(buf, '}')
		bw.Write(buf)
		sep = ",\n"
	}
	bw.WriteString("\n],\n\"links\":[\n")
	sep = ""
	for e := range n.Edges {
		buf = append(buf[:0], sep+`{"source_id":`...)
		buf = strconv.AppendInt(buf, int64(e.From+1), 10)
		buf = append(buf, `,"target_id":`...)
		buf = strconv.AppendInt(buf, int64(e.To+1), 10)
		buf = append(buf, `,"strength":`+formatFloat(e.Weight)+"}"...)
		if _, err := bw.Write(buf); err != nil {
			return err
		}
		sep = ",\n"
	}
	bw.WriteString("\n]")
	if len(n.Clusters) > 0 {
		bw.WriteString(",\n\"clusters\":[\n")
		for j, c := range n.Clusters {
			buf = append(buf[:0], `{"cluster":`...)
			buf = strconv.AppendInt(buf, int64(c.ID), 10)
			if c.Label != "" {
				buf = append(buf, `,"label":`...)
				buf = appendJSONString(buf, c.Label)
			}
			buf = append(buf, '}')
			if j < len(n.Clusters)-1 {
				buf = append(buf, ",\n"...)
			}
			bw.Write(buf)
		}
		bw.WriteString("\n]")
	}
	bw.WriteString("}}\n")
	return bw.Flush()
}

func totalLink(s string) string {
	if s == "" {
		return ""
	}
	return "Total " + strings.ToLower(s[:1]) + s[1:]
}
