package netio

import (
	"bufio"
	"io"
	"strconv"
	"unicode/utf8"
)

// WriteJSON writes the network as one JSON object, one node or edge per
// line:
//
//	{"network": "coupling", "directed": false,
//	 "nodes": [
//	  {"id": "…", "label": "…", "title": "…", "year": 1990, …, "url": "…", "cluster": 1, "x": 0.1, "y": 0.2},
//	 …],
//	 "edges": [
//	  {"source": "…", "target": "…", "weight": 3, "cosine": 0.5},
//	 …]}
//
// Unknown values are left out; cluster, x, y and size appear when the
// network has them. Edges name their nodes by ID.
func WriteJSON(w io.Writer, n *Network) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	var buf []byte
	buf = append(buf, `{"network":`...)
	buf = appendJSONString(buf, n.Name)
	buf = append(buf, `,"directed":`...)
	buf = strconv.AppendBool(buf, n.Directed)
	buf = append(buf, ",\n\"nodes\":[\n"...)
	bw.Write(buf)
	ids := nodeIDs(n)
	sep := ""
	for _, nd := range n.Nodes() {
		buf = append(buf[:0], sep+"{"...)
		buf = appendNodeJSON(buf, n, nd)
		bw.Write(append(buf, '}'))
		sep = ",\n"
	}
	bw.WriteString("\n],\n\"edges\":[\n")
	sep = ""
	for e := range n.Edges {
		buf = append(buf[:0], sep+"{"...)
		buf = appendEdgeJSON(buf, n, ids, e)
		if _, err := bw.Write(append(buf, '}')); err != nil {
			return err
		}
		sep = ",\n"
	}
	bw.WriteString("\n]}\n")
	return bw.Flush()
}

// WriteJSONL writes the network as JSON Lines: a first line describing it,
// then one line per node, then one per edge, each with a "type" key:
//
//	{"type":"network","network":"coupling","directed":false,"nodes":120}
//	{"type":"node","id":"…","label":"…",…}
//	{"type":"edge","source":"…","target":"…","weight":3,…}
func WriteJSONL(w io.Writer, n *Network) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	buf := append([]byte(nil), `{"type":"network","network":`...)
	buf = appendJSONString(buf, n.Name)
	buf = append(buf, `,"directed":`...)
	buf = strconv.AppendBool(buf, n.Directed)
	buf = append(buf, `,"nodes":`...)
	buf = strconv.AppendInt(buf, int64(n.Len), 10)
	buf = append(buf, "}\n"...)
	bw.Write(buf)
	ids := nodeIDs(n)
	for _, nd := range n.Nodes() {
		buf = append(buf[:0], `{"type":"node",`...)
		buf = appendNodeJSON(buf, n, nd)
		buf = append(buf, "}\n"...)
		bw.Write(buf)
	}
	for e := range n.Edges {
		buf = append(buf[:0], `{"type":"edge",`...)
		buf = appendEdgeJSON(buf, n, ids, e)
		buf = append(buf, "}\n"...)
		if _, err := bw.Write(buf); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// nodeIDs returns the ID of every node, for edges to name them.
func nodeIDs(n *Network) []string {
	ids := make([]string, n.Len)
	for i, nd := range n.Nodes() {
		ids[i] = nd.ID
	}
	return ids
}

// appendNodeJSON appends the members of a node's object, without braces.
func appendNodeJSON(buf []byte, n *Network, nd *Node) []byte {
	buf = append(buf, `"id":`...)
	buf = appendJSONString(buf, nd.ID)
	buf = append(buf, `,"label":`...)
	buf = appendJSONString(buf, nd.label())
	buf = appendValuesJSON(buf, n.NodeAttrs, nd.Values)
	if nd.URL != "" {
		buf = append(buf, `,"url":`...)
		buf = appendJSONString(buf, nd.URL)
	}
	if len(n.Clusters) > 0 {
		buf = append(buf, `,"cluster":`...)
		buf = strconv.AppendInt(buf, int64(nd.Cluster), 10)
	}
	if n.Layout {
		buf = append(buf, `,"x":`...)
		buf = append(buf, formatFloat(nd.X)...)
		buf = append(buf, `,"y":`...)
		buf = append(buf, formatFloat(nd.Y)...)
	}
	if n.Sized {
		buf = append(buf, `,"size":`...)
		buf = append(buf, formatFloat(nd.Size)...)
	}
	return buf
}

// appendEdgeJSON appends the members of an edge's object, without braces.
func appendEdgeJSON(buf []byte, n *Network, ids []string, e Edge) []byte {
	buf = append(buf, `"source":`...)
	buf = appendJSONString(buf, ids[e.From])
	buf = append(buf, `,"target":`...)
	buf = appendJSONString(buf, ids[e.To])
	buf = append(buf, `,"weight":`...)
	buf = append(buf, formatFloat(e.Weight)...)
	return appendValuesJSON(buf, n.EdgeAttrs, e.Values)
}

func appendValuesJSON(buf []byte, attrs []Attr, vals []any) []byte {
	for k, a := range attrs {
		s, ok := formatValue(vals[k])
		if !ok {
			continue
		}
		buf = append(buf, ',')
		buf = appendJSONString(buf, a.Name)
		buf = append(buf, ':')
		if a.Type == String {
			buf = appendJSONString(buf, s)
		} else {
			buf = append(buf, s...)
		}
	}
	return buf
}

// appendJSONString appends s as a JSON string: quotes, backslashes and
// control characters escaped, invalid UTF-8 replaced by U+FFFD, U+2028 and
// U+2029 escaped so the text is also valid JavaScript.
func appendJSONString(buf []byte, s string) []byte {
	const hex = "0123456789abcdef"
	buf = append(buf, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				buf = append(buf, '\\', c)
			case c == '\n':
				buf = append(buf, '\\', 'n')
			case c == '\t':
				buf = append(buf, '\\', 't')
			case c == '\r':
				buf = append(buf, '\\', 'r')
			case c < 0x20 || c == 0x7f:
				buf = append(buf, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
			default:
				buf = append(buf, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			buf = append(buf, "\ufffd"...)
		case r == '\u2028' || r == '\u2029' || r <= 0x9F || r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069:
			// and, as safetext.JSONWriter, C1 controls and bidirectional
			// controls, which a terminal showing the file would act on
			buf = append(buf, '\\', 'u', hex[r>>12&15], hex[r>>8&15], hex[r>>4&15], hex[r&15])
		default:
			buf = append(buf, s[i:i+size]...)
		}
		i += size
	}
	return append(buf, '"')
}
