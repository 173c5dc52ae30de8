package parse

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"iter"
	"strings"
)

func init() {
	register(Format{Name: "graphml", Order: 16, Sniff: graphmlSniff, Read: graphmlRead})
	register(Format{Name: "gexf", Order: 17, Sniff: gexfSniff, Read: gexfRead})
}

// citingFirstNote is how a network file written by citegraph says which way
// its arcs go; a reader that finds it does not guess from the years.
const citingFirstNote = "arcs go from the citing to the cited work"

// xmlRoot returns the local name of the root element of an XML head, or "".
func xmlRoot(head []byte) string {
	dec := xml.NewDecoder(bytes.NewReader(head))
	dec.Strict = false
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	for {
		tok, err := dec.Token()
		if err != nil {
			return ""
		}
		switch t := tok.(type) {
		case xml.StartElement:
			return t.Name.Local
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return ""
			}
		}
	}
}

func graphmlSniff(name string, head []byte) bool {
	return bytes.Contains(head, []byte("<graphml")) && xmlRoot(head) == "graphml"
}

func gexfSniff(name string, head []byte) bool {
	return bytes.Contains(head, []byte("<gexf")) && xmlRoot(head) == "gexf"
}

// newXMLDecoder decodes the normalised input, which is UTF-8 whatever the
// declaration says.
func newXMLDecoder(r io.Reader) *xml.Decoder {
	dec := xml.NewDecoder(r)
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	dec.Entity = xml.HTMLEntity
	return dec
}

// xmlAttr returns the value of the attribute of that local name.
func xmlAttr(el xml.StartElement, name string) string {
	for _, a := range el.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// xmlTokens yields the tokens of dec with the line each ends on. A syntax
// error ends them, reported where the decoder stopped: what was read before
// it is kept.
func xmlTokens(s *Sink, dec *xml.Decoder) iter.Seq2[xml.Token, int] {
	return func(yield func(xml.Token, int) bool) {
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				return
			}
			if err != nil {
				var se *xml.SyntaxError
				line, _ := dec.InputPos()
				if errors.As(err, &se) {
					line = se.Line
				}
				s.Warnf(line, "XML broken here, the rest of the file is not read: %v", err)
				return
			}
			line, _ := dec.InputPos()
			if !yield(tok, line) {
				return
			}
		}
	}
}

// graphmlRead reads a GraphML graph (the first of the file): keys declare
// the attributes by name, nodes and edges carry data. A citation network
// is expected: edges from citing to cited, or undirected (see orient).
// Node attributes are mapped to record fields by name (title, authors,
// year, venue, doi, …; see netFields).
func graphmlRead(r io.Reader, s *Sink) error {
	g := newNetGraph(s.File)
	dec := newXMLDecoder(r)
	keys := map[string]string{} // key id → attribute name
	graphs, depth := 0, 0       // graphs begun, graphs open
	node := -1                  // the vertex being read
	inEdge := false
	var dataKey string
	var text strings.Builder
	directed := true
	var pending []netArcRef
	for tok, line := range xmlTokens(s, dec) {
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "key":
				name := xmlAttr(t, "attr.name")
				if name == "" {
					name = xmlAttr(t, "id")
				}
				keys[xmlAttr(t, "id")] = name
			case "graph":
				graphs++
				depth++
				if graphs == 1 {
					directed = xmlAttr(t, "edgedefault") != "undirected"
				} else {
					s.Warnf(line, "a nested or second graph: only the first graph's own nodes and edges are read")
				}
			case "node":
				if graphs == 1 && depth == 1 {
					node = g.vertex(xmlAttr(t, "id"), line)
				}
			case "edge":
				if graphs != 1 || depth != 1 {
					continue
				}
				und := !directed
				if d := xmlAttr(t, "directed"); d != "" {
					und = d == "false"
				}
				pending = append(pending, netArcRef{from: xmlAttr(t, "source"), to: xmlAttr(t, "target"), line: line, undirected: und})
				inEdge = true
			case "data":
				dataKey = xmlAttr(t, "key")
				text.Reset()
			case "hyperedge":
				s.Warnf(line, "hyperedge not read")
			}
		case xml.CharData:
			if dataKey != "" {
				text.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "data":
				name := netAttrName(keys[dataKey])
				val := text.String()
				switch {
				case node >= 0 && name == "label":
					g.verts[node].label = CleanSpace(val)
				case node >= 0:
					g.verts[node].set(name, val)
				case !inEdge && depth == 1 && strings.Contains(val, citingFirstNote):
					g.citingFirst = true
				}
				dataKey = ""
			case "node":
				node = -1
			case "edge":
				inEdge = false
			case "graph":
				depth--
			}
		}
	}
	g.finish(s, directed, pending, "graphml")
	return nil
}

