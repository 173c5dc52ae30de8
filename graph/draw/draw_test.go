package draw

import (
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const testDOT = `digraph g {
  a [label="Smith 2020", tooltip="A title & more", URL="https://doi.org/10.1/a?x=1&y=2", target="_blank"];
  b [label="Jones 2021", tooltip="Another"];
  c [label="Lee 2019"];
  a -> b; b -> c;
}`

// svgSummary checks that the SVG is well-formed XML and counts its node
// groups, tooltips and links.
func svgSummary(t *testing.T, svg []byte) (nodes int, titles, links []string) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(svg))
	dec.Strict = true
	dec.Entity = xml.HTMLEntity
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		for _, at := range se.Attr {
			switch {
			case se.Name.Local == "g" && at.Name.Local == "class" && at.Value == "node":
				nodes++
			case se.Name.Local == "a" && at.Name.Local == "title":
				titles = append(titles, at.Value)
			case se.Name.Local == "a" && at.Name.Local == "href":
				links = append(links, at.Value)
			}
		}
	}
	return nodes, titles, links
}

func TestSVG(t *testing.T) {
	for _, layout := range []string{"", Dot, SFDP} {
		var b bytes.Buffer
		if err := SVG(context.Background(), &b, []byte(testDOT), layout); err != nil {
			t.Fatalf("SVG(%q): %v", layout, err)
		}
		if !bytes.Contains(b.Bytes(), []byte("<svg")) {
			t.Fatalf("SVG(%q) wrote no <svg> element", layout)
		}
		nodes, titles, links := svgSummary(t, b.Bytes())
		if nodes != 3 {
			t.Errorf("SVG(%q) has %d nodes, want 3", layout, nodes)
		}
		if !slices.Contains(titles, "A title & more") || !slices.Contains(links, "https://doi.org/10.1/a?x=1&y=2") {
			t.Errorf("SVG(%q) tooltips %q, links %q: want the tooltip and DOI link of a", layout, titles, links)
		}
	}
}

func TestSVGErrors(t *testing.T) {
	var b bytes.Buffer
	if err := SVG(context.Background(), &b, []byte("digraph { a -> "), ""); err == nil {
		t.Error("broken DOT: no error")
	}
	if err := SVG(context.Background(), &b, []byte(testDOT), "circo"); err == nil || !strings.Contains(err.Error(), "layout") {
		t.Errorf("unknown layout: err = %v", err)
	}
	// the module must still work after the errors
	b.Reset()
	if err := SVG(context.Background(), &b, []byte(testDOT), ""); err != nil {
		t.Fatalf("render after errors: %v", err)
	}
}

// benchDOT is a citation-like DAG of n nodes: node i cites up to three of
// the ten before it.
func benchDOT(n int) []byte {
	var b strings.Builder
	b.WriteString("digraph g {\n node [shape=box];\n")
	for i := 0; i < n; i++ {
		b.WriteString("  n" + strconv.Itoa(i) + " [label=\"Author " + strconv.Itoa(1990+i/10) + "\", tooltip=\"t\"];\n")
		for k := 1; k <= 3 && i-k*3 >= 0; k++ {
			b.WriteString("  n" + strconv.Itoa(i-k*3) + " -> n" + strconv.Itoa(i) + ";\n")
		}
	}
	b.WriteString("}\n")
	return []byte(b.String())
}

func BenchmarkSVG100(b *testing.B) {
	dot := benchDOT(100)
	for b.Loop() {
		if err := SVG(context.Background(), io.Discard, dot, Dot); err != nil {
			b.Fatal(err)
		}
	}
}
