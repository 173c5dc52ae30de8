package graph

import (
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph/draw"
	"github.com/citegraph/citegraph/graph/safetext/safetexttest"
	"github.com/citegraph/citegraph/parse"
)

// hostileText holds what a title from a hostile file can carry: a control
// character XML forbids, terminal escapes (CSI, OSC, 8-bit CSI), a bidi
// override, Graphviz escapes, markup, quotes, a noncharacter and a byte
// that is not UTF-8.
const hostileText = "T\x01 \x1b[31mred\x1b]0;x\x07 \u009b2J \u202Eevil \\N \\G \\L \\E \\T \\H \\l end\\ " +
	`</text><script>alert(1)</script> "q" & ` + "\uFFFE \xff"

// drawHostile draws two works whose title, label, authors and venue are
// text and returns the SVG Graphviz made of the DOT, failing the test
// unless Graphviz accepted the DOT.
func drawHostile(t *testing.T, text string) []byte {
	t.Helper()
	res := &Resolution{Works: []Work{
		{ID: "doi:10.1/a", InCorpus: true, Title: text, Label: "Evil" + text, Authors: []parse.Author{{Family: text, Given: "A"}},
			Year: 2020, Venue: text, DOI: "10.1/a"},
		{ID: "b", Title: text, Label: text, Year: 2019},
	}}
	res.Citations = []Citation{{From: 0, To: 1, Match: "title"}}
	g := New(res)
	m := g.Metrics(nil)
	var dot, svg bytes.Buffer
	if err := g.WriteDOT(&dot, m, g.Select(m, nil)); err != nil {
		t.Fatal(err)
	}
	if err := draw.SVG(context.Background(), &svg, dot.Bytes(), ""); err != nil {
		t.Fatalf("graphviz: %v\n%q", err, dot.Bytes())
	}
	return svg.Bytes()
}

// svgText checks that svg is well-formed XML without a script element and
// returns its tooltips and text.
func svgText(t *testing.T, svg []byte) (tooltips, texts []string) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(svg))
	dec.Strict = true
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if tok.Name.Local == "script" {
				t.Error("SVG has a script element")
			}
			for _, a := range tok.Attr {
				if a.Name.Local == "title" {
					tooltips = append(tooltips, a.Value)
				}
			}
		case xml.CharData:
			texts = append(texts, string(tok))
		}
	}
	return tooltips, texts
}

// TestWriteDOTHostile draws works whose title, label, authors and venue are
// hostile and checks that the SVG Graphviz makes of the DOT is well-formed
// XML, holds no script element, and shows the backslash sequences as text.
func TestWriteDOTHostile(t *testing.T) {
	tooltips, texts := svgText(t, drawHostile(t, hostileText))
	const escapes = `\N \G \L \E \T \H \l end\`
	for what, got := range map[string][]string{"tooltips": tooltips, "texts": texts} {
		all := strings.Join(got, "\n")
		if !strings.Contains(all, escapes) {
			t.Errorf("SVG %s do not show %q as written: %q", what, escapes, all)
		}
		if strings.ContainsAny(all, "\x01\x1b\u009b\u202e\uFFFE") {
			t.Errorf("SVG %s keep control characters: %q", what, all)
		}
	}
}

// FuzzDOTSVG draws works named by arbitrary text: Graphviz must accept the
// DOT, the SVG must be well-formed XML without a script element, and no
// character XML forbids or a terminal acts on may reach it.
func FuzzDOTSVG(f *testing.F) {
	for _, s := range []string{hostileText, "plain title", `\N\\G"\`, "\x00\x1b]0;x\x07", "a\n\r\tb", "\xff\xfe\xed\xa0\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		svg := drawHostile(t, text)
		svgText(t, svg)
		if r, bad := safetexttest.XMLUnsafe(string(svg)); bad {
			t.Fatalf("SVG holds %U", r)
		}
	})
}