// netArcRef is an arc between vertices named by id, linked once every
// vertex is known (an edge may come before its nodes).
type netArcRef struct {
	from, to   string
	line       int
	undirected bool
}

// finish links the arcs of a GraphML or GEXF graph and emits its records.
func (g *netGraph) finish(s *Sink, directed bool, refs []netArcRef, format string) {
	g.directed = directed
	g.link(s, refs)
	if len(g.verts) == 0 {
		s.Skipf(1, "no nodes in the graph")
		return
	}
	g.emit(s, format)
}

// link adds the arcs, each between known vertices.
func (g *netGraph) link(s *Sink, refs []netArcRef) {
	missing, first := 0, 0
	for _, a := range refs {
		from, ok1 := g.index[a.from]
		to, ok2 := g.index[a.to]
		if !ok1 || !ok2 {
			if missing == 0 {
				first = a.line
			}
			missing++
			continue
		}
		g.arcs = append(g.arcs, netArc{from: from, to: to, line: a.line, undirected: a.undirected})
		if !a.undirected {
			g.directed = true
		}
	}
	if missing > 0 {
		s.Warnf(first, "%d edge(s) naming a node the file does not have ignored (first here)", missing)
	}
}

// gexfRead reads a GEXF graph (1.1 to 1.3): declared attributes with their
// titles, nodes with labels and attribute values, edges (directed, or
// undirected; see orient). Node attributes are mapped to record fields by
// title (title, authors, year, venue, doi, …; see netFields); the viz
// extension is ignored.
func gexfRead(r io.Reader, s *Sink) error {
	g := newNetGraph(s.File)
	dec := newXMLDecoder(r)
	titles := map[string]string{} // node attribute id → title
	class := ""
	node := -1 // the vertex being read
	inEdge, inMeta := false, false
	directed := true
	var pending []netArcRef
	var text strings.Builder
	depth := 0 // nesting of <node> (hierarchical graphs)
	for tok, line := range xmlTokens(s, dec) {
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "meta":
				inMeta = true
			case "graph":
				directed = xmlAttr(t, "defaultedgetype") != "undirected"
			case "attributes":
				class = xmlAttr(t, "class")
			case "attribute":
				if class == "node" {
					titles[xmlAttr(t, "id")] = xmlAttr(t, "title")
				}
			case "node":
				depth++
				if depth > 1 {
					s.Warnf(line, "nested node (a hierarchical graph) read as a node of its own")
				}
				node = g.vertex(xmlAttr(t, "id"), line)
				g.verts[node].label = CleanSpace(xmlAttr(t, "label"))
			case "attvalue":
				if node >= 0 && !inEdge {
					id := xmlAttr(t, "for")
					if id == "" {
						id = xmlAttr(t, "id") // GEXF 1.0
					}
					title := titles[id]
					if title == "" {
						title = id
					}
					g.verts[node].set(netAttrName(title), xmlAttr(t, "value"))
				}
			case "edge":
				inEdge = true
				und := !directed
				if k := xmlAttr(t, "type"); k != "" {
					und = k == "undirected"
				}
				pending = append(pending, netArcRef{from: xmlAttr(t, "source"), to: xmlAttr(t, "target"), line: line, undirected: und})
			case "description", "creator":
				text.Reset()
			}
		case xml.CharData:
			if inMeta {
				text.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "meta":
				inMeta = false
			case "description":
				if strings.Contains(text.String(), citingFirstNote) {
					g.citingFirst = true
				}
			case "node":
				depth--
				node = -1
			case "edge":
				inEdge = false
			}
		}
	}
	g.finish(s, directed, pending, "gexf")
	return nil
}
