package netio

import (
	"cmp"
	"io"
	"strconv"
)

// GEXFOptions controls WriteGEXF. The zero value writes GEXF 1.3.
type GEXFOptions struct {
	// Version is "1.3" (the default, what Gephi 0.10 writes) or "1.2draft"
	// (for older readers, such as networkx before 3.6).
	Version string
}

// WriteGEXF writes the network in GEXF: node and edge attributes declared
// with their types, unknown values left out, edge weights, and the viz
// extension where the network has them: a colour per cluster, a size, a
// position.
func WriteGEXF(w io.Writer, n *Network, opt *GEXFOptions) error {
	ns, version := "http://gexf.net/1.3", "1.3"
	if opt != nil && opt.Version == "1.2draft" {
		ns, version = "http://www.gexf.net/1.2draft", "1.2"
	}
	x := newXMLWriter(w)
	x.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	// no xsi:schemaLocation: XML Schema validators need none, and the
	// RELAX NG grammar from which the GEXF schema is made forbids it
	x.WriteString(`<gexf xmlns="` + ns + `" xmlns:viz="` + ns + `/viz" version="` + version + `">` + "\n")
	x.WriteString("  <meta>\n    <creator>citegraph</creator>\n    <description>")
	x.esc(cmp.Or(n.Description, n.Name+" network"))
	x.WriteString("</description>\n  </meta>\n")
	kind := "undirected"
	if n.Directed {
		kind = "directed"
	}
	x.WriteString(`  <graph defaultedgetype="` + kind + `" mode="static">` + "\n")
	urls := false
	for _, nd := range n.Nodes() {
		if nd.URL != "" {
			urls = true
			break
		}
	}
	gexfAttrs(x, "node", n.NodeAttrs, urls, len(n.Clusters) > 0)
	gexfAttrs(x, "edge", n.EdgeAttrs, false, false)
	x.WriteString("    <nodes count=\"" + strconv.Itoa(n.Len) + "\">\n")
	ids := make([]string, n.Len)
	for i, nd := range n.Nodes() {
		ids[i] = nd.ID
		x.WriteString("      <node")
		x.attr("id", nd.ID)
		x.attr("label", nd.label())
		x.WriteString(">\n")
		gexfValues(x, n.NodeAttrs, nd.Values, func() {
			if urls && nd.URL != "" {
				x.WriteString(`          <attvalue for="url"`)
				x.attr("value", nd.URL)
				x.WriteString("/>\n")
			}
			if len(n.Clusters) > 0 && nd.Cluster > 0 {
				x.WriteString(`          <attvalue for="cluster" value="` + strconv.Itoa(nd.Cluster) + `"/>` + "\n")
			}
		})
		if len(n.Clusters) > 0 {
			r, g, b := ClusterColor(nd.Cluster)
			x.WriteString(`        <viz:color r="` + strconv.Itoa(int(r)) + `" g="` + strconv.Itoa(int(g)) + `" b="` + strconv.Itoa(int(b)) + `"/>` + "\n")
		}
		if n.Sized {
			x.WriteString(`        <viz:size value="` + formatFloat(nd.Size) + `"/>` + "\n")
		}
		if n.Layout {
			x.WriteString(`        <viz:position x="` + formatFloat(nd.X) + `" y="` + formatFloat(nd.Y) + `" z="0"/>` + "\n")
		}
		if _, err := x.WriteString("      </node>\n"); err != nil {
			return err
		}
	}
	x.WriteString("    </nodes>\n    <edges>\n")
	for e := range n.Edges {
		x.WriteString("      <edge")
		x.attr("source", ids[e.From])
		x.attr("target", ids[e.To])
		x.WriteString(` weight="` + formatFloat(e.Weight) + `"`)
		if len(n.EdgeAttrs) == 0 {
			x.WriteString("/>\n")
			continue
		}
		x.WriteString(">\n")
		gexfValues(x, n.EdgeAttrs, e.Values, nil)
		if _, err := x.WriteString("      </edge>\n"); err != nil {
			return err
		}
	}
	x.WriteString("    </edges>\n  </graph>\n</gexf>\n")
	return x.Flush()
}

var gexfTypes = map[Type]string{String: "string", Int: "integer", Float: "double", Bool: "boolean"}

func gexfAttrs(x xmlWriter, class string, attrs []Attr, url, cluster bool) {
	if len(attrs) == 0 && !url && !cluster {
		return
	}
	x.WriteString(`    <attributes class="` + class + `">` + "\n")
	for _, a := range attrs {
		x.WriteString("      <attribute")
		x.attr("id", a.Name)
		x.attr("title", a.Name)
		x.WriteString(` type="` + gexfTypes[a.Type] + `"/>` + "\n")
	}
	if url {
		x.WriteString(`      <attribute id="url" title="url" type="anyURI"/>` + "\n")
	}
	if cluster {
		x.WriteString(`      <attribute id="cluster" title="cluster" type="integer"/>` + "\n")
	}
	x.WriteString("    </attributes>\n")
}

// gexfValues writes the attvalues of a node or edge; more adds values
// beyond the declared attributes.
func gexfValues(x xmlWriter, attrs []Attr, vals []any, more func()) {
	x.WriteString("        <attvalues>\n")
	for k, a := range attrs {
		s, ok := formatValue(vals[k])
		if !ok {
			continue
		}
		x.WriteString("          <attvalue")
		x.attr("for", a.Name)
		x.attr("value", s)
		x.WriteString("/>\n")
	}
	if more != nil {
		more()
	}
	x.WriteString("        </attvalues>\n")
}
