package netio

import (
	"io"
	"strconv"
)

var graphmlTypes = map[Type]string{String: "string", Int: "int", Float: "double", Bool: "boolean"}

// WriteGraphML writes the network in GraphML with a typed key per attribute
// (attr.type string, int, double, boolean): name (the node's ID), label,
// the node attributes, url, and cluster, x, y, size when the network has
// them; weight and the edge attributes. GraphML ids must be XML name tokens,
// which work IDs ("doi:10.1111/…") are not, so nodes are n0, n1, … in the
// file and the ID is the name attribute, where igraph looks for vertex
// names. Unknown values are left out.
func WriteGraphML(w io.Writer, n *Network) error {
	x := newXMLWriter(w)
	x.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	x.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"`)
	x.WriteString(` xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	key := func(id, forWhat, name string, t Type) {
		x.WriteString(`  <key id="` + id + `" for="` + forWhat + `"`)
		x.attr("attr.name", name)
		x.WriteString(` attr.type="` + graphmlTypes[t] + `"/>` + "\n")
	}
	if n.Description != "" {
		key("description", "graph", "description", String)
	}
	key("name", "node", "name", String)
	key("label", "node", "label", String)
	for k, a := range n.NodeAttrs {
		key("n"+strconv.Itoa(k), "node", a.Name, a.Type)
	}
	key("url", "node", "url", String)
	clustered := len(n.Clusters) > 0
	if clustered {
		key("cluster", "node", "cluster", Int)
	}
	if n.Layout {
		key("x", "node", "x", Float)
		key("y", "node", "y", Float)
	}
	if n.Sized {
		key("size", "node", "size", Float)
	}
	key("weight", "edge", "weight", Float)
	for k, a := range n.EdgeAttrs {
		key("e"+strconv.Itoa(k), "edge", a.Name, a.Type)
	}
	kind := "undirected"
	if n.Directed {
		kind = "directed"
	}
	x.WriteString("  <graph")
	x.attr("id", n.Name)
	x.WriteString(` edgedefault="` + kind + `">` + "\n")
	if n.Description != "" {
		x.WriteString(`    <data key="description">`)
		x.esc(n.Description)
		x.WriteString("</data>\n")
	}
	data := func(key, value string) {
		x.WriteString(`      <data key="` + key + `">`)
		x.esc(value)
		x.WriteString("</data>\n")
	}
	for i, nd := range n.Nodes() {
		x.WriteString(`    <node id="n` + strconv.Itoa(i) + `">` + "\n")
		data("name", nd.ID)
		data("label", nd.label())
		for k, v := range nd.Values {
			if s, ok := formatValue(v); ok {
				data("n"+strconv.Itoa(k), s)
			}
		}
		if nd.URL != "" {
			data("url", nd.URL)
		}
		if clustered {
			data("cluster", strconv.Itoa(nd.Cluster))
		}
		if n.Layout {
			data("x", formatFloat(nd.X))
			data("y", formatFloat(nd.Y))
		}
		if n.Sized {
			data("size", formatFloat(nd.Size))
		}
		if _, err := x.WriteString("    </node>\n"); err != nil {
			return err
		}
	}
	for e := range n.Edges {
		x.WriteString(`    <edge source="n` + strconv.Itoa(e.From) + `" target="n` + strconv.Itoa(e.To) + `">` + "\n")
		data("weight", formatFloat(e.Weight))
		for k, v := range e.Values {
			if s, ok := formatValue(v); ok {
				data("e"+strconv.Itoa(k), s)
			}
		}
		if _, err := x.WriteString("    </edge>\n"); err != nil {
			return err
		}
	}
	x.WriteString("  </graph>\n</graphml>\n")
	return x.Flush()
}
